"""Rendering: an inventory into standard docutils nodes. Knows nothing of files or builds."""

from .durations import format_duration
from .labels import COLUMNS, DEFAULT_COLUMNS, column_label
from .tables import RenderedTables, TableOptions, render_tables
from .types import render_cookie_types

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "RenderedTables",
    "TableOptions",
    "column_label",
    "format_duration",
    "render_cookie_types",
    "render_tables",
]
