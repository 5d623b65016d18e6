"""Builder-specific touches, applied after reading so that directives emit one node tree."""

from __future__ import annotations

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
    return [table for table in document.findall(nodes.table) if "cookie-table" in table["classes"]]


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
