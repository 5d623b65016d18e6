"""Builder-specific touches, applied after reading so that directives emit one node tree."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


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


class LetBrowsersSizeColumns(SphinxPostTransform):
    """In HTML the browser sizes columns from their content, which suits every screen."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            table["classes"] = [
                "colwidths-auto" if name == "colwidths-given" else name
                for name in table["classes"]
                if name != "longtable"
            ]


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
