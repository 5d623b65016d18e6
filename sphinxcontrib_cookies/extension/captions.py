"""``:count:``: the number of cookies in each category's caption, "Statistics (3)".

A bare number in parentheses reads the same in every language (and is how cookie declarations
often show it), so only the number is localised ("2,264" in English, "2 264" in French). It is
added after the caption's own text is translated: the title comes from the inventory, and the
project's catalogs translate it alone.
"""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..render.durations import babel_locale
from ..render.tables import COOKIE_COUNT


class CountCookiesInCaptions(SphinxTransform):
    default_priority = 25  # after Sphinx's Locale (20) and the inventory's own text (15)

    def apply(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            if COOKIE_COUNT not in table or not len(table) or not isinstance(table[0], nodes.title):
                continue
            leaves = list(table[0].findall(nodes.Text))
            if len(leaves) != 1:
                continue
            number = format_decimal(table[COOKIE_COUNT], locale=babel_locale(self.config.language))
            counted = f"{leaves[0].astext()} ({number})"
            leaves[0].parent.replace(leaves[0], nodes.Text(counted))


def setup_captions(app: Sphinx) -> None:
    app.add_transform(CountCookiesInCaptions)
