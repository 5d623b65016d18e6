"""Documentation of sphinxcontrib-cookies, built with the extension itself."""

import sys
from pathlib import Path

project = "sphinxcontrib-cookies"
author = "The sphinxcontrib-cookies developers"
copyright = "2026, The sphinxcontrib-cookies developers"
version = release = "0.1.0"

# _ext/ holds the docs' own extensions, which read the package's declarations: format_fields
# lists the fields of the format, columns_reference the columns of the registry, and
# compliance_rules the jurisdictions and rules of the compliance checks.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))
extensions = [
    "sphinxcontrib_cookies",
    "myst_parser",
    "format_fields",
    "columns_reference",
    "compliance_rules",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# snippets/ holds the examples the pages include; each is also a test project of its own.
exclude_patterns = ["_build", "snippets"]
nitpicky = True

# The example policy's inventory, used by directives that name no file.
cookies_file = "examples/cookies.yaml"

# furo, as pip, attrs and many Python projects use; the extension's stylesheet follows its
# light and dark modes. The browser tests (tests/test_present_browser.py) check the policy in
# alabaster, furo, sphinx-rtd-theme and pydata-sphinx-theme, the themes users build with.
html_theme = "furo"
html_title = "sphinxcontrib-cookies"
html_static_path = ["_static"]
html_css_files = ["docs.css"]
# Publish the inventory schema at the root of the site, for editors' modelines.
html_extra_path = ["../sphinxcontrib_cookies/schema/cookie-inventory.schema.json"]
# An e-book has no use for it (and no mimetype for JSON).
epub_exclude_files = ["cookie-inventory.schema.json"]
