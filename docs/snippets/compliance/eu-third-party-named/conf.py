cookies_jurisdictions = ['eu']
