"""What changed between two versions of an inventory, as a visitor would want to know it:
cookies added and removed, moved to another category, given another lifetime or provider."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from ..inventory import Category, Cookie, CookieInventory, Duration, LocalizedText, Provider

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Moved:
    """Cookies put in another category."""

    names: tuple[str, ...]
    old: Category
    new: Category


@dataclass(frozen=True, slots=True)
class Replaced(Generic[T]):
    """One cookie's lifetime or provider, before and after (None: not given)."""

    name: str
    old: T | None
    new: T | None


@dataclass(frozen=True, slots=True)
class InventoryChange:
    """One version of the inventory against the one before it (``first`` when there is none)."""

    date: date
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[Moved, ...] = ()
    durations: tuple[Replaced[Duration | LocalizedText], ...] = ()
    providers: tuple[Replaced[Provider], ...] = ()
    first: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing a visitor would see changed (a purpose reworded, say)."""
        return not (
            self.first
            or self.added
            or self.removed
            or self.moved
            or self.durations
            or self.providers
        )


def _by_name(inventory: CookieInventory) -> dict[tuple[str, str | None], Cookie]:
    """Each declared name (with its domain) and its entry; patterns as written."""
    found: dict[tuple[str, str | None], Cookie] = {}
    for cookie in inventory.cookies:
        for name in cookie.names:
            found.setdefault((name, cookie.domain), cookie)
    return found


def _same_provider(old: Provider | None, new: Provider | None) -> bool:
    if old is None or new is None:
        return old is new
    return (old.id, old.name) == (new.id, new.name)


def compare_inventories(
    older: CookieInventory | None, newer: CookieInventory, when: date
) -> InventoryChange:
    """What changed from ``older`` (None: the first version) to ``newer``."""
    after = _by_name(newer)
    if older is None:
        return InventoryChange(when, added=tuple(name for name, _ in after), first=True)
    before = _by_name(older)
    added = tuple(key[0] for key in after if key not in before)
    removed = tuple(key[0] for key in before if key not in after)
    moved: dict[tuple[str, str], list[str]] = {}
    durations: list[Replaced[Duration | LocalizedText]] = []
    providers: list[Replaced[Provider]] = []
    for key, cookie in after.items():
        previous = before.get(key)
        if previous is None:
            continue
        if previous.category != cookie.category:
            moved.setdefault((previous.category, cookie.category), []).append(key[0])
        if previous.duration != cookie.duration:
            durations.append(Replaced(key[0], previous.duration, cookie.duration))
        if not _same_provider(previous.provider, cookie.provider):
            providers.append(Replaced(key[0], previous.provider, cookie.provider))
    return InventoryChange(
        when,
        added=added,
        removed=removed,
        moved=tuple(
            Moved(tuple(names), older.categories[old], newer.categories[new])
            for (old, new), names in moved.items()
        ),
        durations=tuple(durations),
        providers=tuple(providers),
    )
