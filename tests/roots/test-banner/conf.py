# A site with the consent banner: a held analytics script (a tag manager's URL, a file of the
# static path and an inline snippet) and a held video.
extensions = ["sphinxcontrib_cookies"]
project = "Harbour Data"
exclude_patterns = ["_build"]
cookies_banner = True
cookies_columns = ["name", "provider", "purpose", "duration"]
html_static_path = ["_static"]
cookies_scripts = {
    "statistics": [
        ("https://www.googletagmanager.com/gtag/js?id=G-TEST", {"async": "async"}),
        {"body": "gtag('js', new Date()); gtag('config', 'G-TEST');"},
        "stats.js",
    ],
}
