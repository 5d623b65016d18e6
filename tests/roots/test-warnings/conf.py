extensions = ["sphinxcontrib_cookies"]
project = "Warnings"
cookies_file = "entries.yaml"
