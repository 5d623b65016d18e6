extensions = ["sphinxcontrib_cookies"]
cookies_export = True
