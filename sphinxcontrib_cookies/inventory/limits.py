"""How much an inventory may hold, so that what a build makes of it stays in proportion.

Builders lay out tables in ways whose cost grows faster than the text (a name column as wide as
the longest name, long words wrapped a line at a time): these limits keep each name, text,
entry and file within sizes that real inventories never reach. Past a limit the loader reports
a ``limit`` problem at the line and keeps what fits: a name or a text cut short, the first
names of an entry, the first entries of a file. The Sphinx glue reads them from the
configuration (``cookies_max_name_length``...), the command line uses the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Shown where a name or a text was cut short.
CUT_MARK = "\u2026"


@dataclass(frozen=True, slots=True)
class InventoryLimits:
    #: Characters in a cookie name (real ones have fewer than 50).
    name_length: int = 256
    #: Characters in one text: a purpose, a description, a title, in one language.
    text_length: int = 5_000
    #: Names in one entry's ``names``.
    names_per_entry: int = 100
    #: Cookie entries in one file; and categories, and providers.
    entries: int = 10_000


DEFAULT_LIMITS = InventoryLimits()


def cut(text: str, length: int) -> str:
    """``text`` cut to ``length`` characters, marked as cut."""
    return text if len(text) <= length else text[:length] + CUT_MARK
