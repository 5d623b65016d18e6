"""Smart quotes in cookie tables: the cells the extension spares Sphinx's ``SmartQuotes``
(``extension/quotes.py``) read exactly as the same text written by hand, in English and in
French, and every cell with something to educate is still educated."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.render.packed import packed_rows, unpack

from conftest import build_copy
from output import cookie_tables, parse_html, read_tables


def purposes(app: SphinxTestApp) -> tuple[list[str], list[str]]:
    """The purposes of the cookie table and of the hand-written table, in order."""
    page = parse_html((app.outdir / "index.html").read_text("utf-8"))
    table = cookie_tables(page)[0]
    by_hand = next(table for table in read_tables(page) if "by-hand" in table.classes)
    return [row.texts[1] for row in table.body], [row.texts[0] for row in by_hand.body]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_cells_read_as_the_same_text_written_by_hand(tmp_path: Path, language: str) -> None:
    app = build_copy("smartquotes", tmp_path, confoverrides={"language": language})
    assert app.warning.getvalue() == ""
    from_inventory, by_hand = purposes(app)
    assert from_inventory == by_hand
    # The educated ones did change: curly quotes, dashes and an ellipsis, per language.
    assert "'" not in "".join(by_hand) and '"' not in "".join(by_hand)
    assert "\u2013" in by_hand[4] and "\u2014" in by_hand[4] and "\u2026" in by_hand[5]


@pytest.mark.sphinx("html", testroot="smartquotes")
def test_only_the_cells_with_nothing_to_educate_are_spared(app: SphinxTestApp) -> None:
    app.build()
    doctree = pickle.loads((app.doctreedir / "index.doctree").read_bytes())
    for packed in list(doctree.findall(packed_rows)):  # as read; packed for the writer
        packed.replace_self(unpack(packed))
    spared = {
        paragraph.astext()
        for paragraph in doctree.findall(nodes.paragraph)
        if paragraph.get("support_smartquotes") is False
    }
    written = set((app.srcdir / "index.rst").read_text("utf-8").split("* - ")[1:])
    purposes = {purpose.strip() for purpose in written}
    assert spared & purposes == {"Keeps you signed in."}
    assert {"plain", "apostrophe", "Purpose"} <= spared  # names and labels have nothing either


@pytest.mark.sphinx("html", testroot="smartquotes", confoverrides={"smartquotes": False})
def test_without_smart_quotes_the_text_is_as_written(app: SphinxTestApp) -> None:
    app.build()
    from_inventory, by_hand = purposes(app)
    assert from_inventory == by_hand
    assert from_inventory[1] == "Remembers the visitor's language."
