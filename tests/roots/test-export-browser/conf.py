# The loading recipe of docs/guide/export.rst; the test copies cookieconsent's files into _static.
extensions = ["sphinxcontrib_cookies"]
cookies_export = True
cookies_columns = ["name", "provider", "purpose", "duration", "party"]
html_static_path = ["_static"]
html_css_files = ["cookieconsent.css"]
html_js_files = ["cookieconsent.umd.js", "cookieconsent-config.js", "consent.js"]
