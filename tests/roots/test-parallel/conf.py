extensions = ["sphinxcontrib_cookies"]
project = "Parallel"
