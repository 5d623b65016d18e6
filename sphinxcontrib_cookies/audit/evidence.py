"""Evidence merged across captures: one observation per cookie, with the best of what each
capture knows about it.

Captures see a cookie differently. A HAR shows a cookie that a script set only in the ``Cookie``
headers of later requests, with no lifetime; a storage state or a scan shows its expiry; a
``Set-Cookie`` header shows who set it. Merging keeps, for each cookie (name, domain, storage):
the most informative lifetime, the first setter any capture names, every place it was seen, and
every consent phase of a scan that showed it. A cookie seen only as sent to a host
(``www.acme.example``) joins the cookie of that name whose domain covers the host
(``.acme.example``), since it is the same cookie seen from the other side.

Time and memory are linear in the observations: each is looked up by its key, and a cookie seen
only as sent is looked up once per label of its host.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..captures import Capture, Lifetime, ObservedCookie


def lifetime_rank(lifetime: Lifetime) -> int:
    """How much a lifetime tells: a figure, then session, then persistent without a figure."""
    if lifetime.kind == "persistent":
        return 3 if lifetime.seconds is not None else 1
    return 2 if lifetime.kind == "session" else 0


def _sent_only(cookie: ObservedCookie) -> bool:
    """Seen only in a request's ``Cookie`` header: no setter, no lifetime, the host it was
    sent to as its domain."""
    return (
        cookie.storage == "cookie"
        and cookie.set_by is None
        and cookie.set_with is None
        and cookie.lifetime.kind == "unknown"
        and not cookie.domain.startswith(".")
    )


def _merged_places(first: ObservedCookie, other: ObservedCookie) -> tuple[str, ...]:
    places = dict.fromkeys(first.every_place)
    places.update(dict.fromkeys(other.every_place))
    return tuple(places) if len(places) > 1 else ()


def _merged_phases(first: ObservedCookie, other: ObservedCookie) -> tuple[tuple[str, str], ...]:
    phases = dict(first.phases)
    for phase, page in other.phases:
        phases.setdefault(phase, page)
    return tuple(phases.items())


def merge(first: ObservedCookie, other: ObservedCookie) -> ObservedCookie:
    """One observation from two of the same cookie; ``first`` was seen first."""
    lifetime = first.lifetime
    if lifetime_rank(other.lifetime) > lifetime_rank(lifetime):
        lifetime = other.lifetime
    return replace(
        first,
        set_by=first.set_by or other.set_by,
        set_with=first.set_with or other.set_with,
        lifetime=lifetime,
        phases=_merged_phases(first, other),
        places=_merged_places(first, other),
    )


def _covering(
    key: tuple[str, str, str], seen: dict[tuple[str, str, str], ObservedCookie]
) -> tuple[str, str, str]:
    """The cookie set for a domain that covers the host a cookie was sent to (the nearest
    domain first), else the cookie's own key: one look-up per label of the host."""
    name, host, storage = key
    labels = host.split(".")
    for start in range(len(labels)):
        candidate = (name, "." + ".".join(labels[start:]), storage)
        if candidate in seen and not _sent_only(seen[candidate]):
            return candidate
    return key


def combine(captures: Iterable[Capture]) -> list[ObservedCookie]:
    """The cookies of several captures, each (name, domain, storage) once, first seen first,
    with the evidence of every capture merged (see the module's docstring)."""
    seen: dict[tuple[str, str, str], ObservedCookie] = {}
    for capture in captures:
        for cookie in capture.cookies:
            key: tuple[str, str, str] = (cookie.name, cookie.domain, cookie.storage)
            known = seen.get(key)
            seen[key] = cookie if known is None else merge(known, cookie)
    merged: dict[tuple[str, str, str], ObservedCookie] = {}
    for seen_key, cookie in seen.items():
        target = _covering(seen_key, seen) if _sent_only(cookie) else seen_key
        known = merged.get(target)
        merged[target] = cookie if known is None else merge(known, cookie)
    return [
        cookie if cookie.domain == domain else replace(cookie, domain=domain)
        for (_, domain, _), cookie in merged.items()
    ]
