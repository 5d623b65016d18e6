"""The column registry: every column it declares renders in every builder and in the banner
export, with the same text; the configuration checks and the docs list its names; a name it
lacks fails loudly."""

from __future__ import annotations

import gettext
import html
import json
import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.export import cookieconsent_config
from sphinxcontrib_cookies.extension.export import export_words
from sphinxcontrib_cookies.inventory import CookieInventory, parse_inventory
from sphinxcontrib_cookies.render import (
    COLUMNS,
    DEFAULT_COLUMNS,
    Column,
    TableOptions,
    column_label,
    render_tables,
)
from sphinxcontrib_cookies.render.columns import _registry
from sphinxcontrib_cookies.translations import LOCALE_DIR

from conftest import ROOTS, build_copy, strip_colors
from output import Table, cookie_tables, read_html

DOCS = Path(__file__).parent.parent / "docs"

#: What each column shows for cookie ``sid`` of test-columns, in English: a new column needs a
#: value here, and in tests/roots/test-columns/cookies.yaml.
SID = {
    "name": "sid, sid_*",
    "provider": "Example Ltd",
    "function": "Sign-in",
    "purpose": "Keeps you signed in.",
    "data": "A random session id.",
    "duration": "1\u00a0year, 6\u00a0months",
    "party": "Third party",
    "type": "Cookie",
    "domain": ".example.com",
    "category": "Needed",
}


def columns_inventory() -> CookieInventory:
    path = ROOTS / "test-columns" / "cookies.yaml"
    return parse_inventory(path.read_bytes(), str(path))


def build(
    destination: Path, builder: str = "html", pages: dict[str, str] | None = None, **options: Any
) -> SphinxTestApp:
    """test-columns, with ``pages`` added, built once with ``builder``."""
    shutil.copytree(ROOTS / "test-columns", destination / "src")
    for name, text in (pages or {}).items():
        (destination / "src" / name).write_text(text, encoding="utf-8")
    return build_copy("columns", destination, builder, **options)


@pytest.fixture(scope="module")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(tmp_path_factory.mktemp("columns-html"))


def tables(app: SphinxTestApp) -> list[Table]:
    return cookie_tables((app.outdir / "index.html").read_text(encoding="utf-8"))


def test_the_registry_is_read_only_and_in_the_documented_order() -> None:
    assert list(COLUMNS) == [
        *("name", "provider", "function", "purpose", "data", "duration"),
        *("party", "type", "domain", "category"),
    ]
    assert all(name == column.name for name, column in COLUMNS.items())
    assert DEFAULT_COLUMNS == ("name", "provider", "purpose", "duration")
    with pytest.raises(TypeError):
        COLUMNS["extra"] = COLUMNS["name"]  # type: ignore[index]


def test_every_column_is_tested_here() -> None:
    assert set(SID) == set(COLUMNS), "give each new column its value for 'sid' in SID"


def test_an_inconsistent_registry_fails_at_import() -> None:
    name = COLUMNS["name"]
    with pytest.raises(ValueError, match="declared twice"):
        _registry((name, name), default=("name",))
    with pytest.raises(ValueError, match="not declared"):
        _registry((name,), default=("name", "purpose"))
    unlabelled = Column("x", "", "Shows x.", name.text)
    with pytest.raises(ValueError, match="no label"):
        _registry((unlabelled,), default=())


def test_a_name_the_registry_lacks_is_a_key_error() -> None:
    inventory = columns_inventory()
    with pytest.raises(KeyError):
        column_label("legal_basis")
    options = TableOptions(columns=("name", "legal_basis"), categories=("necessary",))
    with pytest.raises(KeyError):
        render_tables(inventory, options, lambda name: name)


def test_every_column_renders_in_html(html_build: SphinxTestApp) -> None:
    assert strip_colors(html_build.warning.getvalue()) == ""
    needed, _ = tables(html_build)
    assert needed.headers == [column_label(name) for name in COLUMNS]
    sid = needed.body[0]
    # the reader makes every run of spaces one space, the no-break space too
    assert dict(zip(COLUMNS, sid.texts, strict=True)) == {
        name: " ".join(text.split()) for name, text in SID.items()
    }
    assert sid.cells[0].codes == ["sid", "sid_*"]
    assert sid.cells[list(COLUMNS).index("provider")].links == ["https://www.example.com/privacy"]
    page = (html_build.outdir / "index.html").read_text(encoding="utf-8")
    for name in COLUMNS:
        # a header and one cell per row (three rows), each with the column's class
        assert len(re.findall(rf'<t[hd] class="(?:head )?cookie-{name}[" ]', page)) == 2 + 3, name


def text_rows(text: str) -> list[list[str]]:
    """The rows of the text builder's grid tables, each cell's lines joined."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|="):
            cells = [cell.strip() for cell in line[1:-1].split("|")]
            if current is not None:
                cells = [
                    f"{before} {after}".strip()
                    for before, after in zip(current, cells, strict=True)
                ]
            current = cells
        elif current is not None:
            rows.append(current)
            current = None
    return rows


def test_every_column_renders_in_text(tmp_path: Path) -> None:
    app = build(tmp_path, "text")
    rows = text_rows((app.outdir / "index.txt").read_text(encoding="utf-8"))
    assert rows[0] == [column_label(name) for name in COLUMNS]
    assert rows[1] == [*('"sid", "sid_*"',), *(SID[name] for name in list(COLUMNS)[1:])]


def test_every_column_renders_on_paper(tmp_path: Path) -> None:
    app = build(tmp_path, "latex")
    (tex,) = app.outdir.glob("*.tex")
    # the text as written, without the break points and hyphens LaTeX is given
    text = tex.read_text(encoding="utf-8").replace(r"\allowbreak{}", "")
    text = text.replace(r"\sphinxhyphen{}", "-")
    specs = re.findall(r"\\begin\{longtable\}\{((?:\\X\{\d+\}\{\d+\})+)\}", text)
    assert [spec.count("\\X") for spec in specs] == [len(COLUMNS), len(COLUMNS)]
    for name in COLUMNS:
        assert column_label(name) in text
    assert r"\sphinxcode{\sphinxupquote{sid\_*}}" in text
    for name in ("function", "purpose", "party", "type", "domain", "category"):
        assert SID[name] in text, name


def test_the_banner_shows_every_column_as_the_page_does(html_build: SphinxTestApp) -> None:
    config = json.loads((html_build.outdir / "cookieconsent-config.json").read_text("utf-8"))
    sections = config["language"]["translations"]["en"]["preferencesModal"]["sections"]
    exported = [section["cookieTable"] for section in sections if "cookieTable" in section]
    assert len(exported) == 2
    for table, page in zip(exported, tables(html_build), strict=True):
        assert list(table["headers"]) == list(COLUMNS)
        assert list(table["headers"].values()) == page.headers
        for cells, row in zip(table["body"], page.body, strict=True):
            assert list(cells) == list(COLUMNS)
            shown = [
                " ".join(html.unescape(cell).replace("<br><br>", " ").split())
                for cell in cells.values()
            ]
            assert shown == row.texts
    assert dict(zip(COLUMNS, exported[0]["body"][0].values(), strict=True)) == SID


def test_the_export_needs_a_declared_column(html_build: SphinxTestApp) -> None:
    inventory = columns_inventory()
    words = export_words(html_build)
    assert set(words.columns) == set(words.column_labels) == set(COLUMNS)
    with pytest.raises(KeyError):
        cookieconsent_config(inventory, words, ("name", "legal_basis"))


def test_labels_come_from_the_catalogs(tmp_path: Path, html_build: SphinxTestApp) -> None:
    english = tables(html_build)[0].headers
    french = tables(build(tmp_path, confoverrides={"language": "fr"}))[0].headers
    catalog = gettext.translation("sphinxcontrib-cookies", LOCALE_DIR, languages=["fr"])
    assert french == [catalog.gettext(label) for label in english]
    assert french[0] != english[0]


def test_configured_labels_replace_the_built_in_ones(tmp_path: Path) -> None:
    labels = {name: f"Label of {name}" for name in COLUMNS}
    app = build(tmp_path, confoverrides={"cookies_column_labels": labels})
    assert tables(app)[0].headers == list(labels.values())
    config = json.loads((app.outdir / "cookieconsent-config.json").read_text("utf-8"))
    section = config["language"]["translations"]["en"]["preferencesModal"]["sections"][0]
    assert list(section["cookieTable"]["headers"].values()) == list(labels.values())


def warnings(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).splitlines()


def test_the_configuration_checks_list_the_registry(tmp_path: Path) -> None:
    app = build(
        tmp_path,
        confoverrides={"cookies_columns": ["name", "nope"], "cookies_column_labels": {"x": "X"}},
    )
    listed = ", ".join(COLUMNS)
    assert warnings(app) == [
        f"WARNING: cookies_columns has unknown columns 'nope'; the columns are: {listed}; "
        f"using the default {list(DEFAULT_COLUMNS)!r} [cookies.config]",
        f"WARNING: cookies_column_labels has unknown columns 'x'; the columns are: {listed}; "
        "using the default {} [cookies.config]",
    ]
    assert tables(app)[0].headers == [column_label(name) for name in DEFAULT_COLUMNS]


@pytest.mark.parametrize(
    "label", [{"french": "Finalités"}, {}, {"fr": ""}, {"fr": 3}, ["Purposes"], " "], ids=repr
)
def test_a_label_is_a_text_or_a_text_per_language(tmp_path: Path, label: object) -> None:
    app = build(tmp_path, confoverrides={"cookies_column_labels": {"purpose": label}})
    assert warnings(app) == [
        "WARNING: cookies_column_labels must give each column a non-empty label, or a dict of "
        "language codes to labels such as {'en': 'Purposes', 'fr': 'Finalités'}; using the "
        "default {} [cookies.config]"
    ]
    assert column_label("purpose") in tables(app)[0].headers


def test_the_columns_option_lists_the_registry(tmp_path: Path) -> None:
    page = ":orphan:\n\nOptions\n=======\n\n.. cookie-table::\n   :columns: name, legal_basis\n"
    app = build(tmp_path, pages={"options.rst": page})
    (warning,) = warnings(app)
    assert warning.endswith(
        "options.rst:6: WARNING: unknown column 'legal_basis' in :columns:; the columns are: "
        f"{', '.join(COLUMNS)} [cookies.option]"
    )


def pre_spans(html_text: str, start: str, end: str) -> list[str]:
    """The words of the code between ``start`` and the next ``end`` (Sphinx puts each word of
    a literal in a ``pre`` span)."""
    after = html_text[html_text.index(start) :]
    return re.findall(r'<span class="pre">([^<]*)</span>', after[: after.index(end)])


@pytest.mark.slow
def test_the_docs_list_every_column(tmp_path: Path) -> None:
    app = SphinxTestApp(
        "html", srcdir=DOCS, builddir=tmp_path, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert "column" not in app.warning.getvalue()
    page = (app.outdir / "guide" / "directives.html").read_text(encoding="utf-8")
    (reference,) = [
        table for table in read_html(page).tables if "column-reference" in table.classes
    ]
    assert [row.cells[0].codes for row in reference.body] == [[name] for name in COLUMNS]
    assert [row.texts[1] for row in reference.body] == [column_label(name) for name in COLUMNS]
    straight = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")  # undo smart quotes
    assert [row.texts[2].translate(straight) for row in reference.body] == [
        column.description for column in COLUMNS.values()
    ]
    configuration = (app.outdir / "guide" / "configuration.html").read_text(encoding="utf-8")
    described = configuration[configuration.index('id="confval-cookies_columns"') :]
    default = pre_spans(described, "Default", "</dd>")
    assert " ".join(default) == html.escape(json.dumps(list(DEFAULT_COLUMNS)))
    assert pre_spans(configuration, "The columns are", "</p>") == list(COLUMNS)
