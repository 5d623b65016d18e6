cookies_banner = True
cookies_policy_page = "legal/cookies"
