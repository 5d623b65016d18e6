extensions = ["sphinxcontrib_cookies"]
project = "Nothing lost"
cookies_export = True
cookies_columns = ["name", "purpose", "duration", "party", "type", "domain"]
