cookies_jurisdictions = ['eu']
# a controller outside the EEA: the authority of the Member State of its representative
cookies_authority = {
    "name": "Commission nationale de l'informatique et des libertés",
    "url": "https://www.cnil.fr/",
}
