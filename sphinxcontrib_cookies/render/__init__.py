"""Rendering: an inventory into standard docutils nodes. Knows nothing of files or builds."""

from .columns import COLUMNS, DEFAULT_COLUMNS, CellWords, Column, column_label
from .durations import format_duration
from .tables import RenderedTables, TableOptions, render_tables
from .types import render_cookie_types
from .widths import WidthHint

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "CellWords",
    "Column",
    "RenderedTables",
    "TableOptions",
    "WidthHint",
    "column_label",
    "format_duration",
    "render_cookie_types",
    "render_tables",
]
