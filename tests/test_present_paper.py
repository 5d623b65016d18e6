"""A big policy on paper: the whole Open Cookie Database through LaTeX to PDF with latexmk.

Long tables break across pages, columns get widths that suit their content, and names too long
for their column wrap inside it: pdflatex reports no overfull box. Skipped where latexmk (or the
TeX Live packages named in .ci/run) is missing.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

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


def build_pdf(source: Path, inventory: dict[str, Any]) -> tuple[SphinxTestApp, str]:
    """Build the LaTeX, compile it with latexmk; the app and pdflatex's log."""
    shutil.copytree(ROOT, source, dirs_exist_ok=True)
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
