"""Captures of real visits (HAR, Playwright storage state, Netscape cookies.txt) read into the
cookies they show. Plain Python: no docutils, no Sphinx."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..inventory.sites import site_of
from .cookies_txt import parse_cookies_txt
from .domains import host_in_domain, site_domain
from .har import HarReader, host_of, parse_har
from .har_stream import NotStreamed, stream_har
from .json_files import load_json
from .model import (
    CAPTURE_FORMATS,
    CONSENT_PHASES,
    STORAGE_KINDS,
    UNKNOWN_LIFETIME,
    WITHOUT_CONSENT,
    Capture,
    CaptureError,
    Lifetime,
    ObservedCookie,
    Storage,
)
from .printable import printable
from .scan_file import SCAN_FORMAT, SCAN_VERSION, is_scan, parse_scan
from .storage_state import parse_storage_state

__all__ = [
    "CAPTURE_FORMATS",
    "CONSENT_PHASES",
    "FORMAT_NAMES",
    "MAX_CAPTURE_BYTES",
    "SCAN_FORMAT",
    "SCAN_VERSION",
    "STORAGE_KINDS",
    "UNKNOWN_LIFETIME",
    "WITHOUT_CONSENT",
    "Capture",
    "CaptureError",
    "Lifetime",
    "ObservedCookie",
    "Storage",
    "host_in_domain",
    "host_of",
    "parse_capture",
    "printable",
    "read_capture",
    "site_domain",
    "site_of",
]

#: The largest capture read unless the caller allows more. A HAR is read one entry at a time,
#: but its text and every cookie it shows are held: 40 MiB with 376,000 cookies took 725 MiB
#: for a whole audit (benchmark case 7).
MAX_CAPTURE_BYTES = 100 * 1024 * 1024

FORMAT_NAMES = MappingProxyType(
    {
        "har": "HAR file",
        "storage-state": "Playwright storage state",
        "cookies-txt": "cookies.txt file",
        "scan": "scan capture",
    }
)
_COOKIES_TXT_HEADERS = ("# netscape http cookie file", "# http cookie file")


def _looks_like_json(data: bytes) -> bool:
    return data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith((b"{", b"["))


def _json_format(document: dict[str, Any]) -> str | None:
    if is_scan(document):
        return "scan"
    if isinstance(document.get("log"), dict):
        return "har"
    if "cookies" in document or "origins" in document:
        return "storage-state"
    return None


def _text_format(data: bytes) -> str | None:
    lines = [line for line in data.decode("utf-8-sig", "replace").splitlines() if line.strip()]
    if lines and lines[0].strip().lower().startswith(_COOKIES_TXT_HEADERS):
        return "cookies-txt"
    cookie_lines = [line for line in lines if not line.startswith("#") or line.startswith("#Http")]
    if cookie_lines and all(len(line.split("\t")) in (6, 7) for line in cookie_lines):
        return "cookies-txt"
    return None


def _streamed_har(data: bytes, path: str) -> Capture | None:
    """A HAR read entry by entry (``har_stream.py``); None when it must be read whole."""
    reader = HarReader(path)
    try:
        pages = stream_har(data.decode("utf-8-sig"), reader.add)
    except (NotStreamed, ValueError, RecursionError):  # not a HAR, or errors to locate
        return None
    return reader.capture(pages)


def parse_capture(
    data: bytes, path: str, capture_format: str | None, captured_at: datetime
) -> Capture:
    """Read a capture's bytes; without a format, tell it from the content. Cookie stores
    record no time, so their expiry dates count from ``captured_at``; a HAR has its own times."""
    if capture_format in (None, "har") and _looks_like_json(data):
        streamed = _streamed_har(data, path)
        if streamed is not None:
            return streamed
    document = load_json(data, path) if _looks_like_json(data) else None
    detected = _json_format(document) if document is not None else _text_format(data)
    if capture_format is None:
        if detected is None:
            raise CaptureError(
                path,
                "cannot tell what kind of capture this is; a HAR file, a Playwright storage "
                "state, a cookies.txt file or a scan capture (sphinx-cookies scan) is expected",
            )
        capture_format = detected
    elif detected is not None and detected != capture_format:
        raise CaptureError(
            path,
            f"this looks like a {FORMAT_NAMES[detected]}, not a {FORMAT_NAMES[capture_format]}",
        )
    if capture_format == "cookies-txt":
        return parse_cookies_txt(data, path, captured_at)
    if document is None:
        document = load_json(data, path)  # raises: the content is not JSON
    if capture_format == "har":
        return parse_har(document, path)
    if capture_format == "scan":
        return parse_scan(document, path)
    return parse_storage_state(document, path, captured_at)


def _read_file(path: str, max_bytes: int) -> tuple[bytes, float]:
    """The bytes of a regular file of at most ``max_bytes``, and when it was last written. A
    pipe, a device or a folder is refused before anything is read (a FIFO opened for reading
    would wait for a writer), and the size is checked on what is read too."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise CaptureError(path, "no such file") from None
    except IsADirectoryError:
        raise CaptureError(path, "is a directory, not a capture file") from None
    except OSError as error:
        raise CaptureError(path, f"cannot be read: {error.strerror or error}") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise CaptureError(path, "is a directory, not a capture file")
        raise CaptureError(
            path, "is not a regular file (a pipe, a device or a socket); save the capture first"
        )
    with os.fdopen(descriptor, "rb") as stream:
        try:
            data = b"" if status.st_size > max_bytes else stream.read(max_bytes + 1)
        except OSError as error:
            raise CaptureError(path, f"cannot be read: {error.strerror or error}") from None
    if status.st_size > max_bytes or len(data) > max_bytes:
        raise CaptureError(
            path,
            f"the file is larger than {max_bytes:,} bytes, the most a capture may be; save it "
            "without response bodies, or raise the limit (sphinx-cookies --max-file-size)",
        )
    return data, status.st_mtime


def read_capture(
    path: str | Path,
    capture_format: str | None = None,
    captured_at: datetime | None = None,
    max_bytes: int = MAX_CAPTURE_BYTES,
) -> Capture:
    """Read a capture file (see ``parse_capture``) of at most ``max_bytes``; expiry dates in
    cookie stores count from ``captured_at``, by default the time the file was last written."""
    location = str(path)
    data, modified = _read_file(location, max_bytes)
    return parse_capture(
        data, location, capture_format, captured_at or datetime.fromtimestamp(modified, UTC)
    )
