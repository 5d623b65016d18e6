"""Builder-specific touches, applied after reading so that directives emit one node tree."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform


def builder_class(env: BuildEnvironment) -> type[Builder]:
    """The class of the build's builder, which says its name and format."""
    builder: type[Builder] | None = getattr(env, "_builder_cls", None)  # Sphinx 9
    if builder is None:  # Sphinx 8, where env.app is not yet deprecated
        builder = type(env.app.builder)
    return builder


def cookie_tables(document: nodes.document) -> list[nodes.table]:
    """The cookie tables of a document, found without walking their rows: a page of thousands
    of cookies is mostly tables, and every builder's touches start here."""
    found: list[nodes.table] = []
    pending: list[nodes.Node] = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.table) and "cookie-table" in node["classes"]:
            found.append(node)
        elif isinstance(node, nodes.Element) and not isinstance(node, nodes.TextElement):
            pending.extend(reversed(node.children))  # (no table is inside a paragraph)
    return found


def table_bodies(table: nodes.table) -> list[nodes.tbody]:
    """The bodies of ``table`` that are nodes (not packed), found among its children: no
    walk of every cell."""
    return [
        part
        for group in table.children
        if isinstance(group, nodes.tgroup)
        for part in group.children
        if isinstance(part, nodes.tbody)
    ]


class LeaveLongtablesToPaper(SphinxPostTransform):
    """In HTML a table is not a ``longtable`` (a LaTeX class that would only clutter it); its
    planned widths (``colwidths-given``) become percentages, which a browser widens where a
    column's content cannot be narrower."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            table["classes"] = [name for name in table["classes"] if name != "longtable"]


class LabelRowsInCells(SphinxPostTransform):
    """LaTeX and Texinfo put no label on a table row: give each row's id to a target in its
    first cell, so that ``:cookie:`` links land on the row there too."""

    default_priority = 200
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            for row in table.findall(nodes.row):
                if not row["ids"] or not len(row):
                    continue
                target = nodes.target("", "", ids=row["ids"])
                row["ids"] = []
                first_cell = row[0]
                if len(first_cell) and isinstance(first_cell[0], nodes.paragraph):
                    first_cell[0].insert(0, target)
                else:
                    first_cell.insert(0, nodes.paragraph("", "", target))


class MoveTableTitlesOutOfManPages(SphinxPostTransform):
    """docutils' man page writer copies a table's title raw onto a ``.SH`` request line, where a
    backslash from the inventory would start a roff escape, or drops the title altogether,
    depending on the section it is in. Each cookie table's title becomes a bold paragraph just
    before the table instead, which the writer escapes like any other text."""

    default_priority = 200
    formats = ("man",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            for title in [child for child in table.children if isinstance(child, nodes.title)]:
                table.remove(title)
                text = title.astext()
                caption = nodes.paragraph("", "", nodes.strong(text, text), classes=["caption"])
                table.parent.insert(table.parent.index(table), caption)


#: Every line break roff, or a catalog's translation, could bring into a text.
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]+")
#: What ends a text block of a tbl table when it begins a line.
_END_OF_CELL = "T}"


class KeepManPageTextOnItsLines(SphinxPostTransform):
    """Text in man pages stays text. Translations (the extension's catalogs, or a project's,
    of the inventory's text) may hold line breaks, after which a line starting with ``.`` or
    ``'`` is a roff request (``.TH``, ``.so``), even on a ``.B`` line: each break becomes a
    space, which filled roff text shows alike. A cell's paragraph that starts with ``T}``
    would end tbl's text block and split the row: it starts with ``\\&T}`` instead."""

    default_priority = 210  # after the titles are moved out of the tables
    formats = ("man",)

    def run(self, **kwargs: Any) -> None:
        containers: list[nodes.Element] = list(cookie_tables(self.document))
        containers.extend(
            node
            for node in self.document.findall(nodes.Element)
            if isinstance(node, (nodes.definition_list, nodes.paragraph))
            and {"cookie-types", "caption"} & set(node["classes"])
        )
        for container in containers:
            for text in list(container.findall(nodes.Text)):
                if _LINE_BREAKS.search(text) and text.parent is not None:
                    text.parent.replace(text, nodes.Text(_LINE_BREAKS.sub(" ", str(text))))
        for table in cookie_tables(self.document):
            for paragraph in table.findall(nodes.paragraph):
                _escape_end_of_cell(paragraph)


def _escape_end_of_cell(paragraph: nodes.paragraph) -> None:
    first = next(iter(paragraph.findall(nodes.Text)), None)
    if first is None or first.parent is None or not str(first).startswith(_END_OF_CELL):
        return
    text = str(first)
    replacement: list[nodes.Node] = []
    while text.startswith(_END_OF_CELL):
        # The writer puts a raw node on a line of its own: "\&T}" cannot end the block.
        replacement.append(nodes.raw("", "\\&" + _END_OF_CELL, format="manpage"))
        text = text[len(_END_OF_CELL) :]
    if text:
        replacement.append(nodes.Text(text))
    first.parent.replace(first, replacement)
