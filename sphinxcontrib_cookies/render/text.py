"""Inventory text into docutils nodes: always ``nodes.Text``, so every builder escapes it."""

from __future__ import annotations

import re

from docutils import nodes

from ..inventory import LocalizedText
from .inventory_text import builtin

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
#: Runs of spaces and line breaks, which become one space; a no-break space (CLDR's, between a
#: number and its unit, or French typography's) is kept.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _joined(block: str) -> str:
    return _SPACES.sub(" ", block).strip(" ")


def paragraphs(text: str, classes: list[str] | None = None) -> list[nodes.paragraph]:
    """One paragraph per blank-line-separated block; lines within a block are joined. They
    are our own words (``builtin``) until ``mark_inventory_text`` marks them as the
    inventory's."""
    if "\n" not in text:  # the common case: one line
        block = _joined(text)
        return [builtin(nodes.paragraph(block, block, classes=classes or []))] if block else []
    blocks = [_joined(block) for block in _PARAGRAPH_BREAK.split(text.strip())]
    return [
        builtin(nodes.paragraph(block, block, classes=classes or [])) for block in blocks if block
    ]


def localized(text: LocalizedText | None, language: str | None) -> str:
    return text.resolve(language) if text is not None else ""
