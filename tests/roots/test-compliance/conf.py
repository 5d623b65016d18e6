extensions = ["sphinxcontrib_cookies"]
cookies_jurisdictions = ["eu"]
