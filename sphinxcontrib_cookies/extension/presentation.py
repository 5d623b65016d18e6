"""How cookie tables look in HTML: the stylesheet, and the column labels that cards show."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..render.packed import (
    CHILDREN,
    KIND,
    Packed,
    Part,
    cells,
    classes_of,
    pack_node,
    text_of,
    with_children,
)
from ..render.widths import name_parts
from .transforms import cookie_tables, packed_bodies, table_bodies

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STYLESHEET = "cookies.css"


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


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that means the same and cannot end the string, the
    declaration or the ``<style>`` element around it: backslashes and quotes are escaped,
    control characters (line breaks among them) and ``<``, ``>`` and ``&`` become hex escapes
    (``\\A ``, ``\\3C ``), whose trailing space ends the escape and is not shown."""
    escaped = []
    for character in text:
        if character in '\\"':
            escaped.append("\\" + character)
        elif character in "<>&" or ord(character) < 0x20 or ord(character) == 0x7F:
            escaped.append(f"\\{ord(character):X} ")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def label_class(labels: tuple[str, ...], taken: Collection[str] = ()) -> str:
    """The class of the tables whose columns have these labels: the same on every page, and
    longer in the unlikely case that its first eight hex digits name another label set."""
    digest = hashlib.sha256(json.dumps(labels).encode("utf-8")).hexdigest()
    length = 8
    while f"cookie-labels-{digest[:length]}" in taken and length < len(digest):
        length *= 2
    return f"cookie-labels-{digest[:length]}"


def label_rules(name: str, labels: tuple[str, ...]) -> str:
    """A ``<style>`` element that gives each body cell of the tables of class ``name`` its
    column's label, as generated content that the stylesheet shows only in cards."""
    rules = "".join(
        f"table.{name} > tbody > tr > td:nth-child({number})::before "
        f"{{ content: {css_string(label)}; }}\n"
        for number, label in enumerate(labels, 1)
    )
    return f"<style>\n{rules}</style>\n"


class LabelCellsForCards(SphinxPostTransform):
    """On small screens each row is shown as a card, without the header row, so each body cell
    shows its column's label. The labels are CSS generated content (``td::before``), written
    once per page and set of labels in a ``<style>`` element before the first table that uses
    it, rather than a node in each of thousands of cells, which the writer would have to write
    and the search index would have to index. (The renderer marks the cells with nothing in
    them, which cards leave out, and the long names, which alone may break: a mark costs
    nothing where the rows are made, and a pass over every cell here would run in the main
    process of a ``-j`` build, one page after another.)"""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        written: dict[tuple[str, ...], str] = {}
        for table in cookie_tables(self.document):
            head = next(table.findall(nodes.thead), None)
            if head is None:
                continue
            labels = tuple(entry.astext() for entry in next(head.findall(nodes.row)).children)
            name = written.get(labels)
            if name is None:
                name = written[labels] = label_class(labels, written.values())
                style = nodes.raw("", label_rules(name, labels), format="html")
                table.parent.insert(table.parent.index(table), style)
            table["classes"].append(name)
            for body in table_bodies(table):
                for row in body.children:
                    for entry in row.children:
                        if isinstance(entry, nodes.entry) and NAME_CELL in entry["classes"]:
                            add_break_points(entry)
            for packed in packed_bodies(table):
                packed.set_rows(tuple(_row_with_break_points(row) for row in packed.rows))


#: The class of the cells of names.
NAME_CELL = "cookie-name"

#: Where a line may break inside a name: the browser shows nothing there.
LINE_BREAK_OPPORTUNITY = "<wbr />"


def name_with_break_points(parts: list[str]) -> nodes.raw:
    """A name in literal style, as Sphinx writes one, with a line break opportunity between
    its parts. One raw node, rather than a text node per part, so that the search index
    (which reads a raw node's text without its tags) still finds the whole name."""
    spans = LINE_BREAK_OPPORTUNITY.join(
        f'<span class="pre">{html.escape(part, quote=False)}</span>' for part in parts
    )
    return nodes.raw(
        "", f'<code class="docutils literal notranslate">{spans}</code>', format="html"
    )


def _row_with_break_points(row: Packed) -> Packed:
    """``add_break_points`` for a packed row (``render/packed.py``)."""
    return with_children(
        row,
        tuple(
            _cell_with_break_points(cell) if NAME_CELL in classes_of(cell) else cell
            for cell in cells(row)
        ),
    )


def _cell_with_break_points(cell: Packed) -> Packed:
    paragraphs = []
    for paragraph in cell[CHILDREN]:
        assert not isinstance(paragraph, str)
        parts: list[Part] = []
        for part in paragraph[CHILDREN]:
            names = (
                name_parts(text_of(part))
                if not isinstance(part, str) and part[KIND] == "literal" and not classes_of(part)
                else []
            )
            parts.append(pack_node(name_with_break_points(names)) if len(names) > 1 else part)
        paragraphs.append(with_children(paragraph, tuple(parts)))
    return with_children(cell, tuple(paragraphs))


def add_break_points(entry: nodes.entry) -> None:
    """A name up to ``LONG_NAME`` characters may break between its parts, after ``_``, ``.``,
    ``-`` or ``/``, where the plan of widths expects it to (``render/widths.py``); a longer
    one, marked ``cookie-name-long`` by the renderer, may break anywhere."""
    for paragraph in entry.children:
        for name in list(paragraph.children):
            if not isinstance(name, nodes.literal) or name["classes"]:
                continue
            parts = name_parts(name.astext())
            if len(parts) > 1:
                name.replace_self(name_with_break_points(parts))


def setup_presentation(app: Sphinx) -> None:
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_stylesheet)
    app.add_post_transform(LabelCellsForCards)
