"""The capture ``sphinx-cookies scan`` writes: one JSON document, versioned, that records per
consent phase every cookie of the browser's store and the storage of every origin.

The format is documented in ``docs/guide/format.rst`` ("Scan captures"); ``scan/record.py``
writes it. A reader of version 1 reads what it knows and ignores keys it does not know, so that
later versions may add keys; a version it does not know is refused with advice.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from .json_files import sequence, text
from .model import (
    CONSENT_PHASES,
    STORAGE_KINDS,
    Capture,
    CaptureError,
    Lifetime,
    ObservedCookie,
    Storage,
)

#: The value of the document's ``format`` key, which tells a scan from other JSON captures.
SCAN_FORMAT = "sphinx-cookies-scan"
#: The version this package writes and reads.
SCAN_VERSION = 1
#: How a cookie can have been set, as a scan records it.
SET_WITH = ("header", "script")


def is_scan(document: dict[str, Any]) -> bool:
    return document.get("format") == SCAN_FORMAT


def _version(document: dict[str, Any], path: str) -> None:
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaptureError(
            path, f"a scan capture needs a 'version' (this package reads {SCAN_VERSION})"
        )
    if version > SCAN_VERSION:
        raise CaptureError(
            path,
            f"this scan capture has format version {version}, newer than the {SCAN_VERSION} this "
            "sphinx-cookies reads; upgrade it (pip install -U sphinxcontrib-cookies)",
        )


def _lifetime(cookie: dict[str, Any]) -> Lifetime:
    expires = cookie.get("expires")
    if expires is None:
        return Lifetime("session")
    seconds = cookie.get("lifetime")
    if (
        isinstance(seconds, (int, float))
        and not isinstance(seconds, bool)
        and math.isfinite(seconds)
    ):
        return Lifetime("persistent", round(seconds), "expiry")
    return Lifetime("persistent", None, "expiry")


def _host(address: str) -> str | None:
    try:
        return urlsplit(address).hostname
    except ValueError:
        return None


def _cookies(phase: str, record: dict[str, Any]) -> list[ObservedCookie]:
    found = []
    for cookie in sequence(record, "cookies"):
        name = text(cookie, "name").strip()
        domain = text(cookie, "domain").lower()
        if not name or not domain:
            continue
        first_seen = text(cookie, "first_seen")
        set_with = text(cookie, "set_with") or None
        set_by_address = text(cookie, "set_by")
        found.append(
            ObservedCookie(
                name,
                domain,
                first_seen,
                _host(set_by_address) if set_by_address else None,
                _lifetime(cookie),
                set_with=set_with if set_with in SET_WITH else None,
                phases=((phase, first_seen),),
            )
        )
    return found


def _storage(phase: str, record: dict[str, Any]) -> list[ObservedCookie]:
    found = []
    kinds: dict[str, Storage] = {kind: kind for kind in STORAGE_KINDS if kind != "cookie"}
    for item in sequence(record, "storage"):
        kind = kinds.get(text(item, "type"))
        name = text(item, "name")
        host = _host(text(item, "origin"))
        if kind is None or not name or not host:
            continue
        first_seen = text(item, "first_seen")
        found.append(
            ObservedCookie(
                name, host, first_seen, None, storage=kind, phases=((phase, first_seen),)
            )
        )
    return found


def parse_scan(document: dict[str, Any], path: str) -> Capture:
    """A scan capture, already read as JSON (see ``load_json``): one observation per phase
    and cookie, each carrying its phase, for ``audit.combine`` to merge."""
    _version(document, path)
    phases = document.get("phases")
    if not isinstance(phases, list):
        raise CaptureError(path, "not a scan capture: 'phases' must be a list")
    observed: list[ObservedCookie] = []
    names: list[str] = []
    for record in phases:
        phase = text(record, "phase")
        if phase not in CONSENT_PHASES:
            raise CaptureError(
                path,
                f"unknown consent phase {phase!r} in 'phases'; a scan records "
                + ", ".join(CONSENT_PHASES),
            )
        names.append(phase)
        observed += _cookies(phase, record)
        observed += _storage(phase, record)
    start = [address for address in sequence(document, "start") if isinstance(address, str)]
    return Capture(
        path,
        "scan",
        tuple(observed),
        first_page=start[0] if start else None,
        requests=sum(len(sequence(record, "pages")) for record in phases),
        has_local_storage=True,
        other_storage=("session-storage", "indexeddb"),
        phases=tuple(names),
    )
