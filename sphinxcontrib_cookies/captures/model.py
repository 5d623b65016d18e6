"""What a capture of a real visit shows: the cookies (and local storage) a site really set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The capture formats read, by the name the command line uses for each.
CAPTURE_FORMATS = ("har", "storage-state", "cookies-txt", "scan")
#: The consent phases a scan (``sphinx-cookies scan``) records, in the order of a visit: as a
#: first-time visitor sees the site, after refusing, after accepting everything.
CONSENT_PHASES = ("before", "refuse", "accept")
#: The phases in which a cookie that needs consent must not be set.
WITHOUT_CONSENT = ("before", "refuse")
#: What a capture may show: cookies, and the storage of each origin.
Storage = Literal["cookie", "local-storage", "session-storage", "indexeddb"]
STORAGE_KINDS: tuple[Storage, ...] = ("cookie", "local-storage", "session-storage", "indexeddb")


class CaptureError(Exception):
    """A capture that cannot be read: the file, the line when one is to blame (0 when the whole
    file is), and what is wrong. ``str()`` gives all three, as ``path[:line]: message``."""

    def __init__(self, path: str, message: str, line: int = 0) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True, slots=True)
class Lifetime:
    """How long a cookie was set to live, as far as the capture tells."""

    kind: Literal["session", "persistent", "unknown"]
    #: For a persistent cookie: seconds from when it was set (or captured) to its expiry.
    seconds: int | None = None
    #: Where the figure comes from: ``Max-Age``, ``Expires`` or ``expiry`` (a cookie store).
    source: str = ""


UNKNOWN_LIFETIME = Lifetime("unknown")


@dataclass(frozen=True, slots=True)
class ObservedCookie:
    """One cookie (or local storage key) seen in a capture."""

    name: str
    #: ``.example.com`` for a cookie set for a domain and its subdomains, or a host name
    #: (``www.example.com``) for a host-only cookie, a cookie only seen sent to that host, or a
    #: local storage key of that host's origin.
    domain: str
    #: The address where the capture first shows it; for a cookie store, which records no
    #: address, the capture file.
    seen_at: str
    #: The host whose response set it; None when the capture does not say (cookie stores, or a
    #: cookie only seen in requests, typically set by a script).
    set_by: str | None
    lifetime: Lifetime = UNKNOWN_LIFETIME
    storage: Storage = "cookie"
    #: How it was set: ``header`` (a ``Set-Cookie`` response header) or ``script``
    #: (``document.cookie`` or the Cookie Store API); None when the capture does not say.
    set_with: str | None = None
    #: The consent phases of a scan that showed it, each with the page where it first
    #: appeared in that phase: ``(("before", "https://example.com/"),)``.
    phases: tuple[tuple[str, str], ...] = ()
    #: Every place the captures show it (addresses, capture files), first seen first, when
    #: observations were merged (``audit.combine``); empty when it was seen at ``seen_at`` only.
    places: tuple[str, ...] = ()

    @property
    def host(self) -> str:
        return self.domain.lstrip(".")

    @property
    def every_place(self) -> tuple[str, ...]:
        return self.places or (self.seen_at,)


@dataclass(frozen=True, slots=True)
class Capture:
    path: str
    format: str
    cookies: tuple[ObservedCookie, ...]
    #: The address of the first page visited, when the capture records it.
    first_page: str | None = None
    #: How many requests the capture holds (HAR only).
    requests: int = 0
    #: Whether the capture can show local storage at all.
    has_local_storage: bool = False
    #: Other storage it can show: a scan records session storage and IndexedDB too.
    other_storage: tuple[Storage, ...] = ()
    #: The consent phases it recorded (a scan); empty for a capture of one plain visit.
    phases: tuple[str, ...] = ()

    @property
    def storage_shown(self) -> tuple[Storage, ...]:
        """The kinds of storage this capture can show, so that an entry of another kind is
        not reported as unseen."""
        shown: tuple[Storage, ...] = (
            ("cookie", "local-storage") if self.has_local_storage else ("cookie",)
        )
        return shown + self.other_storage
