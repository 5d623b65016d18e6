"""Checks of what the policy pages say, which the inventory cannot: that consent can be
withdrawn, and the visitor's rights. The extension writes these sentences itself
(``cookie-rights``, or ``cookie-policy`` with its ``choice`` and ``rights`` parts); the build
tells which of them the pages that use an inventory make (``STATEMENTS``)."""

from __future__ import annotations

from collections.abc import Iterator

_ADD = "add cookie-rights to the policy page, or cookie-policy with its 'choice' and 'rights' parts"


def withdrawal_stated(shown: frozenset[str]) -> Iterator[str]:
    if "withdrawal" not in shown:
        yield f"no page that uses this inventory says how to withdraw consent; {_ADD}"


def rights_stated(shown: frozenset[str]) -> Iterator[str]:
    if not {"rights", "complaint"} <= shown:
        yield (
            "no page that uses this inventory states the visitor's rights and their right to "
            f"complain to a supervisory authority; {_ADD}"
        )
    elif "authority" not in shown:
        yield (
            "the policy names no supervisory authority to complain to; give the controller's "
            "'country' (a country of the EEA, or GB), or set cookies_authority in conf.py"
        )
