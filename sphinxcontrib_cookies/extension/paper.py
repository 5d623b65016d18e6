"""How cookie tables look on paper (LaTeX): ragged-right cells, and long names that wrap."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from types import MappingProxyType
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape

from ..render.widths import CELL_PADDING, TABLE_WIDTH
from .transforms import cookie_tables

#: A break point that LaTeX may use or not, with no hyphen.
BREAK_POINT = r"\allowbreak{}"
#: Lines of a cell may end up to 2em short: narrow justified columns stretch their spaces into
#: gaps. Set inside the cell's paragraph, as Sphinx may wrap cells in a box that resets it.
RAGGED_RIGHT = r"\rightskip=0pt plus 2em\relax "

#: Invisible characters that pdflatex cannot typeset, and what they become: a zero-width space
#: is a place to break a line; the joiners have no effect on Latin text.
PDFLATEX_INVISIBLES = MappingProxyType(
    {"\u200b": BREAK_POINT, "\u200c": "", "\u200d": "", "\u2060": ""}
)
_INVISIBLE = re.compile("[" + "".join(PDFLATEX_INVISIBLES) + "]")
_TOKEN = re.compile(r"\S+")
_AFTER_SEPARATOR = re.compile(r"(?<=[-/._@:?&=,;|+])")
#: A word of running text, which LaTeX hyphenates itself; other long tokens (addresses,
#: identifiers) get break points, after their separators where that is enough.
_WORD = re.compile(
    r"[(\[\"'\u2018\u201c]*[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*[.,;:!?)\]\"'\u2019\u201d]*"
)


#: How a piece of text may end: no break, a break point after it, or (for a run too long to
#: break after its separators) a break point after each of its characters.
_WHOLE, _BREAK_AFTER, _BREAK_WITHIN = range(3)


def _breakable(text: str, in_name: bool, limit: int) -> list[tuple[str, int]]:
    """``text`` as pieces, each marked with where a line may break: tokens longer than
    ``limit`` characters may break after a separator (``_``, ``.``, ``/``...), and anywhere in
    a run that is still too long."""
    pieces: list[tuple[str, int]] = []
    position = 0
    for token in _TOKEN.finditer(text):
        word = token.group()
        if len(word) <= limit or (not in_name and _WORD.fullmatch(word)):
            continue
        if token.start() > position:
            pieces.append((text[position : token.start()], _WHOLE))
        for segment in _AFTER_SEPARATOR.split(word):
            pieces.append((segment, _BREAK_AFTER if len(segment) <= limit else _BREAK_WITHIN))
        last, how = pieces[-1]
        pieces[-1] = (last, _BREAK_WITHIN if how == _BREAK_WITHIN else _WHOLE)
        position = token.end()
    if position < len(text):
        pieces.append((text[position:], _WHOLE))
    return pieces


def _every_character_breaks(piece: str, escape: Callable[[str], str], pdflatex: bool) -> str:
    """A run with a break point between each two characters, escaped for LaTeX: one raw node
    for the whole run, whatever its length (a node per character took gigabytes)."""
    characters = (
        PDFLATEX_INVISIBLES[character]
        if pdflatex and character in PDFLATEX_INVISIBLES
        else escape(character)
        for character in piece
    )
    return BREAK_POINT.join(characters)


def _latex_nodes(
    text: str, in_name: bool, limit: int | None, escape: Callable[[str], str], pdflatex: bool
) -> list[nodes.Node] | None:
    """The nodes that replace a text node, or None when it needs no change."""
    pieces = _breakable(text, in_name, limit) if limit is not None else [(text, _WHOLE)]
    if len(pieces) <= 1 and pieces[0][1] == _WHOLE and not (pdflatex and _INVISIBLE.search(text)):
        return None
    result: list[nodes.Node] = []
    for piece, how in pieces:
        if how == _BREAK_WITHIN:
            result.append(
                nodes.raw("", _every_character_breaks(piece, escape, pdflatex), format="latex")
            )
            continue
        parts = _INVISIBLE.split(piece) if pdflatex else [piece]
        found = _INVISIBLE.findall(piece) if pdflatex else []
        for index, part in enumerate(parts):
            if part:
                result.append(nodes.Text(part))
            if index < len(found) and PDFLATEX_INVISIBLES[found[index]]:
                result.append(nodes.raw("", PDFLATEX_INVISIBLES[found[index]], format="latex"))
        if how == _BREAK_AFTER:
            result.append(nodes.raw("", BREAK_POINT, format="latex"))
    return result


def _column_capacities(table: nodes.table) -> list[int]:
    """About how many characters of a name fit on one line of each column: a table fills the
    line, which holds about ``TABLE_WIDTH`` characters (one spare, for safety)."""
    widths = [colspec["colwidth"] for colspec in table.findall(nodes.colspec)]
    total = sum(widths) or 1
    return [max(1, width * TABLE_WIDTH // total - CELL_PADDING - 1) for width in widths]


class PrepareTablesForPaper(SphinxPostTransform):
    """Makes the cells of cookie tables ragged-right, lets names (and other tokens that are
    not words) longer than their column break, and, for pdflatex, replaces the invisible
    characters it cannot typeset."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        pdflatex = self.config.latex_engine in ("pdflatex", "platex")
        self.escape = partial(texescape.escape, latex_engine=self.config.latex_engine)
        for table in cookie_tables(self.document):
            capacities = _column_capacities(table)
            for body in table.findall(nodes.tbody):
                for row in body.findall(nodes.row):
                    for limit, entry in zip(capacities, row.children, strict=False):
                        self.rewrite_text(entry, limit, pdflatex)
                        first = next(iter(entry.findall(nodes.paragraph)), None)
                        if first is not None:
                            first.insert(0, nodes.raw("", RAGGED_RIGHT, format="latex"))
            if pdflatex:
                for part in table.findall(nodes.Element):
                    if isinstance(part, (nodes.title, nodes.thead)):
                        self.rewrite_text(part, None, pdflatex)
        if pdflatex:
            for listing in self.document.findall(nodes.definition_list):
                if "cookie-types" in listing["classes"]:
                    self.rewrite_text(listing, None, pdflatex)

    def rewrite_text(self, container: nodes.Node, limit: int | None, pdflatex: bool) -> None:
        """Break points in tokens longer than ``limit`` (none when None); for pdflatex, the
        invisible characters replaced."""
        for text in list(container.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, nodes.raw):
                continue
            in_name = isinstance(parent, nodes.literal)
            replacement = _latex_nodes(str(text), in_name, limit, self.escape, pdflatex)
            if replacement is not None:
                parent.replace(text, replacement)


def setup_paper(app: Sphinx) -> None:
    app.add_post_transform(PrepareTablesForPaper)
