extensions = ["myst_parser", "sphinxcontrib_cookies"]
project = "MyST"
