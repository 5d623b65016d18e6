cookies_jurisdictions = ['es']
