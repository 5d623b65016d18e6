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
from sphinx.writers.html5 import HTML5Translator

from ..render.widths import name_parts
from .transforms import cookie_tables, table_bodies

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
    process of a ``-j`` build, one page after another.)

    Names get their break points here in bodies that are nodes; in packed bodies, the writer
    adds them as it writes each name (``packing.py``), in a ``-j`` build's workers."""

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
                mark_names(body)


#: The class of the cells of names.
NAME_CELL = "cookie-name"

#: Where a line may break inside a name: the browser shows nothing there.
LINE_BREAK_OPPORTUNITY = "<wbr />"


def marked_name(name: str) -> str | None:
    """A name in literal style, as Sphinx writes one, with a line break opportunity between
    its parts (``name_parts``); None for a name of one part."""
    parts = name_parts(name)
    if len(parts) == 1:
        return None
    spans = LINE_BREAK_OPPORTUNITY.join(
        f'<span class="pre">{html.escape(part, quote=False)}</span>' for part in parts
    )
    return f'<code class="docutils literal notranslate">{spans}</code>'


class breakable_name(nodes.literal):  # type: ignore[misc]
    """A name that HTML writes with its break points (``marked_name``): a literal still, whose
    text the search index reads as the name (raw HTML would give it the tags' entities)."""


def visit_breakable_name(translator: HTML5Translator, node: breakable_name) -> None:
    marked = marked_name(node.astext())
    assert marked is not None  # made for names of more than one part only (add_break_points)
    translator.body.append(marked)
    raise nodes.SkipNode


def mark_names(body: nodes.tbody) -> None:
    """``add_break_points`` in every cell of names of a body that is nodes."""
    for row in body.children:
        for entry in row.children:
            if isinstance(entry, nodes.entry) and NAME_CELL in entry["classes"]:
                add_break_points(entry)


def add_break_points(entry: nodes.entry) -> None:
    """A name up to ``LONG_NAME`` characters may break between its parts, after ``_``, ``.``,
    ``-`` or ``/``, where the plan of widths expects it to (``render/widths.py``); a longer
    one, marked ``cookie-name-long`` by the renderer, may break anywhere."""
    for paragraph in entry.children:
        for name in list(paragraph.children):
            if not isinstance(name, nodes.literal) or name["classes"]:
                continue
            text = name.astext()
            if len(name_parts(text)) > 1:
                name.replace_self(breakable_name(name.rawsource, text))


def setup_presentation(app: Sphinx) -> None:
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_stylesheet)
    app.add_post_transform(LabelCellsForCards)
    app.add_node(breakable_name, html=(visit_breakable_name, None))
