"""Limits: file size, nesting depth, aliases, the number of problems, the cost of hints.

Each limit is a located ``cookies.limit`` (or ``cookies.yaml``) warning in a real build, and the
loader's bounds are checked at their edges. How fast the loader is on hostile input is measured
by benchmarks/loader_limits.py, not here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import DEFAULT_MAX_BYTES, InventoryError, parse_inventory
from sphinxcontrib_cookies.inventory.hints import SUGGESTION_LENGTH, Suggestions
from sphinxcontrib_cookies.inventory.problems import MAX_PROBLEMS, SHOWN_LENGTH
from sphinxcontrib_cookies.inventory.yamltree import MAX_DEPTH

from conftest import ROOTS, build_copy, strip_colors
from output import cookie_tables

HEAD = "categories:\n  necessary: {title: Necessary, description: Needed.}\ncookies:\n"
WARNING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.-]+)\]$"
)


def build_with(
    tmp_path: Path, inventory: str | None = None, **confoverrides: object
) -> SphinxTestApp:
    """The hardening-limits project, with ``inventory`` as its cookies.yaml if given."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-hardening-limits", srcdir)
    if inventory is not None:
        (srcdir / "cookies.yaml").write_text(inventory, encoding="utf-8")
        confoverrides.setdefault("cookies_max_file_size", DEFAULT_MAX_BYTES)
    return build_copy("hardening-limits", tmp_path, confoverrides=confoverrides)


def warnings_of(app: SphinxTestApp) -> list[tuple[str, int, str, str]]:
    found = []
    for text in strip_colors(app.warning.getvalue()).splitlines():
        match = WARNING.match(text)
        assert match, f"not a located warning: {text!r}"
        found.append(
            (Path(match["path"]).name, int(match["line"]), match["type"], match["message"])
        )
    return found


def rendered_rows(app: SphinxTestApp) -> int:
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return sum(len(table.body) for table in cookie_tables(html))


# --- file size ---------------------------------------------------------------------------


def test_a_file_over_the_configured_size_is_refused_with_a_located_warning(tmp_path: Path) -> None:
    app = build_with(tmp_path)
    [(name, line, kind, message)] = warnings_of(app)
    assert (name, line, kind) == ("cookies.yaml", 1, "cookies.limit")
    assert "larger than 300 bytes" in message and "cookies_max_file_size" in message
    assert rendered_rows(app) == 0


def test_the_same_file_renders_once_the_limit_is_raised(tmp_path: Path) -> None:
    app = build_with(tmp_path, cookies_max_file_size=400)
    assert warnings_of(app) == []
    assert rendered_rows(app) == 2


def test_the_default_limit_is_five_mebibytes() -> None:
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


# --- nesting depth ----------------------------------------------------------------------


def nested_flow(depth: int) -> str:
    return (
        HEAD
        + "  - {name: a, category: necessary, purpose: p, x: "
        + "[" * depth
        + "]" * depth
        + "}\n"
    )


def nested_block(depth: int) -> str:
    lines = [HEAD, "  - name: a\n    category: necessary\n    purpose: p\n    x:\n"]
    lines.extend(f"{'  ' * (level + 3)}k:\n" for level in range(depth))
    return "".join(lines)


@pytest.mark.parametrize("nested", [nested_flow, nested_block])
def test_nesting_up_to_the_limit_is_read(nested: object) -> None:
    # The top level is at depth 0, the entry at 2, the value of 'x' at 3: with MAX_DEPTH - 3
    # levels of nesting there, the deepest collection stands at depth MAX_DEPTH - 1.
    inventory = parse_inventory(nested(MAX_DEPTH - 3).encode(), "deep.yaml")  # type: ignore[operator]
    assert [problem.kind for problem in inventory.problems] == ["unknown-key"]


@pytest.mark.parametrize("nested", [nested_flow, nested_block])
def test_nesting_past_the_limit_is_refused_at_its_line(nested: object) -> None:
    text = nested(MAX_DEPTH - 2)  # type: ignore[operator]
    with pytest.raises(InventoryError) as raised:
        parse_inventory(text.encode(), "deep.yaml")
    problem = raised.value.problem
    assert problem.kind == "limit" and f"more than {MAX_DEPTH} levels" in problem.message
    lines = text.splitlines()
    assert 4 <= problem.line <= len(lines)
    assert "[" in lines[problem.line - 1] or "k:" in lines[problem.line - 1]


def test_nesting_past_the_limit_is_a_located_warning_in_a_build(tmp_path: Path) -> None:
    app = build_with(tmp_path, nested_flow(MAX_DEPTH + 20))
    [(name, line, kind, message)] = warnings_of(app)
    assert (name, line, kind) == ("cookies.yaml", 4, "cookies.limit")
    assert "flatten" in message


# --- aliases ----------------------------------------------------------------------------

BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + HEAD
    + "  - {name: laugh, category: necessary, purpose: *i}\n"
)


def test_a_billion_laughs_is_refused_without_expanding_it() -> None:
    # Expanded, the last alias would stand for 9**9 (387 million) strings.
    inventory = parse_inventory(BILLION_LAUGHS.encode(), "laughs.yaml")
    kinds = {problem.kind for problem in inventory.problems}
    assert "yaml" in kinds
    anchors = [p for p in inventory.problems if "anchor '&" in p.message]
    aliases = [p for p in inventory.problems if "alias '*" in p.message]
    assert [p.line for p in anchors] == list(range(1, 10))
    assert len(aliases) == 8 * 9 + 1
    assert aliases[-1].line == 13
    # The entry whose purpose was an alias is published, with an empty purpose.
    [laugh] = inventory.cookies
    assert (laugh.names, laugh.purpose) == (("laugh",), None)


def test_a_billion_laughs_is_a_located_warning_in_a_build(tmp_path: Path) -> None:
    app = build_with(tmp_path, BILLION_LAUGHS)
    found = warnings_of(app)
    assert found[0][:3] == ("cookies.yaml", 1, "cookies.yaml")
    assert "anchor '&a' is not allowed" in found[0][3]
    assert ("cookies.yaml", 13, "cookies.yaml") in [entry[:3] for entry in found]
    assert {entry[2] for entry in found} == {"cookies.yaml", "cookies.unknown-key"}
    assert rendered_rows(app) == 1


# --- the number of problems ---------------------------------------------------------------


def many_broken_entries(count: int) -> str:
    return HEAD + "".join(
        f"  - {{name: c{i}, category: necessary, purpose: p, party: x}}\n" for i in range(count)
    )


def test_a_file_stops_being_checked_after_max_problems() -> None:
    inventory = parse_inventory(many_broken_entries(MAX_PROBLEMS + 500).encode(), "many.yaml")
    assert len(inventory.problems) == MAX_PROBLEMS + 1
    last = inventory.problems[-1]
    assert last.kind == "limit" and f"more than {MAX_PROBLEMS:,} problems" in last.message
    assert last.line == MAX_PROBLEMS + 4  # the line of the first problem not reported


def test_a_file_just_under_the_limit_reports_every_problem() -> None:
    inventory = parse_inventory(many_broken_entries(MAX_PROBLEMS).encode(), "many.yaml")
    assert len(inventory.problems) == MAX_PROBLEMS
    assert {problem.kind for problem in inventory.problems} == {"value"}


def test_too_many_yaml_problems_stop_too() -> None:
    aliases = "".join(f"  - *a{i}\n" for i in range(MAX_PROBLEMS + 10))
    inventory = parse_inventory((HEAD + aliases).encode(), "aliases.yaml")
    assert len(inventory.problems) == MAX_PROBLEMS + 1
    assert inventory.problems[-1].kind == "limit"


@pytest.mark.slow
def test_a_flood_of_problems_is_a_bounded_number_of_warnings(tmp_path: Path) -> None:
    app = build_with(tmp_path, many_broken_entries(3000))
    found = warnings_of(app)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1][2] == "cookies.limit"


# --- hints and quoted values ---------------------------------------------------------------


def test_hints_stop_when_their_comparisons_are_spent() -> None:
    choices = tuple(f"category_{number:04d}" for number in range(100))
    suggest = Suggestions(budget=250)
    assert suggest("categroy_0001", choices) == "did you mean 'category_0001'? "
    assert suggest("categroy_0002", choices) == "did you mean 'category_0002'? "
    assert suggest("categroy_0003", choices) == ""  # 200 comparisons spent, 100 more needed
    assert suggest("categroy_0001", choices) == "did you mean 'category_0001'? "  # remembered
    assert suggest("x" * (SUGGESTION_LENGTH + 1), ("x",)) == ""


def test_many_misspelt_references_to_many_categories_are_all_reported() -> None:
    categories = "".join(f"  category_{i:04d}: {{title: T, description: D}}\n" for i in range(3000))
    cookies = "".join(
        f"  - {{name: c{i}, category: categroy_{i:04d}, purpose: p}}\n" for i in range(300)
    )
    inventory = parse_inventory(
        f"categories:\n{categories}cookies:\n{cookies}".encode(), "big.yaml"
    )
    assert [problem.kind for problem in inventory.problems] == ["reference"] * 300
    first = inventory.problems[0].message
    assert "did you mean 'category_0000'?" in first
    # The declared categories are listed, but only the first few of them.
    assert "and 2,980 more" in first and len(first) < 1000


def test_values_are_quoted_short_and_with_control_characters_escaped(tmp_path: Path) -> None:
    long_key = "k" * 1000
    inventory = HEAD + (
        f'  - {{name: a, category: necessary, purpose: p, "\\e[31mred\\e[0m": 1, {long_key}: 2}}\n'
    )
    app = build_with(tmp_path, inventory)
    output = app.warning.getvalue()
    assert "\x1b[31mred" not in output  # the escape from the file never reaches the log raw
    found = warnings_of(app)
    assert [(line, kind) for _, line, kind, _ in found] == [(4, "cookies.unknown-key")] * 2
    assert "'\\x1b[31mred\\x1b[0m'" in found[0][3]
    assert f"'{'k' * SHOWN_LENGTH}...'" in found[1][3]
    assert len(found[1][3]) < 400
