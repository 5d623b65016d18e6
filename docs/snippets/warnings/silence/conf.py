suppress_warnings = ["cookies.duration"]
