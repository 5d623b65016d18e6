cookies_file = "legal/cookies.yaml"  # no such file
