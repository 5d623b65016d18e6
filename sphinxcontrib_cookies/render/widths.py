"""Column widths, in characters, planned from what the cells hold.

Prose (a purpose, a function) gets the most room: when a table is too wide for a line, the
other columns give way first. The tables of one directive share one plan, so that their columns
line up down the page. HTML writes the plan as percentages (the browser still widens a column
whose content cannot be narrower), LaTeX as the share of the line each column takes, and the
text builder as the width it wraps each cell at. The text builder breaks a word only where it
is longer than its column, anywhere in it: there, every word must fit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from docutils import nodes

#: The widest a column of short text (a provider, a duration) is planned, in characters.
TEXT_COLUMN_WIDTH = 40
#: The widest a column of prose is planned, and the narrowest it gives way to when room is
#: short: about eight words a line, never three or four.
PROSE_COLUMN_WIDTH = 60
PROSE_LEAST_WIDTH = 30
#: Where words may break (on paper, on a screen), a column is planned at least as wide as its
#: longest word, up to this; longer words wrap.
WORD_COLUMN_WIDTH = 10
#: Where names may break, a name column is planned at least this wide, and wider for names up
#: to LONGEST_WHOLE_NAME when there is room; longer names wrap.
NAME_COLUMN_WIDTH = 20
LONGEST_WHOLE_NAME = 30
#: The width a whole table is planned to fill: about a line of a PDF page, or of a terminal.
TABLE_WIDTH = 90
#: Room for the space on either side of a cell's text.
CELL_PADDING = 3
#: The attribute of the tables of one directive: the same value for each, unique in the page.
WIDTH_GROUP = "cookies-width-group"
#: Where a line may break: not at a no-break space, which holds "13 months" together.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


class WidthHint(Enum):
    """What a column holds, which says how it is sized."""

    #: Identifiers, one per literal in the cell: never broken in text.
    NAME = "name"
    #: Sentences (a purpose, a function): the column that gets the most room.
    PROSE = "prose"
    #: Short text (a provider, a domain), which wraps at its words.
    TEXT = "text"
    #: A phrase that reads best on one line (a duration, "1 year, 6 months"): in text, where
    #: a line may break at a no-break space, it is never wrapped (up to TEXT_COLUMN_WIDTH).
    PHRASE = "phrase"


@dataclass
class ColumnWidth:
    """What a column needs (its longest word or name) and what it would like: room for nine
    in ten of its texts on one line; the longest few may wrap. Where words cannot break
    (``words_may_break`` False: the text builder), every word and name must fit."""

    hint: WidthHint = WidthHint.TEXT
    words_may_break: bool = True
    least: int = 1
    lengths: list[int] = field(default_factory=list)

    @property
    def wanted(self) -> int:
        if not self.lengths:
            return self.least
        ordered = sorted(self.lengths)
        return max(self.least, ordered[(len(ordered) - 1) * 9 // 10])

    @property
    def floor(self) -> int:
        """The narrowest the column gives way to: its least, and for prose some words a line."""
        if self.hint is WidthHint.PROSE:
            return max(self.least, min(self.wanted, PROSE_LEAST_WIDTH))
        return self.least

    def note_word(self, length: int) -> None:
        """A word must fit; where words break, up to WORD_COLUMN_WIDTH."""
        needed = min(length, WORD_COLUMN_WIDTH) if self.words_may_break else length
        self.least = max(self.least, needed)

    def note_label(self, label: str) -> None:
        self.least = max(self.least, max((len(word) for word in label.split()), default=1))

    def note_text(self, text: str) -> None:
        words = _SPACES.split(text.strip())
        if not words[0]:
            return
        joined = " ".join(words)
        if self.hint is WidthHint.PHRASE and not self.words_may_break:
            self.note_word(min(len(joined), TEXT_COLUMN_WIDTH))
        else:
            self.note_word(max(len(word) for word in words))
        limit = PROSE_COLUMN_WIDTH if self.hint is WidthHint.PROSE else TEXT_COLUMN_WIDTH
        self.lengths.append(min(len(joined), limit))

    def note_name(self, name: str) -> None:
        if not self.words_may_break:
            self.least = max(self.least, len(name))
            self.lengths.append(len(name))
            return
        # The column gives way to running text when room is short.
        self.least = max(self.least, min(len(name), NAME_COLUMN_WIDTH))
        self.lengths.append(min(len(name), LONGEST_WHOLE_NAME))


def _between(low: Sequence[int], high: Sequence[int], table_width: int) -> list[int]:
    """Widths between ``low`` and ``high`` that fill ``table_width``, each column giving the
    same share of what it could give; ``low`` when even that is too wide."""
    room, wish = table_width - sum(low), sum(high) - sum(low)
    if room <= 0 or wish <= 0:
        return list(low)
    share = min(1.0, room / wish)
    return [least + int((most - least) * share) for least, most in zip(low, high, strict=True)]


def fit_widths(columns: Sequence[ColumnWidth], table_width: int = TABLE_WIDTH) -> list[int]:
    """Each column's wanted width if all fit in ``table_width``. Else the columns that are not
    prose give way first, down to their least; then prose, down to its floor (a few words a
    line); a table whose columns cannot be narrower is wider than ``table_width``. Prose is
    never narrower than another column, unless it wants less."""
    least = [column.least + CELL_PADDING for column in columns]
    floor = [column.floor + CELL_PADDING for column in columns]
    wanted = [column.wanted + CELL_PADDING for column in columns]
    if sum(wanted) <= table_width:
        return wanted
    prose = [column.hint is WidthHint.PROSE for column in columns]
    prose_kept = [wanted[i] if prose[i] else least[i] for i in range(len(columns))]
    if sum(prose_kept) <= table_width:
        planned = _between(prose_kept, wanted, table_width)
    else:
        prose_at_floor = [floor[i] if prose[i] else least[i] for i in range(len(columns))]
        planned = _between(prose_at_floor, prose_kept, table_width)
    widest_other = max((planned[i] for i in range(len(columns)) if not prose[i]), default=0)
    return [
        max(width, min(wanted[i], widest_other)) if prose[i] else width
        for i, width in enumerate(planned)
    ]


# --- planning the tables of a page ----------------------------------------------------------


def _note_cell(width: ColumnWidth, entry: nodes.Element, name_quotes: int) -> None:
    """Tells ``width`` what a cell needs: its names (literals, as the builder writes them,
    ``name_quotes`` more characters), and its other words."""
    if width.hint is WidthHint.NAME:
        for literal in entry.findall(nodes.literal):
            width.note_name(literal.astext() + " " * name_quotes)
        return
    width.note_text(entry.astext())


def plan_widths(
    tables: Iterable[nodes.table],
    hints: Sequence[WidthHint],
    words_may_break: bool,
    name_quotes: int = 0,
    table_width: int = TABLE_WIDTH,
) -> None:
    """One plan for ``tables`` (of one directive: the same columns, whose ``hints`` are
    given), written into the ``colwidth`` of each one's colspecs."""
    widths = [ColumnWidth(hint, words_may_break) for hint in hints]
    chosen = list(tables)
    for table in chosen:
        for row in table.findall(nodes.row):
            heading = isinstance(row.parent, nodes.thead)
            for width, entry in zip(widths, row.children, strict=False):
                if not isinstance(entry, nodes.entry):
                    continue
                if heading:
                    width.note_label(entry.astext())
                else:
                    _note_cell(width, entry, name_quotes)
    planned = fit_widths(widths, table_width)
    for table in chosen:
        for colspec, colwidth in zip(table.findall(nodes.colspec), planned, strict=False):
            colspec["colwidth"] = colwidth
