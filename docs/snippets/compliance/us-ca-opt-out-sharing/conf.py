cookies_jurisdictions = ['us-ca']
