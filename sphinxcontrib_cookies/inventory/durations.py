"""Cookie lifetimes as written, kept exact: ``13 months`` stays 13 months, never "1 year"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from .problems import shown

#: Units from the largest to the smallest, the order in which parts are shown.
UNITS = ("year", "month", "week", "day", "hour", "minute", "second")

#: Figures are ASCII digits only: ``int()`` and ``\d`` also read other scripts' digits
#: (Arabic-Indic, fullwidth...), which the JSON Schema, the export and a browser do not.
_ISO = re.compile(
    r"P(?:(?P<year>[0-9]{1,9})Y)?(?:(?P<month>[0-9]{1,9})M)?(?:(?P<week>[0-9]{1,9})W)?"
    r"(?:(?P<day>[0-9]{1,9})D)?"
    r"(?:T(?=[0-9])(?:(?P<hour>[0-9]{1,9})H)?(?:(?P<minute>[0-9]{1,9})M)?"
    r"(?:(?P<second>[0-9]{1,9})S)?)?",
    re.IGNORECASE,
)
_WORDS = re.compile(
    r"(?P<amount>[0-9]{1,9})\s*(?P<unit>second|minute|hour|day|week|month|year)s?", re.IGNORECASE
)
_SECONDS = re.compile(r"[0-9]{1,12}")
#: A number and a word that was meant as one: "13 monts", "1.5 years", "2,5 days".
_NEARLY = re.compile(r"(?P<amount>[0-9]{1,9}(?:[.,][0-9]{1,9})?)\s*(?P<unit>[^\W\d_]{1,20})")
#: Each unit in the next smaller one, where the conversion is exact (a month has no exact
#: number of weeks or days).
_SMALLER = MappingProxyType(
    {
        "year": ("month", 12),
        "week": ("day", 7),
        "day": ("hour", 24),
        "hour": ("minute", 60),
        "minute": ("second", 60),
    }
)


class NearlyADuration(ValueError):
    """A number and a word that was meant as a duration: the message says what to write."""


@dataclass(frozen=True, slots=True)
class Duration:
    """``session``, ``persistent``, or a period made of exact parts such as (("month", 13),)."""

    kind: Literal["session", "persistent", "period"]
    parts: tuple[tuple[str, int], ...] = ()

    @property
    def seconds(self) -> int | None:
        """An approximate length, for comparisons (a month counts 30 days, a year 365)."""
        if self.kind != "period":
            return None
        factor = {
            "year": 365 * 86400,
            "month": 30 * 86400,
            "week": 7 * 86400,
            "day": 86400,
            "hour": 3600,
            "minute": 60,
            "second": 1,
        }
        return sum(factor[unit] * amount for unit, amount in self.parts)


def _from_seconds(total: int) -> Duration:
    parts: list[tuple[str, int]] = []
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        amount, total = divmod(total, size)
        if amount:
            parts.append((unit, amount))
    if total or not parts:
        parts.append(("second", total))
    return Duration("period", tuple(parts))


@lru_cache(maxsize=1024)
def parse_duration(text: str) -> Duration:
    """Read a duration; raise ValueError with a message saying what is accepted."""
    value = text.strip()
    lowered = value.lower()
    if lowered in ("session", "persistent"):
        return Duration(lowered)  # type: ignore[arg-type]
    if _SECONDS.fullmatch(value):
        return _from_seconds(int(value))
    iso = _ISO.fullmatch(value)
    if iso and value.upper() not in ("P", "PT"):
        parts = tuple(
            (unit, int(amount)) for unit in UNITS if (amount := iso.group(unit)) is not None
        )
        if parts:
            return Duration("period", parts)
    words = _WORDS.fullmatch(value)
    if words:
        return Duration("period", ((words.group("unit").lower(), int(words.group("amount"))),))
    hint = _nearly_a_duration(value)
    if hint:
        raise NearlyADuration(f"'{shown(text)}' is not a duration; {hint}")
    raise ValueError(
        f"'{shown(text)}' is not a duration; write 'session', 'persistent', an ISO 8601 duration "
        "such as 'P13M' or 'PT30M', a number of seconds, or a number and a unit such as "
        "'13 months' (units: second, minute, hour, day, week, month, year)"
    )


def _unit_meant(word: str) -> str | None:
    """The unit a word means, or is probably a misspelling of ("monts": "month")."""
    lowered = word.lower()
    for unit in UNITS:
        if lowered in (unit, unit + "s"):
            return unit
    forms = [form for unit in UNITS for form in (unit, unit + "s")]
    close = difflib.get_close_matches(lowered, forms, n=1, cutoff=0.75)
    return close[0].removesuffix("s") if close else None


def _counted(amount: int | Fraction, unit: str) -> str:
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def _nearly_a_duration(value: str) -> str | None:
    """What to write instead of a number and a word that was nearly a duration: a misspelt
    unit ("did you mean '13 months'?"), or a fraction ("whole numbers only; write '18
    months'"); None when it is not nearly one."""
    nearly = _NEARLY.fullmatch(value)
    unit = _unit_meant(nearly.group("unit")) if nearly else None
    if nearly is None or unit is None:
        return None
    amount = Fraction(nearly.group("amount").replace(",", "."))
    if amount.denominator == 1:
        return f"did you mean '{_counted(amount.numerator, unit)}'?"
    while unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        amount *= factor
        if amount.denominator == 1:
            return f"whole numbers only: write '{_counted(amount.numerator, unit)}'"
    if unit == "second":
        return "whole numbers only: round it to whole seconds"
    return "whole numbers only: round it, or write it in a smaller unit such as days"
