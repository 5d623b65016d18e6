extensions = ["sphinxcontrib_cookies"]

# The authority of a German Land, rather than the federal commissioner the table names
cookies_authority = {
    "name": "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
    "url": "https://www.datenschutz-berlin.de/",
}
