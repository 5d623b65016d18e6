"""Durations in words, for the build language, without rounding a figure away."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from ..inventory import Duration
from ..translations import _, plural_form

#: Each unit's forms in our own catalog. CLDR gives some languages only abbreviations ("13 m"
#: in Maltese, "2 bhl" in Irish); where a catalog translates these, its words are used.
_CATALOG_UNITS: Mapping[str, Callable[[int], str | None]] = MappingProxyType(
    {
        "year": lambda count: plural_form("%(count)s year", "%(count)s years", count),
        "month": lambda count: plural_form("%(count)s month", "%(count)s months", count),
        "week": lambda count: plural_form("%(count)s week", "%(count)s weeks", count),
        "day": lambda count: plural_form("%(count)s day", "%(count)s days", count),
        "hour": lambda count: plural_form("%(count)s hour", "%(count)s hours", count),
        "minute": lambda count: plural_form("%(count)s minute", "%(count)s minutes", count),
        "second": lambda count: plural_form("%(count)s second", "%(count)s seconds", count),
    }
)


#: The CLDR locale of a language whose catalog is written for one region, where CLDR's
#: locale of the bare language is another's: our ``pt`` catalog is European Portuguese, CLDR's
#: ``pt`` is Brazil's ("0 dia" where Portugal says "0 dias").
CLDR_LOCALES = MappingProxyType({"pt": "pt_PT"})


@lru_cache(maxsize=64)
def babel_locale(language: str | None) -> Locale:
    """The Babel locale for a Sphinx language, English when Babel does not know it."""
    language = CLDR_LOCALES.get(language or "", language)
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


#: Between a number and its unit: a no-break space, as CLDR writes French ("13 mois"), so
#: that a duration never wraps between the two, in any language.
NO_BREAK_SPACE = "\u00a0"


def format_part(unit: str, amount: int, locale: Locale) -> str:
    """One part such as "13 months": our catalog's words if it has them, else CLDR's; the
    number held to its unit."""
    number = _number(amount, locale)
    form = _CATALOG_UNITS[unit](amount)
    text = form % {"count": number} if form is not None else _cldr_part(unit, amount, locale)
    return _held_together(text, number)


def _held_together(text: str, number: str) -> str:
    """``text`` with the first space after ``number`` (or the last before it, where the unit
    comes first) made a no-break space; "11-il xahar" keeps its suffix with the number."""
    if text.startswith(number):
        head, space, tail = text.partition(" ")
        return f"{head}{NO_BREAK_SPACE}{tail}" if space else text
    if text.endswith(number):
        head, space, tail = text.rpartition(" ")
        return f"{head}{NO_BREAK_SPACE}{tail}" if space else text
    return text  # a word that says the number itself, such as a dual form


@lru_cache(maxsize=4096)
def _number(amount: int, locale: Locale) -> str:
    return format_decimal(amount, locale=locale)


@lru_cache(maxsize=4096)
def _cldr_part(unit: str, amount: int, locale: Locale) -> str:
    return format_unit(amount, f"duration-{unit}", length="long", locale=locale)


@lru_cache(maxsize=4096)
def _join(words: tuple[str, ...], locale: Locale) -> str:
    try:
        return format_list(list(words), style="unit", locale=locale)
    except (KeyError, ValueError):  # some locales lack the unit list pattern
        return format_list(list(words), locale=locale)


def format_duration(duration: Duration, language: str | None) -> str:
    """ "13 months", "1 year, 6 months", "Session": each part as written, in the language.

    Not cached as a whole: the words depend on the catalog Sphinx set up for the build."""
    if duration.kind == "session":
        return str(_("Session"))
    if duration.kind == "persistent":
        return str(_("Persistent"))
    locale = babel_locale(language)
    return _join(
        tuple(format_part(unit, amount, locale) for unit, amount in duration.parts), locale
    )
