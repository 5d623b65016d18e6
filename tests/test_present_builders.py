"""What the presentation adds to each builder's output: the stylesheet and the card labels (a
generated style element) in HTML only; planned widths, ragged-right cells and break points in
LaTeX."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy
from output import cookie_tables, parse_html

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


def body_styles(page: str) -> list[str]:
    """The text of each ``<style>`` element in the page's body."""
    (body,) = parse_html(page).find_all("body")
    return [style.raw_text for style in body.find_all("style")]


#: A rule that gives the cells of one column their label: the table's class, the column's
#: number and the label as a CSS string.
LABEL_RULE = re.compile(
    r"table\.(cookie-labels-[0-9a-f]{8}) > tbody > tr > td:nth-child\((\d+)\)::before "
    r'\{ content: ("(?:[^"\\\n]|\\.)*"); \}'
)


def css_string_value(string: str) -> str:
    """What a CSS string (with its quotes) means, per CSS Syntax: ``\\`` and a hex number of
    up to six digits, with one optional space after it, or ``\\`` and any other character."""
    assert string[0] == string[-1] == '"'
    return re.sub(
        r"\\([0-9a-fA-F]{1,6}) ?|\\(.)",
        lambda match: chr(int(match[1], 16)) if match[1] else match[2],
        string[1:-1],
        flags=re.DOTALL,
    )


def label_rules(page: str) -> list[tuple[str, int, str]]:
    """Each label rule of the page's style elements: (table class, column number, label)."""
    return [
        (name, int(number), css_string_value(string))
        for style in body_styles(page)
        for name, number, string in LABEL_RULE.findall(style)
    ]


def test_one_style_element_gives_each_column_its_label(html: SphinxTestApp) -> None:
    page = index(html)
    (table,) = cookie_tables(page)
    (style,) = body_styles(page)
    rules = label_rules(page)
    assert [(number, label) for _, number, label in rules] == list(enumerate(table.headers, 1))
    (name,) = {name for name, _, _ in rules}
    assert name in table.classes
    # Nothing else in the element: every rule is a label rule.
    assert LABEL_RULE.sub("", style).split() == []
    # Just before the table, and the page's one style element in its body.
    assert re.search(r"</style>\s*<table [^>]*\b" + name + r"\b", page)
    # The labels are no longer nodes in the cells.
    assert "cookie-cell-label" not in page


def test_empty_cells_are_marked(html: SphinxTestApp) -> None:
    cells = re.findall(r'<td class="([^"]*)">', index(html))
    empty = [classes for classes in cells if "cookie-cell-empty" in classes.split()]
    assert empty == ["cookie-provider cookie-cell-empty"]  # the second cookie has no provider


def test_only_long_names_are_marked_to_break(html: SphinxTestApp) -> None:
    page = index(html)
    marked = re.findall(r'<code class="[^"]*cookie-name-long[^"]*">(.*?)</code>', page)
    assert [re.sub(r"<[^>]+>", "", code) for code in marked] == [LONG_NAME]


def test_custom_labels_are_the_cell_labels(tmp_path: Path) -> None:
    labels = {"name": "Nom", "purpose": "Finalité"}
    app = build_copy("present-html", tmp_path, confoverrides={"cookies_column_labels": labels})
    assert [label for _, _, label in label_rules(index(app))] == [
        "Nom",
        "Provider",
        "Finalité",
        "Duration",
    ]


#: A label that would end the CSS string, then the style element, and run a script, if it
#: were written as it is.
HOSTILE_LABEL = 'Say "hi" \\ 3C\n</style><script>document.title = "owned"</script> & <!--'


def test_a_label_cannot_end_its_string_or_the_style_element(tmp_path: Path) -> None:
    app = build_copy(
        "present-html",
        tmp_path,
        confoverrides={"cookies_column_labels": {"name": HOSTILE_LABEL}, "smartquotes": False},
    )
    assert app.warning.getvalue() == ""
    page = index(app)
    styles = body_styles(page)
    assert len(styles) == 1
    assert not [
        script for script in parse_html(page).find_all("script") if "owned" in script.raw_text
    ]
    strings = [string for _, _, string in LABEL_RULE.findall(styles[0])]
    assert len(strings) == 4
    assert not [string for string in strings if re.search(r"[<>&\n]", string)]
    assert label_rules(page)[0][1:] == (1, HOSTILE_LABEL)
    (table,) = cookie_tables(page)
    assert " ".join(table.headers[0].split()) == " ".join(HOSTILE_LABEL.split())


def test_tables_with_the_same_labels_share_one_style_element(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-present-html", tmp_path / "src")
    (tmp_path / "src" / "index.rst").write_text(
        "Presentation\n============\n\n"
        ".. cookie-table::\n\n"
        ".. cookie-table::\n   :group-by: none\n\n"
        ".. cookie-table::\n   :columns: name, purpose\n",
        encoding="utf-8",
    )
    app = build_copy("present-html", tmp_path)
    assert app.warning.getvalue() == ""
    page = index(app)
    rules = label_rules(page)
    assert len(body_styles(page)) == 2
    names = [name for name, _, _ in rules]
    assert len(set(names)) == 2
    tables = [table.classes for table in cookie_tables(page)]
    assert [[name for name in classes if name in names] for classes in tables] == [
        [names[0]],
        [names[0]],
        [names[-1]],
    ]


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo"])
def test_other_builders_get_neither_stylesheet_nor_labels(tmp_path: Path, builder: str) -> None:
    app = build_copy("present-html", tmp_path, builder)
    assert app.warning.getvalue() == ""
    files = [path for path in app.outdir.rglob("*") if path.is_file()]
    assert not [path for path in files if path.name == "cookies.css"]
    documents = [path for path in files if path.suffix in {".tex", ".txt", ".1", ".texi"}]
    output = "\n".join(path.read_text(encoding="utf-8") for path in documents)
    assert "cookie-labels-" not in output and "::before" not in output
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


def test_latex_rows_keep_with_the_caption_and_the_end(latex: str) -> None:
    """No page break before the first row, after it, or after the last (two rows here): the
    mark sits right after a row's end, before the rule between rows."""
    body = latex[latex.index(r"\endlastfoot") : latex.index(r"\end{longtable}")]
    assert body.count("\\noalign{\\nobreak}") == 3
    assert body.rstrip().endswith("\\\\\n\\noalign{\\nobreak}\n\\sphinxbottomrule")
    assert "\\\\\n\\noalign{\\nobreak}\n\\sphinxhline" in body
