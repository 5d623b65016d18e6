// Analytics: a visitor id for 13 months, as soon as the script runs. Held until the visitor
// accepts analytics (cookies_scripts); the faulty variant loads it at once (html_js_files).
document.cookie = "stats_id=v1.42; path=/; max-age=33696000; SameSite=Lax";
