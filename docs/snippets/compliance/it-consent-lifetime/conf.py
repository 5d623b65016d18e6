cookies_jurisdictions = ['it']
