extensions = ["sphinxcontrib_cookies"]
project = "Incremental"
