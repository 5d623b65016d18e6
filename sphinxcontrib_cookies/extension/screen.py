"""Cookie tables in plain text, shaped so that Sphinx's text writer takes time in proportion
to them.

The text writer wraps a word longer than its line a line at a time, measuring the rest of the
word on each line: a 30,000-character word took it 21 seconds, the square of its length. Here
a run of more than ``LONG_RUN`` characters without a space is cut into pieces of ``LONG_RUN``,
separated by spaces: each piece costs the writer a bounded time, so the whole run costs time in
proportion to its length. The pieces are longer than any line, so the writer breaks each at its
own width and drops the spaces at the line ends: no space shows, only a line ends early at
each cut. Shorter words, which real texts are made of, are left as they are.

The writer also walks every row of a table each time it places a cell, so a table's cost grows
with the square of its rows (3,000 rows: a minute). A long table is written as consecutive
tables of ``ROWS_PER_TABLE`` rows, each with the header row, as a long table continues from
page to page on paper.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.text import MAXWIDTH

from .transforms import cookie_tables

#: The longest run of characters given to the writer whole: fourteen of its 70-character lines.
LONG_RUN = 14 * MAXWIDTH
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
#: The most rows of one table the text writer is given.
ROWS_PER_TABLE = 100


def _pieces(found: re.Match[str]) -> str:
    run = found.group()
    return " ".join(run[start : start + LONG_RUN] for start in range(0, len(run), LONG_RUN))


def cut_long_runs(container: nodes.Element) -> None:
    """Cut each run of more than ``LONG_RUN`` non-space characters under ``container``."""
    for text in list(container.findall(nodes.Text)):
        parent = text.parent
        if parent is not None and _LONG_RUN.search(text):
            parent.replace(text, nodes.Text(_LONG_RUN.sub(_pieces, str(text))))


def split_long_table(table: nodes.table, rows: int = ROWS_PER_TABLE) -> None:
    """Write ``table`` as consecutive tables of at most ``rows`` rows, each with its header;
    the first keeps the title and the ids."""
    body = next(iter(table.findall(nodes.tbody)), None)
    if body is None or len(body) <= rows or table.parent is None:
        return
    group = body.parent
    assert isinstance(group, nodes.tgroup)
    moved = body.children[rows:]
    del body.children[rows:]
    position = table.parent.index(table)
    for start in range(0, len(moved), rows):
        part = nodes.table("", classes=list(table["classes"]))
        part_group = nodes.tgroup("", cols=group["cols"])
        for child in group.children:
            if not isinstance(child, nodes.tbody):
                part_group += child.deepcopy()
        part_body = nodes.tbody()
        for row in moved[start : start + rows]:
            part_body += row
        part_group += part_body
        part += part_group
        position += 1
        table.parent.insert(position, part)


class CutLongRunsForText(SphinxPostTransform):
    """In the text builder, cut long runs in cookie tables and in the lists of categories, and
    long tables into tables of ``ROWS_PER_TABLE`` rows."""

    default_priority = 200
    formats = ("text",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            cut_long_runs(table)
            split_long_table(table)
        for listing in self.document.findall(nodes.definition_list):
            if "cookie-types" in listing["classes"]:
                cut_long_runs(listing)


def setup_screen(app: Sphinx) -> None:
    app.add_post_transform(CutLongRunsForText)
