extensions = ["sphinxcontrib_cookies"]
cookies_export = True
cookies_columns = ["name", "provider", "purpose", "duration", "party"]
