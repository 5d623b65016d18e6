"""Durations in words, for the build language, without rounding a figure away."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.units import format_unit

from ..inventory import Duration
from ..translations import _


@lru_cache(maxsize=64)
def babel_locale(language: str | None) -> Locale:
    """The Babel locale for a Sphinx language, English when Babel does not know it."""
    if language:
        try:
            return Locale.parse(language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            base = language.replace("-", "_").split("_")[0]
            try:
                return Locale.parse(base)
            except (UnknownLocaleError, ValueError):
                pass
    return Locale.parse("en")


@lru_cache(maxsize=4096)
def format_duration(duration: Duration, language: str | None) -> str:
    """ "13 months", "1 year, 6 months", "Session": each part as written, in the language."""
    if duration.kind == "session":
        return str(_("Session"))
    if duration.kind == "persistent":
        return str(_("Persistent"))
    locale = babel_locale(language)
    parts = [
        format_unit(amount, f"duration-{unit}", length="long", locale=locale)
        for unit, amount in duration.parts
    ]
    try:
        return format_list(parts, style="unit", locale=locale)
    except (KeyError, ValueError):  # some locales lack the unit list pattern
        return format_list(parts, locale=locale)
