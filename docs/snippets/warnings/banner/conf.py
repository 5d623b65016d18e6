cookies_banner = True
cookies_scripts = {
    "analytics": ["https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX"],
}
