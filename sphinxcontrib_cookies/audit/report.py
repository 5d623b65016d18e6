"""The result of an audit, as data: what the visit set that the inventory does not declare,
what the inventory declares that the visit never set, and where the two disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..captures import ObservedCookie
from ..inventory.sites import suffix_list_version

#: Kinds of mismatch between a declared cookie and the cookie observed.
MISMATCH_KINDS = ("duration", "party", "type")


@dataclass(frozen=True, slots=True)
class Mismatch:
    observed: ObservedCookie
    #: The name or pattern the inventory declares it as, and the line of that entry.
    declared_name: str
    line: int
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Unseen:
    name: str  # as written: a pattern stays a pattern
    line: int
    type: str = "cookie"


@dataclass
class AuditReport:
    inventory: str
    captures: tuple[str, ...]
    #: The site's domain: cookies outside it are third-party. None when unknown.
    site: str | None
    observed: int
    undeclared: list[ObservedCookie] = field(default_factory=list)
    unseen: list[Unseen] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    #: Declared names that no capture can show (session storage, IndexedDB, pixels...).
    not_checked: list[Unseen] = field(default_factory=list)
    #: Where the site comes from: "given" (``--site``), "first page" (of the captures, by the
    #: Public Suffix List), or None when it is unknown.
    site_from: str | None = None
    #: The version of the Public Suffix List that tells sites apart.
    public_suffix_list: str = field(default_factory=suffix_list_version)

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON object (the shape ``--format json`` prints)."""
        return {
            "inventory": self.inventory,
            "captures": list(self.captures),
            "site": self.site,
            "site_from": self.site_from,
            "public_suffix_list": self.public_suffix_list,
            "observed": self.observed,
            "undeclared": [
                {
                    "name": cookie.name,
                    "domain": cookie.domain,
                    "seen_at": cookie.seen_at,
                    "set_by": cookie.set_by,
                    "storage": cookie.storage,
                }
                for cookie in self.undeclared
            ],
            "unseen": [entry.name for entry in self.unseen],
            "mismatches": [
                {
                    "name": mismatch.observed.name,
                    "domain": mismatch.observed.domain,
                    "declared": mismatch.declared_name,
                    "line": mismatch.line,
                    "kind": mismatch.kind,
                    "message": mismatch.message,
                }
                for mismatch in self.mismatches
            ],
            "not_checked": [entry.name for entry in self.not_checked],
        }
