cookies_file = "legal/cookies.yaml"
