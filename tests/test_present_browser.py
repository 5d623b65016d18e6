"""The example policy in a real browser: in four themes, on a desktop and on a phone.

Each theme's site is built once (with the example inventory and policy page from docs/) and
opened in headless Chromium at 1280x800 and 375x800. On a phone, neither the page nor a cookie
table may be wider than the screen: furo, sphinx-rtd-theme and pydata-sphinx-theme put wide
tables in a scroll box, so a table that needs its box fails too. Screenshots are saved under
tests/_artefacts/present-browser/.

Needs the ``browser`` extra (``pip install -e ".[browser]"``) and a Chromium (Debian's
``chromium`` package, or the path in ``$COOKIES_CHROMIUM``); skipped without them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import load_inventory

from browsing import launched_chromium
from conftest import build_copy

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the browser tests need Playwright: pip install -e '.[browser]'",
)
pytestmark = pytest.mark.slow  # a real browser per test

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "docs" / "examples"
ROOT = HERE / "roots" / "test-present-browser"
ARTEFACTS = HERE / "_artefacts" / "present-browser"

THEMES = ("alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme")
DESKTOP, PHONE = 1280, 375
#: Sub-pixel rounding allowed when comparing positions and widths.
SLACK = 0.5


#: Everything the tests look at in one page, measured by the browser.
MEASURE = r"""(selector) => {
  const width = window.innerWidth;
  const onScreen = (element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && box.width > 0
      && box.height > 0 && box.left >= -0.5 && box.right <= width + 0.5;
  };
  // A cell's label is generated content (::before), which has no box of its own in the DOM:
  // its computed style gives its text and, when it is shown, its used width; the cell's box
  // and padding give where it starts, and the cell's content must start after it.
  const cssString = (value) => value.startsWith('"')
    ? value.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gs,
        (_, hex, character) => hex ? String.fromCodePoint(parseInt(hex, 16)) : character)
    : null;
  const labelOnScreen = (cell) => {
    const label = getComputedStyle(cell, "::before");
    const labelWidth = parseFloat(label.width);
    if (!onScreen(cell) || label.display === "none" || label.visibility === "hidden"
        || !(labelWidth > 0) || !(parseFloat(label.height) > 0)) {
      return false;
    }
    const box = cell.getBoundingClientRect();
    const start = box.left + parseFloat(getComputedStyle(cell).paddingLeft);
    const values = [...cell.children].map((child) => child.getBoundingClientRect().left);
    return start >= -0.5 && start + labelWidth <= width + 0.5
      && values.every((left) => left >= start + labelWidth - 0.5);
  };
  return {
    width: width,
    pageWidth: document.scrollingElement.scrollWidth,
    tables: [...document.querySelectorAll(selector)].map((table) => {
      const box = table.getBoundingClientRect();
      const headers = [...table.querySelectorAll("thead th")];
      return {
        left: box.left,
        right: box.right,
        width: box.width,
        scrollWidth: table.scrollWidth,
        containerWidth: table.parentElement.clientWidth,
        headers: headers.map((th) => ({text: th.textContent.trim(), onScreen: onScreen(th)})),
        cells: [...table.querySelectorAll("tbody tr")].flatMap((row) =>
          [...row.children].map((cell, index) => {
            return {
              header: headers[index] ? headers[index].textContent.trim() : null,
              label: cssString(getComputedStyle(cell, "::before").content),
              labelOnScreen: labelOnScreen(cell),
              empty: cell.classList.contains("cookie-cell-empty"),
            };
          })),
        names: [...table.querySelectorAll("td.cookie-name code")].map((code) => ({
          text: code.textContent,
          lines: [...code.getClientRects()].map((line) => [line.left, line.right]),
        })),
      };
    }),
  };
}"""


def too_wide(measured: dict[str, Any]) -> list[str]:
    """Why a page or its tables do not fit the screen; empty when everything fits."""
    width = measured["width"]
    problems = []
    if measured["pageWidth"] > width:
        problems.append(f"the page is {measured['pageWidth']} px wide, the screen {width} px")
    for number, table in enumerate(measured["tables"], 1):
        if table["left"] < -SLACK or table["right"] > width + SLACK:
            problems.append(
                f"table {number} spans {table['left']:.0f} to {table['right']:.0f} px "
                f"on a {width} px screen"
            )
        if table["scrollWidth"] > table["containerWidth"]:
            problems.append(
                f"table {number} needs {table['scrollWidth']} px in a box "
                f"{table['containerWidth']} px wide"
            )
    return problems


def names_off_screen(measured: dict[str, Any]) -> list[str]:
    width = measured["width"]
    return [
        name["text"]
        for table in measured["tables"]
        for name in table["names"]
        if not name["lines"]
        or any(left < -SLACK or right > width + SLACK for left, right in name["lines"])
    ]


def declared_names(*inventories: Path) -> set[str]:
    return {
        name
        for path in inventories
        for cookie in load_inventory(path).cookies
        for name in cookie.names
    }


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launched_chromium(sync_api) as browser:
        yield browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each installed theme's build of the example policy: theme -> source folder (the HTML
    is in its ``_build/html``)."""
    built = {}
    for theme in THEMES:
        try:
            __import__(theme)
        except ImportError:
            continue
        source = tmp_path_factory.mktemp(f"present-{theme}")
        shutil.copytree(ROOT, source, dirs_exist_ok=True)
        for name in ("policy.rst", "cookies.yaml"):
            shutil.copy(EXAMPLES / name, source / name)
        app = SphinxTestApp("html", srcdir=source, confoverrides={"html_theme": theme})
        try:
            app.build()
            warnings = app.warning.getvalue()
        finally:
            app.cleanup()
        assert warnings == "", warnings
        built[theme] = source
    return built


def open_page(
    chromium: Any, sites: dict[str, Path], theme: str, page: str, width: int, **options: Any
) -> Any:
    if theme not in sites:
        pytest.skip(f"the theme {theme} is not installed: pip install -e '.[browser]'")
    tab = chromium.new_page(viewport={"width": width, "height": 800}, **options)
    tab.goto((sites[theme] / "_build" / "html" / f"{page}.html").as_uri())
    return tab


def screenshot(tab: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def measure_page(
    chromium: Any, sites: dict[str, Path], theme: str, page: str, width: int, tables: str
) -> Any:
    """Open a page, measure the tables ``tables`` selects, and save a screenshot of it."""
    tab = open_page(chromium, sites, theme, page, width)
    try:
        measured = tab.evaluate(MEASURE, tables)
        screenshot(tab, f"{theme}-{width}-{page}")
    finally:
        tab.close()
    return measured


@pytest.mark.parametrize("page", ["policy", "long-names"])
@pytest.mark.parametrize("theme", THEMES)
def test_phone_shows_each_row_as_a_card_that_fits(
    chromium: Any, sites: dict[str, Path], theme: str, page: str
) -> None:
    measured = measure_page(chromium, sites, theme, page, PHONE, "table.cookie-table")
    assert measured["tables"], "no cookie table on the page"
    assert too_wide(measured) == []
    for table in measured["tables"]:
        assert not any(header["onScreen"] for header in table["headers"])  # cards instead
        for cell in table["cells"]:
            assert cell["label"] == cell["header"]
            assert cell["labelOnScreen"] != cell["empty"], cell
    assert names_off_screen(measured) == []
    shown = {name["text"] for table in measured["tables"] for name in table["names"]}
    inventory = sites[theme] / ("cookies.yaml" if page == "policy" else "long-names.yaml")
    assert shown == declared_names(inventory)


@pytest.mark.parametrize("theme", THEMES)
def test_desktop_shows_a_table_with_its_header(
    chromium: Any, sites: dict[str, Path], theme: str
) -> None:
    measured = measure_page(chromium, sites, theme, "policy", DESKTOP, "table.cookie-table")
    assert measured["tables"], "no cookie table on the page"
    assert too_wide(measured) == []
    for table in measured["tables"]:
        assert [header["text"] for header in table["headers"]] == [
            "Provider",
            "Function",
            "Cookie name(s)",
            "Purpose",
            "Duration",
        ]
        assert all(header["onScreen"] for header in table["headers"])
        assert not any(cell["labelOnScreen"] for cell in table["cells"])
    assert names_off_screen(measured) == []


@pytest.mark.parametrize("theme", THEMES)
def test_the_checks_catch_a_table_too_wide_for_a_phone(
    chromium: Any, sites: dict[str, Path], theme: str
) -> None:
    """A test of the test: the same checks fail a hand-written four-column table, and the
    cookie tables themselves once the extension's stylesheet is taken away."""
    handwritten = measure_page(chromium, sites, theme, "handwritten", PHONE, "table.handwritten")
    assert len(handwritten["tables"]) == 1
    assert too_wide(handwritten) != []

    tab = open_page(chromium, sites, theme, "policy", PHONE)
    try:
        tab.evaluate("document.querySelector('link[href*=\"cookies.css\"]').remove()")
        unstyled = tab.evaluate(MEASURE, "table.cookie-table")
    finally:
        tab.close()
    assert too_wide(unstyled) != []


@pytest.mark.parametrize("theme", ["furo", "pydata_sphinx_theme"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cards_follow_the_theme_colours(
    chromium: Any, sites: dict[str, Path], theme: str, scheme: str
) -> None:
    tab = open_page(chromium, sites, theme, "policy", PHONE, color_scheme=scheme)
    try:
        colours = tab.evaluate(
            """() => {
              const row = document.querySelector("table.cookie-table tbody tr");
              const label = getComputedStyle(row.cells[0], "::before");
              return [getComputedStyle(row).backgroundColor, label.color];
            }"""
        )
        screenshot(tab, f"{theme}-{PHONE}-policy-{scheme}")
    finally:
        tab.close()
    card, label = (_lightness(colour) for colour in colours)
    if scheme == "dark":
        assert card < 0.3 and label > 0.5, colours
    else:
        assert card > 0.8 and label < 0.5, colours


@pytest.mark.parametrize("theme", THEMES)
def test_print_shows_a_plain_table_whatever_the_screen(
    chromium: Any, sites: dict[str, Path], theme: str
) -> None:
    tab = open_page(chromium, sites, theme, "policy", PHONE)
    try:
        tab.emulate_media(media="print")
        styles = tab.evaluate(
            """() => {
              const table = document.querySelector("table.cookie-table");
              const row = table.tBodies[0].rows[0];
              return [
                ...[table.tHead, row].map((element) => getComputedStyle(element).display),
                getComputedStyle(row.cells[0], "::before").display,
              ];
            }"""
        )
    finally:
        tab.close()
    assert styles == ["table-header-group", "table-row", "none"]


def _lightness(colour: str) -> float:
    """The relative luminance (0 black to 1 white) of a CSS ``rgb()``/``rgba()`` colour."""
    values = colour[colour.index("(") + 1 : colour.index(")")].replace("/", ",").split(",")
    red, green, blue = (float(value) / 255 for value in values[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


#: A column label that would end its CSS string and the style element, and run a script, if
#: the extension wrote it as it is.
HOSTILE_LABEL = 'Say "hi" \\ 3C\n</style><script>document.title = "owned"</script> & <!--'


def test_a_hostile_label_is_shown_as_written_and_runs_nothing(
    chromium: Any, tmp_path: Path
) -> None:
    app = build_copy(
        "present-html",
        tmp_path,
        confoverrides={"cookies_column_labels": {"name": HOSTILE_LABEL}, "smartquotes": False},
    )
    assert app.warning.getvalue() == ""
    tab = chromium.new_page(viewport={"width": PHONE, "height": 800})
    try:
        tab.goto((app.outdir / "index.html").as_uri())
        title = tab.title()
        measured = tab.evaluate(MEASURE, "table.cookie-table")
    finally:
        tab.close()
    assert "owned" not in title
    (table,) = measured["tables"]
    first_cells = [cell for cell in table["cells"] if cell["header"] == HOSTILE_LABEL.strip()]
    assert len(first_cells) == 2
    assert all(cell["label"] == HOSTILE_LABEL and cell["labelOnScreen"] for cell in first_cells)


#: The computed style of the first category's title and of its definition.
TERM_STYLE = """() => {
  const term = document.querySelector("dl.cookie-types > dt");
  const definition = document.querySelector("dl.cookie-types > dd p");
  const style = (element) => {
    const computed = getComputedStyle(element);
    return {weight: parseInt(computed.fontWeight, 10), size: parseFloat(computed.fontSize)};
  };
  return {term: style(term), definition: style(definition), text: term.textContent.trim()};
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_category_titles_read_as_headings_of_their_definitions(
    chromium: Any, sites: dict[str, Path], theme: str
) -> None:
    tab = open_page(chromium, sites, theme, "policy", DESKTOP)
    try:
        styles = tab.evaluate(TERM_STYLE)
        unstyled = tab.evaluate(
            "() => { document.querySelector('link[href*=\"cookies.css\"]').remove(); }"
        )
        without = tab.evaluate(TERM_STYLE)
    finally:
        tab.close()
    assert unstyled is None
    assert styles["text"].startswith("Strictly necessary cookies")
    assert styles["term"]["weight"] >= 600, styles
    assert styles["term"]["size"] >= styles["definition"]["size"], styles
    if theme == "alabaster":  # a test of the test: alabaster alone sets terms plain
        assert without["term"]["weight"] < 600, without


#: The left edge and width of each header cell of each cookie table on the page.
COLUMN_EDGES = """() => [...document.querySelectorAll("table.cookie-table")].map((table) =>
  [...table.querySelectorAll("thead th")].map((th) => {
    const box = th.getBoundingClientRect();
    return {label: th.textContent.trim(), left: box.left, width: box.width};
  }))"""


@pytest.mark.parametrize("theme", THEMES)
def test_desktop_columns_line_up_and_prose_is_widest(
    chromium: Any, sites: dict[str, Path], theme: str
) -> None:
    tab = open_page(chromium, sites, theme, "policy", DESKTOP)
    try:
        tables = tab.evaluate(COLUMN_EDGES)
    finally:
        tab.close()
    assert len(tables) >= 2, "the policy has one table per category"
    widths = {column["label"]: column["width"] for column in tables[0]}
    assert widths["Purpose"] >= max(widths.values()) - SLACK, widths
    for table in tables[1:]:  # one directive: the columns line up from table to table
        for column, first in zip(table, tables[0], strict=True):
            assert abs(column["left"] - first["left"]) <= SLACK, (column, first)
            assert abs(column["width"] - first["width"]) <= SLACK, (column, first)
