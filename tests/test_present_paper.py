"""A big policy on paper: the whole Open Cookie Database through LaTeX to PDF with latexmk.

Long tables break across pages, columns get widths that suit their content, and names too long
for their column wrap inside it: pdflatex reports no overfull box. Skipped where latexmk (or the
TeX Live packages named in .ci/run) is missing.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.extension.page_breaks import KeepCaptionsAndEndsWithRows
from sphinxcontrib_cookies.extension.paper import PrepareTablesForPaper
from sphinxcontrib_cookies.inventory import load_inventory, parse_duration
from sphinxcontrib_cookies.render.text import localized

HERE = Path(__file__).parent
ROOT = HERE / "roots" / "test-present-paper"
OPEN_COOKIE_DATABASE = HERE.parent / "sphinxcontrib_cookies" / "data" / "open-cookie-database.csv"
LONG_NAMES = HERE / "roots" / "test-present-browser" / "long-names.yaml"
#: Longer than any name in the Open Cookie Database (43 characters), with no place to break.
SIXTY_CHARACTERS = "x" * 20 + "_LongCookieNameForTheWrapTest_" + "y" * 10

pytestmark = pytest.mark.slow  # latexmk compiles PDFs

CATEGORIES = {
    "Necessary": "necessary",
    "Security": "security",
    "Functional": "functional",
    "Personalization": "personalization",
    "Analytics": "analytics",
    "Marketing": "marketing",
}

needs_latexmk = pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdflatex") is None,
    reason="latexmk and pdflatex are not installed (apt-get install latexmk texlive-latex-extra)",
)


def inventory_from_open_cookie_database(csv_path: Path) -> dict[str, Any]:
    """The database as an inventory, its text as written (invisible characters included)."""
    with csv_path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    cookies: list[dict[str, Any]] = [
        {
            "name": SIXTY_CHARACTERS,
            "category": "necessary",
            "provider": "Harbour Data",
            "purpose": "A name longer than its column, to show that it wraps.",
            "duration": "1 year",
        }
    ]
    seen = {(SIXTY_CHARACTERS, None)}
    for row in rows:
        name = row["Cookie / Data Key name"].strip()
        if row["Wildcard match"].strip() == "1" and not name.endswith("*"):
            name += "*"
        domain = row["Domain"].strip() or None
        if domain and any(character.isspace() for character in domain):
            domain = None  # "a.example or b.example": not one host name
        if domain and not domain.isprintable():  # two end with a zero-width space: the
            domain = "".join(filter(str.isprintable, domain))  # loader refuses such a host
        if not name or (name, domain) in seen:
            continue
        seen.add((name, domain))
        cookie: dict[str, Any] = {
            "name": name,
            "category": CATEGORIES[row["Category"].strip()],
            "purpose": " ".join(row["Description"].split()) or "Not described.",
        }
        if row["Data Controller"].strip():
            cookie["provider"] = row["Data Controller"].strip()
        if row["Platform"].strip():
            cookie["function"] = row["Platform"].strip()
        retention = " ".join(row["Retention period"].split())
        if retention:
            try:
                parse_duration(retention)
            except ValueError:
                cookie["duration"] = {"en": retention}
            else:
                cookie["duration"] = retention
        if domain:
            cookie["domain"] = domain
        cookies.append(cookie)
    categories = {
        category_id: {
            "title": title,
            "description": f"Cookies that the Open Cookie Database files under {title}.",
        }
        for title, category_id in CATEGORIES.items()
    }
    return {"categories": categories, "cookies": cookies}


def build_pdf(
    source: Path, inventory: dict[str, Any], page: str | None = None
) -> tuple[SphinxTestApp, str]:
    """Build the LaTeX (of ``page``, else the root's one), compile it with latexmk; the app
    and pdflatex's log."""
    shutil.copytree(ROOT, source, dirs_exist_ok=True)
    if page is not None:
        (source / "index.rst").write_text(page, encoding="utf-8")
    with (source / "cookies.yaml").open("w", encoding="utf-8") as stream:
        yaml.safe_dump(inventory, stream, allow_unicode=True, sort_keys=False, width=1000)
    app = SphinxTestApp("latex", srcdir=source)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    compiled = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "policy.tex"],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    log = (app.outdir / "policy.log").read_text(encoding="utf-8", errors="replace")
    assert compiled.returncode == 0, log[-3000:]
    return app, log


def overfull_boxes(log: str) -> list[str]:
    return re.findall(r"^Overfull \\hbox.*$", log, flags=re.MULTILINE)


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def database_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, str]:
    found = subprocess.run(["kpsewhich", "x2enc.def"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip("the Cyrillic fonts for pdflatex are missing (texlive-lang-cyrillic)")
    inventory = inventory_from_open_cookie_database(OPEN_COOKIE_DATABASE)
    return build_pdf(tmp_path_factory.mktemp("present-paper"), inventory)


@needs_latexmk
def test_the_whole_database_prints_without_overfull_boxes(
    database_pdf: tuple[SphinxTestApp, str],
) -> None:
    app, log = database_pdf
    assert (app.outdir / "policy.pdf").stat().st_size > 0
    assert overfull_boxes(log) == []
    tex = (app.outdir / "policy.tex").read_text(encoding="utf-8")
    assert tex.count(r"\begin{longtable}") == len(CATEGORIES)
    # Each caption counts the category's names (the option :count:).
    inventory = load_inventory(app.srcdir / "cookies.yaml")
    for category in inventory.categories.values():
        names = sum(len(cookie.names) for cookie in inventory.cookies_in(category.id))
        assert rf"\caption{{{localized(category.title, None)} ({names:,})" in tex


@needs_latexmk
def test_long_tables_continue_across_pages_with_every_name(
    database_pdf: tuple[SphinxTestApp, str],
) -> None:
    app, _ = database_pdf
    text = pdf_text(app.outdir / "policy.pdf")
    pages = text.count("\f")
    assert pages > 100, pages
    assert text.count("continues on next page") > pages / 2
    # pdftotext reads a wrapped name line after line, and drops a hyphen that ends a line;
    # a soft hyphen (one name has one) is invisible unless the line breaks there.
    joined = "".join(text.split())
    unhyphenated = joined.replace("-", "")
    inventory = load_inventory(app.srcdir / "cookies.yaml")
    assert len(inventory.cookies) > 2000
    missing = []
    for cookie in inventory.cookies:
        for name in cookie.names:
            printed = "".join(name.replace("\xad", "").split())
            if printed not in joined and printed.replace("-", "") not in unhyphenated:
                missing.append(name)
    assert missing == []


@needs_latexmk
def test_without_the_paper_layout_long_names_overflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test of the test: the same check finds overfull boxes in a small policy with long
    names once the extension's paper layout is switched off."""
    inventory = yaml.safe_load(LONG_NAMES.read_text(encoding="utf-8"))
    _, log = build_pdf(tmp_path / "with", inventory)
    assert overfull_boxes(log) == []

    monkeypatch.setattr(PrepareTablesForPaper, "run", lambda self, **kwargs: None)
    _, log = build_pdf(tmp_path / "without", inventory)
    assert overfull_boxes(log) != []


#: Words for purposes of many lengths, so that rows of many heights fall on page ends.
PURPOSE_TEXT = (
    "the site uses this cookie to remember choices made by visitors and to measure how pages "
    "are read so that we can improve them over time"
)
FOUR_CATEGORIES = {"necessary": 5, "preferences": 9, "statistics": 14, "marketing": 20}


def four_category_policy(seed: int) -> dict[str, Any]:
    """A policy of four categories of 5, 9, 14 and 20 cookies, whose purposes run from six
    to forty words: a small site's policy, with tables that break across pages."""
    choose, words = random.Random(seed), PURPOSE_TEXT.split()
    cookies = [
        {
            "name": f"{category[:4]}_cookie_{number:03d}",
            "category": category,
            "provider": "Harbour Data",
            "purpose": " ".join(
                choose.choice(words) for _ in range(choose.randint(6, 40))
            ).capitalize()
            + ".",
            "duration": "13 months",
        }
        for category, count in FOUR_CATEGORIES.items()
        for number in range(count)
    ]
    categories = {
        category: {"title": f"{category.title()} cookies", "description": f"For {category}."}
        for category in FOUR_CATEGORIES
    }
    return {"categories": categories, "cookies": cookies}


@dataclass
class TablePiece:
    """The part of a table printed on one page, and the cookies in it."""

    table: str
    page: int
    rows: int = 0


#: A caption ("Table 2: Preferences cookies (9)") or a continued header.
TABLE_START = re.compile(r"^\s*Table (\d+)(?::| \u2013 continued from previous page)")
ROW_NAME = re.compile(r"\b[a-z]{4}_cookie_\d{3}\b")


def table_pieces(text: str) -> list[TablePiece]:
    """Each table's pieces, page by page, from pdftotext's text of the PDF."""
    pieces: list[TablePiece] = []
    for page, content in enumerate(text.split("\f"), 1):
        for line in content.splitlines():
            started = TABLE_START.match(line)
            if started:
                pieces.append(TablePiece(started[1], page))
            elif pieces and pieces[-1].page == page:
                pieces[-1].rows += len(ROW_NAME.findall(line))
    return pieces


def badly_broken(pieces: list[TablePiece]) -> list[str]:
    """Where a table breaks badly: a caption left with fewer than two of its rows, a page with
    a continued header and no row, a table's end with fewer than two rows."""
    problems = []
    for table in dict.fromkeys(piece.table for piece in pieces):
        own = [piece for piece in pieces if piece.table == table]
        total = sum(piece.rows for piece in own)
        assert total, f"table {table} shows no row"
        if own[0].rows < min(2, total):
            problems.append(f"table {table}: its caption on page {own[0].page} with 1 row")
        problems += [
            f"table {table}: a header alone on page {piece.page}" for piece in own if not piece.rows
        ]
        if len(own) > 1 and own[-1].rows < min(2, total):
            problems.append(f"table {table}: its end alone on page {own[-1].page}")
    return problems


#: The four-category policy, printed six times with different columns: 24 tables that start
#: at 24 places on their pages, so that without the extension's rule some are bound to leave
#: a caption or an end alone (the test of the test checks that they do).
COLUMN_SETS = (
    "name, provider, function, purpose, duration",
    "name, purpose, duration",
    "name, purpose",
    "name, provider, purpose",
    "name, function, purpose, duration",
    "name, provider, purpose, duration",
)
POLICY_PAGE = "Cookie policy\n=============\n\n" + "".join(
    f".. cookie-table::\n   :columns: {columns}\n\n" for columns in COLUMN_SETS
)


def printed_pieces(source: Path) -> list[TablePiece]:
    app, _ = build_pdf(source, four_category_policy(seed=1), POLICY_PAGE)
    pieces = table_pieces(pdf_text(app.outdir / "policy.pdf"))
    assert len({piece.table for piece in pieces}) == len(FOUR_CATEGORIES) * len(COLUMN_SETS)
    assert len(pieces) > len(COLUMN_SETS) * len(FOUR_CATEGORIES)  # some tables do break
    return pieces


@needs_latexmk
def test_a_table_never_leaves_its_caption_or_its_end_alone(tmp_path: Path) -> None:
    assert badly_broken(printed_pieces(tmp_path / "policy")) == []


@needs_latexmk
def test_without_the_rule_the_check_finds_the_bad_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test of the test: the same policy, the same check, without the rule."""
    monkeypatch.setattr(KeepCaptionsAndEndsWithRows, "run", lambda self, **kwargs: None)
    problems = badly_broken(printed_pieces(tmp_path / "policy"))
    assert any("its caption on page" in problem for problem in problems), problems
    assert any("its end alone on page" in problem for problem in problems), problems
