"""The jurisdictions a policy can be checked against: their codes, names and laws.

A member state of the EU applies the EU's rules as well as its own: checking ``fr`` checks the
``eu`` rules and the ``fr`` rules. The order here is the order of the docs and of the findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    name: str
    #: The laws (and guidance) its rules come from, as the docs name them.
    laws: str
    #: The jurisdictions whose rules apply here too (an EU member state: ``eu``).
    includes: tuple[str, ...] = ()


JURISDICTIONS = (
    Jurisdiction(
        "eu",
        "European Union (and the EEA)",
        "GDPR (Regulation (EU) 2016/679), ePrivacy Directive 2002/58/EC, EDPB guidelines",
    ),
    Jurisdiction(
        "fr",
        "France",
        "Loi Informatique et Libertés art. 82; CNIL guidelines and recommendation of 2020",
        ("eu",),
    ),
    Jurisdiction("de", "Germany", "TDDDG § 25 (formerly TTDSG); DSK guidance", ("eu",)),
    Jurisdiction("it", "Italy", "Codice privacy art. 122; Garante guidelines of 2021", ("eu",)),
    Jurisdiction("es", "Spain", "LSSI art. 22.2; AEPD cookie guide (2023)", ("eu",)),
    Jurisdiction("uk", "United Kingdom", "PECR reg. 6; UK GDPR; ICO guidance"),
    Jurisdiction(
        "us-ca",
        "California, United States",
        "CCPA (Civil Code § 1798.100 ff.) and its regulations, 11 CCR § 7000 ff.",
    ),
    Jurisdiction("br", "Brazil", "LGPD (Lei nº 13.709/2018); ANPD guidance"),
)

BY_CODE = MappingProxyType({jurisdiction.code: jurisdiction for jurisdiction in JURISDICTIONS})
CODES = tuple(BY_CODE)


class UnknownJurisdiction(ValueError):
    """A code that is none of ``CODES``; the message lists them."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.codes = tuple(codes)
        shown = ", ".join(repr(code) for code in self.codes)
        super().__init__(f"unknown jurisdiction {shown}; the jurisdictions are: {', '.join(CODES)}")


def normalize_code(code: str) -> str:
    """``US_CA``, ``us-ca`` and `` us-ca `` are one code."""
    return code.strip().lower().replace("_", "-")


def applicable(codes: Iterable[str]) -> frozenset[str]:
    """The jurisdictions whose rules apply when ``codes`` are selected: each with those it
    includes. Raise :class:`UnknownJurisdiction` for a code that is not one."""
    selected = [normalize_code(code) for code in codes]
    unknown = [code for code in selected if code not in BY_CODE]
    if unknown:
        raise UnknownJurisdiction(unknown)
    found: set[str] = set()
    for code in selected:
        found.add(code)
        found.update(BY_CODE[code].includes)
    return frozenset(found)


def parse_codes(text: str) -> tuple[str, ...]:
    """``"eu, fr"`` or ``"eu fr"`` as the command line writes a list of codes."""
    return tuple(part for part in text.replace(",", " ").split() if part)
