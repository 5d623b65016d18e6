"""HAR files (HTTP Archive 1.2), as browsers' developer tools and Playwright save them."""

from __future__ import annotations

from array import array
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from .domains import host_in_domain
from .headers import parse_cookie_header, parse_set_cookie, split_set_cookie
from .json_files import mapping, sequence, text
from .model import UNKNOWN_LIFETIME, Capture, CaptureError, Lifetime, ObservedCookie


def host_of(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _headers(message: dict[str, Any], wanted: str) -> list[str]:
    """Every value of one header; some tools join repeated ``Set-Cookie`` headers with newlines
    or commas."""
    values: list[str] = []
    for header in sequence(message, "headers"):
        if isinstance(header, dict) and text(header, "name").lower() == wanted:
            values.extend(line for line in text(header, "value").split("\n") if line.strip())
    if wanted == "set-cookie":
        return [cookie for value in values for cookie in split_set_cookie(value)]
    return values


def _recorded_cookie(
    cookie: dict[str, Any], host: str, sent_at: datetime | None
) -> tuple[str, str, Lifetime] | None:
    """A cookie from a response's ``cookies`` list, for tools that leave out the headers."""
    name = text(cookie, "name").strip()
    if not name:
        return None
    domain = text(cookie, "domain").strip(".").lower()
    expires = _parse_time(text(cookie, "expires"))
    lifetime = Lifetime("session")
    if expires is not None:
        seconds = round((expires - sent_at).total_seconds()) if sent_at else None
        if seconds is not None and seconds <= 0:
            return None
        lifetime = Lifetime("persistent", seconds, "Expires")
    return name, ("." + domain if domain else host), lifetime


class HarReader:
    """Reads a HAR's entries one at a time (``add``), so that a large HAR need not be held as one
    tree: ``har_stream.py`` feeds it entry by entry, ``parse_har`` from a whole document."""

    def __init__(self, path: str) -> None:
        self.path = path
        #: Each cookie set, by (name, domain), and the entry that first set it. Few objects
        #: per cookie: a large HAR holds hundreds of thousands, which the garbage collector
        #: walks again and again while they are read.
        #: (name, domain) -> (address, host, number of the lifetime): tuples of text and
        #: numbers, which the collector stops tracking, until ``capture`` makes the cookies.
        self.set_cookies: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.set_at = array("q")  # the entry of each, in the order of set_cookies
        self.lifetimes: dict[Lifetime, int] = {}
        self.sent: list[tuple[int, str, str, str]] = []
        self.entries = 0
        self.requests = 0
        #: For the first page: the first address with a host of each page, and of all.
        self.first_of_page: dict[str, str] = {}
        self.first_url: str | None = None

    def add(self, entry: Any) -> None:
        index = self.entries
        self.entries += 1
        request = mapping(entry, "request")
        url = text(request, "url")
        host = host_of(url)
        if not host:
            return
        self.requests += 1
        self.first_url = self.first_url or url
        self.first_of_page.setdefault(text(entry, "pageref"), url)
        names = [
            name for value in _headers(request, "cookie") for name in parse_cookie_header(value)
        ]
        names += [
            text(cookie, "name")
            for cookie in sequence(request, "cookies")
            if isinstance(cookie, dict)
        ]
        for name in dict.fromkeys(name.strip() for name in names if name.strip()):
            self.sent.append((index * 2, name, host, url))
        for name, domain, lifetime in _set_cookies(entry, host):
            if (name, domain) not in self.set_cookies:
                number = self.lifetimes.setdefault(lifetime, len(self.lifetimes))
                self.set_cookies[name, domain] = (url, host, number)
                self.set_at.append(index * 2 + 1)  # after what its request sent

    def first_page(self, pages: list[Any]) -> str | None:
        pages = [page for page in pages if isinstance(page, dict)]
        page_id = text(pages[0], "id") if pages else ""
        if page_id and page_id in self.first_of_page:
            return self.first_of_page[page_id]
        if pages and host_of(text(pages[0], "title")):
            return text(pages[0], "title")
        return self.first_url

    def capture(self, pages: list[Any]) -> Capture:
        """What the entries added show; ``pages`` is the log's list of pages."""
        lifetimes = list(self.lifetimes)
        seen = [
            (order, ObservedCookie(name, domain, url, host, lifetimes[number]))
            for order, ((name, domain), (url, host, number)) in zip(
                self.set_at, self.set_cookies.items(), strict=True
            )
        ]
        domains_by_name: dict[str, list[str]] = {}
        for name, domain in self.set_cookies:
            domains_by_name.setdefault(name, []).append(domain)
        sent_only: set[tuple[str, str]] = set()
        for order, name, host, url in self.sent:
            if (name, host) in sent_only or any(
                host_in_domain(host, domain) for domain in domains_by_name.get(name, ())
            ):
                continue
            sent_only.add((name, host))
            seen.append((order, ObservedCookie(name, host, url, None, UNKNOWN_LIFETIME)))
        seen.sort(key=lambda item: item[0])
        return Capture(
            self.path,
            "har",
            tuple(cookie for _, cookie in seen),
            first_page=self.first_page(pages),
            requests=self.requests,
        )


def _set_cookies(entry: Any, host: str) -> list[tuple[str, str, Lifetime]]:
    """The cookies a response sets: its ``Set-Cookie`` headers, else its ``cookies`` list."""
    sent_at = _parse_time(text(entry, "startedDateTime"))
    response = mapping(entry, "response")
    found: list[tuple[str, str, Lifetime]] = []
    set_cookie_headers = _headers(response, "set-cookie")
    for header in set_cookie_headers:
        cookie = parse_set_cookie(header, host, sent_at)
        if cookie is not None and not cookie.deletes:
            found.append((cookie.name, cookie.domain, cookie.lifetime))
    if not set_cookie_headers:
        for item in sequence(response, "cookies"):
            recorded = _recorded_cookie(item, host, sent_at) if isinstance(item, dict) else None
            if recorded is not None:
                found.append(recorded)
    return found


def parse_har(document: dict[str, Any], path: str) -> Capture:
    """A HAR, already read as JSON (see ``load_json``)."""
    log = document.get("log")
    if not isinstance(log, dict) or not isinstance(log.get("entries"), list):
        raise CaptureError(path, "not a HAR file: it has no 'log' with a list of 'entries'")
    reader = HarReader(path)
    for entry in log["entries"]:
        reader.add(entry)
    return reader.capture(sequence(log, "pages"))
