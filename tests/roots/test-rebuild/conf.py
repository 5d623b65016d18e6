extensions = ["sphinxcontrib_cookies"]
project = "Rebuild"
