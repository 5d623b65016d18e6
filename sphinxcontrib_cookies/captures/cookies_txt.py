"""Netscape ``cookies.txt`` files, as curl, wget and browser extensions write them: one cookie a
line, seven fields separated by tabs (domain, subdomains, path, secure, expiry, name, value)."""

from __future__ import annotations

from datetime import datetime

from .model import Capture, CaptureError, Lifetime, ObservedCookie
from .printable import printable

HTTP_ONLY_PREFIX = "#HttpOnly_"


def parse_cookies_txt(data: bytes, path: str, captured_at: datetime) -> Capture:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CaptureError(path, f"not UTF-8 text (offset {error.start})") from None
    seen: dict[tuple[str, str], ObservedCookie] = {}
    for number, line in enumerate(content.splitlines(), start=1):
        if line.startswith(HTTP_ONLY_PREFIX):
            line = line[len(HTTP_ONLY_PREFIX) :]
        elif not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) == 6:  # some tools leave out an empty value and its tab
            fields.append("")
        if len(fields) != 7:
            raise CaptureError(
                path,
                f"not a cookies.txt line: expected 7 fields separated by tabs, found {len(fields)}",
                line=number,
            )
        domain, subdomains, _path, _secure, expiry, name, _value = fields
        domain = domain.strip().lower()
        if subdomains.strip().upper() == "TRUE" and not domain.startswith("."):
            domain = "." + domain
        try:
            expires = int(float(expiry))
        except (ValueError, OverflowError):
            raise CaptureError(
                path,
                f"the expiry '{printable(expiry, 40)}' is not a number of seconds",
                line=number,
            ) from None
        if expires == 0:
            lifetime = Lifetime("session")
        else:
            seconds = expires - round(captured_at.timestamp())
            if seconds <= 0:
                continue  # already expired when captured
            lifetime = Lifetime("persistent", seconds, "expiry")
        name = name.strip()
        if name and domain:
            seen.setdefault((name, domain), ObservedCookie(name, domain, path, None, lifetime))
    return Capture(path, "cookies-txt", tuple(seen.values()))
