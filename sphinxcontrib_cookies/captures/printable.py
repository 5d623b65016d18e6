"""Text from a capture as a terminal, a log or a YAML comment may show it."""

from __future__ import annotations


def printable(text: str, limit: int | None = None) -> str:
    """``text`` with control and invisible characters (escape sequences, line breaks, lone
    surrogates) written as Python escapes (``\\x1b``), so that a capture cannot rewrite a
    terminal, split a log line or a comment, or fail to encode; cut to ``limit`` characters
    (with ``...``) when given."""
    cut = limit is not None and len(text) > limit
    if cut:
        text = text[:limit]
    if not text.isprintable():
        text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return text + "..." if cut else text
