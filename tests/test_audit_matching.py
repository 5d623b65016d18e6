"""Audit rules on their own: names and patterns, domains, and what counts as a far duration."""

from __future__ import annotations

import pytest

from sphinxcontrib_cookies.audit import FAR_FACTOR, audit_inventory, lifetime_mismatch
from sphinxcontrib_cookies.captures import Capture, Lifetime, ObservedCookie
from sphinxcontrib_cookies.inventory import parse_duration, parse_inventory
from sphinxcontrib_cookies.inventory.names import name_matches, name_regex


@pytest.mark.parametrize(
    ("declared", "name", "matches"),
    [
        ("_ga_*", "_ga_ABC123", True),
        ("_ga_*", "_ga_", True),
        ("_ga_*", "x_ga_ABC", False),
        ("_ga_*", "_ga", False),
        ("_pk_id.*", "_pk_id.1.abcd", True),
        ("_pk_id.*", "_pk_idX1", False),  # the dot is a dot
        ("a?b", "axb", False),  # only * is special
        ("a?b", "a?b", True),
        ("*_session", "shop_session", True),
        ("sessionid", "SESSIONID", False),  # cookie names are case-sensitive
    ],
)
def test_names_and_patterns(declared: str, name: str, matches: bool) -> None:
    assert name_matches(declared, name) is matches


def test_regex_escapes_the_same_in_javascript() -> None:
    assert name_regex("a.b(c)*[d]/e") == r"^a\.b\(c\)[\s\S]*\[d\]\/e$"


DAY = 86400


@pytest.mark.parametrize(
    ("declared", "observed", "far"),
    [
        ("10 days", 10 * DAY, False),
        ("10 days", int(10 * DAY * FAR_FACTOR), False),
        ("10 days", int(10 * DAY * FAR_FACTOR) + 1, True),
        ("10 days", int(10 * DAY / FAR_FACTOR), False),
        ("10 days", int(10 * DAY / FAR_FACTOR) - 1, True),
        ("2 years", 400 * DAY, False),  # browsers cap cookies at 400 days
        ("persistent", 3 * DAY, False),
    ],
)
def test_far_durations(declared: str, observed: int, far: bool) -> None:
    lifetime = Lifetime("persistent", observed, "Max-Age")
    problem = lifetime_mismatch(parse_duration(declared), lifetime)
    assert (problem is not None) is far


def test_session_against_persistent() -> None:
    session, year = parse_duration("session"), parse_duration("P1Y")
    assert lifetime_mismatch(session, Lifetime("session")) is None
    assert lifetime_mismatch(session, Lifetime("persistent", 60, "Max-Age")) == (
        "lives 60 seconds (Max-Age), but the inventory says session"
    )
    assert lifetime_mismatch(year, Lifetime("session")) == (
        "is a session cookie, but the inventory says 1 year"
    )
    assert lifetime_mismatch(year, Lifetime("unknown")) is None


INVENTORY = b"""\
categories:
  c: {title: C, description: C}
cookies:
  - {name: "id", category: c, purpose: Any domain.}
  - {name: "id", category: c, purpose: Shop only., domain: shop.example.com}
  - {name: "id*", category: c, purpose: A pattern., domain: .example.com}
  - {name: "ls", category: c, purpose: Stored., type: local-storage}
"""


def test_the_most_specific_entry_declares_a_cookie() -> None:
    inventory = parse_inventory(INVENTORY, "i.yaml")
    assert inventory.problems == ()
    observed = (
        ObservedCookie("id", "shop.example.com", "u", None),  # exact name, with its domain
        ObservedCookie("id", "www.example.com", "u", None),  # exact name, any domain
        ObservedCookie("id2", "www.example.com", "u", None),  # the pattern
        ObservedCookie("id2", "www.example.org", "u", None),  # outside the pattern's domain
        ObservedCookie("ls", "www.example.com", "u", None, storage="local-storage"),
    )
    report = audit_inventory(inventory, [Capture("c", "har", observed, has_local_storage=True)])
    assert [(c.name, c.domain) for c in report.undeclared] == [("id2", "www.example.org")]
    assert report.unseen == []
    assert report.mismatches == []
