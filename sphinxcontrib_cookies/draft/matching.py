"""Which row of the Open Cookie Database describes a cookie a capture shows, and how sure that is.

A name alone proves little: Django's ``sessionid`` is not Instagram's, and ``token`` is the name
of a dozen cookies. A row is drafted as fact only when the capture confirms it, by one of these,
strongest first:

1. **where**: the cookie was seen on one of the row's domains, or set by a host on one of them
   (a response of ``stripe.com``, a script of ``connect.facebook.net``);
2. **a first-party cookie of a third party's script** (``FIRST_PARTY_SET``): ``_ga``, ``_fbp``,
   ``__stripe_mid``... are set on the site's own domain, whatever domain the database gives;
3. **the platform is present**: another cookie of the same platform is confirmed by 1 or 2
   (``__stripe_sid`` beside a confirmed ``__stripe_mid``);
4. **any site**: the row names no domain and is the only platform for that name (``AWSALB``).

A row that nothing confirms is not used: the entry is drafted with TODO values, and the rows
it might be are written as comments, for a person to decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

from ..captures import ObservedCookie, host_in_domain
from .cookie_database import CookieDatabase, KnownCookie

#: Cookies that a third party's script sets on the site's own domain, so that they are
#: first-party cookies of any site that runs the script, although the Open Cookie Database lists
#: some under the third party's domain (``_fbp`` on facebook.com, ``__stripe_mid`` on
#: stripe.com): (platform, name as the database writes it). Each is checked against the
#: database by ``tests/test_draft_matching.py``.
FIRST_PARTY_SET = frozenset(
    {
        ("Google Analytics", "_ga"),
        ("Google Analytics", "_ga_"),
        ("Google Analytics", "_gid"),
        ("Google Analytics", "_gat"),
        ("Google", "_gcl_au"),
        ("Facebook", "_fbp"),
        ("Facebook", "_fbc"),
        ("Stripe", "__stripe_mid"),
        ("Stripe", "__stripe_sid"),
        ("Microsoft", "_clck"),
        ("Microsoft", "_clsk"),
        ("Bing / Microsoft", "_uetsid"),
        ("Bing / Microsoft", "_uetvid"),
        ("Pinterest", "_pin_unauth"),
        ("Hubspot", "__hstc"),
        ("Hubspot", "hubspotutk"),
        ("Hubspot", "__hssc"),
        ("Hubspot", "__hssrc"),
        ("Matomo", "_pk_id"),
        ("Matomo", "_pk_ses"),
        ("Hotjar", "_hjSessionUser_"),
        ("Hotjar", "_hjSession_"),
    }
)

#: Why a row was drafted as fact, by strength (see the module's docstring).
WHERE, FIRST_PARTY, PLATFORM, ANY_SITE = 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class Sighting:
    """What a capture shows about one cookie that bears on which row describes it."""

    name: str
    #: Hosts the cookie was seen on or set by (empty for a name given on the command line).
    hosts: tuple[str, ...] = ()
    #: Whether it was seen on the site's own domain (or is a name given for the site).
    on_site: bool = True


@dataclass(frozen=True, slots=True)
class Match:
    """The row drafted as fact (None when none is confirmed), why, and the rows it may be."""

    row: KnownCookie | None
    strength: int = 0
    candidates: tuple[KnownCookie, ...] = ()

    @property
    def reason(self) -> str:
        if self.row is None:
            return ""
        return _REASONS[self.strength].format(platform=self.row.platform)


_REASONS = MappingProxyType(
    {
        WHERE: "seen on or set by a domain of {platform}",
        FIRST_PARTY: "set on the site's own domain by the {platform} script",
        PLATFORM: "other cookies of {platform} were seen",
        ANY_SITE: "the database knows this name for {platform} only, on any site",
    }
)


def sighting_of(cookie: ObservedCookie, site: str | None) -> Sighting:
    hosts = (cookie.host,) + ((cookie.set_by,) if cookie.set_by else ())
    on_site = site is None or host_in_domain(cookie.host, site)
    return Sighting(cookie.name, hosts, on_site)


def _strong(row: KnownCookie, sighting: Sighting) -> int:
    """How a row is confirmed by the cookie's own sighting: WHERE, FIRST_PARTY, or 0."""
    if row.domains and any(host_in_domain(host, d) for host in sighting.hosts for d in row.domains):
        return WHERE
    if sighting.on_site and (row.platform, row.name) in FIRST_PARTY_SET:
        return FIRST_PARTY
    return 0


def _most_specific(rows: list[KnownCookie]) -> list[KnownCookie]:
    """The rows of the exact name, else of the longest prefix (``candidates`` lists them so)."""
    first = rows[0]
    return [row for row in rows if (row.name, row.is_prefix) == (first.name, first.is_prefix)]


def _any_site(rows: list[KnownCookie]) -> KnownCookie | None:
    """The row of a name that no domain ties and only one platform uses."""
    specific = _most_specific(rows)
    if all(not row.domains for row in specific) and len({row.platform for row in specific}) == 1:
        return specific[0]
    return None


class Matcher:
    """Matches the cookies of one capture (or one list of names) together, so that a platform
    confirmed by one cookie counts for the others."""

    def __init__(self, database: CookieDatabase, sightings: Iterable[Sighting]) -> None:
        self.database = database
        #: Platforms that a cookie of the capture confirms by itself, with those cookies' names.
        self.platforms: dict[str, set[str]] = {}
        for sighting in sightings:
            rows = database.candidates(sighting.name)
            confirmed = [row for row in rows if _strong(row, sighting)]
            unique = _any_site(rows) if rows else None
            if unique is not None:
                confirmed.append(unique)
            for row in confirmed:
                self.platforms.setdefault(row.platform, set()).add(sighting.name)

    def _present(self, row: KnownCookie, sighting: Sighting) -> bool:
        """Another cookie confirms the row's platform, and the row may describe a cookie seen
        where this one was: a row tied to other domains never describes a cookie of the site."""
        others = self.platforms.get(row.platform, set()) - {sighting.name}
        return bool(others) and (not row.domains or not sighting.on_site)

    def match(self, sighting: Sighting) -> Match:
        rows = self.database.candidates(sighting.name)
        if not rows:
            return Match(None)
        scored = [(_strong(row, sighting), index, row) for index, row in enumerate(rows)]
        scored += [
            (PLATFORM, index, row) for index, row in enumerate(rows) if self._present(row, sighting)
        ]
        confirmed = sorted(((s, i, row) for s, i, row in scored if s), key=lambda x: x[:2])
        if confirmed:
            strength, _, row = confirmed[0]
            return Match(row, strength, tuple(rows))
        unique = _any_site(rows)
        if unique is not None:
            return Match(unique, ANY_SITE, tuple(rows))
        return Match(None, 0, tuple(rows))
