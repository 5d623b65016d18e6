"""Checks of what the policy says as a whole: when it was last updated."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..inventory import CookieInventory, Duration
from .cookie_checks import written
from .model import Check, Flaw

#: Where a flaw of the whole file points: its first line.
TOP = 1


def last_updated(inventory: CookieInventory) -> Iterator[Flaw]:
    """The date the policy was last updated."""
    if inventory.updated is None and not inventory.changes:
        yield Flaw(
            TOP,
            "the policy does not say when it was last updated; add 'updated: YYYY-MM-DD' at "
            "the top level (or the 'changes' of the policy, each with its date)",
        )


def _months(months: int) -> int:
    return months * 30 * 86400


def _lifetime(inventory: CookieInventory) -> tuple[float | None, str]:
    """The consent lifetime in seconds (a session counts 0, ``persistent`` endless, a text
    None) and how a message shows it."""
    lifetime = inventory.consent_lifetime
    if not isinstance(lifetime, Duration):
        return None, f"'{lifetime.resolve('en')}'" if lifetime is not None else ""
    if lifetime.kind == "session":
        return 0, "the visit only"
    if lifetime.kind == "persistent":
        return math.inf, "ever"
    return lifetime.seconds, written(lifetime)


def _not_a_period(shown_as: str) -> Flaw:
    return Flaw(
        TOP,
        f"the visitor's choice is kept for {shown_as}, which is not a period; write "
        "'consent_lifetime' as one, such as '6 months'",
    )


def consent_lifetime(months: int, *, at_most: bool, why: str) -> Check:
    """The check that the visitor's choice is kept for a fixed period of at most (or at least)
    ``months``; ``why`` is the authority's reason, as a message gives it."""
    limit = _months(months)
    bound = "or less" if at_most else "or more"

    def check(inventory: CookieInventory) -> Iterator[Flaw]:
        seconds, shown_as = _lifetime(inventory)
        if inventory.consent_lifetime is None:
            yield Flaw(
                TOP,
                "the policy does not say how long the visitor's choice is kept; add "
                f"'consent_lifetime: {months} months' at the top level: {why}",
            )
        elif seconds is None:
            yield _not_a_period(shown_as)
        elif seconds > limit if at_most else seconds < limit:
            yield Flaw(
                TOP,
                f"the visitor's choice is kept for {shown_as}; {why}: set 'consent_lifetime' to "
                f"{months} months {bound}, and ask again when it ends",
            )

    return check
