"""The data protection supervisory authority of each country of the EEA, and of the UK.

A visitor may lodge a complaint with a supervisory authority (GDPR articles 13(2)(d) and 77);
the page names the authority of the controller's country unless ``cookies_authority`` names
another. Each authority is named as it names itself, in its own language.

Sources (checked 2026-11):
- the members of the European Data Protection Board, with the address of each authority:
  https://www.edpb.europa.eu/about-edpb/about-edpb/members_en (the EU and EEA EFTA states);
- for the United Kingdom, the Information Commissioner's Office: https://ico.org.uk/.

Germany has one authority for the federal public sector and one per Land for the private sector:
the table names the Federal Commissioner, whose site lists the Länder authorities; a company
should set ``cookies_authority`` to its Land's. Belgium's authority is named in French and Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class SupervisoryAuthority:
    name: str
    url: str


def _authority(name: str, url: str) -> SupervisoryAuthority:
    return SupervisoryAuthority(name, url)


#: ISO 3166-1 alpha-2 code to the country's supervisory authority.
AUTHORITIES = MappingProxyType(
    {
        "AT": _authority("Österreichische Datenschutzbehörde", "https://www.dsb.gv.at/"),
        "BE": _authority(
            "Autorité de protection des données / Gegevensbeschermingsautoriteit",
            "https://www.dataprotectionauthority.be/",
        ),
        "BG": _authority("Комисия за защита на личните данни", "https://www.cpdp.bg/"),
        "CY": _authority(
            "Επίτροπος Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
            "https://www.dataprotection.gov.cy/",
        ),
        "CZ": _authority("Úřad pro ochranu osobních údajů", "https://uoou.gov.cz/"),
        "DE": _authority(
            "Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit",
            "https://www.bfdi.bund.de/",
        ),
        "DK": _authority("Datatilsynet", "https://www.datatilsynet.dk/"),
        "EE": _authority("Andmekaitse Inspektsioon", "https://www.aki.ee/"),
        "ES": _authority("Agencia Española de Protección de Datos", "https://www.aepd.es/"),
        "FI": _authority("Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi/"),
        "FR": _authority(
            "Commission nationale de l'informatique et des libertés", "https://www.cnil.fr/"
        ),
        "GR": _authority("Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα", "https://www.dpa.gr/"),
        "HR": _authority("Agencija za zaštitu osobnih podataka", "https://azop.hr/"),
        "HU": _authority(
            "Nemzeti Adatvédelmi és Információszabadság Hatóság", "https://www.naih.hu/"
        ),
        "IE": _authority("Data Protection Commission", "https://www.dataprotection.ie/"),
        "IS": _authority("Persónuvernd", "https://www.personuvernd.is/"),
        "IT": _authority(
            "Garante per la protezione dei dati personali", "https://www.garanteprivacy.it/"
        ),
        "LI": _authority("Datenschutzstelle Liechtenstein", "https://www.datenschutzstelle.li/"),
        "LT": _authority("Valstybinė duomenų apsaugos inspekcija", "https://vdai.lrv.lt/"),
        "LU": _authority(
            "Commission nationale pour la protection des données", "https://cnpd.public.lu/"
        ),
        "LV": _authority("Datu valsts inspekcija", "https://www.dvi.gov.lv/"),
        "MT": _authority("Information and Data Protection Commissioner", "https://idpc.org.mt/"),
        "NL": _authority(
            "Autoriteit Persoonsgegevens", "https://www.autoriteitpersoonsgegevens.nl/"
        ),
        "NO": _authority("Datatilsynet", "https://www.datatilsynet.no/"),
        "PL": _authority("Urząd Ochrony Danych Osobowych", "https://uodo.gov.pl/"),
        "PT": _authority("Comissão Nacional de Proteção de Dados", "https://www.cnpd.pt/"),
        "RO": _authority(
            "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal",
            "https://www.dataprotection.ro/",
        ),
        "SE": _authority("Integritetsskyddsmyndigheten", "https://www.imy.se/"),
        "SI": _authority("Informacijski pooblaščenec", "https://www.ip-rs.si/"),
        "SK": _authority(
            "Úrad na ochranu osobných údajov Slovenskej republiky",
            "https://dataprotection.gov.sk/",
        ),
        "GB": _authority("Information Commissioner's Office", "https://ico.org.uk/"),
    }
)


def authority_for(country: str | None) -> SupervisoryAuthority | None:
    """The supervisory authority of ``country`` (an ISO code), if the table has one."""
    return AUTHORITIES.get(country) if country else None
