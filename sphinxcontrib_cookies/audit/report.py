"""The result of an audit, as data: what the visit set that the inventory does not declare,
what the inventory declares that the visit never set, and where the two disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..captures import ObservedCookie
from ..inventory.sites import suffix_list_version
from .consent import BeforeConsent

#: Kinds of mismatch between a declared cookie and the cookie observed.
MISMATCH_KINDS = ("duration", "party", "type", "domain")


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
    #: Cookies that need consent, seen by a scan before it was given.
    before_consent: list[BeforeConsent] = field(default_factory=list)
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
            "before_consent": [_before_consent_json(finding) for finding in self.before_consent],
        }

    @property
    def fails(self) -> bool:
        """Whether the audit fails (exit status 1): a cookie is undeclared, or one that needs
        consent was set without it."""
        return bool(self.undeclared or self.before_consent)


def _before_consent_json(finding: BeforeConsent) -> dict[str, Any]:
    return {
        "name": finding.observed.name,
        "domain": finding.observed.domain,
        "storage": finding.observed.storage,
        "declared": finding.declared_name,
        "line": finding.line,
        "category": finding.category,
        "phase": finding.phases[0][0],
        "page": finding.page,
        "phases": [{"phase": phase, "page": page} for phase, page in finding.phases],
        "rule": finding.rule.citation,
        "rule_url": finding.rule.url,
        "message": finding.message,
    }
