extensions = ["sphinxcontrib_cookies"]
project = "Extras"
cookies_file = "cookies.yaml"
