"""What a scan records, and the capture it writes (format ``sphinx-cookies-scan``, version 1,
read by ``captures/scan_file.py`` and documented in ``docs/guide/format.rst``). Plain Python.

No cookie value and no stored value is ever recorded: names, domains, lifetimes and places only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..captures import SCAN_FORMAT, SCAN_VERSION
from .crawl import Skipped


@dataclass
class PageVisit:
    url: str
    #: The HTTP status of the page's response; None when there was none (a timeout).
    status: int | None = None
    seconds: float = 0.0
    #: What went wrong, in words (a timeout, a redirect off the site); None when nothing did.
    problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "problem": self.problem,
        }


@dataclass
class CookieRecord:
    name: str
    #: As the browser's store has it: ``.example.com`` for a domain cookie, the host otherwise.
    domain: str
    path: str
    first_seen: str
    #: ``header`` or ``script``; None when neither was seen happen.
    set_with: str | None
    #: The response or the script that set it, when known.
    set_by: str | None
    #: Seconds since the epoch; None for a session cookie.
    expires: float | None
    #: Seconds from when it was first seen to its expiry; None for a session cookie.
    lifetime: int | None
    http_only: bool
    secure: bool
    same_site: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "domain": self.domain,
            "path": self.path,
            "first_seen": self.first_seen,
            "set_with": self.set_with,
            "set_by": self.set_by,
            "expires": self.expires,
            "lifetime": self.lifetime,
            "http_only": self.http_only,
            "secure": self.secure,
            "same_site": self.same_site,
        }


@dataclass
class StorageRecord:
    #: ``local-storage``, ``session-storage`` or ``indexeddb`` (a database's name).
    type: str
    origin: str
    name: str
    first_seen: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "origin": self.origin,
            "name": self.name,
            "first_seen": self.first_seen,
        }


@dataclass
class Consent:
    """How consent was given (or refused) in a phase."""

    #: ``cookieconsent`` (its JavaScript API) or ``selector`` (a click).
    method: str
    #: What was done: the API call, or the CSS selector clicked.
    action: str
    given: bool = False
    page: str | None = None
    problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "action": self.action,
            "given": self.given,
            "page": self.page,
            "problem": self.problem,
        }


@dataclass
class PhaseRecord:
    phase: str
    consent: Consent | None = None
    pages: list[PageVisit] = field(default_factory=list)
    skipped: dict[str, Skipped] = field(default_factory=dict)
    cookies: dict[tuple[str, str, str], CookieRecord] = field(default_factory=dict)
    storage: dict[tuple[str, str, str], StorageRecord] = field(default_factory=dict)
    #: The HAR written for this phase, when asked for.
    har: str | None = None
    #: With ``loopback_only``: requests off the loopback interface, refused.
    refused: Skipped = field(default_factory=Skipped)

    @property
    def problems(self) -> list[PageVisit]:
        return [page for page in self.pages if page.problem]

    def to_json(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "consent": self.consent.to_json() if self.consent else None,
            "pages": [page.to_json() for page in self.pages],
            "not_visited": {
                reason: {"count": skipped.count, "examples": skipped.examples}
                for reason, skipped in self.skipped.items()
            },
            "cookies": [cookie.to_json() for cookie in self.cookies.values()],
            "storage": [item.to_json() for item in self.storage.values()],
            "refused": {"count": self.refused.count, "examples": self.refused.examples},
            "har": self.har,
        }


@dataclass
class ScanRecord:
    start: list[str]
    origins: list[str]
    max_pages: int
    browser: str
    user_agent: str
    started_at: str
    phases: list[PhaseRecord] = field(default_factory=list)
    finished_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SCAN_FORMAT,
            "version": SCAN_VERSION,
            "generator": f"sphinx-cookies {__version__}",
            "browser": self.browser,
            "user_agent": self.user_agent,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "start": self.start,
            "origins": self.origins,
            "max_pages": self.max_pages,
            "phases": [phase.to_json() for phase in self.phases],
        }
