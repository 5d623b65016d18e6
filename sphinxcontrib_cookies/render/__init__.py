"""Rendering: an inventory into standard docutils nodes. Knows nothing of files or builds."""

from .columns import (
    COLUMNS,
    DEFAULT_COLUMNS,
    CellWords,
    Column,
    ProjectLabel,
    column_label,
    project_labels,
)
from .durations import format_duration
from .tables import RenderedTables, TableOptions, render_tables
from .types import render_cookie_types
from .widths import WidthHint

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "CellWords",
    "Column",
    "ProjectLabel",
    "RenderedTables",
    "TableOptions",
    "WidthHint",
    "column_label",
    "format_duration",
    "project_labels",
    "render_cookie_types",
    "render_tables",
]
