cookies_max_file_size = 100  # bytes: far too small for this file
