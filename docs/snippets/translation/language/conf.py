language = "de"
