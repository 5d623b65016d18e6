# A build audited against a scan (sphinx-cookies scan): an analytics cookie set before consent,
# and session storage the inventory does not declare.
extensions = ["sphinxcontrib_cookies"]
exclude_patterns = ["_build"]
cookies_audit = "scan.json"
