# Check the inventory against the rules of the EU (with France's) and of the UK.
cookies_jurisdictions = ["fr", "uk"]
