extensions = ["sphinxcontrib_cookies"]
project = "Legal policy"
copyright = "2026, Tests"
version = release = "1.0"
latex_documents = [("index", "legal.tex", "Legal policy", "Tests", "manual")]
man_pages = [("index", "legal", "Legal policy", ["Tests"], 7)]
texinfo_documents = [("index", "legal", "Legal policy", "Tests", "legal", "A policy.", "Web")]
