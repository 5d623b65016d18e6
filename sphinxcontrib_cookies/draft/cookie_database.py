"""The Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database, Apache-2.0),
shipped in ``sphinxcontrib_cookies/data`` with its licence and NOTICE: what well-known cookies
are for, who sets them and how long they live.

A row whose last column is 1 is a prefix: ``_ga_`` stands for ``_ga_ABC123`` and its family.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..captures import host_in_domain
from ..inventory.name_index import PrefixIndex

DATABASE_FILE = "open-cookie-database.csv"
_THIRD_PARTY_NOTE = re.compile(r"\(3rd party\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class KnownCookie:
    """One row of the database."""

    platform: str
    category: str
    name: str
    #: The domains the database gives for the cookie (empty: any site may set it).
    domains: tuple[str, ...]
    description: str
    retention: str
    controller: str
    privacy_url: str
    is_prefix: bool

    @property
    def declared_name(self) -> str:
        """The name to declare in an inventory: a prefix becomes a pattern (``_ga_*``)."""
        return self.name + "*" if self.is_prefix else self.name

    def is_set_on(self, domain: str) -> bool:
        return not self.domains or any(host_in_domain(domain, known) for known in self.domains)


def _domains(text: str) -> tuple[str, ...]:
    cleaned = _THIRD_PARTY_NOTE.sub(" ", text)
    parts = re.split(r"\s+or\s+|[,\s]+", cleaned)
    return tuple(part.strip(".").lower() for part in parts if "." in part)


class CookieDatabase:
    """Look-ups by cookie name: exact names first, then the longest prefix. Prefixes are
    indexed (``PrefixIndex``), so a look-up costs the length of the name, not the number of
    prefixes in the database."""

    def __init__(self, rows: list[KnownCookie]) -> None:
        self.exact: dict[str, list[KnownCookie]] = {}
        self.prefixes: dict[str, list[KnownCookie]] = {}
        for row in rows:
            table = self.prefixes if row.is_prefix else self.exact
            table.setdefault(row.name, []).append(row)
        self._prefix_index: PrefixIndex[list[KnownCookie]] = PrefixIndex(self.prefixes.items())

    def __len__(self) -> int:
        return sum(map(len, self.exact.values())) + sum(map(len, self.prefixes.values()))

    def candidates(self, name: str) -> list[KnownCookie]:
        """Every row that may describe ``name``, the most specific first."""
        found = list(self.exact.get(name, ()))
        for rows in reversed(self._prefix_index.along(name.rstrip("*"))):
            found.extend(rows)
        return found

    def lookup(self, name: str, domain: str | None = None) -> KnownCookie | None:
        """The row for a cookie called ``name``, seen on ``domain`` when known: a row tied to
        other domains (Instagram's ``sessionid``) does not describe a cookie of this site."""
        for row in self.candidates(name):
            if domain is None or row.is_set_on(domain):
                return row
        return None


def parse_database(text: str) -> CookieDatabase:
    rows = []
    reader = csv.reader(io.StringIO(text))
    next(reader, None)  # the header
    for fields in reader:
        if len(fields) < 10 or not fields[3].strip():
            continue
        rows.append(
            KnownCookie(
                platform=fields[1].strip(),
                category=fields[2].strip(),
                name=fields[3].strip(),
                domains=_domains(fields[4]),
                description=" ".join(fields[5].split()),
                retention=" ".join(fields[6].split()),
                controller=fields[7].strip(),
                privacy_url=fields[8].strip(),
                is_prefix=fields[9].strip() == "1",
            )
        )
    return CookieDatabase(rows)


@cache
def open_cookie_database() -> CookieDatabase:
    """The database shipped with the package, read once."""
    source = resources.files("sphinxcontrib_cookies").joinpath("data", DATABASE_FILE)
    return parse_database(source.read_text(encoding="utf-8"))
