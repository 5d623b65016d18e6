# A policy printed to PDF; the test writes cookies.yaml (the Open Cookie Database, converted).
extensions = ["sphinxcontrib_cookies"]
project = "Cookie policy"
cookies_file = "cookies.yaml"
latex_documents = [("index", "policy.tex", "Cookie policy", "Harbour Data", "howto")]
# The Open Cookie Database has one Cyrillic letter: pdflatex needs its encoding loaded.
latex_elements = {"fontenc": r"\usepackage[X2,T1]{fontenc}"}
