"""The inventory layer alone: what the YAML says, checked, without Sphinx."""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

import pytest
import yaml

from sphinxcontrib_cookies.inventory import (
    Duration,
    InventoryError,
    LocalizedText,
    parse_duration,
    parse_inventory,
    yamltree,
)
from sphinxcontrib_cookies.inventory.yamltree import compose

from conftest import ROOTS

HEAD = """\
categories:
  necessary:
    title: Necessary
    description: Needed.
cookies:
"""


def load(cookies: str) -> object:
    return parse_inventory((HEAD + cookies).encode(), "inventory.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("session", Duration("session")),
        ("Persistent", Duration("persistent")),
        ("P2Y", Duration("period", (("year", 2),))),
        ("P13M", Duration("period", (("month", 13),))),
        ("P1Y6M", Duration("period", (("year", 1), ("month", 6)))),
        ("P1DT12H", Duration("period", (("day", 1), ("hour", 12)))),
        ("PT30M", Duration("period", (("minute", 30),))),
        ("P2W", Duration("period", (("week", 2),))),
        ("86400", Duration("period", (("day", 1),))),
        ("5400", Duration("period", (("hour", 1), ("minute", 30)))),
        ("0", Duration("period", (("second", 0),))),
        ("13 months", Duration("period", (("month", 13),))),
        ("1 Year", Duration("period", (("year", 1),))),
        ("30 DAYS", Duration("period", (("day", 30),))),
        ("1 second", Duration("period", (("second", 1),))),
    ],
)
def test_durations_stay_as_written(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["P", "PT", "P1H", "13 moons", "1:30", "-5", "P1.5Y", "forever", "1" * 20, "13months x"]
)
def test_bad_durations_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration; write 'session'"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("13 monts", "did you mean '13 months'?"),
        ("2 Yeras", "did you mean '2 years'?"),
        ("1.5 years", "whole numbers only: write '18 months'"),
        ("2,5 days", "whole numbers only: write '60 hours'"),
        ("1.5 weeks", "whole numbers only: write '252 hours'"),
        ("0.5 hours", "whole numbers only: write '30 minutes'"),
        ("1.5 months", "whole numbers only: round it, or write it in a smaller unit such as days"),
        ("0.25 seconds", "whole numbers only: round it to whole seconds"),
    ],
)
def test_nearly_durations_say_what_to_write(text: str, hint: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_duration(text)
    assert str(raised.value) == f"'{text}' is not a duration; {hint}"


def test_text_picks_language_then_base_then_english_then_first() -> None:
    text = LocalizedText((("de", "Hallo"), ("en", "Hello"), ("fr", "Bonjour")))
    assert text.resolve("fr") == "Bonjour"
    assert text.resolve("fr_CA") == "Bonjour"
    assert text.resolve("fr-ca") == "Bonjour"
    assert text.resolve("es") == "Hello"
    assert text.resolve(None) == "Hello"
    assert LocalizedText((("de", "Hallo"), ("it", "Ciao"))).resolve("es") == "Hallo"
    assert LocalizedText.plain("Same").resolve("fr") == "Same"


def test_yaml_11_coercions_do_not_happen() -> None:
    inventory = load(
        """\
  - names: [on, no, yes, off, 2024-01-01, 1:30, 0x1F, 1e3, ~x, .inf]
    category: necessary
    purpose: 012
"""
    )
    cookie = inventory.cookies[0]  # type: ignore[attr-defined]
    assert cookie.names == (
        "on",
        "no",
        "yes",
        "off",
        "2024-01-01",
        "1:30",
        "0x1F",
        "1e3",
        "~x",
        ".inf",
    )
    assert cookie.purpose.resolve(None) == "012"


def test_python_tags_never_run() -> None:
    inventory = load(
        """\
  - name: !!python/object/apply:os.system ["echo pwned > /tmp/cookies-pwned"]
    category: necessary
    purpose: x
"""
    )
    problems = inventory.problems  # type: ignore[attr-defined]
    assert any("tag" in problem.message and problem.line == 6 for problem in problems)
    assert inventory.cookies == ()  # type: ignore[attr-defined]


def test_aliases_are_refused_quickly() -> None:
    laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        laughs.append(
            f"{'abcdefghijkl'[level]}: &{'abcdefghijkl'[level]} "
            + "["
            + ", ".join([f"*{'abcdefghijkl'[level - 1]}"] * 10)
            + "]"
        )
    inventory = parse_inventory(("\n".join(laughs) + "\n").encode(), "laughs.yaml")
    assert any("alias" in problem.message for problem in inventory.problems)
    assert inventory.cookies == ()


def test_fatal_problems_raise_one_error_type_with_a_line() -> None:
    for data, kind, line in [
        (b"", "empty", 1),
        (b"- a\n- b\n", "structure", 1),
        (b"a: [\n", "yaml", 2),
        (b"categories: {}\n---\ncookies: []\n", "yaml", 2),
        (b"a: 1\nb: \xff\n", "encoding", 2),
        (b"x: " + b"[" * 60 + b"]" * 60 + b"\n", "limit", 1),
    ]:
        with pytest.raises(InventoryError) as caught:
            parse_inventory(data, "bad.yaml")
        assert (caught.value.problem.kind, caught.value.problem.line) == (kind, line), data


def test_an_entry_with_a_problem_is_kept_with_its_value_as_written() -> None:
    inventory = load(
        """\
  - name: good
    category: necessary
    purpose: fine
  - name: bad
    category: necessary
    purpose: fine
    type: cookie-jar
  - name: also_good
    category: necessary
    purpose: fine
    provider: Someone
    type: indexeddb
"""
    )
    cookies = inventory.cookies  # type: ignore[attr-defined]
    assert [cookie.names for cookie in cookies] == [("good",), ("bad",), ("also_good",)]
    assert (cookies[1].type, cookies[1].problem_fields) == ("cookie-jar", ("type",))
    (problem,) = inventory.problems  # type: ignore[attr-defined]
    assert (problem.kind, problem.line) == ("value", 12)
    assert "cookie-jar" in problem.message


def test_same_name_on_different_domains_is_allowed() -> None:
    inventory = load(
        """\
  - name: sid
    category: necessary
    purpose: a
    domain: a.example
  - name: sid
    category: necessary
    purpose: b
    domain: b.example
"""
    )
    assert len(inventory.cookies) == 2 and inventory.problems == ()  # type: ignore[attr-defined]


def test_bom_is_accepted() -> None:
    inventory = parse_inventory(
        b"\xef\xbb\xbf" + (HEAD + "  []\n").replace("cookies:\n  []", "cookies: []").encode(),
        "bom.yaml",
    )
    assert inventory.problems == ()


def test_empty_and_blank_keys_and_names_are_reported_once() -> None:
    head = (
        "categories:\n  a: {title: A, description: B}\n  ~: {title: C, description: D}\ncookies:\n"
    )
    # An entry with no usable name is left out; one with a usable name is kept.
    cases = [
        ('  - {name: "", category: a, purpose: x}\n', "the cookie name is empty", ()),
        ('  - {name: "  ", category: a, purpose: x}\n', "the cookie name is empty", ()),
        (
            "  - {name: [x], category: a, purpose: x}\n",
            "the cookie name must be text, not a list",
            (),
        ),
        (
            '  - {names: [ok, ""], category: a, purpose: x}\n',
            "a cookie name in 'names' is empty",
            (("ok",),),
        ),
        (
            "  - {name: ok, category: a, purpose: {~: x, en: y}}\n",
            "a language code in the purpose",
            (("ok",),),
        ),
    ]
    for body, message, kept in cases:
        inventory = parse_inventory((head + body).encode(), "blank.yaml")
        problems = [(problem.line, problem.message) for problem in inventory.problems]
        assert problems[0] == (3, "a category id is empty; write it out")
        assert len(problems) == 2 and problems[1][0] == 5, problems
        assert problems[1][1].startswith(message), problems
        assert tuple(cookie.names for cookie in inventory.cookies) == kept


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("text", [HEAD + "  - name: a\n    category: necessary\n", "", "[1, 2"])
def test_the_collector_is_left_as_it_was(enabled: bool, text: str) -> None:
    """Whether the file reads, is empty or is not YAML, the parse leaves Python's collector
    as the process had it."""
    (gc.enable if enabled else gc.disable)()
    try:
        with contextlib.suppress(InventoryError):
            parse_inventory(text.encode(), "inventory.yaml")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_no_collection_runs_while_a_file_is_parsed() -> None:
    """The collector would walk the growing tree again and again for nothing (nothing in it is
    garbage): a parse runs with it paused, and it runs once the parse is over (a young and at
    most an older generation), where the same text composed with it running, as a check of
    this test, sets off a collection every few hundred objects."""
    text = HEAD + "".join(f"  - name: c{i}\n    category: necessary\n" for i in range(3000))
    starts: list[int] = []

    def on_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.enable()
    gc.collect()  # from empty generations: what the parse allocates alone would set them off
    gc.callbacks.append(on_collection)
    try:
        parse_inventory(text.encode(), "inventory.yaml")
        after_parse = list(starts)
        gc.collect()
        starts.clear()
        compose(text, "inventory.yaml")
        assert len(after_parse) <= 2 and after_parse[:1] in ([], [0])
        assert len(starts) > 10
    finally:
        gc.callbacks.remove(on_collection)


@pytest.mark.parametrize(
    "path", sorted(ROOTS.glob("test-*/*.yaml")), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_pyyaml_without_libyaml_composes_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where PyYAML has no libyaml, its parser in Python gives the composer the same events."""
    text = path.read_text(encoding="utf-8", errors="replace")
    with_libyaml = _composed(text)
    monkeypatch.setattr(yamltree, "_Parser", yaml.loader.SafeLoader)
    assert _composed(text) == with_libyaml


def _composed(text: str) -> object:
    try:
        return compose(text, "cookies.yaml")
    except InventoryError as error:  # (the parsers word a syntax error each its own way)
        return error.problem.line, error.problem.kind
