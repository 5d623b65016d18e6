"""Where a cookie table may break across pages, on paper (LaTeX ``longtable``).

A longtable may break after any row. Two breaks read badly: one just after the caption and
header (or after the first row), which leaves the caption at the foot of a page with one row or
none; and one after the last row, which leaves its closing rule alone on the next page under a
repeated "continued from previous page" header. So no break is allowed before the first row,
after the first, before the last, or after the last: a table's first two rows stay with its
caption, and its last two with its end. A table of four rows or fewer does not break at all.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

from .transforms import cookie_tables

#: What LaTeX's longtable reads as "no page break here" between two rows (``\\*`` after a row).
NO_PAGE_BREAK = "\\noalign{\\nobreak}\n"
#: The rule the LaTeX writer puts between two rows (and takes away after the last).
ROW_RULE = "\\sphinxhline"


class no_page_break(nodes.Invisible, nodes.Element):  # type: ignore[misc]
    """Between two rows of a table body, or after its last: no page break there."""


def visit_no_page_break(translator: LaTeXTranslator, node: no_page_break) -> None:
    """The mark goes right after the row's end, before the rule that follows it; after the
    last row there is no rule (the writer would take it away, but it looks only at what it
    wrote last)."""
    rule = translator.body.pop() if translator.body and translator.body[-1] == ROW_RULE else None
    translator.body.append(NO_PAGE_BREAK)
    if rule is not None and node.get("between", True):
        translator.body.append(rule)
    raise nodes.SkipNode


def keep_rows_together(body: nodes.tbody) -> None:
    """Marks where ``body`` may not break: before its first row, after it, before its last
    row and after it."""
    rows = [child for child in body.children if isinstance(child, nodes.row)]
    if not rows:
        return
    for row in rows[1:2] + (rows[-1:] if len(rows) > 2 else []):
        body.insert(body.index(row), no_page_break())
    body.insert(0, no_page_break())
    body.append(no_page_break(between=False))


class KeepCaptionsAndEndsWithRows(SphinxPostTransform):
    default_priority = 210  # after the rows are prepared for paper (paper.py, 200)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in cookie_tables(self.document):
            for body in table.findall(nodes.tbody):
                keep_rows_together(body)


def setup_page_breaks(app: Sphinx) -> None:
    app.add_node(no_page_break, latex=(visit_no_page_break, lambda translator, node: None))
    app.add_post_transform(KeepCaptionsAndEndsWithRows)
