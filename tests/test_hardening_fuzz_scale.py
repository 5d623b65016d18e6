"""Fuzzing at scale: long values, many entries, wildcard-heavy names and capture files.

Each generated case must stay within a budget of processor time and memory in proportion to its
size (``tests/fuzzing.py``), give located problems only, and lose nothing it should keep. The
shapes are the ones that made a loader or a matcher do work out of proportion to the input: a
value of hundreds of thousands of characters, tens of thousands of entries, names made of
wildcards tested against long names, captures of many or odd cookies.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_cookies.audit import audit_inventory
from sphinxcontrib_cookies.captures import CaptureError, parse_capture
from sphinxcontrib_cookies.inventory import (
    DEFAULT_LIMITS,
    InventoryError,
    InventoryLimits,
    parse_inventory,
)
from sphinxcontrib_cookies.inventory.names import name_matches, name_regex

from fuzzing import Budget, fuzz_settings

pytestmark = [pytest.mark.slow, pytest.mark.fuzz]

PATH = "scale/cookies.yaml"
BUDGET = Budget()
RAISED = InventoryLimits(
    name_length=10_000_000, text_length=10_000_000, names_per_entry=10**6, entries=10**6
)
HEAD = "categories:\n  site: {title: Site, description: Needed.}\ncookies:\n"
CAPTURED_AT = datetime(2026, 11, 29, tzinfo=UTC)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def parsed_within_budget(text: str, limits: InventoryLimits = DEFAULT_LIMITS) -> Any:
    data = text.encode("utf-8", "surrogatepass")
    with BUDGET.held(len(data), "loading"):
        try:
            inventory = parse_inventory(data, PATH, limits=limits)
        except InventoryError as error:
            return error.problem
    lines = len(re.findall(rb"\r\n|\r|\n", data)) + 1
    for problem in inventory.problems:
        assert 1 <= problem.line <= lines and problem.message.isprintable(), problem
        assert len(problem.message) < 2000
    return inventory


# --- long values ----------------------------------------------------------------------------------

#: Runs of one character, or of a few, with or without spaces: what costs a builder or a loader
#: the most per character (one word, wide characters, combining marks, escapes).
long_text = st.builds(
    lambda unit, count: unit * count,
    st.sampled_from(
        ["x", "ab ", "\u4e2d", "e\u0301", "\\", "*", "a_", "-", "\u200b", "\U0001f36a"]
    ),
    st.integers(1_000, 120_000),
)
FIELDS = ("name", "purpose", "function", "duration", "domain", "provider", "title")


@fuzz_settings(20)
@given(long_text, st.sampled_from(FIELDS), st.booleans())
def test_a_long_value_is_read_within_budget_and_cut_to_its_limit(
    text: str, field: str, raised: bool
) -> None:
    entry = {"name": "a", "category": "site", "purpose": "p"}
    head = HEAD
    if field == "title":
        head = HEAD.replace("{title: Site,", f"{{title: {quoted(text)},")
    else:
        entry[field] = text
    body = ", ".join(f"{key}: {quoted(value)}" for key, value in entry.items())
    loaded = parsed_within_budget(f"{head}  - {{{body}}}\n", RAISED if raised else DEFAULT_LIMITS)
    assert not isinstance(loaded, Exception)
    [cookie] = loaded.cookies  # nothing lost: the entry is there, whatever its value
    if field == "name" and not raised:
        assert len(cookie.names[0]) <= DEFAULT_LIMITS.name_length + 1
    if field == "purpose" and not raised and cookie.purpose is not None:
        assert len(cookie.purpose.resolve(None)) <= DEFAULT_LIMITS.text_length + 1


# --- many entries ---------------------------------------------------------------------------------


@st.composite
def many_entries(draw: st.DrawFn) -> tuple[str, int, int]:
    """An inventory of many entries (a few of each kind of problem among them), with the count
    of entries and of those with a usable name."""
    count = draw(st.integers(1, 30_000))
    every = draw(st.sampled_from([0, 2, 7, 1000]))
    flaws = ("party: x", "duration: 3 moons", "category: nowhere", "purpse: typo", 'name: ""')
    flaw = draw(st.sampled_from(flaws))
    lines = []
    nameless = 0
    for number in range(count):
        broken = every and number % every == 0
        extra = f", {flaw}" if broken else ""
        if broken and flaw.startswith("name"):
            nameless += 1
            lines.append(f"  - {{category: site, purpose: p{extra}}}\n")
        else:
            lines.append(f"  - {{name: c{number}, category: site, purpose: p{extra}}}\n")
    return HEAD + "".join(lines), count, count - nameless


@fuzz_settings(12)
@given(many_entries(), st.sampled_from([DEFAULT_LIMITS.entries, 500, 10**6]))
def test_many_entries_are_read_within_budget_and_none_is_lost(
    case: tuple[str, int, int], limit: int
) -> None:
    text, count, named = case
    limits = InventoryLimits(entries=limit)
    loaded = parsed_within_budget(text, limits)
    assert not isinstance(loaded, Exception)
    if count <= limit:
        assert len(loaded.cookies) == named
    else:
        assert len(loaded.cookies) <= limit
        assert any(problem.kind == "limit" for problem in loaded.problems)


# --- wildcard-heavy names -------------------------------------------------------------------------

wildcard_names = st.one_of(
    st.text(alphabet="*ab_", min_size=1, max_size=60),
    st.builds(lambda part, count: part * count, st.sampled_from(["*a", "a*", "**", "*ab"]),
              st.integers(1, 120)),
)  # fmt: skip
observed_names = st.one_of(
    st.text(alphabet="ab_", max_size=40),
    st.builds(lambda unit, count: unit * count, st.sampled_from(["a", "ab", "ba"]),
              st.integers(1, 4_000)),
)  # fmt: skip


@fuzz_settings(60)
@given(wildcard_names, observed_names)
def test_wildcards_match_within_budget_and_as_their_expression_says(
    declared: str, name: str
) -> None:
    with BUDGET.held(len(declared) + len(name), "matching"):
        matches = name_matches(declared, name)
        expression = re.fullmatch(name_regex(declared), name) is not None
    assert matches is expression


# --- capture files --------------------------------------------------------------------------------

#: Stands for a number of 5,000 digits in the JSON text (Python cannot write one with ``json``).
HUGE = "\x00huge\x00"
odd_values = st.one_of(
    st.text(max_size=30),
    # lone surrogates, which JSON can carry and UTF-8 cannot
    st.text(st.characters(categories=["Cs", "Cc", "Lo"]), max_size=10),
    # past what a float holds, and past Python's 4,300 digits of an int read from text
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, -(10**400), HUGE]),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.builds(lambda unit, count: unit * count, st.sampled_from(["a", "\u4e2d", ";", "="]),
              st.integers(100, 20_000)),
)  # fmt: skip
cookie_names = st.one_of(st.text(alphabet="_gaid*.-", min_size=1, max_size=20), odd_values)


def har(cookies: list[tuple[Any, Any, Any]]) -> dict[str, Any]:
    entries = [
        {
            "startedDateTime": "2026-11-29T10:00:00Z",
            "request": {"url": "https://shop.example/", "headers": []},
            "response": {
                "headers": [
                    {"name": "Set-Cookie", "value": f"{name}={value}; Max-Age={age}"}
                    for name, value, age in cookies
                ],
                "cookies": [{"name": name, "value": value} for name, value, _ in cookies],
            },
        }
    ]
    return {"log": {"version": "1.2", "pages": [], "entries": entries}}


def storage_state(cookies: list[tuple[Any, Any, Any]]) -> dict[str, Any]:
    return {
        "cookies": [
            {"name": name, "value": value, "domain": ".shop.example", "expires": expires}
            for name, value, expires in cookies
        ],
        "origins": [],
    }


def cookies_txt(cookies: list[tuple[Any, Any, Any]]) -> str:
    rows = [
        f".shop.example\tTRUE\t/\tFALSE\t{expires}\t{name}\t{value}"
        for name, value, expires in cookies
    ]
    return "# Netscape HTTP Cookie File\n" + "\n".join(rows) + "\n"


@st.composite
def capture_files(draw: st.DrawFn) -> bytes:
    cookies = draw(st.lists(st.tuples(cookie_names, odd_values, odd_values), max_size=300))
    many = draw(st.sampled_from([0, 0, 5_000, 20_000]))  # a long visit
    cookies += [(f"_ga_{number}", "1", 31536000) for number in range(many)]
    shape = draw(st.sampled_from(["har", "storage-state", "cookies-txt"]))
    if shape == "cookies-txt":
        data = cookies_txt(cookies).encode("utf-8", "replace")
    else:
        document = har(cookies) if shape == "har" else storage_state(cookies)
        data = json.dumps(document).replace(json.dumps(HUGE), "9" * 5000).encode()
    if draw(st.booleans()):  # a broken editor, a truncated download
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


DECLARED = (
    HEAD
    + "  - {name: _ga, category: site, purpose: p, duration: 2 years}\n"
    + "  - {name: '_ga_*', category: site, purpose: p}\n"
    + "  - {name: '*a*a*a*a*a*a*a*a*b', category: site, purpose: p}\n"
)


@fuzz_settings(40)
@given(capture_files())
def test_a_capture_file_is_read_and_audited_within_budget(data: bytes) -> None:
    inventory = parse_inventory(DECLARED.encode(), PATH)
    with BUDGET.held(len(data), "reading and auditing a capture"):
        try:
            capture = parse_capture(data, "capture", None, CAPTURED_AT)
        except CaptureError:
            return
        report = audit_inventory(inventory, [capture])
    assert report.observed == len(capture.cookies)
    json.dumps(report.to_json(), ensure_ascii=False)
