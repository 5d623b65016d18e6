cookies_jurisdictions = ['uk']
