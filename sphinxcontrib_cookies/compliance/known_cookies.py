"""Which declared cookies the Open Cookie Database knows as analytics or marketing cookies.

Every look-up is bounded: a name is looked up by its exact spelling, then by each of its
prefixes whose length is one the database uses (a few dozen lengths, each one dictionary
look-up), and a declared pattern (``_pk_*``) also by binary search among the sorted names of
the database's tracking cookies. No regular expression, no scan of the database per name.

A database row tied to domains (Instagram's ``sessionid`` on instagram.com) describes a cookie
of this site only when the entry says it is set there: its ``domain`` is one of the row's, its
provider's address is on one of them, or it is a third-party cookie that names no domain.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from ..captures import host_in_domain
from ..draft import CookieDatabase, KnownCookie, open_cookie_database
from ..inventory import Cookie

#: The database's categories of cookies that are never strictly necessary.
TRACKING = frozenset({"Analytics", "Marketing"})
#: A declared pattern whose fixed start is shorter than this says too little to compare.
MIN_PATTERN_STEM = 2


def _hosts(cookie: Cookie) -> tuple[str, ...]:
    hosts = [cookie.domain] if cookie.domain else []
    provider = cookie.provider
    for address in (provider.url, provider.privacy_policy) if provider else ():
        host = urlsplit(address).hostname if address else None
        if host:
            hosts.append(host)
    return tuple(hosts)


def describes(row: KnownCookie, cookie: Cookie, hosts: tuple[str, ...]) -> bool:
    """Whether a database row may describe this declared cookie (see the module's docs)."""
    if not row.domains:
        return True
    if any(host_in_domain(host, known) for host in hosts for known in row.domains):
        return True
    return cookie.party == "third" and cookie.domain is None


@dataclass(frozen=True, slots=True)
class _SortedNames:
    """Tracking rows sorted by name, for "which names start with this stem"."""

    names: tuple[str, ...]
    rows: tuple[KnownCookie, ...]

    @classmethod
    def of(cls, rows: list[KnownCookie]) -> _SortedNames:
        ordered = sorted(rows, key=lambda row: row.name)
        return cls(tuple(row.name for row in ordered), tuple(ordered))

    def first_starting_with(self, stem: str) -> KnownCookie | None:
        index = bisect.bisect_left(self.names, stem)
        if index < len(self.names) and self.names[index].startswith(stem):
            return self.rows[index]
        return None


class TrackerIndex:
    """The database, indexed for the misclassification rule."""

    def __init__(self, database: CookieDatabase) -> None:
        self.exact = database.exact
        self.prefixes = database.prefixes
        self.prefix_lengths = tuple(sorted({len(prefix) for prefix in self.prefixes}, reverse=True))
        tracking = [
            row
            for table in (self.exact, self.prefixes)
            for rows in table.values()
            for row in rows
            if row.category in TRACKING
        ]
        #: Rows that describe a cookie wherever it is set, and all rows.
        self.anywhere = _SortedNames.of([row for row in tracking if not row.domains])
        self.all = _SortedNames.of(tracking)

    def _levels(self, name: str) -> list[list[KnownCookie]]:
        """The rows that may describe ``name``, the most specific first: its exact name, then
        each prefix of it the database declares, longest first."""
        levels = [self.exact.get(name, [])]
        for length in self.prefix_lengths:
            if length <= len(name):
                levels.append(self.prefixes.get(name[:length], []))
        return levels

    def tracker(self, name: str, cookie: Cookie) -> KnownCookie | None:
        """The tracking row that describes the declared ``name`` (a name or a pattern) of
        ``cookie``, if the most specific rows that describe it are all tracking rows."""
        hosts = _hosts(cookie)
        stem = name.split("*", 1)[0]
        for rows in self._levels(stem):
            fitting = [row for row in rows if describes(row, cookie, hosts)]
            if fitting:
                tracking = [row for row in fitting if row.category in TRACKING]
                return tracking[0] if len(tracking) == len(fitting) else None
        if "*" not in name or len(stem) < MIN_PATTERN_STEM:
            return None
        # a pattern broader than the database's names: ``_pk_*`` covers ``_pk_id.``
        broad = self.all if cookie.party == "third" and cookie.domain is None else self.anywhere
        return broad.first_starting_with(stem)


@cache
def tracker_index() -> TrackerIndex:
    """The index of the database shipped with the package, built once."""
    return TrackerIndex(open_cookie_database())
