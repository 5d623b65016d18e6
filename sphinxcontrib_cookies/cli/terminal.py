"""Output for people at a terminal: aligned columns, and colour only where it is wanted
(a terminal, ``NO_COLOR`` unset, ``TERM`` not ``dumb``; ``--color`` decides otherwise)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from types import MappingProxyType
from typing import TextIO

_CODES = MappingProxyType({"bold": "1", "red": "31", "green": "32", "yellow": "33", "dim": "2"})


def wants_colour(stream: TextIO, choice: str = "auto") -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Terminal:
    def __init__(self, stream: TextIO, colour: bool) -> None:
        self.stream = stream
        self.colour = colour

    def style(self, text: str, *styles: str) -> str:
        if not self.colour or not styles:
            return text
        codes = ";".join(_CODES[style] for style in styles)
        return f"\033[{codes}m{text}\033[0m"

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], indent: int = 2) -> None:
        """Columns as wide as their widest cell; the last column is not padded."""
        widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]

        def render(cells: Sequence[str]) -> str:
            padded = [cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)]
            return (" " * indent + "  ".join([*padded, cells[-1]])).rstrip()

        self.line(self.style(render(headers), "bold"))
        for row in rows:
            self.line(render(row))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
