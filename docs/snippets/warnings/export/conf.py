cookies_export = True
# cookies_file is left at its default, "cookies.yaml"; the pages name their inventory instead.
