html_static_path = ["_static"]
# Loaded after the extension's own style sheet:
html_css_files = ["cookies-custom.css"]
