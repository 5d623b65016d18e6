"""How cookie tables look in HTML: the stylesheet, and the column labels that cards show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

from .transforms import cookie_tables

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STYLESHEET = "cookies.css"

#: In a wide HTML table, names longer than this may break anywhere; shorter ones never do.
#: (On paper, extension/paper.py breaks what does not fit its column.)
LONG_NAME = 24


def add_static_path(app: Sphinx, config: Config) -> None:
    """The stylesheet's folder, among the files that HTML builders copy to ``_static``. Added
    when the configuration is read, before Sphinx compares it with the previous build's, so
    that an incremental build does not report a changed ``html_static_path``."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def add_stylesheet(app: Sphinx) -> None:
    """Only builders that write HTML link the stylesheet."""
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET)


class LabelCellsForCards(SphinxPostTransform):
    """On small screens each row is shown as a card, without the header row: each body cell
    gets its column's label, which the stylesheet shows only in that layout. Cells with
    nothing in them are marked, so that cards can leave them out, and long names are marked,
    so that only they may break."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            head = next(table.findall(nodes.thead), None)
            if head is None:
                continue
            labels = [entry.astext() for entry in next(head.findall(nodes.row))]
            for body in table.findall(nodes.tbody):
                for row in body.children:
                    for label, entry in zip(labels, row.children, strict=False):
                        if not isinstance(entry, nodes.entry):
                            continue
                        if not len(entry):
                            entry["classes"].append("cookie-cell-empty")
                        entry.insert(0, nodes.inline(label, label, classes=["cookie-cell-label"]))
                        for name in entry.findall(nodes.literal):
                            if len(name.astext()) > LONG_NAME:
                                name["classes"].append("cookie-name-long")


def setup_presentation(app: Sphinx) -> None:
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_stylesheet)
    app.add_post_transform(LabelCellsForCards)
