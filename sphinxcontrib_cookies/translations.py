"""The extension's message catalog: ``_`` for text put into documents, ``__`` for the console.

``plural_form`` chooses a form by the catalog's ``Plural-Forms`` (Sphinx's ``_`` takes one
message only), and says when the build language's catalog has none.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation, get_translator

CATALOG = "sphinxcontrib-cookies"
LOCALE_DIR = Path(__file__).parent / "locales"

_ = get_translation(CATALOG)
__ = get_translation(CATALOG, "console")


def plural_form(singular: str, plural: str, count: int) -> str | None:
    """The catalog's form for ``count`` in the build language; None when it has none (or when
    Sphinx has not set up the catalog)."""
    translated = get_translator(CATALOG).ngettext(singular, plural, count)
    return None if translated in (singular, plural) else translated
