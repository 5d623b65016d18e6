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

#: What a policy page says that an inventory cannot: sentences the extension writes itself
#: (``cookie-rights``, ``cookie-policy``), which the build finds on the pages.
STATEMENTS = ("withdrawal", "rights", "complaint", "authority")

#: A page rule's check: what is wrong, given the statements the inventory's pages make.
PageCheck = Callable[[frozenset[str]], Iterable[str]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One thing a jurisdiction asks of a cookie policy: shown by the inventory (``check``), or
    by the pages that use it (``page_check``, which only a build can run)."""

    #: ``<jurisdiction>-<what>``, such as ``eu-transfer-safeguard``.
    id: str
    jurisdiction: str
    #: What it checks, in one sentence, for the docs' table of rules.
    summary: str
    sources: tuple[Source, ...]
    check: Check | None = None
    page_check: PageCheck | None = None

    @property
    def on_pages(self) -> bool:
        return self.page_check is not None

    @property
    def citation(self) -> str:
        return "; ".join(source.citation for source in self.sources)


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that an inventory breaks, at a line of its file; or that the pages using it
    break, at the page (``path`` is then a document name, and ``line`` 0)."""

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
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.text}"
