"""Reading what a real build wrote: the tests' one HTML reader, without a third-party parser.

``parse_html`` reads a page into a small element tree (``Element``: tag, attributes, children,
text, ``find_all``); ``read_tables`` and ``cookie_tables`` read the tables of that tree into rows
and cells. Every test that reads HTML goes through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that never have an end tag, so never have children.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass(eq=False)
class Element:
    """One element of a page: its tag, attributes (a bare attribute reads ``""``), children (text
    and elements, in order) and parent."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def raw_text(self) -> str:
        """All the text inside, as written (after character references are decoded)."""
        return "".join(self.strings())

    @property
    def text(self) -> str:
        """All the text inside, with runs of whitespace made one space."""
        return " ".join(self.raw_text.split())

    def strings(self, skip: Callable[[Element], bool] | None = None) -> Iterator[str]:
        """The text inside, in order, leaving out the elements ``skip`` says to."""
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif skip is None or not skip(child):
                yield from child.strings(skip)

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        yield from self.descendants()

    def descendants(self) -> Iterator[Element]:
        """Every element inside this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None) -> list[Element]:
        """The elements inside (this one included) with this tag and class, in order."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag) and (class_ is None or class_ in element.classes)
        ]

    def ancestors(self) -> Iterator[Element]:
        """This element, its parent, and so on up to the document."""
        element: Element | None = self
        while element is not None:
            yield element
            element = element.parent

    def child_elements(self, *tags: str) -> list[Element]:
        return [
            child for child in self.children if isinstance(child, Element) and child.tag in tags
        ]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the nearest open element of its kind, and any left open inside it.
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    """The page as a tree under a ``#document`` element."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# --- tables -------------------------------------------------------------------------------------


def _permalink(element: Element) -> bool:
    """Sphinx's "¶" link after a title or caption: not part of what it says."""
    return "headerlink" in element.classes


def _words(element: Element) -> str:
    return " ".join("".join(element.strings(_permalink)).split())


@dataclass
class Cell:
    text: str = ""
    codes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, element: Element) -> Cell:
        return cls(
            text=_words(element),
            codes=[code.raw_text for code in element.find_all("code")],
            links=[link.attrs["href"] for link in element.find_all("a") if link.attrs.get("href")],
            classes=element.classes,
        )


@dataclass
class Row:
    id: str | None
    cells: list[Cell] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Table:
    classes: list[str]
    id: str | None = None
    caption: str = ""
    head: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return self.head[0].texts if self.head else []

    def column(self, label: str) -> list[Cell]:
        index = self.headers.index(label)
        return [row.cells[index] for row in self.body]

    def column_texts(self, label: str) -> list[str]:
        return [cell.text for cell in self.column(label)]

    @property
    def rows(self) -> list[list[str]]:
        """The text of each body cell, row by row."""
        return [row.texts for row in self.body]

    @property
    def row_ids(self) -> list[str]:
        return [row.id or "" for row in self.body]

    @property
    def names(self) -> list[list[str]]:
        """The literal names in each body row's name cell."""
        return [
            [code for cell in row.cells if "cookie-name" in cell.classes for code in cell.codes]
            for row in self.body
        ]

    @property
    def links(self) -> list[list[str]]:
        """The link targets in each body row."""
        return [[link for cell in row.cells for link in cell.links] for row in self.body]


def _read_table(element: Element) -> Table:
    table = Table(classes=element.classes, id=element.attrs.get("id"))
    captions = element.child_elements("caption")
    if captions:
        table.caption = _words(captions[0])
    for part in [element, *element.child_elements("thead", "tbody", "tfoot")]:
        for row in part.child_elements("tr"):
            read = Row(
                row.attrs.get("id"), [Cell.read(cell) for cell in row.child_elements("td", "th")]
            )
            (table.head if part.tag == "thead" else table.body).append(read)
    return table


def read_tables(page: Element) -> list[Table]:
    """Every table of the page, in order."""
    return [_read_table(element) for element in page.find_all("table")]


def cookie_tables(page: str | Element) -> list[Table]:
    """The tables the extension wrote (class ``cookie-table``), from a page or its text."""
    root = parse_html(page) if isinstance(page, str) else page
    return [table for table in read_tables(root) if "cookie-table" in table.classes]


@dataclass
class Page:
    tables: list[Table]
    ids: list[str]
    links: list[str]


def read_html(text: str) -> Page:
    """A page's tables, and every id and link target on it, in order."""
    root = parse_html(text)
    elements = root.find_all()
    return Page(
        read_tables(root),
        [element.attrs["id"] for element in elements if element.attrs.get("id")],
        [
            element.attrs["href"]
            for element in elements
            if element.tag == "a" and element.attrs.get("href")
        ],
    )


def unwrap_grid_tables(text: str) -> str:
    """The text builder's output with each grid table cell's lines joined up again, words kept
    apart (the builder wraps a cell's words across lines), one cell after another."""
    out: list[str] = []
    cells: list[str] = []
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|="):
            pieces = [piece.strip() for piece in line.strip().strip("|").split("|")]
            if len(cells) != len(pieces):
                out.extend(cells)
                cells = [""] * len(pieces)
            cells = [f"{cell} {piece}".strip() for cell, piece in zip(cells, pieces, strict=True)]
            continue
        out.extend(cells)
        cells = []
        if not line.startswith(("+", "|=")):
            out.append(line)
    out.extend(cells)
    return "\n".join(out)
