extensions = ["sphinxcontrib_cookies"]
# A documentation site on a shared host; the tests choose the capture.
cookies_audit = "readthedocs.har"
