"""Cookie tables as standard docutils nodes, one per category or one for all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from docutils import nodes

from ..inventory import Category, Cookie, CookieInventory, Duration
from .columns import COLUMNS, Column
from .durations import format_duration
from .explanations import default_title
from .inventory_text import builtin, mark_inventory_text
from .labels import party_label, storage_label
from .text import localized
from .widths import ColumnWidth, fit_widths

#: The attribute of a table whose caption shows its number of cookies (see ``:count:``).
COOKIE_COUNT = "cookies-count"
#: The class of a cell with nothing in it, which cards on small screens leave out.
EMPTY = "cookie-cell-empty"


@dataclass(frozen=True)
class TableOptions:
    columns: tuple[str, ...]
    categories: tuple[str, ...]
    group_by_category: bool = True
    language: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    classes: tuple[str, ...] = ()
    #: Show the number of cookies (names) in each category's caption.
    count: bool = False
    #: Plan column widths, for builders that lay tables out themselves (LaTeX, text); HTML
    #: leaves them to the browser, so its directives skip the bookkeeping.
    widths: bool = True


@dataclass
class RenderedTables:
    tables: list[nodes.table]
    #: Each declared cookie name (patterns as written) and the id of its row.
    targets: dict[str, str]


def category_title(category: Category, language: str | None) -> str:
    """The inventory's title, else the built-in one of a standard category, else the id."""
    return localized(category.title, language) or default_title(category.id) or category.id


@dataclass(frozen=True)
class PageWords:
    """The extension's own words in the build language (``columns.CellWords``), as a page
    shows them."""

    language: str | None

    def describe_duration(self, duration: Duration) -> str:
        return format_duration(duration, self.language)

    def party_label(self, party: str) -> str:
        return party_label(party)

    def storage_label(self, storage: str) -> str:
        return storage_label(storage)

    def category_title(self, category: Category) -> str:
        return category_title(category, self.language)


class _TableBuilder:
    def __init__(
        self, inventory: CookieInventory, options: TableOptions, make_id: Callable[[str], str]
    ) -> None:
        self.inventory = inventory
        self.options = options
        self.make_id = make_id
        self.words = PageWords(options.language)
        self.targets: dict[str, str] = {}

    def cell(self, cookie: Cookie, column: Column, width: ColumnWidth) -> list[nodes.Node]:
        """The cell's nodes; ``width`` notes what the column needs for them."""
        text = column.text(cookie, self.inventory, self.words)
        content = column.cell(cookie, text, self.inventory, self.options.language)
        if self.options.widths:
            column.note_width(width, text, content)
        return content

    def caption(self, category: Category) -> nodes.title:
        title = self.words.category_title(category)
        caption = builtin(nodes.title(title, title))
        if category.title is not None:
            language, path = self.options.language, self.inventory.path
            mark_inventory_text(caption, category.title, language, path, category.line)
        return caption

    def table(self, category: Category | None, cookies: Iterable[Cookie]) -> nodes.table:
        columns = [COLUMNS[name] for name in self.options.columns]
        labels = [column.header(self.options.labels) for column in columns]
        widths = [ColumnWidth() for _ in columns]
        for width, label in zip(widths, labels, strict=True):
            width.note_label(label)
        counted = tuple(cookies)
        body = nodes.tbody()
        for cookie in counted:
            row = nodes.row()
            row_id = self.make_id(cookie.names[0])
            row["ids"].append(row_id)
            for name in cookie.names:
                self.targets.setdefault(name, row_id)
            for index, column in enumerate(columns):
                content = self.cell(cookie, column, widths[index])
                classes = [f"cookie-{column.name}"] if content else [f"cookie-{column.name}", EMPTY]
                row += nodes.entry("", *content, classes=classes)
            body += row
        table = nodes.table(classes=["cookie-table", "longtable", "colwidths-given"])
        table["classes"].extend(self.options.classes)
        if category is not None:
            table += self.caption(category)
            if self.options.count:
                table[COOKIE_COUNT] = sum(len(cookie.names) for cookie in counted)
        group = nodes.tgroup(cols=len(columns))
        table += group
        planned = fit_widths(widths) if self.options.widths else [1] * len(columns)
        for colwidth in planned:
            group += nodes.colspec(colwidth=colwidth)
        head_row = nodes.row()
        for column, label in zip(columns, labels, strict=True):
            head_row += nodes.entry(
                "", builtin(nodes.paragraph(label, label)), classes=[f"cookie-{column.name}"]
            )
        group += nodes.thead("", head_row)
        group += body
        return table


def render_tables(
    inventory: CookieInventory, options: TableOptions, make_id: Callable[[str], str]
) -> RenderedTables:
    """Tables for the chosen categories; a category without cookies gets no table."""
    builder = _TableBuilder(inventory, options, make_id)
    tables: list[nodes.table] = []
    if options.group_by_category:
        for category_id in options.categories:
            cookies = inventory.cookies_in(category_id)
            if cookies:
                tables.append(builder.table(inventory.categories[category_id], cookies))
    else:
        chosen = set(options.categories)
        everything = [cookie for cookie in inventory.cookies if cookie.category in chosen]
        if everything:
            tables.append(builder.table(None, everything))
    return RenderedTables(tables, builder.targets)
