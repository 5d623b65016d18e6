extensions = ["sphinxcontrib_cookies"]
exclude_patterns = ["_build"]
locale_dirs = ["locale"]
gettext_compact = False
# One label for every language, through the project's catalogs; one given per language.
cookies_column_labels = {"purpose": "Purposes", "function": {"en": "Feature", "fr": "Service"}}
