"""Column widths, planned for each builder from the tables' final text (translated, marked):
the tables of one directive share one plan (``render/widths.py``)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..render import COLUMNS, WidthHint
from ..render.packed import packed_rows
from ..render.widths import (
    PAPER,
    SCREEN,
    TEXT,
    WIDTH_GROUP,
    Layout,
    note_packed_rows,
    plan_widths,
)
from .transforms import builder_class, cookie_tables

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


#: The layout of each builder format; other formats (latex, texinfo, man...) lay tables out
#: as paper does.
LAYOUTS = MappingProxyType({"html": SCREEN, "text": TEXT})


def builder_layout(env: BuildEnvironment) -> Layout:
    return LAYOUTS.get(builder_class(env).format, PAPER)


def note_packed_widths(env: BuildEnvironment, table: nodes.table, body: packed_rows) -> None:
    """Notes what the cells of a packed ``body`` of ``table`` need, for the layout of the
    builder that reads the page; ``PlanColumnWidths`` then only adds the notes up."""
    body.width_notes = note_packed_rows(column_hints(table), builder_layout(env), body.rows)


class PlanColumnWidths(SphinxPostTransform):
    """Plans the widths of every cookie table for the builder's layout, one plan for the
    tables of each directive."""

    default_priority = 150  # before the HTML and LaTeX touches (200), which read the plan

    def run(self, **kwargs: Any) -> None:
        layout = builder_layout(self.env)
        groups: dict[object, list[nodes.table]] = {}
        for table in cookie_tables(self.document):
            groups.setdefault(table.get(WIDTH_GROUP) or id(table), []).append(table)
        for tables in groups.values():
            plan_widths(tables, column_hints(tables[0]), layout)


def setup_widths(app: Sphinx) -> None:
    app.add_post_transform(PlanColumnWidths)
