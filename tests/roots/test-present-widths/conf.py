extensions = ["sphinxcontrib_cookies"]
project = "Widths"
cookies_file = "cookies.yaml"
latex_documents = [("index", "widths.tex", "Widths", "Harbour Data", "howto")]
