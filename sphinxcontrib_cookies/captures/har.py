"""HAR files (HTTP Archive 1.2), as browsers' developer tools and Playwright save them."""

from __future__ import annotations

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


def _first_page(log: dict[str, Any], entries: list[Any]) -> str | None:
    pages = [page for page in sequence(log, "pages") if isinstance(page, dict)]
    page_id = text(pages[0], "id") if pages else ""
    urls = [(text(entry, "pageref"), text(mapping(entry, "request"), "url")) for entry in entries]
    if page_id:
        for pageref, url in urls:
            if pageref == page_id and host_of(url):
                return url
    if pages and host_of(text(pages[0], "title")):
        return text(pages[0], "title")
    return next((url for _, url in urls if host_of(url)), None)


def parse_har(document: dict[str, Any], path: str) -> Capture:
    """A HAR, already read as JSON (see ``load_json``)."""
    log = document.get("log")
    if not isinstance(log, dict) or not isinstance(log.get("entries"), list):
        raise CaptureError(path, "not a HAR file: it has no 'log' with a list of 'entries'")
    entries: list[Any] = log["entries"]
    set_cookies: dict[tuple[str, str], tuple[tuple[int, int], ObservedCookie]] = {}
    sent: list[tuple[tuple[int, int], str, str, str]] = []
    requests = 0
    for index, entry in enumerate(entries):
        request = mapping(entry, "request")
        url = text(request, "url")
        host = host_of(url)
        if not host:
            continue
        requests += 1
        sent_at = _parse_time(text(entry, "startedDateTime"))
        names = [
            name for value in _headers(request, "cookie") for name in parse_cookie_header(value)
        ]
        names += [
            text(cookie, "name")
            for cookie in sequence(request, "cookies")
            if isinstance(cookie, dict)
        ]
        for name in dict.fromkeys(name.strip() for name in names if name.strip()):
            sent.append(((index, 0), name, host, url))
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
        for name, domain, lifetime in found:
            if (name, domain) not in set_cookies:
                observed = ObservedCookie(name, domain, url, host, lifetime)
                set_cookies[name, domain] = ((index, 1), observed)
    seen = list(set_cookies.values())
    domains_by_name: dict[str, list[str]] = {}
    for name, domain in set_cookies:
        domains_by_name.setdefault(name, []).append(domain)
    sent_only: set[tuple[str, str]] = set()
    for order, name, host, url in sent:
        if (name, host) in sent_only or any(
            host_in_domain(host, domain) for domain in domains_by_name.get(name, ())
        ):
            continue
        sent_only.add((name, host))
        seen.append((order, ObservedCookie(name, host, url, None, UNKNOWN_LIFETIME)))
    seen.sort(key=lambda item: item[0])
    return Capture(
        path,
        "har",
        tuple(cookie for _, cookie in seen),
        first_page=_first_page(log, entries),
        requests=requests,
    )
