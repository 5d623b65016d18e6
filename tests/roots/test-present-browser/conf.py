# The example policy (copied in from docs/examples by the test) in each theme, and two pages
# that test the test: long names, and a hand-written table of the same cookies.
extensions = ["sphinxcontrib_cookies"]
project = "Harbour Data"
html_title = "Harbour Data"
cookies_file = "cookies.yaml"
exclude_patterns = ["_build"]
