cookies_audit = "visit.har"  # saved from the browser's developer tools
