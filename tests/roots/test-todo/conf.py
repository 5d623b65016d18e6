extensions = ["sphinxcontrib_cookies"]
