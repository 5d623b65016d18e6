cookies_columns = ["name", "purpose", "duration", "party"]
