cookies_banner = True
