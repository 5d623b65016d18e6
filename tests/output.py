"""Reading what a real build wrote: HTML tables, links and ids, without a third-party parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    text: str = ""
    codes: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


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
    caption: str = ""
    head: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return self.head[0].texts if self.head else []

    def column(self, label: str) -> list[Cell]:
        index = self.headers.index(label)
        return [row.cells[index] for row in self.body]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self._table: Table | None = None
        self._section = "body"
        self._row: Row | None = None
        self._cell: Cell | None = None
        self._in_caption = False
        self._in_code = 0
        self._code = ""
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
            if self._cell is not None:
                self._cell.links.append(attributes["href"] or "")
        if tag == "span" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
        if tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
        if tag == "table":
            self._table = Table(classes=(attributes.get("class") or "").split())
            self.tables.append(self._table)
        elif tag == "caption":
            self._in_caption = True
        elif tag in ("thead", "tbody"):
            self._section = "head" if tag == "thead" else "body"
        elif tag == "tr" and self._table is not None:
            self._row = Row(attributes.get("id"))
            (self._table.head if self._section == "head" else self._table.body).append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = Cell()
            self._row.cells.append(self._cell)
        elif tag == "code":
            self._in_code += 1
            self._code = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        if tag == "table":
            self._table = None
        elif tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._cell.text = " ".join(self._cell.text.split())
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "code" and self._in_code:
            self._in_code -= 1
            if self._cell is not None:
                self._cell.codes.append(self._code)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_code:
            self._code += data
        if self._in_caption and self._table is not None:
            self._table.caption = " ".join((self._table.caption + data).split())
        elif self._cell is not None:
            self._cell.text += data


@dataclass
class Page:
    tables: list[Table]
    ids: list[str]
    links: list[str]


def read_html(text: str) -> Page:
    parser = _TableParser()
    parser.feed(text)
    return Page(parser.tables, parser.ids, parser.links)


def cookie_tables(text: str) -> list[Table]:
    return [table for table in read_html(text).tables if "cookie-table" in table.classes]
