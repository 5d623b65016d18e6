cookies_jurisdictions = ['br']
