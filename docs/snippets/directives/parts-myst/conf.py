# conf.py
extensions = ["sphinxcontrib_cookies", "myst_parser"]
