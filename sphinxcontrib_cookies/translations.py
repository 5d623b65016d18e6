"""The extension's message catalog: ``_`` for text put into documents, ``__`` for the console."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinxcontrib-cookies"
LOCALE_DIR = Path(__file__).parent / "locales"

_ = get_translation(CATALOG)
__ = get_translation(CATALOG, "console")
