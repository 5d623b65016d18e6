"""Man pages: text from the inventory, or from a catalog's translation of it, never becomes a
roff request, and never ends a table cell early.

A line of a man page that starts with ``.`` or ``'`` is a request groff executes (``.so`` reads
a file, ``.TH`` starts a page): a translation with a line break could start one, even on the
``.B`` line of a category's name. In a table, a line ``T}`` ends tbl's text block, so a cell
that started with it split its row.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy

INVENTORY = """\
categories:
  audience:
    title: Audience measurement
    description: These cookies count visits.
cookies:
  - name: "T}"
    category: audience
    purpose: "T}"
    function: "A first paragraph.\\n\\nT}T} and more"
  - name: visits
    category: audience
    purpose: Counts visits.
"""

#: What a translator's catalog (or a hostile one) could say.
TRANSLATIONS = {
    "Audience measurement": "Mesure\n.TH EVIL 1\n.so /etc/passwd",
    "These cookies count visits.": "Ces cookies\n'so /etc/hostname\ncomptent.",
    "Counts visits.": "Compte\n.so /etc/passwd\nles visites.",
}


def build_man(tmp_path: Path) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    (srcdir / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinxcontrib_cookies"]\nlocale_dirs = ["locale"]\n'
        'gettext_compact = False\nlanguage = "fr"\n'
        'man_pages = [("index", "cookies", "Cookies", [], 7)]\n'
    )
    (srcdir / "index.rst").write_text(
        "Cookies\n=======\n\n.. cookie-types::\n\n"
        ".. cookie-table::\n   :columns: name, purpose, function\n"
    )
    (srcdir / "cookies.yaml").write_text(INVENTORY, encoding="utf-8")
    catalog = Catalog(locale="fr")
    for message, translation in TRANSLATIONS.items():
        catalog.add(message, translation)
    with open(srcdir / "locale" / "fr" / "LC_MESSAGES" / "index.mo", "wb") as stream:
        write_mo(stream, catalog)
    return build_copy("unused", tmp_path, "man")


def test_no_translation_starts_a_roff_request(tmp_path: Path) -> None:
    app = build_man(tmp_path)
    page = (Path(app.outdir) / "cookies.7").read_text(encoding="utf-8")
    assert "Mesure" in page and "Compte" in page  # the translations are used
    requests = [line for line in page.splitlines() if line.startswith((".", "'"))]
    assert not [line for line in requests if re.match(r"[.'](so|TH EVIL)", line)], requests
    [header] = [line for line in page.splitlines() if line.startswith(".TH")]
    assert header.startswith('.TH "COOKIES" "7" ')
    assert "/etc/passwd" in page and "/etc/hostname" in page  # shown as text


def test_a_cell_that_starts_with_the_end_of_a_block_keeps_its_row(tmp_path: Path) -> None:
    app = build_man(tmp_path)
    page = (Path(app.outdir) / "cookies.7").read_text(encoding="utf-8")
    table = page[page.index(".TS") : page.index(".TE")].splitlines()
    opened = sum(line.count("T{") for line in table)
    closed = sum(1 for line in table if line == "T}" or line.startswith("T}\t"))
    assert opened == closed == 3 * 3  # the header and two rows of three cells
    assert "\\&T}" in page
