"""The optional touches: cookie counts in captions (``:count:``), and the inventory's
``updated:`` date shown by ``:cookies-updated:`` in the build language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import parse_inventory

from conftest import build_copy, strip_colors
from output import cookie_tables


@pytest.fixture(scope="module")
def extras(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("present-extras", tmp_path_factory.mktemp("extras"))


def warnings_of(app: SphinxTestApp) -> list[tuple[str, int, str, str]]:
    """(file name, line, message, subtype) of each located ``cookies`` warning."""
    pattern = re.compile(r"^(.+?):(\d+): WARNING: (.*) \[cookies\.([a-z-]+)\]$")
    found = []
    for line in strip_colors(app.warning.getvalue()).splitlines():
        match = pattern.match(line)
        assert match, f"not a located cookies warning: {line!r}"
        path, number, message, subtype = match.groups()
        found.append((Path(path).name, int(number), message, subtype))
    return found


def shown_date(app: SphinxTestApp, page: str = "index") -> list[str]:
    html = (app.outdir / f"{page}.html").read_text(encoding="utf-8")
    return re.findall(r'<span class="cookies-updated">([^<]*)</span>', html)


def test_count_puts_the_number_of_names_in_each_caption(extras: SphinxTestApp) -> None:
    html = (extras.outdir / "index.html").read_text(encoding="utf-8")
    captions = [table.caption for table in cookie_tables(html)]
    # A list of names counts each name, a pattern such as _ga_* once.
    assert captions == ["Necessary cookies (1)", "Statistics (3)"]


def test_without_count_captions_are_the_titles(tmp_path: Path) -> None:
    app = build_copy("present-extras", tmp_path, "text")
    text = (app.outdir / "problems.txt").read_text(encoding="utf-8")
    assert "Statistics (3)" in text  # :count: yes still counts, with a warning
    source = tmp_path / "src" / "problems.rst"
    source.write_text(source.read_text(encoding="utf-8").replace("   :count: yes\n", ""))
    app = build_copy("present-extras", tmp_path, "text", freshenv=True)
    text = (app.outdir / "problems.txt").read_text(encoding="utf-8")
    assert "Statistics\n" in text and "(3)" not in text


def test_updated_is_written_out_in_the_build_language(
    extras: SphinxTestApp, tmp_path: Path
) -> None:
    assert shown_date(extras) == ["November 29, 2026"]
    french = build_copy("present-extras", tmp_path, confoverrides={"language": "fr"})
    assert shown_date(french) == ["29 novembre 2026"]
    german = build_copy("present-extras", tmp_path / "de", confoverrides={"language": "de"})
    assert shown_date(german) == ["29. November 2026"]


def test_problems_are_located_warnings(extras: SphinxTestApp) -> None:
    assert [(name, line, subtype) for name, line, _, subtype in warnings_of(extras)] == [
        ("problems.rst", 6, "option"),
        ("undated.yaml", 1, "value"),
        ("problems.rst", 10, "missing-field"),
        ("problems.rst", 10, "file"),
    ]
    messages = [message for _, _, message, _ in warnings_of(extras)]
    assert messages[0] == ":count: is a flag and takes no value; write it alone"
    assert "'updated' must be a date written year-month-day" in messages[1]
    assert "'29 November 2026'" in messages[1]
    assert "has no readable 'updated' date; add one, such as updated: 2026-11-29" in messages[2]
    assert "'missing.yaml' does not exist" in messages[3]
    assert shown_date(extras, "problems") == []


@pytest.mark.parametrize("written", ["2026-11-29", "'2026-11-29'", '"2026-11-29"'])
def test_updated_quoted_or_not(written: str) -> None:
    inventory = parse_inventory(
        f"updated: {written}\ncategories: {{}}\ncookies: []\n".encode(), "cookies.yaml"
    )
    assert inventory.updated == date(2026, 11, 29)
    assert inventory.problems == ()


@pytest.mark.parametrize("written", ["2026-02-30", "20261129", "2026-W48-7", "29/11/2026", "[]"])
def test_updated_that_is_not_a_date(written: str) -> None:
    inventory = parse_inventory(
        f"updated: {written}\ncategories: {{}}\ncookies: []\n".encode(), "cookies.yaml"
    )
    assert inventory.updated is None
    ((line, kind),) = [(problem.line, problem.kind) for problem in inventory.problems]
    assert line == 1 and kind in ("value", "structure")


def test_editing_the_date_rebuilds_the_page_that_shows_it(tmp_path: Path) -> None:
    app = build_copy("present-extras", tmp_path)
    assert shown_date(app) == ["November 29, 2026"]
    inventory = tmp_path / "src" / "cookies.yaml"
    inventory.write_text(
        inventory.read_text(encoding="utf-8").replace("2026-11-29", "2027-01-05"),
        encoding="utf-8",
    )
    app = build_copy("present-extras", tmp_path)
    assert shown_date(app) == ["January 5, 2027"]
