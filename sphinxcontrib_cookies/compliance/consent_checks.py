"""Checks of which cookies are set without consent: only what is strictly necessary may be."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import MappingProxyType

from ..inventory import Category, Cookie, CookieInventory
from ..inventory.problems import shown
from .facts import (
    ADVERTISING_IDS,
    ANALYTICS_IDS,
    describe,
    exempt_cookies,
    is_exempt,
    is_third_party,
)
from .known_cookies import tracker_index
from .model import Check, Flaw


def _category(category: Category) -> str:
    return f"category '{shown(category.id)}'"


def advertising_asks_consent(inventory: CookieInventory) -> Iterator[Flaw]:
    """An advertising category is never strictly necessary."""
    for category in inventory.categories.values():
        if category.id in ADVERTISING_IDS and is_exempt(category):
            yield Flaw(
                category.line,
                f"{_category(category)} holds advertising cookies but is set without consent; "
                "advertising is never strictly necessary: make the category ask for consent "
                "('legal_basis: consent')",
            )


#: How a message names each of the database's tracking categories.
_KINDS = MappingProxyType({"Analytics": "an analytics cookie", "Marketing": "a marketing cookie"})


def _known_as(cookie: Cookie, wanted: frozenset[str]) -> tuple[str, str, str] | None:
    """(declared name, database category, platform) of the first name of ``cookie`` that the
    Open Cookie Database knows as one of the ``wanted`` categories."""
    index = tracker_index()
    for name in cookie.names:
        row = index.tracker(name, cookie)
        if row is not None and row.category in wanted:
            return name, _KINDS[row.category], row.platform
    return None


def misclassified(wanted: frozenset[str]) -> Check:
    """The check that a cookie the database knows as one of ``wanted`` (``Analytics``,
    ``Marketing``) is not declared in a category set without consent."""

    def check(inventory: CookieInventory) -> Iterator[Flaw]:
        for category, cookie in exempt_cookies(inventory):
            known = _known_as(cookie, wanted)
            if known is None:
                continue
            name, kind, platform = known
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} is in {_category(category)}, set without consent, but the "
                f"Open Cookie Database lists '{shown(name)}' as {kind} ({platform}); "
                "move it to a category that asks for consent, or rename it if it is another "
                "cookie of the same name",
            )

    return check


def third_party_analytics_ask_consent(inventory: CookieInventory) -> Iterator[Flaw]:
    """Audience measurement by a third party is not strictly necessary in Germany."""
    for category, cookie in exempt_cookies(inventory):
        if category.id in ANALYTICS_IDS and is_third_party(cookie):
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} measures the audience for a third party but is in "
                f"{_category(category)}, set without consent; only what is strictly necessary "
                "for a service the visitor asked for goes without consent: make the category "
                "ask for consent, or measure the audience yourself",
            )


def _shares(category: Category, cookie: Cookie, is_marketing: Callable[[Cookie], bool]) -> bool:
    return is_third_party(cookie) and (category.id in ADVERTISING_IDS or is_marketing(cookie))


def sharing_can_be_refused(inventory: CookieInventory) -> Iterator[Flaw]:
    """Third-party advertising cookies share the visitor's data: they must stop when the
    visitor opts out (the "Do Not Sell or Share" link, Global Privacy Control)."""
    marketing = frozenset({"Marketing"})
    for category, cookie in exempt_cookies(inventory):
        if _shares(category, cookie, lambda entry: _known_as(entry, marketing) is not None):
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} shares data with a third party for advertising but is in "
                f"{_category(category)}, set whatever the visitor chooses; put it in a "
                "category the visitor can refuse, so that a 'Do Not Sell or Share My Personal "
                "Information' request and a Global Privacy Control signal turn it off",
            )
