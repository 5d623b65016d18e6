"""The two HTTP headers that carry cookies: ``Set-Cookie`` (responses) and ``Cookie`` (requests).

Read leniently, like browsers do (RFC 6265 section 5.2): unknown attributes are ignored, a bad
``Max-Age`` or ``Expires`` is ignored, ``Max-Age`` wins over ``Expires``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .model import Lifetime

_DATE_DASHES = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{2,4})")
#: A comma that starts another cookie (``d=1, e=2``, as some tools join repeated headers), not
#: the comma of an ``Expires`` date (``Wed, 21 Oct 2026``): the next text up to ``=`` is a name.
_JOINED = re.compile(r",(?=[ \t]*[^;,=\s]+=)")
_MAX_AGE = re.compile(r"-?[0-9]+")
#: A Max-Age longer than this many digits (about 31 million years) is read as this long: the
#: figure is only compared with declared durations, and huge numbers cost time to convert.
MAX_AGE_DIGITS = 15


@dataclass(frozen=True, slots=True)
class SetCookie:
    name: str
    #: ``.example.com`` when the header gave a Domain attribute, else the responding host.
    domain: str
    lifetime: Lifetime
    #: Max-Age of zero or less, or an Expires date already past: the site deletes the cookie.
    deletes: bool


def parse_http_date(text: str) -> datetime | None:
    """An ``Expires`` date: ``Wed, 21 Oct 2026 07:28:00 GMT``, also with dashes
    (``21-Oct-2026``) as some servers write it."""
    cleaned = _DATE_DASHES.sub(r"\1 \2 \3", text.strip())
    try:
        parsed = parsedate_to_datetime(cleaned)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def split_set_cookie(header: str) -> list[str]:
    """The cookies of one header value: usually one, several when a tool joined repeated
    ``Set-Cookie`` headers with commas."""
    return _JOINED.split(header)


def _max_age(value: str) -> int:
    digits = value.lstrip("-").lstrip("0") or "0"
    if len(digits) > MAX_AGE_DIGITS:
        digits = "9" * MAX_AGE_DIGITS
    return -int(digits) if value.startswith("-") else int(digits)


def parse_set_cookie(header: str, host: str, sent_at: datetime | None) -> SetCookie | None:
    """One ``Set-Cookie`` value; None when it names no cookie."""
    pair, *attributes = header.split(";")
    if "=" not in pair:
        return None
    name = pair.split("=", 1)[0].strip()
    if not name:
        return None
    domain = host
    max_age: int | None = None
    expires: datetime | None = None
    for attribute in attributes:
        key, _, value = attribute.partition("=")
        key = key.strip().lower()
        value = value.strip()
        if key == "domain" and value.strip("."):
            domain = "." + value.strip(".").lower()
        elif key == "max-age" and _MAX_AGE.fullmatch(value):
            max_age = _max_age(value)
        elif key == "expires":
            expires = parse_http_date(value)
    if max_age is not None:
        return SetCookie(name, domain, Lifetime("persistent", max_age, "Max-Age"), max_age <= 0)
    if expires is not None:
        if sent_at is None:
            return SetCookie(name, domain, Lifetime("persistent", None, "Expires"), False)
        seconds = round((expires - sent_at).total_seconds())
        return SetCookie(name, domain, Lifetime("persistent", seconds, "Expires"), seconds <= 0)
    return SetCookie(name, domain, Lifetime("session"), False)


def parse_cookie_header(header: str) -> list[str]:
    """The names in a ``Cookie`` request header (``a=1; b=2``), in order."""
    names = []
    for pair in header.split(";"):
        name = pair.split("=", 1)[0].strip()
        if name and "=" in pair:
            names.append(name)
    return names
