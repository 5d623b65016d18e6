"""Documentation of sphinxcontrib-cookies, built with the extension itself."""

project = "sphinxcontrib-cookies"
author = "The sphinxcontrib-cookies developers"
copyright = "2026, The sphinxcontrib-cookies developers"
version = release = "0.1.0"

extensions = ["sphinxcontrib_cookies", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

# The example policy's inventory, used by directives that name no file.
cookies_file = "examples/cookies.yaml"

html_theme = "alabaster"
html_title = "sphinxcontrib-cookies"
