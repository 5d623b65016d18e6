cookies_jurisdictions = ['eu']
# no controller, so no country: name the authority here
cookies_authority = {
    "name": "Commission nationale de l'informatique et des libertés",
    "url": "https://www.cnil.fr/",
}
