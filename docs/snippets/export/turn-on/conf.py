cookies_export = True
