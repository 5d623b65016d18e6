"""What the presentation adds to each builder's output: the stylesheet and the cell labels in
HTML only; planned widths, ragged-right cells and break points in LaTeX."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy
from output import cookie_tables

LONG_NAME = "_hjSessionUser_1234567_ab12cd34ef56gh78ij90kl12mn34op56qr78"


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("present-html", tmp_path_factory.mktemp("html"))


def index(app: SphinxTestApp, suffix: str = ".html") -> str:
    return (app.outdir / f"index{suffix}").read_text(encoding="utf-8")


def test_html_links_the_stylesheet_and_ships_it(html: SphinxTestApp) -> None:
    assert html.warning.getvalue() == ""
    assert re.search(r'<link [^>]*href="_static/cookies\.css(\?v=[0-9a-f]+)?"', index(html))
    shipped = (html.outdir / "_static" / "cookies.css").read_text(encoding="utf-8")
    assert "@media screen and (max-width: 600px)" in shipped
    assert "@media print" in shipped


def test_each_body_cell_carries_its_column_label(html: SphinxTestApp) -> None:
    page = index(html)
    (table,) = cookie_tables(page)
    cells = re.findall(r'<td class="([^"]*)"><span class="cookie-cell-label">([^<]*)</span>', page)
    assert len(cells) == len(table.body) * len(table.headers)
    assert [label for _, label in cells] == table.headers * len(table.body)
    empty = [classes for classes, _ in cells if "cookie-cell-empty" in classes.split()]
    assert empty == ["cookie-provider cookie-cell-empty"]  # the second cookie has no provider


def test_only_long_names_are_marked_to_break(html: SphinxTestApp) -> None:
    page = index(html)
    marked = re.findall(r'<code class="[^"]*cookie-name-long[^"]*">(.*?)</code>', page)
    assert [re.sub(r"<[^>]+>", "", code) for code in marked] == [LONG_NAME]


def test_custom_labels_are_the_cell_labels(tmp_path: Path) -> None:
    labels = {"name": "Nom", "purpose": "Finalité"}
    app = build_copy("present-html", tmp_path, confoverrides={"cookies_column_labels": labels})
    page = index(app)
    assert re.findall(r'<span class="cookie-cell-label">([^<]*)</span>', page)[:4] == [
        "Nom",
        "Provider",
        "Finalité",
        "Duration",
    ]


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo"])
def test_other_builders_get_neither_stylesheet_nor_labels(tmp_path: Path, builder: str) -> None:
    app = build_copy("present-html", tmp_path, builder)
    assert app.warning.getvalue() == ""
    files = [path for path in app.outdir.rglob("*") if path.is_file()]
    assert not [path for path in files if path.name == "cookies.css"]
    documents = [path for path in files if path.suffix in {".tex", ".txt", ".1", ".texi"}]
    output = "\n".join(path.read_text(encoding="utf-8") for path in documents)
    assert "cookie-cell-label" not in output
    # The header only (which a LaTeX longtable repeats on continued pages), not once a cell.
    assert output.count("Purpose") == (2 if builder == "latex" else 1)


@pytest.fixture(scope="module")
def latex(tmp_path_factory: pytest.TempPathFactory) -> str:
    app = build_copy("present-html", tmp_path_factory.mktemp("latex"), "latex")
    assert app.warning.getvalue() == ""
    return (app.outdir / "presentation.tex").read_text(encoding="utf-8")


def test_latex_cells_are_ragged_right(latex: str) -> None:
    # Two rows of four cells, one of them empty (the second cookie names no provider).
    assert latex.count(r"\rightskip=0pt plus 2em\relax") == 2 * 4 - 1


def test_latex_long_names_break_at_separators_and_short_ones_never(latex: str) -> None:
    assert r"\sphinxupquote{sessionid}" in latex
    (long_name,) = [
        name for name in re.findall(r"\\sphinxupquote\{(.*?)\}\}", latex) if "hjSession" in name
    ]
    pieces = long_name.split(r"\allowbreak{}")
    assert len(pieces) > 2
    assert "".join(pieces) == LONG_NAME.replace("_", r"\_")


def test_latex_widths_let_the_name_column_give_way(latex: str) -> None:
    spec = re.search(r"\\begin\{longtable\}(?:\[[^]]*\])?\{(.*)\}\n", latex)
    assert spec is not None
    widths = [int(width) for width in re.findall(r"\\X\{(\d+)\}", spec.group(1))]
    name, _, purpose, _ = widths
    assert name < len(LONG_NAME)  # the name wraps rather than take the page
    assert purpose >= name


def test_pdflatex_gets_no_invisible_character_it_cannot_typeset(latex: str) -> None:
    assert "\u200b" not in latex and "\u200d" not in latex
    assert r"zero\allowbreak{}width space and a joiner." in latex


def test_xelatex_keeps_invisible_characters(tmp_path: Path) -> None:
    app = build_copy("present-html", tmp_path, "latex", confoverrides={"latex_engine": "xelatex"})
    tex = (app.outdir / "presentation.tex").read_text(encoding="utf-8")
    assert "zero\u200bwidth space and a joiner\u200d." in tex
