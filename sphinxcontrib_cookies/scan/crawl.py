"""Which pages a scan visits: the start pages, then the links found on the pages visited, breadth
first, on the start pages' origins only, up to a number of pages. Plain Python: no browser.

Every bound is on what the site gives: at most ``max_pages`` visits, at most ``LINKS_PER_PAGE``
links read from a page, addresses of at most ``MAX_URL_LENGTH`` characters, and a count (with a
few examples) of what was left, so that a page that generates endless links, or a huge sitemap,
costs no more than the visits allowed.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

#: Links read from one page, at most.
LINKS_PER_PAGE = 5000
#: Longer addresses are not visited (generated addresses grow without end).
MAX_URL_LENGTH = 2000
#: Addresses kept as examples of each reason a page was not visited.
EXAMPLES_KEPT = 20
#: Files a link may point to that are not pages: not visited.
NOT_PAGES = re.compile(
    r"\.(?:pdf|zip|gz|tgz|bz2|xz|whl|epub|png|jpe?g|gif|svg|webp|ico|css|js|json|xml|txt|mp4|"
    r"webm|mp3|woff2?|ttf|eot)$",
    re.IGNORECASE,
)
_LOC = re.compile(r"<loc>\s*([^<\s]{1,2000})\s*</loc>", re.IGNORECASE)


def origin_of(url: str) -> str | None:
    """``scheme://host:port`` of an http(s) address; None for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def page_address(url: str) -> str:
    """The address of the page a link points to: without its fragment."""
    return urldefrag(url).url


def sitemap_addresses(text: str, limit: int) -> list[str]:
    """The ``<loc>`` addresses of a sitemap (or sitemap index), at most ``limit``. Read with one
    linear expression, not an XML parser: a sitemap is input from the site."""
    found: list[str] = []
    for match in _LOC.finditer(text):
        found.append(match.group(1).replace("&amp;", "&"))
        if len(found) >= limit:
            break
    return found


@dataclass
class Skipped:
    """Addresses not visited for one reason: how many, and the first few."""

    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, url: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES_KEPT:
            self.examples.append(url)


@dataclass
class Frontier:
    """The pages still to visit, breadth first, and why others were left."""

    origins: frozenset[str]
    max_pages: int
    queue: deque[str] = field(default_factory=deque)
    known: set[str] = field(default_factory=set)
    visited: int = 0
    skipped: dict[str, Skipped] = field(default_factory=dict)

    @classmethod
    def starting_at(cls, start: list[str], max_pages: int) -> Frontier:
        origins = frozenset(o for o in map(origin_of, start) if o is not None)
        frontier = cls(origins, max_pages)
        for url in start:
            frontier.offer(url)
        return frontier

    def skip(self, url: str, reason: str) -> None:
        self.skipped.setdefault(reason, Skipped()).add(url)

    def offer(self, url: str) -> None:
        """A link found on a page (or a start page): queued once, if it is a page of the site."""
        address = page_address(url.strip())
        if address in self.known:
            return
        self.known.add(address)
        origin = origin_of(address)
        if origin is None:
            return  # mailto:, javascript:, data:... are not pages
        if origin not in self.origins:
            self.skip(address, "off-site")
        elif len(address) > MAX_URL_LENGTH:
            self.skip(address[:200] + "...", "too long")
        elif NOT_PAGES.search(urlsplit(address).path):
            self.skip(address, "not a page")
        else:
            self.queue.append(address)

    def next_page(self) -> str | None:
        """The next page to visit; None when there is none, or ``max_pages`` were visited (the
        rest are counted as left at the limit)."""
        if not self.queue:
            return None
        if self.visited >= self.max_pages:
            while self.queue:
                self.skip(self.queue.popleft(), "max-pages")
            return None
        self.visited += 1
        return self.queue.popleft()

    def finish(self) -> None:
        """Count what is still queued as left at the limit."""
        while self.queue:
            self.skip(self.queue.popleft(), "max-pages")
