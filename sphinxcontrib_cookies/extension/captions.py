"""``:count:``: the number of cookies in each category's caption, "Statistics (3)".

A bare number in parentheses reads the same in every language (and is how cookie declarations
often show it), so only the number is localised ("2,264" in English, "2 264" in French). It is
added after the caption's own text is translated: the title comes from the inventory, and the
project's catalogs translate it alone.

The transform runs only where ``:count:`` is used: the directive leaves a docutils ``pending``
node naming its tables, and docutils applies the transform to that node alone, in its turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from babel.numbers import format_decimal
from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..render.durations import babel_locale
from ..render.tables import COOKIE_COUNT


class CountCookiesInCaptions(SphinxTransform):
    default_priority = 25  # after Sphinx's Locale (20) and the inventory's own text (15)

    @classmethod
    def pending_for(cls, document: nodes.document, tables: Sequence[nodes.table]) -> nodes.pending:
        """The node that makes docutils count the cookies of ``tables``, and only those."""
        pending = nodes.pending(cls, {"tables": list(tables)})
        document.note_pending(pending)
        return pending

    def apply(self, **kwargs: Any) -> None:
        pending = self.startnode
        assert isinstance(pending, nodes.pending)
        language = babel_locale(self.config.language)
        for table in pending.details["tables"]:
            if COOKIE_COUNT not in table or not len(table) or not isinstance(table[0], nodes.title):
                continue
            leaves = list(table[0].findall(nodes.Text))
            if len(leaves) != 1:
                continue
            number = format_decimal(table[COOKIE_COUNT], locale=language)
            counted = f"{leaves[0].astext()} ({number})"
            leaves[0].parent.replace(leaves[0], nodes.Text(counted))
        pending.parent.remove(pending)
