"""Comparing what the sides of a case built: the titles, rows, cells and links of their tables.

A ratio means something only when the sides built the same tables. This is the benchmark's one
HTML reader; the tests have their own in ``tests/output.py`` (the benchmark does not import the
tests).
"""

from __future__ import annotations

import html.parser

from .harness import Project


class TableCells(html.parser.HTMLParser):
    """Collects the text of every table body cell, row by row, and the external links in them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links = 0
        self.captions: list[str] = []
        self._depth = 0  # inside <tbody>
        self._caption: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self._depth += 1
        elif tag == "caption":
            self._caption = []
        elif self._depth and tag == "tr":
            self.rows.append([])
        elif self._depth and tag == "td":
            self._cell = []
        elif (
            self._cell is not None
            and tag == "a"
            and any(name == "href" and value and "://" in value for name, value in attrs)
        ):
            self.links += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._depth -= 1
        elif tag == "caption" and self._caption is not None:
            self.captions.append(" ".join("".join(self._caption).split()))
            self._caption = None
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def table_cells(project: Project) -> TableCells:
    parser = TableCells()
    for docname in project.compared_docs:
        parser.feed((project.outdir / f"{docname}.html").read_text(encoding="utf-8"))
    return parser


def compare_output(first: Project, second: Project) -> bool:
    """Print whether two sides built the same tables; True when titles and cells are identical.

    Links are reported but not required to match: reST makes a link of a bare URL in a purpose,
    where the extension shows the text as written.
    """
    a, b = table_cells(first), table_cells(second)
    same = a.rows == b.rows and a.captions == b.captions
    print(
        f"    output: {first.label}: {len(a.rows)} rows, {a.links} links; "
        f"{second.label}: {len(b.rows)} rows, {b.links} links; "
        f"titles {'identical' if a.captions == b.captions else 'DIFFER'}, "
        f"cells {'identical' if a.rows == b.rows else 'DIFFER'}, "
        f"links {'identical' if a.links == b.links else 'DIFFER'}"
    )
    if a.rows != b.rows:
        differing = [(x, y) for x, y in zip(a.rows, b.rows, strict=False) if x != y]
        for x, y in differing[:3]:
            print(f"      {first.label}: {x}\n      {second.label}: {y}")
        compared = min(len(a.rows), len(b.rows))
        print(f"      ({len(differing)} differing rows among the first {compared})")
    return same
