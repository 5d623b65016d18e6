# conf.py: add the extension to the ones your project already uses.
extensions = ["sphinxcontrib_cookies"]
