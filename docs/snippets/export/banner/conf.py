cookies_export = True
html_static_path = ["_static"]  # holds cookieconsent.umd.js, cookieconsent.css, consent.js
html_css_files = ["cookieconsent.css"]
html_js_files = ["cookieconsent.umd.js", "cookieconsent-config.js", "consent.js"]
