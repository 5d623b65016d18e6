"""Sphinx's smart quotes, spared the table cells they would not change.

Sphinx's ``SmartQuotes`` transform runs docutils' ``educate_tokens``, a series of regular
expressions, over the text of every paragraph of a page: on a page with the whole Open Cookie
Database, the transform is about a tenth of the build. A cell whose text holds nothing it could
change (no quote, backtick, backslash, ampersand, ``--`` or ``...``) is marked with Sphinx's own
``support_smartquotes = False``, so that its text is passed through as it is, without the
expressions; every other cell is educated as before. The page is the same either way, which
``tests/test_quotes.py`` checks against the same text written by hand, in three languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes

#: What ``educate_tokens`` may change, in any action but ``-1``: quotes, backticks, dashes,
#: ellipses, backslash escapes, the entities its escapes restore, and docutils' null escapes.
_EDUCABLE = re.compile(r"[\"'`\\&\x00]|--|\.\.\.|\. \. \.")

#: The ``smartquotes_action`` that turns typographic characters back into ASCII, and so may
#: change any text.
_STUPEFY = "-1"

_MARK = "support_smartquotes"


def unchanged_by_smartquotes(text: str) -> bool:
    return _EDUCABLE.search(text) is None


def spare_cells(tables: Iterable[nodes.Element], action: str) -> None:
    """Mark each cell paragraph of ``tables`` that smart quotes would leave as it is."""
    if action == _STUPEFY:
        return
    for table in tables:
        for paragraph in table.findall(nodes.paragraph):
            if unchanged_by_smartquotes(paragraph.astext()):
                paragraph[_MARK] = False


def reconsider(node: nodes.Element) -> None:
    """After ``node``'s text was replaced (by a translation), leave its paragraph to smart
    quotes again if the new text needs them."""
    paragraph = node if isinstance(node, nodes.paragraph) else node.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    if paragraph is not None and not unchanged_by_smartquotes(paragraph.astext()):
        paragraph.attributes.pop(_MARK, None)
