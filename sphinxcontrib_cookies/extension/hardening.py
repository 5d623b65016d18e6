"""Guards for the few places where a Sphinx or docutils writer would not escape inventory text."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .transforms import cookie_tables


class MoveTableTitlesOutOfManPages(SphinxPostTransform):
    """docutils' man page writer copies a table's title raw onto a ``.SH`` request line, where a
    backslash from the inventory would start a roff escape, or drops the title altogether,
    depending on the section it is in. Each cookie table's title becomes a bold paragraph just
    before the table instead, which the writer escapes like any other text."""

    default_priority = 200
    formats = ("man",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            for title in [child for child in table.children if isinstance(child, nodes.title)]:
                table.remove(title)
                text = title.astext()
                caption = nodes.paragraph("", "", nodes.strong(text, text), classes=["caption"])
                table.parent.insert(table.parent.index(table), caption)


def setup_hardening(app: Sphinx) -> None:
    app.add_post_transform(MoveTableTitlesOutOfManPages)
