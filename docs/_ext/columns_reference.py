"""The docs' lists of columns, read from the extension's column registry, so that a new column
appears in the docs as it appears in tables.

* ``.. column-reference::`` -- a table of every column: its name, its built-in label and what
  its cells show; a label just before it refers to it.
* ``:column-names:`all``` or ``:column-names:`default``` -- the names in a sentence
  (````name``, ``provider`` and ``purpose````); ``:column-names:`default as list``` -- the
  default of ``cookies_columns`` as Python writes it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from sphinxcontrib_cookies.render import COLUMNS, DEFAULT_COLUMNS

_SETS = {"all": tuple(COLUMNS), "default": DEFAULT_COLUMNS}


def _in_a_sentence(names: Sequence[str]) -> list[nodes.Node]:
    """``a``, ``b`` and ``c``."""
    result: list[nodes.Node] = []
    for index, name in enumerate(names):
        if index:
            separator = " and " if index == len(names) - 1 else ", "
            result.append(nodes.Text(separator))
        result.append(nodes.literal(name, name))
    return result


class ColumnNames(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        chosen, _, form = self.text.strip().partition(" ")
        if chosen not in _SETS or form not in ("", "as list"):
            message = self.inliner.reporter.error(
                f"column-names takes 'all' or 'default', then optionally 'as list', "
                f"not {self.text!r}",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        names = _SETS[chosen]
        if form:
            written = json.dumps(list(names))
            return [nodes.literal(written, written)], []
        return _in_a_sentence(names), []


def _row(*cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        row += nodes.entry("", nodes.paragraph("", "", *content))
    return row


class ColumnReference(SphinxDirective):
    """Every column, in the registry's order."""

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["column-reference"])
        table += nodes.title("", "The columns of a cookie table")
        group = nodes.tgroup(cols=3)
        table += group
        for width in (12, 20, 68):
            group += nodes.colspec(colwidth=width)
        group += nodes.thead(
            "",
            _row([nodes.Text("Column")], [nodes.Text("Label")], [nodes.Text("What a cell shows")]),
        )
        body = nodes.tbody()
        for name, column in COLUMNS.items():
            body += _row(
                [nodes.literal(name, name)],
                [nodes.Text(str(column.label))],
                [nodes.Text(column.description)],
            )
        group += body
        self.set_source_info(table)
        return [table]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_role("column-names", ColumnNames())
    app.add_directive("column-reference", ColumnReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
