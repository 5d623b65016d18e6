cookies_jurisdictions = ['fr']
