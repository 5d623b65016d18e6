extensions = ["sphinxcontrib_cookies"]
project = "Basic"
copyright = "2026, Tests"
version = release = "1.0"
latex_documents = [("index", "basic.tex", "Basic", "Tests", "manual")]
