extensions = ["sphinxcontrib_cookies"]
exclude_patterns = ["_build"]
