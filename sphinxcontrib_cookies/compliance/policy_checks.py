"""Checks of what the policy says as a whole: when it was last updated."""

from __future__ import annotations

from collections.abc import Iterator

from ..inventory import CookieInventory
from .model import Flaw

#: Where a flaw of the whole file points: its first line.
TOP = 1


def last_updated(inventory: CookieInventory) -> Iterator[Flaw]:
    """The date the policy was last updated."""
    if inventory.updated is None:
        yield Flaw(
            TOP,
            "the policy does not say when it was last updated; add 'updated: YYYY-MM-DD' at "
            "the top level and show it with the :cookies-updated: role",
        )
