"""Finding which declared names match a cookie's name, in time linear in what was seen plus
what is declared.

Exact names are looked up in a dict. A pattern (``_ga_*``) is filed under its literal prefix
(``_ga_``, the text before its first ``*``) in a tree of characters, so that a name meets only
the patterns whose prefix it starts with: walking the tree costs at most one step per character
of the longest prefix, however many patterns there are. Only those patterns are then matched in
full, by ``names.name_matches``.

``audit`` and ``init`` use it; so may anything that matches many names against an inventory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import Cookie
from .names import is_pattern, name_matches

__all__ = ["DeclaredName", "NameIndex", "PrefixIndex", "literal_prefix"]

T = TypeVar("T")


def literal_prefix(pattern: str) -> str:
    """The text a pattern's matches all start with: ``_ga_*`` -> ``_ga_``; ``*_id`` -> ``""``."""
    return pattern.split("*", 1)[0]


class _Node(Generic[T]):
    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.values: list[T] = []


class PrefixIndex(Generic[T]):
    """Values filed under literal prefixes (a prefix may hold several, kept in order)."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._root: _Node[T] = _Node()
        for prefix, value in entries:
            self.add(prefix, value)

    def add(self, prefix: str, value: T) -> None:
        node = self._root
        for char in prefix:
            node = node.children.setdefault(char, _Node())
        node.values.append(value)

    def along(self, text: str) -> list[T]:
        """The values of every prefix that ``text`` starts with, shortest prefix first."""
        node = self._root
        found = list(node.values)
        for char in text:
            child = node.children.get(char)
            if child is None:
                break
            node = child
            found.extend(node.values)
        return found


@dataclass(frozen=True, slots=True)
class DeclaredName:
    """One name (or pattern) of one entry of an inventory."""

    name: str
    cookie: Cookie
    #: The entry's place in the inventory's list of cookies.
    position: int
    #: The name's place among the entry's names.
    order: int

    @property
    def is_pattern(self) -> bool:
        return is_pattern(self.name)


class NameIndex:
    """Every name and pattern of a list of cookie entries, ready to be matched many times."""

    def __init__(self, cookies: Sequence[Cookie]) -> None:
        self.exact: dict[str, list[DeclaredName]] = {}
        self.patterns: PrefixIndex[DeclaredName] = PrefixIndex()
        for position, cookie in enumerate(cookies):
            for order, name in enumerate(cookie.names):
                declared = DeclaredName(name, cookie, position, order)
                if declared.is_pattern:
                    self.patterns.add(literal_prefix(name), declared)
                else:
                    self.exact.setdefault(name, []).append(declared)

    def matching(self, name: str) -> list[DeclaredName]:
        """Every declared name or pattern that ``name`` matches, in the order of the file."""
        found = list(self.exact.get(name, ()))
        found += [
            declared for declared in self.patterns.along(name) if name_matches(declared.name, name)
        ]
        found.sort(key=lambda declared: (declared.position, declared.order))
        return found
