cookies_jurisdictions = ['de']
