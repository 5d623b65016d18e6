"""Country names in the page's language, from Babel's territory names (CLDR)."""

from __future__ import annotations

from ..durations import babel_locale


def country_name(code: str, language: str | None) -> str:
    """ "United States" in English, "États-Unis" in French; the code itself if CLDR has none."""
    return str(babel_locale(language).territories.get(code, code))
