extensions = ["sphinxcontrib_cookies"]
project = "Durations"
latex_documents = [("index", "durations.tex", "Durations", "Harbour Data", "howto")]
