cookies_max_entries = 50_000  # every cookie of a very large site
cookies_max_text_length = 20_000  # long purposes, in several paragraphs
