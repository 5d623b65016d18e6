cookies_jurisdictions = ["eu"]
