"""Column widths, in characters, for builders that lay tables out themselves (LaTeX, text).

HTML ignores them: browsers size columns from their content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

#: The widest a column of running text is planned, in characters.
TEXT_COLUMN_WIDTH = 40
#: A column of text is planned at least as wide as its longest word, up to this; longer words
#: wrap (LaTeX hyphenates words, and gives other tokens, such as web addresses, break points).
WORD_COLUMN_WIDTH = 10
#: Where names may wrap (on paper), a name column is planned at least this wide, and wider
#: for names up to LONGEST_WHOLE_NAME when there is room; longer names wrap.
NAME_COLUMN_WIDTH = 20
LONGEST_WHOLE_NAME = 30
#: On a screen a name is shown whole up to this many characters (the Open Cookie Database's
#: longest has 43); a longer one wraps, as a column as wide as the longest name would pad
#: every line of the table to it.
WIDEST_NAME_ON_SCREEN = 80
#: The width a whole table is planned to fill: about a line of a PDF page, or of a terminal.
TABLE_WIDTH = 90
#: Room for the space on either side of a cell's text.
CELL_PADDING = 3


class WidthHint(Enum):
    """How a column is sized on paper and in text (HTML leaves it to the browser)."""

    #: Identifiers, one per literal in the cell (``note_name``): never broken on a screen.
    NAME = "name"
    #: Running text (``note_text``), which wraps at its words.
    TEXT = "text"


@dataclass
class ColumnWidth:
    """What a column needs (its longest word, within limits) and what it would like: room
    for nine in ten of its texts on one line; the longest few may wrap. A name is never
    broken unless ``names_may_wrap``."""

    names_may_wrap: bool = False
    least: int = 1
    lengths: list[int] = field(default_factory=list)

    @property
    def wanted(self) -> int:
        if not self.lengths:
            return self.least
        ordered = sorted(self.lengths)
        return max(self.least, ordered[(len(ordered) - 1) * 9 // 10])

    def note_label(self, label: str) -> None:
        self.least = max(self.least, max((len(word) for word in label.split()), default=1))

    def note_text(self, text: str) -> None:
        longest = max((len(word) for word in text.split()), default=0)
        self.least = max(self.least, min(longest, WORD_COLUMN_WIDTH))
        self.lengths.append(min(len(text), TEXT_COLUMN_WIDTH))

    def note_name(self, name: str) -> None:
        if not self.names_may_wrap:
            self.least = max(self.least, min(len(name), WIDEST_NAME_ON_SCREEN))
            self.lengths.append(min(len(name), WIDEST_NAME_ON_SCREEN))
            return
        # The column gives way to running text when room is short.
        self.least = max(self.least, min(len(name), NAME_COLUMN_WIDTH))
        self.lengths.append(min(len(name), LONGEST_WHOLE_NAME))


def fit_widths(columns: Sequence[ColumnWidth], table_width: int = TABLE_WIDTH) -> list[int]:
    """Each column's wanted width if all fit in ``table_width``; else every column shrinks by
    the same factor, none below its least width."""
    least = [column.least + CELL_PADDING for column in columns]
    wanted = [column.wanted + CELL_PADDING for column in columns]
    if sum(wanted) <= table_width:
        return wanted
    if sum(least) >= table_width:
        return least

    def shrunk(factor: float) -> list[int]:
        return [max(low, int(high * factor)) for low, high in zip(least, wanted, strict=True)]

    low, high = 0.0, 1.0
    for _ in range(20):
        middle = (low + high) / 2
        low, high = (middle, high) if sum(shrunk(middle)) <= table_width else (low, middle)
    return shrunk(low)
