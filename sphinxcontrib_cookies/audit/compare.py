"""Comparing an inventory with what captures of real visits show.

An observed cookie is declared by an entry when one of the entry's names matches (``*`` matches
any run of characters) and the entry's domain covers the cookie's (``.example.com`` covers
``www.example.com``; an entry with no domain covers every domain). When several entries match,
the first of: an entry of the same storage type, an exact name rather than a pattern, an entry
with a domain rather than none, the earliest in the file. Names are looked up in a
``NameIndex``, so an audit takes time linear in the cookies seen plus the names declared.

A cookie whose name an entry declares for another domain of the same site
(``app.acme.example``, seen on ``acme.example``) is a domain mismatch, not an undeclared cookie
plus an unseen name. A cookie of a category that needs consent, seen by a scan before consent
was given, is a ``before-consent`` finding (``consent.py``).

The site decides the party: a cookie outside it is third-party. It is the site of the first page
the captures visited, by the Public Suffix List (``inventory/sites.py``), unless given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import MappingProxyType

from ..captures import Capture, ObservedCookie, host_in_domain, host_of, site_domain, site_of
from ..inventory import Cookie, CookieInventory, Duration
from ..inventory.name_index import DeclaredName, NameIndex
from ..inventory.problems import shown
from .consent import before_consent
from .evidence import combine
from .lifetimes import lifetime_mismatch
from .report import AuditReport, Mismatch, Unseen


def _preference(observed: ObservedCookie) -> Callable[[DeclaredName], tuple[bool, bool, bool, int]]:
    def key(declared: DeclaredName) -> tuple[bool, bool, bool, int]:
        cookie = declared.cookie
        same_type = cookie.type == observed.storage
        return (not same_type, declared.is_pattern, cookie.domain is None, declared.position)

    return key


def _covers(declared: DeclaredName, observed: ObservedCookie) -> bool:
    domain = declared.cookie.domain
    return domain is None or host_in_domain(observed.host, domain)


def best_match(index: NameIndex, observed: ObservedCookie) -> DeclaredName | None:
    """The entry that declares ``observed``, by the rules of this module's docstring."""
    candidates = [
        declared for declared in index.matching(observed.name) if _covers(declared, observed)
    ]
    return min(candidates, key=_preference(observed)) if candidates else None


def other_domain(index: NameIndex, observed: ObservedCookie) -> DeclaredName | None:
    """The entry that declares ``observed``'s name for another domain of the same site
    (``app.acme.example`` for a cookie of ``acme.example``), when none declares it for its own
    (see ``best_match``). A name declared only on another site is another cookie."""
    site = site_of(observed.host)
    candidates = [
        declared
        for declared in index.matching(observed.name)
        if declared.cookie.domain is not None and site_of(declared.cookie.domain) == site
    ]
    return min(candidates, key=_preference(observed)) if candidates else None


def _domain_mismatch(found: DeclaredName, observed: ObservedCookie) -> Mismatch:
    return Mismatch(
        observed,
        found.name,
        found.cookie.line,
        "domain",
        f"was seen on {shown(observed.domain)}, but the inventory declares it for "
        f"{shown(found.cookie.domain or '')}",
    )


_FOUND_AS = MappingProxyType(
    {
        "cookie": "as a cookie",
        "local-storage": "in local storage",
        "session-storage": "in session storage",
        "indexeddb": "as an IndexedDB database",
    }
)


def _mismatches(
    cookie: Cookie, name: str, observed: ObservedCookie, site: str | None
) -> Iterable[Mismatch]:
    if cookie.type != observed.storage:
        yield Mismatch(
            observed,
            name,
            cookie.line,
            "type",
            f"was found {_FOUND_AS[observed.storage]}, but the inventory declares it as "
            f"type {cookie.type}",
        )
        return
    if isinstance(cookie.duration, Duration) and observed.storage == "cookie":
        problem = lifetime_mismatch(cookie.duration, observed.lifetime)
        if problem:
            yield Mismatch(observed, name, cookie.line, "duration", problem)
    if cookie.party == "first" and site is not None:
        outside = [
            host
            for host in (observed.host, observed.set_by)
            if host is not None and not host_in_domain(host, site)
        ]
        if outside:
            by = f" by {shown(observed.set_by)}" if observed.set_by else ""
            yield Mismatch(
                observed,
                name,
                cookie.line,
                "party",
                f"is set for {shown(observed.domain)}{by}, outside the site {shown(site)}, but "
                "the inventory says party: first",
            )


def site_of_captures(captures: Iterable[Capture]) -> str | None:
    """The site of the first page the captures visited (``inventory.sites.site_of``)."""
    for capture in captures:
        host = host_of(capture.first_page) if capture.first_page else None
        if host:
            return site_of(host)
    return None


def audit_inventory(
    inventory: CookieInventory, captures: list[Capture], site: str | None = None
) -> AuditReport:
    """Compare; ``site`` (a domain such as ``example.com``) defaults to the domain of the first
    page visited."""
    site_from = "given" if site else "first page"
    site = site_domain(site) if site else site_of_captures(captures)
    observed = combine(captures)
    report = AuditReport(
        inventory.path,
        tuple(c.path for c in captures),
        site,
        len(observed),
        site_from=site_from if site else None,
    )
    index = NameIndex(inventory.cookies)
    matched: set[tuple[int, str]] = set()
    for cookie in observed:
        found = best_match(index, cookie)
        if found is None:
            found = other_domain(index, cookie)
            if found is None:
                report.undeclared.append(cookie)
                continue
            report.mismatches.append(_domain_mismatch(found, cookie))
        matched.add((found.cookie.line, found.name))
        report.mismatches.extend(_mismatches(found.cookie, found.name, cookie, site))
        finding = before_consent(inventory, found.cookie, found.name, cookie)
        if finding is not None:
            report.before_consent.append(finding)
    shown_types = {"cookie"} | {kind for capture in captures for kind in capture.storage_shown}
    for entry in inventory.cookies:
        for name in entry.names:
            if (entry.line, name) in matched:
                continue
            unseen = Unseen(name, entry.line, entry.type)
            (report.unseen if entry.type in shown_types else report.not_checked).append(unseen)
    return report
