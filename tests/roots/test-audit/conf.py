extensions = ["sphinxcontrib_cookies"]
cookies_audit = "visit.har"
