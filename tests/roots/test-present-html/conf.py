extensions = ["sphinxcontrib_cookies"]
project = "Presentation"
cookies_file = "cookies.yaml"
