"""Column widths, planned for each builder from the tables' final text (translated, marked):
the tables of one directive share one plan (``render/widths.py``)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..render import COLUMNS, WidthHint
from ..render.widths import WIDTH_GROUP, plan_widths
from .transforms import cookie_tables

_COLUMN_CLASS = "cookie-"


def column_hints(table: nodes.table) -> list[WidthHint]:
    """How each column of ``table`` is sized, from the class of its header cells."""
    head = next(table.findall(nodes.thead), None)
    row = next(head.findall(nodes.row), None) if head is not None else None
    hints = []
    for entry in row.children if row is not None else ():
        names = [name[len(_COLUMN_CLASS) :] for name in entry.get("classes", ())]
        column = next((COLUMNS[name] for name in names if name in COLUMNS), None)
        hints.append(column.width if column is not None else WidthHint.TEXT)
    return hints


class PlanColumnWidths(SphinxPostTransform):
    """Plans the widths of every cookie table, one plan for the tables of each directive. On
    paper and on a screen, a word too long for its column may break."""

    default_priority = 150  # before the HTML and LaTeX touches (200), which read the plan
    words_may_break = True
    #: What the builder writes around a name (the text builder: quotes and a comma).
    name_quotes = 0

    def run(self, **kwargs: Any) -> None:
        groups: dict[object, list[nodes.table]] = {}
        for table in cookie_tables(self.document):
            groups.setdefault(table.get(WIDTH_GROUP) or id(table), []).append(table)
        for tables in groups.values():
            plan_widths(tables, column_hints(tables[0]), self.words_may_break, self.name_quotes)


class PlanColumnWidthsForText(PlanColumnWidths):
    """The text builder breaks a word only anywhere in it: every word and name must fit."""

    default_priority = 151
    formats = ("text",)
    words_may_break = False
    name_quotes = 3


def setup_widths(app: Sphinx) -> None:
    app.add_post_transform(PlanColumnWidths)
    app.add_post_transform(PlanColumnWidthsForText)
