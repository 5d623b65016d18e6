cookies_banner = True
html_static_path = ["_static"]
cookies_scripts = {
    # Google Analytics: the tag's script, then its configuration, once statistics is accepted
    "statistics": [
        ("https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX", {"async": "async"}),
        {"body": "gtag('js', new Date()); gtag('config', 'G-XXXXXXXXXX');"},
    ],
    # a file of html_static_path, once marketing is accepted
    "marketing": ["ads.js"],
}
