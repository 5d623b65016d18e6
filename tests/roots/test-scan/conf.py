# The site that tests/test_scan_browser.py scans: the project's consent banner, an analytics
# script held until consent, a necessary script that writes a cookie and each kind of storage,
# and a third-party frame (on "localhost", the site being on "127.0.0.1") held until the visitor
# accepts marketing. The faulty variant also loads stats.js unheld, through html_js_files.
extensions = ["sphinxcontrib_cookies"]
project = "Harbour Scan"
exclude_patterns = ["_build"]
html_static_path = ["_static"]
html_js_files = ["site.js"]
cookies_banner = True
cookies_scripts = {"analytics": ["stats.js"]}
