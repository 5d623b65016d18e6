"""Inventory text into docutils nodes: always ``nodes.Text``, so every builder escapes it."""

from __future__ import annotations

import re

from docutils import nodes

from ..inventory import LocalizedText

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str, classes: list[str] | None = None) -> list[nodes.paragraph]:
    """One paragraph per blank-line-separated block; lines within a block are joined."""
    if "\n" not in text:  # the common case: one line
        block = " ".join(text.split())
        return [nodes.paragraph(block, block, classes=classes or [])] if block else []
    blocks = [" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text.strip())]
    return [nodes.paragraph(block, block, classes=classes or []) for block in blocks if block]


def localized(text: LocalizedText | None, language: str | None) -> str:
    return text.resolve(language) if text is not None else ""
