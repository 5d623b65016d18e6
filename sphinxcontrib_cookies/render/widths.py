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

from .packed import Packed, cells, literals_of, packed_rows, text_of

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
#: In text, where no name is broken, a column is planned for names up to this many characters
#: (the Open Cookie Database's longest has 43); a longer one wraps, as a column as wide as the
#: longest name would pad every line of the table to it.
WIDEST_NAME_IN_TEXT = 80
#: The width a whole table is planned to fill: about a line of a PDF page, or of a terminal.
TABLE_WIDTH = 90
#: Room for the space on either side of a cell's text.
CELL_PADDING = 3
#: The attribute of the tables of one directive: the same value for each, unique in the page.
WIDTH_GROUP = "cookies-width-group"
#: Where a line may break: not at a no-break space, which holds "13 months" together.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
#: Where a name may break, on a screen: after one of these.
_AFTER_NAME_SEPARATOR = re.compile(r"(?<=[_./-])")
#: A part of a name is at least this long: "_pk_" and "id.*", never "_" and "*".
_SHORTEST_PART = 3


def name_parts(name: str) -> list[str]:
    """``name`` in the parts a line may break between: after ``_``, ``.``, ``-`` or ``/``,
    each part at least three characters ("cookies_", "preferences")."""
    parts: list[str] = []
    for part in _AFTER_NAME_SEPARATOR.split(name):
        if parts and (len(parts[-1]) < _SHORTEST_PART or len(part) < _SHORTEST_PART):
            parts[-1] += part
        elif part:
            parts.append(part)
    return parts or [name]


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


@dataclass(frozen=True)
class Layout:
    """How a builder lays a table out, as far as the plan needs to know."""

    #: Whether a word too long for its column breaks inside it (on paper, on a screen); the
    #: text builder breaks lines at spaces only, so there every word must fit.
    words_may_break: bool
    #: Names up to this many characters break only between their parts (``name_parts``), or
    #: not at all where ``whole_names``; None: no name is ever broken.
    whole_name: int | None
    #: A longer name wraps to lines about this long, at the least.
    broken_name: int = NAME_COLUMN_WIDTH
    #: Whether a name up to ``whole_name`` characters stays whole, rather than breaking
    #: between its parts.
    whole_names: bool = True
    #: How much wider a name's characters are than running text's (a screen's monospace
    #: font), and how many characters the builder writes around each (quotes and a comma).
    name_scale: float = 1.0
    name_extra: int = 0
    #: About how many characters of running text a line of the table holds.
    table_width: int = TABLE_WIDTH
    #: Whether a table may be planned wider than ``table_width``: text is written as wide as
    #: it is. On paper and on a screen the line is as wide as it is, and a column narrower
    #: than its content would have to break a word, a name or a duration inside, so prose
    #: gives way instead, down to its longest word.
    may_overflow: bool = True

    def least_for_name(self, name: str) -> int:
        """How wide a column a name needs."""
        if self.whole_name is None:
            return self._scaled(min(len(name), WIDEST_NAME_IN_TEXT))
        if len(name) > self.whole_name:
            return self._scaled(min(len(name), self.broken_name))
        if self.whole_names:
            return self._scaled(len(name))
        return self._scaled(max(len(part) for part in name_parts(name)))

    def wanted_for_name(self, name: str) -> int:
        """How wide a column a name would like: whole, up to LONGEST_WHOLE_NAME where names
        may break."""
        whole = self.whole_name is None
        longest = WIDEST_NAME_IN_TEXT if whole else LONGEST_WHOLE_NAME
        return self._scaled(min(len(name), longest))

    def _scaled(self, length: int) -> int:
        return int(length * self.name_scale + 0.999) + self.name_extra


#: LaTeX: every name may wrap, at the break points the extension adds where it must. A line
#: of paper is as wide as it is: a plan wider than it would shrink every column below what it
#: needs, so prose gives way instead.
PAPER = Layout(words_may_break=True, whole_name=0, may_overflow=False)
#: HTML: names up to 24 characters break only between their parts (the extension marks the
#: places, the stylesheet keeps the rest whole); a longer one breaks anywhere, so it needs
#: little room. Literals are set in a monospace font, about a quarter wider than text.
SCREEN = Layout(
    words_may_break=True,
    whole_name=24,
    broken_name=12,
    whole_names=False,
    name_scale=1.25,
    name_extra=1,
    table_width=80,  # themes set text larger than paper does: 16 or 17 pixels
    may_overflow=False,
)
#: The text builder: never a name or a word broken; a name is written "name", .
TEXT = Layout(words_may_break=False, whole_name=None, name_extra=3)


@dataclass
class ColumnWidth:
    """What a column needs (its longest word or name) and what it would like: room for nine
    in ten of its texts on one line; the longest few may wrap. Where words cannot break
    (the text builder), every word and name must fit."""

    hint: WidthHint = WidthHint.TEXT
    layout: Layout = PAPER
    least: int = 1
    #: How many of its texts would like each width (a few dozen widths, however many rows).
    lengths: dict[int, int] = field(default_factory=dict)

    @property
    def wanted(self) -> int:
        rank = (sum(self.lengths.values()) - 1) * 9 // 10  # of the tenth longest, in order
        for length in sorted(self.lengths):
            rank -= self.lengths[length]
            if rank < 0:
                return max(self.least, length)
        return self.least

    @property
    def floor(self) -> int:
        """The narrowest the column gives way to: its least, and for prose some words a line."""
        if self.hint is WidthHint.PROSE:
            return max(self.least, min(self.wanted, PROSE_LEAST_WIDTH))
        return self.least

    def note_word(self, length: int) -> None:
        """A word must fit; where words break, up to WORD_COLUMN_WIDTH."""
        breaks = self.layout.words_may_break
        self.least = max(self.least, min(length, WORD_COLUMN_WIDTH) if breaks else length)

    def note_label(self, label: str) -> None:
        self.least = max(self.least, max((len(word) for word in label.split()), default=1))

    def note_text(self, text: str) -> None:
        """A cell's text (its spaces already made single, as cells are written)."""
        text = text.strip()
        if not text:
            return
        if self.layout.words_may_break:  # a no-break space may break too: plain split() will do
            self.note_word(max(map(len, text.split())))
        elif self.hint is WidthHint.PHRASE:
            self.note_word(min(len(text), TEXT_COLUMN_WIDTH))
        else:
            self.note_word(max(map(len, _SPACES.split(text))))
        limit = PROSE_COLUMN_WIDTH if self.hint is WidthHint.PROSE else TEXT_COLUMN_WIDTH
        self._note_length(min(len(text), limit))

    def note_name(self, name: str) -> None:
        """A name; where names may break, the column gives way to running text when room is
        short, down to the longest whole name."""
        self.least = max(self.least, self.layout.least_for_name(name))
        self._note_length(self.layout.wanted_for_name(name))

    def _note_length(self, length: int, count: int = 1) -> None:
        self.lengths[length] = self.lengths.get(length, 0) + count

    def merge(self, other: ColumnWidth) -> None:
        """What ``other`` noted, noted here too."""
        self.least = max(self.least, other.least)
        for length, count in other.lengths.items():
            self._note_length(length, count)


def _between(low: Sequence[int], high: Sequence[int], table_width: int) -> list[int]:
    """Widths between ``low`` and ``high`` that fill ``table_width``, each column giving the
    same share of what it could give; ``low`` when even that is too wide."""
    room, wish = table_width - sum(low), sum(high) - sum(low)
    if room <= 0 or wish <= 0:
        return list(low)
    share = min(1.0, room / wish)
    return [least + int((most - least) * share) for least, most in zip(low, high, strict=True)]


def fit_widths(
    columns: Sequence[ColumnWidth], table_width: int = TABLE_WIDTH, may_overflow: bool = True
) -> list[int]:
    """Each column's wanted width if all fit in ``table_width``. Else the columns that are not
    prose give way first, down to their least; then prose, down to its floor (a few words a
    line); then, where the table may not overflow, prose down to its least. Prose is then
    never narrower than another column, unless it wants less or the table may not
    overflow."""
    least = [column.least + CELL_PADDING for column in columns]
    floor = [column.floor + CELL_PADDING for column in columns]
    wanted = [column.wanted + CELL_PADDING for column in columns]
    if sum(wanted) <= table_width:
        return wanted
    prose = [column.hint is WidthHint.PROSE for column in columns]
    prose_kept = [wanted[i] if prose[i] else least[i] for i in range(len(columns))]
    prose_at_floor = [floor[i] if prose[i] else least[i] for i in range(len(columns))]
    if sum(prose_kept) <= table_width:
        planned = _between(prose_kept, wanted, table_width)
    elif may_overflow or sum(prose_at_floor) <= table_width:
        planned = _between(prose_at_floor, prose_kept, table_width)
    else:
        return _between(least, prose_at_floor, table_width)
    widest_other = max((planned[i] for i in range(len(columns)) if not prose[i]), default=0)
    raised = [
        max(width, min(wanted[i], widest_other)) if prose[i] else width
        for i, width in enumerate(planned)
    ]
    return raised if may_overflow or sum(raised) <= table_width else planned


# --- planning the tables of a page ----------------------------------------------------------


def _note_packed_cell(width: ColumnWidth, cell: Packed) -> None:
    """``_note_cell`` for a packed cell (``render/packed.py``)."""
    if width.hint is WidthHint.NAME:
        for name in literals_of(cell):
            width.note_name(name)
        return
    width.note_text(text_of(cell))


def _note_cell(width: ColumnWidth, entry: nodes.Element) -> None:
    """Tells ``width`` what a cell needs: its names (literals), or its words."""
    if width.hint is WidthHint.NAME:
        for literal in entry.findall(nodes.literal):
            width.note_name(literal.astext())
        return
    width.note_text(entry.astext())


def _note_packed_rows(widths: Sequence[ColumnWidth], rows: Iterable[Packed]) -> None:
    for row in rows:
        for width, cell in zip(widths, cells(row), strict=False):
            _note_packed_cell(width, cell)


def note_packed_rows(
    hints: Sequence[WidthHint], layout: Layout, rows: Iterable[Packed]
) -> tuple[ColumnWidth, ...]:
    """What the cells of packed rows need of their columns, for ``layout``: noted where the
    rows are packed, which in a ``-j`` build is in parallel, and only merged into the plan
    (``plan_widths``), which runs in the main process, one page after another."""
    widths = tuple(ColumnWidth(hint, layout) for hint in hints)
    _note_packed_rows(widths, rows)
    return widths


def _same_columns(noted: Sequence[ColumnWidth], widths: Sequence[ColumnWidth]) -> bool:
    return [(width.hint, width.layout) for width in noted] == [
        (width.hint, width.layout) for width in widths
    ]


def plan_widths(tables: Iterable[nodes.table], hints: Sequence[WidthHint], layout: Layout) -> None:
    """One plan for ``tables`` (of one directive: the same columns, whose ``hints`` are
    given), for a builder's ``layout``, written into the ``colwidth`` of their colspecs."""
    widths = [ColumnWidth(hint, layout) for hint in hints]
    groups = [
        group for table in tables for group in table.children if isinstance(group, nodes.tgroup)
    ]
    for group in groups:  # the rows are children of the head and body: no walk of every node
        for part in group.children:
            if isinstance(part, packed_rows):
                noted = part.width_notes
                if noted is not None and _same_columns(noted, widths):
                    for width, note in zip(widths, noted, strict=True):
                        width.merge(note)
                else:
                    _note_packed_rows(widths, part.rows)
                continue
            if not isinstance(part, (nodes.thead, nodes.tbody)):
                continue
            heading = isinstance(part, nodes.thead)
            for row in part.children:
                for width, entry in zip(widths, row.children, strict=False):
                    if not isinstance(entry, nodes.entry):
                        continue
                    if heading:
                        width.note_label(entry.astext())
                    else:
                        _note_cell(width, entry)
    planned = fit_widths(widths, layout.table_width, layout.may_overflow)
    for group in groups:
        colspecs = [child for child in group.children if isinstance(child, nodes.colspec)]
        for colspec, colwidth in zip(colspecs, planned, strict=False):
            colspec["colwidth"] = colwidth
