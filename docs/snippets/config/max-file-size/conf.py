cookies_max_file_size = 20 * 1024 * 1024  # 20 MiB, for a very large inventory
