extensions = ["sphinxcontrib_cookies"]
project = "Limits"
# The inventory below is about 400 bytes: over this limit, under the default.
cookies_max_file_size = 300
