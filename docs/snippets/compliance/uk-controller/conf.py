cookies_jurisdictions = ['uk']
# no controller, so no country: name the authority here
cookies_authority = {
    "name": "Information Commissioner's Office",
    "url": "https://ico.org.uk/",
}
