"""The examples of docs/guide/presentation.rst do what the page says they do."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import load_inventory

from output import cookie_tables

SNIPPETS = Path(__file__).parent.parent / "docs" / "snippets" / "presentation"


def build_snippet(name: str, destination: Path, builder: str = "html", page: str = "") -> Path:
    """Build a snippet as the docs show it (with ``page`` as its index when it has none)."""
    source = destination / "src"
    shutil.copytree(SNIPPETS / name, source)
    conf = source / "conf.py"
    own = conf.read_text(encoding="utf-8") if conf.exists() else ""
    conf.write_text('extensions = ["sphinxcontrib_cookies"]\n' + own, encoding="utf-8")
    if page:
        (source / "index.rst").write_text(page, encoding="utf-8")
    app = SphinxTestApp(builder, srcdir=source, builddir=destination / "build")
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return Path(app.outdir)


def test_count_example(tmp_path: Path) -> None:
    html = (build_snippet("count", tmp_path) / "index.html").read_text(encoding="utf-8")
    inventory = load_inventory(SNIPPETS / "count" / "cookies.yaml")
    expected = [
        f"{category.title.resolve(None)} "
        f"({sum(len(cookie.names) for cookie in inventory.cookies_in(category.id))})"
        for category in inventory.categories.values()
        if category.title is not None
    ]
    assert [table.caption for table in cookie_tables(html)] == expected
    assert expected[-1].endswith("(3)")  # two names, and a pattern that counts once


def test_updated_example(tmp_path: Path) -> None:
    html = (build_snippet("updated", tmp_path) / "index.html").read_text(encoding="utf-8")
    assert 'last updated on <span class="cookies-updated">November 29, 2026</span>.' in html


def test_restyle_example_loads_after_the_extension(tmp_path: Path) -> None:
    page = "Cookies\n=======\n\n.. cookie-table::\n"
    html = (build_snippet("restyle", tmp_path, page=page) / "index.html").read_text("utf-8")
    sheets = re.findall(r'<link [^>]*href="_static/([\w-]+\.css)', html)
    assert sheets.index("cookies.css") < sheets.index("cookies-custom.css")


@pytest.mark.skipif(
    shutil.which("latexmk") is None, reason="latexmk is not installed (apt-get install latexmk)"
)
@pytest.mark.slow  # latexmk compiles a PDF
def test_paper_example_prints_cyrillic_and_a_long_name(tmp_path: Path) -> None:
    found = subprocess.run(["kpsewhich", "x2enc.def"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip("the Cyrillic fonts for pdflatex are missing (texlive-lang-cyrillic)")
    page = "Cookies\n=======\n\n.. cookie-table::\n   :columns: name, purpose\n"
    outdir = build_snippet("paper", tmp_path, "latex", page)
    (tex,) = outdir.glob("*.tex")
    compiled = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=outdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert compiled.returncode == 0, log[-2000:]
    assert "Overfull \\hbox" not in log
