cookies_file = "legal/cookies.yaml"  # no such file
cookies_export = True  # the export reads cookies_file too
