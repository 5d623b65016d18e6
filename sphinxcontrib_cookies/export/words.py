"""The words an export needs beyond the inventory (labels, durations in words, the banner's
buttons), given by the caller in the build language, so that exporting stays plain Python."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..inventory import Category, Cookie, CookieInventory, Duration

#: The banner texts cookieconsent needs, by the name of its configuration key.
BANNER_KEYS = (
    "consent_title",
    "consent_description",
    "accept_all",
    "accept_necessary",
    "show_preferences",
    "preferences_title",
    "save_preferences",
    "close",
    "controller_title",
)


class ExportColumn(Protocol):
    """A column as an export reads it: the column registry's ``render.columns.Column``, given
    by the caller, so that exporting imports no docutils."""

    def text(self, cookie: Cookie, inventory: CookieInventory, words: ExportWords) -> str: ...


@dataclass(frozen=True)
class ExportWords:
    language: str | None
    describe_duration: Callable[[Duration], str]
    #: Every column a table can show, by name (``name``, ``provider``, ``purpose``...).
    columns: Mapping[str, ExportColumn]
    #: A label for each of ``columns``.
    column_labels: Mapping[str, str]
    #: ``first`` and ``third``.
    party_labels: Mapping[str, str]
    #: ``cookie``, ``local-storage``...
    storage_labels: Mapping[str, str]
    #: Texts for each of BANNER_KEYS.
    banner: Mapping[str, str] = field(default_factory=dict)
    #: Built-in titles and descriptions of the standard categories, by id, for categories that
    #: leave their own out.
    category_titles: Mapping[str, str] = field(default_factory=dict)
    category_descriptions: Mapping[str, str] = field(default_factory=dict)

    def category_title(self, category: Category) -> str:
        """The inventory's title, else the built-in one, else the id (as on the page)."""
        if category.title is not None:
            return category.title.resolve(self.language)
        return self.category_titles.get(category.id) or category.id

    def party_label(self, party: str) -> str:
        return self.party_labels[party]

    def storage_label(self, storage: str) -> str:
        return self.storage_labels[storage]

    def category_description(self, category: Category) -> str:
        if category.description is not None:
            return category.description.resolve(self.language)
        return self.category_descriptions.get(category.id, "")


def iso_duration(duration: Duration) -> str | None:
    """``P1Y6M``, ``PT30M``; None for ``session`` and ``persistent``."""
    if duration.kind != "period":
        return None
    letters = {
        "year": "Y",
        "month": "M",
        "week": "W",
        "day": "D",
        "hour": "H",
        "minute": "M",
        "second": "S",
    }
    date = "".join(
        f"{amount}{letters[unit]}"
        for unit, amount in duration.parts
        if unit in ("year", "month", "week", "day")
    )
    time = "".join(
        f"{amount}{letters[unit]}"
        for unit, amount in duration.parts
        if unit in ("hour", "minute", "second")
    )
    return "P" + date + (f"T{time}" if time else "")
