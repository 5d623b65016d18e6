"""Inventory text into docutils nodes: always ``nodes.Text``, so every builder escapes it."""

from __future__ import annotations

import re

from docutils import nodes

from ..inventory import LocalizedText
from .inventory_text import builtin

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str, classes: list[str] | None = None) -> list[nodes.paragraph]:
    """One paragraph per blank-line-separated block; lines within a block are joined. They
    are our own words (``builtin``) until ``mark_inventory_text`` marks them as the
    inventory's."""
    if "\n" not in text:  # the common case: one line
        block = " ".join(text.split())
        return [builtin(nodes.paragraph(block, block, classes=classes or []))] if block else []
    blocks = [" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text.strip())]
    return [
        builtin(nodes.paragraph(block, block, classes=classes or [])) for block in blocks if block
    ]


def localized(text: LocalizedText | None, language: str | None) -> str:
    return text.resolve(language) if text is not None else ""
