"""The texts the compliance rules rest on, each declared once: a law's article, a regulation, or
a supervisory authority's guidance, with a stable address where one exists.

A rule names its sources by key (``RULES`` in ``declaration.py``); a key that is not declared
here fails at import. Each citation was checked against the published text or an authority's
own summary of it; none is a paraphrase of a paraphrase.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
EPRIVACY = "https://eur-lex.europa.eu/eli/dir/2002/58/oj"
EDPB_CONSENT = (
    "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/"
    "guidelines-052020-consent-under-regulation-2016679_en"
)
ADEQUACY = (
    "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-"
    "protection/adequacy-decisions_en"
)
CNIL_2020 = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388197"
TDDDG = "https://www.gesetze-im-internet.de/ttdsg/__25.html"
GARANTE_2021 = "https://www.garanteprivacy.it/home/docweb/-/docweb-display/docweb/9677876"
LSSI = "https://www.boe.es/buscar/act.php?id=BOE-A-2002-13758"
AEPD_GUIDE = "https://www.aepd.es/guias/guia-cookies.pdf"
PECR = "https://www.legislation.gov.uk/uksi/2003/2426/regulation/6"
ICO_STORAGE = (
    "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-"
    "communications/guidance-on-the-use-of-storage-and-access-technologies/"
)
ICO_TRANSFERS = (
    "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/"
)
CCPA_REGS = "https://www.law.cornell.edu/regulations/california/11-CCR-{section}"
LGPD = "https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm"


@dataclass(frozen=True, slots=True)
class Source:
    """One text a rule rests on: ``citation`` is how a message names it, ``title`` the full
    name of the text, ``url`` where to read it (None where no address is stable)."""

    key: str
    citation: str
    title: str
    url: str | None


def _sources(*sources: Source) -> Mapping[str, Source]:
    declared: dict[str, Source] = {}
    for source in sources:
        if source.key in declared:
            raise ValueError(f"compliance source {source.key!r} is declared twice")
        declared[source.key] = source
    return MappingProxyType(declared)


_GDPR_TITLE = "Regulation (EU) 2016/679 (General Data Protection Regulation)"
_EPRIVACY_TITLE = "Directive 2002/58/EC (ePrivacy Directive), as amended by Directive 2009/136/EC"
_UK_GDPR_TITLE = "UK GDPR (the retained Regulation (EU) 2016/679, as amended)"
_CCPA_TITLE = "California Consumer Privacy Act Regulations, title 11 CCR, chapter 1"
_LGPD_TITLE = "Lei Geral de Proteção de Dados Pessoais (Lei nº 13.709/2018)"

#: Every source, by key.
SOURCES = _sources(
    Source("eprivacy-5-3", "ePrivacy Directive art. 5(3)", _EPRIVACY_TITLE, EPRIVACY),
    Source("gdpr-7-3", "GDPR art. 7(3)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-1-a", "GDPR art. 13(1)(a)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-1-c", "GDPR art. 13(1)(c)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-1-e", "GDPR art. 13(1)(e)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-1-f", "GDPR art. 13(1)(f)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-2-a", "GDPR art. 13(2)(a)", _GDPR_TITLE, GDPR),
    Source("gdpr-13-2-b-d", "GDPR art. 13(2)(b) and (d)", _GDPR_TITLE, GDPR),
    Source("gdpr-27", "GDPR art. 27", _GDPR_TITLE, GDPR),
    Source("gdpr-44-49", "GDPR arts. 44-49", _GDPR_TITLE, GDPR),
    Source(
        "eu-adequacy",
        "the Commission's adequacy decisions under GDPR art. 45",
        "European Commission: adequacy decisions",
        ADEQUACY,
    ),
    Source(
        "edpb-consent",
        "EDPB Guidelines 05/2020 on consent, section 3.3.1",
        "EDPB Guidelines 05/2020 on consent under Regulation 2016/679, version 1.1",
        EDPB_CONSENT,
    ),
    Source(
        "cnil-2020-092-art-5",
        "CNIL deliberation 2020-092, art. 5",
        "CNIL, deliberation no. 2020-092 of 17 September 2020: recommendation on cookies and "
        "other trackers (a lifetime of 13 months, not extended on later visits); the CNIL's "
        "recommendation of 2013 (deliberation no. 2013-378) set the same limit for every cookie "
        "that needs consent",
        CNIL_2020,
    ),
    Source(
        "cnil-2020-092-choice",
        "CNIL deliberation 2020-092",
        "CNIL, deliberation no. 2020-092 of 17 September 2020: recommendation on cookies and "
        "other trackers (keeping the visitor's choice, consent or refusal, for 6 months)",
        CNIL_2020,
    ),
    Source(
        "tdddg-25",
        "TDDDG § 25(2) no. 2",
        "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (formerly TTDSG), § 25; with the "
        "DSK's Orientierungshilfe für Anbieter von Telemedien (2021) on reach measurement by "
        "third-party services",
        TDDDG,
    ),
    Source(
        "garante-2021",
        "Garante, cookie guidelines of 10 June 2021",
        "Garante per la protezione dei dati personali, Linee guida cookie e altri strumenti di "
        "tracciamento, 10 June 2021 (doc. web n. 9677876): the banner is not shown again "
        "before 6 months have passed",
        GARANTE_2021,
    ),
    Source(
        "lssi-22-2",
        "LSSI art. 22.2",
        "Ley 34/2002 de servicios de la sociedad de la información y de comercio electrónico, "
        "art. 22.2",
        LSSI,
    ),
    Source(
        "aepd-guide",
        "AEPD cookie guide, section 3.1.1",
        "AEPD, Guía sobre el uso de las cookies (updated July 2023), section 3.1.1: who uses the "
        "cookies, the publisher alone or third parties too",
        AEPD_GUIDE,
    ),
    Source(
        "pecr-6",
        "PECR reg. 6",
        "The Privacy and Electronic Communications (EC Directive) Regulations 2003, regulation 6 "
        "and schedule A1 (as amended by the Data (Use and Access) Act 2025)",
        PECR,
    ),
    Source(
        "ico-storage",
        "ICO guidance on storage and access technologies",
        "ICO, Guidance on the use of storage and access technologies: what information must we "
        "provide (purposes, third parties, duration)",
        ICO_STORAGE,
    ),
    Source("uk-gdpr-7-3", "UK GDPR art. 7(3)", _UK_GDPR_TITLE, None),
    Source("uk-gdpr-13-1-a", "UK GDPR art. 13(1)(a)", _UK_GDPR_TITLE, None),
    Source("uk-gdpr-13-2-b-d", "UK GDPR art. 13(2)(b) and (d)", _UK_GDPR_TITLE, None),
    Source(
        "uk-gdpr-44-49",
        "UK GDPR arts. 44-49",
        _UK_GDPR_TITLE + "; the UK's adequacy regulations (Data Protection Act 2018 schedule 21, "
        "the Republic of Korea regulations 2022, the United States regulations 2023)",
        ICO_TRANSFERS,
    ),
    Source(
        "ccpa-7011",
        "11 CCR § 7011(e)(4)",
        _CCPA_TITLE + ", § 7011: privacy policy (the date it was last updated)",
        CCPA_REGS.format(section="7011"),
    ),
    Source(
        "ccpa-7025",
        "11 CCR § 7025",
        _CCPA_TITLE + ", § 7025: opt-out preference signals (Global Privacy Control)",
        CCPA_REGS.format(section="7025"),
    ),
    Source(
        "ccpa-7026",
        "11 CCR § 7026",
        _CCPA_TITLE + ", § 7026: requests to opt-out of sale/sharing",
        CCPA_REGS.format(section="7026"),
    ),
    Source("lgpd-7", "LGPD art. 7", _LGPD_TITLE + ", art. 7: the legal bases", LGPD),
    Source(
        "lgpd-9",
        "LGPD art. 9",
        _LGPD_TITLE + ", art. 9: the information owed to the data subject",
        LGPD,
    ),
    Source("lgpd-33", "LGPD art. 33", _LGPD_TITLE + ", art. 33: international transfers", LGPD),
    Source(
        "lgpd-41",
        "LGPD art. 41 § 1",
        _LGPD_TITLE + ", art. 41: the encarregado (data protection officer), whose identity and "
        "contact are published",
        LGPD,
    ),
)
