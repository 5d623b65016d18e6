extensions = ["sphinxcontrib_cookies"]
project = "Injection"
copyright = "2026, Tests"
version = release = "1.0"
latex_documents = [("index", "injection.tex", "Injection", "Tests", "manual")]
man_pages = [("index", "injection", "Injection", ["Tests"], 1)]
texinfo_documents = [("index", "injection", "Injection", "Tests", "injection", "Tests", "Misc")]
epub_show_urls = "no"

try:  # the MyST page is built where MyST is installed
    import myst_parser  # noqa: F401
except ImportError:
    exclude_patterns = ["*.md"]
else:
    extensions.append("myst_parser")
