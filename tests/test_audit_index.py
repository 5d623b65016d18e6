"""The name index that ``audit`` and ``init`` match through gives exactly what comparing every
declared name with every cookie gives (issue 17: linear matching, identical output)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_cookies.audit.compare import best_match
from sphinxcontrib_cookies.captures import ObservedCookie, host_in_domain
from sphinxcontrib_cookies.draft import KnownCookie
from sphinxcontrib_cookies.draft.cookie_database import CookieDatabase
from sphinxcontrib_cookies.inventory import Cookie, LocalizedText
from sphinxcontrib_cookies.inventory.name_index import NameIndex, PrefixIndex
from sphinxcontrib_cookies.inventory.names import is_pattern, name_matches

#: Few letters, so that generated names and patterns often meet.
NAMES = st.text(alphabet="ab_*", min_size=0, max_size=6)
SEEN_NAMES = st.text(alphabet="ab_", min_size=1, max_size=6)
DOMAINS = st.sampled_from([None, ".example.com", "www.example.com", ".other.org"])
HOSTS = st.sampled_from(["www.example.com", "example.com", "cdn.other.org", "x.net"])
STORAGES = st.sampled_from(["cookie", "local-storage"])


def cookie(line: int, names: list[str], storage: str, domain: str | None) -> Cookie:
    return Cookie(
        names=tuple(dict.fromkeys(name for name in names if name)),
        category="c",
        purpose=LocalizedText.plain("p"),
        provider=None,
        function=None,
        duration=None,
        party=None,
        type=storage,
        domain=domain,
        line=line,
    )


ENTRIES = st.lists(
    st.tuples(st.lists(NAMES, min_size=1, max_size=3), STORAGES, DOMAINS), max_size=12
)


def every_comparison(cookies: list[Cookie], observed: ObservedCookie) -> tuple[int, str] | None:
    """The rule as written: every declared name against the cookie, the preferred one kept."""
    candidates = [
        (c.type != observed.storage, is_pattern(name), c.domain is None, position, c.line, name)
        for position, c in enumerate(cookies)
        for name in c.names
        if (c.domain is None or host_in_domain(observed.host, c.domain))
        and name_matches(name, observed.name)
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda candidate: candidate[:4])
    return best[4], best[5]


@settings(max_examples=150, deadline=None)
@given(ENTRIES, st.lists(st.tuples(SEEN_NAMES, HOSTS, STORAGES), min_size=1, max_size=8))
def test_the_index_matches_as_every_comparison_does(
    entries: list[tuple[list[str], str, str | None]], seen: list[tuple[str, str, str]]
) -> None:
    cookies = [cookie(line, *entry) for line, entry in enumerate(entries, start=1)]
    cookies = [c for c in cookies if c.names]
    index = NameIndex(cookies)
    for name, host, storage in seen:
        observed = ObservedCookie(name, host, "https://x/", None, storage=storage)  # type: ignore[arg-type]
        found = best_match(index, observed)
        assert (None if found is None else (found.cookie.line, found.name)) == every_comparison(
            cookies, observed
        )


def test_prefixes_along_a_name_shortest_first() -> None:
    index = PrefixIndex([("_ga", 1), ("", 0), ("_ga_", 2), ("_gid", 3), ("_ga_", 4)])
    assert index.along("_ga_ABC") == [0, 1, 2, 4]
    assert index.along("_g") == [0]
    assert index.along("") == [0]


def known(name: str, is_prefix: bool) -> KnownCookie:
    return KnownCookie("p", "Analytics", name, (), "", "", "", "", is_prefix)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.text(alphabet="ab_", max_size=4), st.booleans()), max_size=10),
    st.lists(st.text(alphabet="ab_*", max_size=6), min_size=1, max_size=6),
)
def test_database_candidates_most_specific_first(
    rows: list[tuple[str, bool]], names: list[str]
) -> None:
    database = CookieDatabase([known(name, is_prefix) for name, is_prefix in rows if name])
    for name in names:
        expected = list(database.exact.get(name, ()))
        for prefix in sorted(database.prefixes, key=len, reverse=True):
            if name.rstrip("*").startswith(prefix):
                expected.extend(database.prefixes[prefix])
        assert database.candidates(name) == expected
