extensions = ["sphinxcontrib_cookies"]
project = "Hardening corpus"
# Each page of this project renders one file of tests/corpus/, copied in by the test.
