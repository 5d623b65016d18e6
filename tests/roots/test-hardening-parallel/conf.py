extensions = ["sphinxcontrib_cookies"]
project = "Hardening parallel"
# The test writes page000.rst .. page099.rst next to this file; each reads cookies.yaml.
