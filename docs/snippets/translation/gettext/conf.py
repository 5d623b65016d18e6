locale_dirs = ["locale"]
