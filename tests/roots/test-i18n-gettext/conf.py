extensions = ["sphinxcontrib_cookies"]
exclude_patterns = ["_build"]
locale_dirs = ["locale"]
gettext_compact = False
