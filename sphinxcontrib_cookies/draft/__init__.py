"""Drafting an inventory from a capture or a list of names, with the Open Cookie Database.
Plain Python: no docutils, no Sphinx."""

from .cookie_database import CookieDatabase, KnownCookie, open_cookie_database, parse_database
from .inventory_draft import (
    DraftInventory,
    draft_from_names,
    draft_from_observed,
    duration_from_retention,
    duration_from_seconds,
)
from .yaml_text import write_draft, yaml_text

__all__ = [
    "CookieDatabase",
    "DraftInventory",
    "KnownCookie",
    "draft_from_names",
    "draft_from_observed",
    "duration_from_retention",
    "duration_from_seconds",
    "open_cookie_database",
    "parse_database",
    "write_draft",
    "yaml_text",
]
