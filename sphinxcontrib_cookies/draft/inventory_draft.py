"""A first inventory drafted from what a visit set (or from a list of names), with what the Open
Cookie Database knows filled in and everything else left as ``TODO`` values, which ``check``
reports until someone writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..captures import CONSENT_PHASES, Lifetime, ObservedCookie, host_in_domain
from ..inventory import parse_duration
from .cookie_database import CookieDatabase, KnownCookie
from .matching import Match, Matcher, Sighting, sighting_of

TODO_PURPOSE = "TODO: say what this cookie is for"
TODO_PROVIDER = "TODO: name who sets this cookie"
TODO_DURATION = "TODO: say how long this cookie lives"

#: Our category for each category of the Open Cookie Database: standard ids, whose titles and
#: descriptions are built in (and translated), so the draft needs to say only what needs consent.
CATEGORY_OF = MappingProxyType(
    {
        "Necessary": "necessary",
        "Security": "necessary",
        "Functional": "functional",
        "Personalization": "functional",
        "Analytics": "analytics",
        "Marketing": "marketing",
    }
)
_PHASE_ORDER = list(CONSENT_PHASES)
#: Where cookies that nothing is known about go, until someone sorts them.
UNSORTED = "unclassified"
#: The draft's categories in the order of the page, and whether each needs consent.
CATEGORIES: Mapping[str, bool | None] = MappingProxyType(
    {
        "necessary": False,
        "functional": True,
        "analytics": True,
        "marketing": True,
        UNSORTED: None,
    }
)

#: The web addresses the inventory format accepts.
_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)
_SESSION_WORDS = frozenset(
    {"session", "session cookie", "end of session", "end of session (browser)"}
)
_PERSISTENT_WORDS = frozenset({"persistent", "forever", "unlimited", "permanent"})
_UNIT_ALIASES = MappingProxyType(
    {
        "min": "minute",
        "mins": "minute",
        "sec": "second",
        "secs": "second",
        "hr": "hour",
        "hrs": "hour",
        "yr": "year",
        "yrs": "year",
    }
)


@dataclass
class DraftEntry:
    name: str
    storage: str
    category: str
    purpose: str
    provider: str | None
    duration: str
    party: str | None = None
    domain: str | None = None
    known: KnownCookie | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class DraftProvider:
    name: str
    privacy_policy: str | None


@dataclass
class DraftInventory:
    source: str
    entries: list[DraftEntry]
    providers: dict[str, DraftProvider]

    @property
    def categories(self) -> list[str]:
        used = {entry.category for entry in self.entries}
        return [category for category in CATEGORIES if category in used]

    @property
    def known(self) -> int:
        return sum(entry.known is not None for entry in self.entries)


def duration_from_seconds(seconds: int) -> str:
    """A lifetime in the unit a person would write: ``2 years``, ``400 days``, ``30 minutes``.
    Observed lifetimes are a little short of what was set (the request took time), so round."""
    if seconds >= 86400:
        days = round(seconds / 86400)
        if days % 365 == 0:
            return _amount(days // 365, "year")
        return _amount(days, "day")
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size in (0, size - 1, 1):
            return _amount(round(seconds / size), unit)
    return _amount(seconds, "second")


def _amount(amount: int, unit: str) -> str:
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def duration_from_retention(text: str) -> str | None:
    """The database's retention text (``1 Year``, ``Session``, ``30 mins``) as an inventory
    duration; None when it is not one (``Varies``, ``Unknown``)."""
    lowered = text.strip().lower()
    if lowered in _SESSION_WORDS:
        return "session"
    if lowered in _PERSISTENT_WORDS:
        return "persistent"
    match = re.fullmatch(r"(\d{1,6})\s*([a-z]+)", lowered)
    if not match:
        return None
    unit = _UNIT_ALIASES.get(match.group(2), match.group(2)).removesuffix("s")
    candidate = _amount(int(match.group(1)), unit)
    try:
        parse_duration(candidate)
    except ValueError:
        return None
    return candidate


def _observed_duration(lifetime: Lifetime) -> str | None:
    if lifetime.kind == "session":
        return "session"
    if lifetime.kind == "persistent" and lifetime.seconds is not None:
        return duration_from_seconds(lifetime.seconds)
    return None


def _provider_id(name: str, providers: dict[str, DraftProvider]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "provider"
    candidate, number = base, 1
    while candidate in providers and providers[candidate].name != name:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class _Drafter:
    def __init__(self, database: CookieDatabase, site: str | None) -> None:
        self.database = database
        self.site = site
        self.providers: dict[str, DraftProvider] = {}

    def provider(self, known: KnownCookie) -> str | None:
        if not known.controller:
            return None
        provider_id = _provider_id(known.controller, self.providers)
        url = known.privacy_url if _URL.fullmatch(known.privacy_url) else None
        self.providers.setdefault(provider_id, DraftProvider(known.controller, url))
        return provider_id

    def entry(self, name: str, storage: str, match: Match) -> DraftEntry:
        known = match.row
        if known is None:
            return DraftEntry(
                name,
                storage,
                UNSORTED,
                TODO_PURPOSE,
                TODO_PROVIDER,
                TODO_DURATION,
                comments=_candidate_comments(match.candidates),
            )
        duration = duration_from_retention(known.retention)
        if duration is None and known.retention and known.retention.lower() != "unknown":
            duration = (
                f"TODO: check the duration (the Open Cookie Database says {known.retention!r})"
            )
        return DraftEntry(
            known.declared_name if "*" not in name else name,
            storage,
            CATEGORY_OF.get(known.category, UNSORTED),
            known.description or TODO_PURPOSE,
            self.provider(known),
            duration or TODO_DURATION,
            known=known,
            comments=[f"Open Cookie Database: {known.platform} ({known.category}); {match.reason}"],
        )

    def from_observed(self, observed: Iterable[ObservedCookie]) -> list[DraftEntry]:
        cookies_seen = list(observed)
        matcher = Matcher(self.database, (sighting_of(c, self.site) for c in cookies_seen))
        groups: dict[tuple[str, str, str | None], tuple[DraftEntry, list[ObservedCookie]]] = {}
        for cookie in cookies_seen:
            match = matcher.match(sighting_of(cookie, self.site))
            outside = self.site is not None and not host_in_domain(cookie.host, self.site)
            declared = match.row.declared_name if match.row else cookie.name
            key = (declared, cookie.storage, cookie.domain if outside else None)
            if key not in groups:
                draft = self.entry(cookie.name, cookie.storage, match)
                if outside:
                    draft.domain = cookie.domain
                groups[key] = (draft, [])
            groups[key][1].append(cookie)
        entries = []
        for draft, cookies in groups.values():
            observed_duration = next(
                (found for c in cookies if (found := _observed_duration(c.lifetime))), None
            )
            if draft.storage == "local-storage" and draft.duration == TODO_DURATION:
                draft.duration = "persistent"  # kept until the visitor clears it
            if observed_duration and draft.storage == "cookie":
                draft.duration = observed_duration
            if self.site is not None:
                inside = all(host_in_domain(c.host, self.site) for c in cookies)
                draft.party = "first" if inside else "third"
            names = sorted({c.name for c in cookies})
            seen = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            first = cookies[0]
            by = f", set by {first.set_by}" if first.set_by else ""
            where = "local storage of" if first.storage == "local-storage" else "seen on"
            draft.comments.insert(0, f"{seen}: {where} {first.domain} at {first.seen_at}{by}")
            phases = sorted(
                {phase for c in cookies for phase, _ in c.phases}, key=_PHASE_ORDER.index
            )
            if phases:
                draft.comments.insert(1, f"seen in the scan's phases: {', '.join(phases)}")
            entries.append(draft)
        return entries

    def from_names(self, names: Iterable[str]) -> list[DraftEntry]:
        """Names given for the site: a row tied to other domains is not confirmed by a name."""
        given = list(names)
        matcher = Matcher(self.database, (Sighting(name) for name in given))
        entries: dict[str, DraftEntry] = {}
        for name in given:
            draft = self.entry(name, "cookie", matcher.match(Sighting(name)))
            entries.setdefault(draft.name, draft)
        return list(entries.values())


#: Candidates listed in a comment, at most; the rest are counted.
SHOWN_CANDIDATES = 3
DESCRIPTION_LENGTH = 90


def _candidate_comments(candidates: tuple[KnownCookie, ...]) -> list[str]:
    """Comments for a cookie the database may know, but that the capture does not confirm."""
    if not candidates:
        return ["not in the Open Cookie Database"]
    comments = ["the Open Cookie Database knows this name, but what was seen does not confirm it:"]
    for row in candidates[:SHOWN_CANDIDATES]:
        where = f" on {', '.join(row.domains)}" if row.domains else ""
        text = row.description
        if len(text) > DESCRIPTION_LENGTH:
            text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + "..."
        comments.append(
            f"- {row.declared_name!r} of {row.platform} ({row.category}){where}: {text}"
        )
    if len(candidates) > SHOWN_CANDIDATES:
        comments.append(f"- and {len(candidates) - SHOWN_CANDIDATES} more")
    return comments


def _ordered(entries: list[DraftEntry]) -> list[DraftEntry]:
    order = list(CATEGORIES)
    return sorted(entries, key=lambda entry: order.index(entry.category))


def draft_from_observed(
    observed: Iterable[ObservedCookie], database: CookieDatabase, site: str | None, source: str
) -> DraftInventory:
    """Cookies of a family that the database knows by its prefix (``_ga_ABC``, ``_ga_XYZ``)
    become one entry with a pattern (``_ga_*``); ``site`` decides the party."""
    drafter = _Drafter(database, site)
    return DraftInventory(source, _ordered(drafter.from_observed(observed)), drafter.providers)


def draft_from_names(names: Iterable[str], database: CookieDatabase) -> DraftInventory:
    drafter = _Drafter(database, None)
    entries = drafter.from_names(names)
    return DraftInventory("names given on the command line", _ordered(entries), drafter.providers)
