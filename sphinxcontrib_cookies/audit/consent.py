"""The consent rule of an audit: a cookie of a category that needs consent must not be set
before the visitor gave it.

A scan (``sphinx-cookies scan``) records each cookie with the consent phases it appeared in:
``before`` (a first visit, nothing clicked), ``refuse`` (after refusing) and ``accept``. A
cookie of a category that needs consent (``requires_consent: true``, or the legal basis
``consent``) seen in ``before`` or ``refuse`` breaks article 5(3) of the ePrivacy Directive: it
was stored on the visitor's device without their consent. Necessary cookies (a category that
needs no consent) are allowed in every phase, and so is anything in ``accept``.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..captures import WITHOUT_CONSENT, ObservedCookie
from ..compliance.sources import SOURCES, Source
from ..inventory import Cookie, CookieInventory
from ..inventory.problems import shown

#: The text the rule rests on.
CONSENT_SOURCE: Source = SOURCES["eprivacy-5-3"]


@dataclass(frozen=True, slots=True)
class BeforeConsent:
    """A cookie that needs consent, seen in a phase without it."""

    observed: ObservedCookie
    #: The name or pattern the inventory declares it as, the line of that entry, its category.
    declared_name: str
    line: int
    category: str
    #: Each phase without consent that showed it, with the page where it first appeared there.
    phases: tuple[tuple[str, str], ...]
    rule: Source = CONSENT_SOURCE

    @property
    def page(self) -> str:
        return self.phases[0][1]

    @property
    def message(self) -> str:
        where = "; ".join(f"{phase}: {page}" for phase, page in self.phases)
        return (
            f"is in category {shown(self.category)}, which needs consent, but was set "
            f"{_WHEN[self.phases[0][0]]} ({where})"
        )


_WHEN = MappingProxyType(
    {"before": "before the visitor chose", "refuse": "after the visitor refused"}
)


def before_consent(
    inventory: CookieInventory, entry: Cookie, name: str, observed: ObservedCookie
) -> BeforeConsent | None:
    """The finding for ``observed``, declared by ``entry`` as ``name``; None when its category
    needs no consent or it was seen only with consent."""
    category = inventory.categories.get(entry.category)
    if category is None or category.needs_consent is not True:
        return None
    phases = tuple((phase, page) for phase, page in observed.phases if phase in WITHOUT_CONSENT)
    if not phases:
        return None
    return BeforeConsent(observed, name, entry.line, entry.category, phases)
