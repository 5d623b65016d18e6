cookies_columns = ["name", "lifetime"]
