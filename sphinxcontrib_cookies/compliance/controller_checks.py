"""Checks of who is responsible for the data, and on what legal basis each category is set."""

from __future__ import annotations

from collections.abc import Iterator

from ..inventory import CookieInventory
from ..inventory.countries import EEA_COUNTRIES
from ..inventory.problems import shown
from .facts import cookies_of
from .model import Flaw
from .policy_checks import TOP


def controller_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """Who is responsible for the visitors' data, and how to reach them."""
    if inventory.controller is None:
        yield Flaw(
            TOP,
            "the policy does not say who is responsible for the visitors' data; add a "
            "'controller' with its 'name', 'address' and an 'email' or 'contact_url'",
        )


def representative_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """A controller established outside the EEA names its representative in the Union."""
    controller = inventory.controller
    if controller is None or controller.country is None or controller.country in EEA_COUNTRIES:
        return
    if controller.representative is None:
        yield Flaw(
            controller.line,
            f"the controller is established outside the EEA ({controller.country}) and names "
            "no representative in the Union; add its 'representative', or correct the "
            "'country'",
        )


def encarregado_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """The controller's data protection officer (encarregado) is published."""
    controller = inventory.controller
    if controller is not None and controller.dpo is None:
        yield Flaw(
            controller.line,
            "the controller names no data protection officer (encarregado); add its 'dpo' "
            "with an 'email' or 'contact_url' (a small processing agent the ANPD exempts may "
            "give the controller's own contact there)",
        )


def legal_basis_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """The legal basis of each category that holds cookies."""
    for category in inventory.categories.values():
        if category.basis is None and cookies_of(inventory, category):
            yield Flaw(
                category.line,
                f"category '{shown(category.id)}' does not say on what legal basis its cookies "
                "are set; add its 'legal_basis': consent, or exempt for what is strictly "
                "necessary",
            )


#: The legal bases that set cookies: the visitor's consent, or the exemption of what is
#: strictly necessary. Legitimate interest, a contract or a legal obligation may justify
#: processing data, but not storing or reading it in the visitor's browser without consent.
COOKIE_BASES = frozenset({"consent", "exempt"})


def basis_allows_cookies(inventory: CookieInventory) -> Iterator[Flaw]:
    """Only consent, or the exemption of what is strictly necessary, lets a site store or read
    a cookie."""
    for category in inventory.categories.values():
        basis = category.basis
        if basis is not None and basis not in COOKIE_BASES and cookies_of(inventory, category):
            yield Flaw(
                category.line,
                f"category '{shown(category.id)}' sets its cookies on the basis of {basis}, "
                "which does not lift the need for consent to store or read a cookie; ask for "
                "consent ('legal_basis: consent'), or, if the cookies are strictly necessary "
                "for a service the visitor asked for, declare them 'exempt'",
            )
