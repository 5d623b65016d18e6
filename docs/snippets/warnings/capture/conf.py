cookies_audit = "captures/visit.har"  # the capture was saved elsewhere
