"""What a compliance rule is, and what it finds: plain data, no docutils, no Sphinx."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..inventory import CookieInventory
from .sources import Source


@dataclass(frozen=True, slots=True)
class Flaw:
    """What a check reports: the line of the inventory it is about (1, the top of the file, for
    something missing from the whole file) and what is wrong and how to fix it."""

    line: int
    message: str


#: A rule's check: every flaw of one inventory, in the order of the file.
Check = Callable[[CookieInventory], Iterable[Flaw]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One thing a jurisdiction asks of a cookie policy, that an inventory can show."""

    #: ``<jurisdiction>-<what>``, such as ``eu-transfer-safeguard``.
    id: str
    jurisdiction: str
    #: What it checks, in one sentence, for the docs' table of rules.
    summary: str
    sources: tuple[Source, ...]
    check: Check

    @property
    def citation(self) -> str:
        return "; ".join(source.citation for source in self.sources)


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that an inventory breaks, at a line of its file."""

    rule: Rule
    path: str
    line: int
    message: str

    @property
    def text(self) -> str:
        """The message as the build and the command line print it: what is wrong and how to
        fix it, the source, and the rule id in brackets."""
        return f"{self.message} ({self.rule.citation}) [{self.rule.id}]"

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location}: {self.text}"
