"""Wildcards are matched without backtracking, in Python and in the exported JavaScript; a
category id can never set a JavaScript object's prototype.

A pattern such as ``*a*a*a*a*Q`` against a long name made a backtracking matcher try a number of
splits that grows as a power of the name's length (``*`` thirty times against
``_ga_1234567890AB`` ran past a minute in Python; twelve characters past a minute in node).
The hostile cases below run in a child process with a generous limit: a matcher that
backtracks never finishes them, a linear one finishes them at once.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_cookies.export.cookieconsent import cookieconsent_script
from sphinxcontrib_cookies.inventory import parse_inventory
from sphinxcontrib_cookies.inventory.names import (
    MAX_WILDCARDS,
    name_matches,
    name_regex,
    wildcard_count,
)

from conftest import build_copy, strip_colors

#: What a child process may take for all the hostile cases together: a linear matcher needs
#: milliseconds, a backtracking one hours.
HANG_LIMIT = 60

#: Each with whether it matches (worked out by hand: a backtracking reference would hang).
HOSTILE = [
    ("*" * 30 + "Q", "_ga_1234567890AB", False),
    ("*a" * 10 + "Q", "a" * 5000, False),
    ("*a*a*a*a*a*a*a*a*a*b", "a" * 3000, False),
    ("a*" * 10, "a" * 20 + "b" * 5000, True),
    ("*" + "ab*" * 9 + "c", "ab" * 3000, False),
    ("*" + "ab*" * 9 + "c", "ab" * 3000 + "c", True),
]


def reference(declared: str, name: str) -> bool:
    """The meaning of a pattern, by brute force over where each part starts."""
    parts = declared.split("*")
    if len(parts) == 1:
        return declared == name
    pattern = ".*".join(re.escape(part) for part in parts)
    return re.fullmatch(pattern, name, re.DOTALL) is not None


small_names = st.text(alphabet="ab*", max_size=8)
small_texts = st.text(alphabet="ab", max_size=10)


@settings(max_examples=400, derandomize=True)
@given(small_names, small_texts)
def test_the_linear_matcher_and_the_exported_expression_mean_what_a_pattern_says(
    declared: str, name: str
) -> None:
    expected = reference(declared, name)
    assert name_matches(declared, name) is expected
    assert (re.fullmatch(name_regex(declared), name) is not None) is expected


def test_runs_of_wildcards_are_one_wildcard() -> None:
    assert wildcard_count("a***b*") == 2
    assert name_regex("***") == name_regex("*") == r"^[\s\S]*$"
    assert name_regex("_ga_*") == r"^_ga_[\s\S]*$"
    assert name_regex("a*.b*c") == r"^a(?=([\s\S]*?\.b))\1[\s\S]*c$"


def run_child(code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=True,
    )


def test_hostile_patterns_do_not_backtrack_in_python() -> None:
    code = (
        "import json, re, sys\n"
        "from sphinxcontrib_cookies.inventory.names import name_matches, name_regex\n"
        "cases = json.loads(sys.argv[1])\n"
        "print(json.dumps([[name_matches(p, n), re.fullmatch(name_regex(p), n) is not None]"
        " for p, n in cases]))\n"
    )
    result = run_child(code, json.dumps([[p, n] for p, n, _ in HOSTILE]))
    found = json.loads(result.stdout)
    assert found == [[matches, matches] for _, _, matches in HOSTILE]


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed: cannot run the exported script")
def test_hostile_patterns_do_not_backtrack_in_javascript() -> None:
    """The expressions, as the exported script builds them, tested as cookieconsent tests them
    against every cookie of the page."""
    cases = [[name_regex(p), n] for p, n, _ in HOSTILE]
    script = (
        "const cases = JSON.parse(process.argv[1]);\n"
        "console.log(JSON.stringify(cases.map(([p, n]) => new RegExp(p).test(n))));\n"
    )
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", script, json.dumps(cases)],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=True,
    )
    assert json.loads(result.stdout) == [matches for _, _, matches in HOSTILE]


@pytest.mark.skipif(NODE is None, reason="node is not installed: cannot run the exported script")
def test_javascript_reads_the_expressions_as_python_does() -> None:
    pairs = [
        (p, n)
        for p in ("_ga_*", "*_id", "a*b*c", "_pk_*.*", "x*", "*", "a.b*", "(*)", "[a]*{2}")
        for n in ("_ga_1", "_ga_", "user_id", "abc", "aXbYc", "acb", "_pk_id.1", "x", "a.bc",
                  "aXbc", "(x)", "[a]{2}", "[a]x{2}", "\n")
    ]  # fmt: skip
    script = (
        "const cases = JSON.parse(process.argv[1]);\n"
        "console.log(JSON.stringify(cases.map(([p, n]) => new RegExp(p).test(n))));\n"
    )
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", script, json.dumps([[name_regex(p), n] for p, n in pairs])],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=True,
    )
    assert json.loads(result.stdout) == [name_matches(p, n) for p, n in pairs]


def test_a_name_with_too_many_wildcards_is_read_up_to_its_last_allowed_one() -> None:
    declared = "*a" * (MAX_WILDCARDS + 5) + "Q"
    name = "a" * MAX_WILDCARDS + "b"  # no Q, and too few a: matched up to the tenth '*'
    assert name_matches(declared, name)
    assert re.fullmatch(name_regex(declared), name) is not None
    assert name_regex(declared).count("(?=") == MAX_WILDCARDS - 1


def test_a_name_with_too_many_wildcards_is_reported_and_kept() -> None:
    name = "*a" * (MAX_WILDCARDS + 1)
    text = (
        "categories:\n  site: {title: Site, description: D.}\ncookies:\n"
        f"  - {{name: '{name}', category: site, purpose: p}}\n"
        f"  - {{names: [ok, '{'*x' * MAX_WILDCARDS}'], category: site, purpose: p}}\n"
    )
    inventory = parse_inventory(text.encode(), "cookies.yaml")
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (4, "value")
    assert f"has {MAX_WILDCARDS + 1} wildcards" in problem.message
    assert [cookie.names for cookie in inventory.cookies] == [
        (name,),
        ("ok", "*x" * MAX_WILDCARDS),
    ]


def test_the_cookie_role_reads_patterns_as_the_extension_does(tmp_path: Path) -> None:
    """``[`` and ``?`` are literal in a declared name (fnmatch would read them as a class and a
    wildcard)."""
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_cookies"]\n')
    (srcdir / "cookies.yaml").write_text(
        "categories:\n  necessary:\ncookies:\n"
        "  - {name: 'cart[x]*', category: necessary, purpose: p}\n"
        "  - {name: 'q?*', category: necessary, purpose: p}\n"
    )
    (srcdir / "index.rst").write_text(
        "Cookies\n=======\n\n.. cookie-table::\n\n:cookie:`cart[x]1` :cookie:`q?1` :cookie:`qz1`\n"
    )
    app = build_copy("unused", tmp_path)
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    assert len(warnings) == 1 and "'qz1'" in warnings[0], warnings


# --- JavaScript object keys -----------------------------------------------------------------------


@pytest.mark.parametrize("category_id", ["__proto__", "constructor", "hasOwnProperty"])
def test_a_category_id_that_every_javascript_object_has_is_refused(category_id: str) -> None:
    text = (
        f"categories:\n  {category_id}: {{title: T, description: D.}}\ncookies:\n"
        f"  - {{name: a, category: {category_id}, purpose: p}}\n"
    )
    inventory = parse_inventory(text.encode(), "cookies.yaml")
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (2, "value")
    assert "every JavaScript object already has" in problem.message
    assert list(inventory.categories) == ["unclassified"]
    assert inventory.cookies[0].category == "unclassified"


@pytest.mark.skipif(NODE is None, reason="node is not installed: cannot run the exported script")
def test_the_script_means_what_the_json_means_whatever_the_keys() -> None:
    config = {
        "categories": {
            "__proto__": {"autoClear": {"cookies": [{"name": "a*", "pattern": name_regex("a*")}]}},
            "constructor": {},
            "x": {"readOnly": True},
        },
        "language": {"default": "en", "translations": {"en": {"note": "</script>\u2028"}}},
    }
    script = cookieconsent_script(config) + (
        "\nconst c = window.sphinxCookiesConsentConfig;\n"
        "console.log(JSON.stringify({keys: Object.keys(c.categories),"
        " plain: Object.getPrototypeOf(c.categories) === Object.prototype,"
        " regexp: c.categories['__proto__'].autoClear.cookies[0].name instanceof RegExp,"
        " note: c.language.translations.en.note}));\n"
    )
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", "globalThis.window = globalThis;\n" + script],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=True,
    )
    assert json.loads(result.stdout) == {
        "keys": ["__proto__", "constructor", "x"],
        "plain": True,
        "regexp": True,
        "note": "</script>\u2028",
    }
    assert "</script>" not in cookieconsent_script(config)
