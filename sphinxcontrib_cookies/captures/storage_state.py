"""Playwright's storage state (``context.storage_state(path=...)``): the cookie jar, and each
origin's local storage, at the end of a visit."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from .json_files import sequence, text
from .model import Capture, CaptureError, Lifetime, ObservedCookie


def _lifetime(expires: Any, captured_at: datetime) -> Lifetime | None:
    """Playwright writes -1 for a session cookie, else the expiry in seconds since the epoch.
    None: the cookie had already expired when the capture was taken."""
    if not isinstance(expires, (int, float)) or isinstance(expires, bool) or expires < 0:
        return Lifetime("session")
    if not math.isfinite(expires):
        return Lifetime("persistent", None, "expiry")
    seconds = round(expires - captured_at.timestamp())
    return Lifetime("persistent", seconds, "expiry") if seconds > 0 else None


def parse_storage_state(document: dict[str, Any], path: str, captured_at: datetime) -> Capture:
    """A storage state, already read as JSON (see ``load_json``); its expiry dates count from
    ``captured_at``."""
    if not isinstance(document.get("cookies", []), list) or not isinstance(
        document.get("origins", []), list
    ):
        raise CaptureError(path, "not a storage state: 'cookies' and 'origins' must be lists")
    if "cookies" not in document and "origins" not in document:
        raise CaptureError(path, "not a storage state: it has neither 'cookies' nor 'origins'")
    seen: dict[tuple[str, str, str], ObservedCookie] = {}
    for cookie in sequence(document, "cookies"):
        name = text(cookie, "name").strip()
        domain = text(cookie, "domain").lower()
        lifetime = _lifetime(cookie.get("expires"), captured_at) if name and domain else None
        if lifetime is None:
            continue
        seen.setdefault(
            (name, domain, "cookie"), ObservedCookie(name, domain, path, None, lifetime)
        )
    first_origin = None
    for origin in sequence(document, "origins"):
        address = text(origin, "origin")
        try:
            host = urlsplit(address).hostname
        except ValueError:
            host = None
        if not host:
            continue
        first_origin = first_origin or address
        for item in sequence(origin, "localStorage"):
            name = text(item, "name")
            if name:
                seen.setdefault(
                    (name, host, "local-storage"),
                    ObservedCookie(name, host, address, None, storage="local-storage"),
                )
    return Capture(
        path,
        "storage-state",
        tuple(seen.values()),
        first_page=first_origin,
        has_local_storage=True,
    )
