"""Cookie tables as standard docutils nodes, one per category or one for all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from docutils import nodes

from ..inventory import Category, Cookie, CookieInventory, Duration, LocalizedText
from .columns import COLUMNS, Column
from .durations import format_duration
from .explanations import default_title
from .inventory_text import builtin, mark_inventory_text
from .labels import party_label, storage_label
from .text import localized
from .widths import WIDTH_GROUP

#: The attribute of a table whose caption shows its number of cookies (see ``:count:``).
COOKIE_COUNT = "cookies-count"
#: The attribute of a table of a category that needs consent, naming the category, when the
#: page shows the visitor's choice next to it (see ``consent_choices``).
TABLE_CATEGORY = "cookie-category"
#: The class of a cell with nothing in it, which cards on small screens leave out.
EMPTY = "cookie-cell-empty"


@dataclass(frozen=True)
class TableOptions:
    columns: tuple[str, ...]
    categories: tuple[str, ...]
    group_by_category: bool = True
    language: str | None = None
    #: The project's labels, by column name (``columns.project_labels``).
    labels: Mapping[str, LocalizedText] = field(default_factory=dict)
    #: Where the directive is (source, line): the project's labels are marked with it, for the
    #: project's gettext catalogs.
    labels_at: tuple[str, int] | None = None
    classes: tuple[str, ...] = ()
    #: Show the number of cookies (names) in each category's caption.
    count: bool = False
    #: Name the category of each table whose category needs consent (``TABLE_CATEGORY``), so
    #: that a web page can show the visitor's choice next to it.
    consent_choices: bool = False


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
    #: Each duration's words, once per render: many cookies share a duration ("1 year"), and
    #: the catalog Sphinx set up does not change within one.
    durations: dict[Duration, str] = field(default_factory=dict, compare=False)

    def describe_duration(self, duration: Duration) -> str:
        words = self.durations.get(duration)
        if words is None:
            words = self.durations[duration] = format_duration(duration, self.language)
        return words

    def party_label(self, party: str) -> str:
        return party_label(party)

    def storage_label(self, storage: str) -> str:
        return storage_label(storage)

    def category_title(self, category: Category) -> str:
        return category_title(category, self.language)

    def inventory_text(self, text: LocalizedText | None) -> str:
        """As written for the build language: the page's catalog, if any, translates the node
        later (``extension/project_catalogs.py``)."""
        return localized(text, self.language)


#: The class of the words beside a name that say what kind of storage it is, when the table
#: has no ``type`` column: without them, a local-storage key would read as a cookie.
STORAGE_MARK = "cookie-storage"


def mark_storage(content: list[nodes.Node], label: str) -> None:
    """Say beside the names what kind of storage they are ("(Local storage)")."""
    if not content or not isinstance(content[-1], nodes.paragraph):
        return
    marked = f"({label})"
    content[-1] += [nodes.Text(" "), nodes.inline(marked, marked, classes=[STORAGE_MARK])]


class _TableBuilder:
    def __init__(
        self, inventory: CookieInventory, options: TableOptions, make_id: Callable[[str], str]
    ) -> None:
        self.inventory = inventory
        self.options = options
        self.make_id = make_id
        self.words = PageWords(options.language)
        self.targets: dict[str, str] = {}
        #: The id of the first row rendered: unique in the page, it names the directive's tables.
        self.first_row_id = ""

    def cell(self, cookie: Cookie, column: Column) -> list[nodes.Node]:
        text = column.text(cookie, self.inventory, self.words)
        content = column.cell(cookie, text, self.inventory, self.options.language)
        if column.name == "name" and cookie.type != "cookie" and "type" not in self.options.columns:
            # The type column's text: a label, or a type the loader could not read, as written.
            mark_storage(content, COLUMNS["type"].text(cookie, self.inventory, self.words))
        return content

    def caption(self, category: Category) -> nodes.title:
        title = self.words.category_title(category)
        caption = builtin(nodes.title(title, title))
        if category.title is not None:
            language, path = self.options.language, self.inventory.path
            mark_inventory_text(caption, category.title, language, path, category.line)
        return caption

    def label(self, column: Column, label: str) -> nodes.paragraph:
        """A column's label; the project's own is marked for the project's catalogs."""
        paragraph = builtin(nodes.paragraph(label, label))
        given, where = self.options.labels.get(column.name), self.options.labels_at
        if given is not None and where is not None:
            mark_inventory_text(paragraph, given, self.options.language, *where)
        return paragraph

    def table(self, category: Category | None, cookies: Iterable[Cookie]) -> nodes.table:
        columns = [COLUMNS[name] for name in self.options.columns]
        labels = [column.header(self.options.labels, self.options.language) for column in columns]
        counted = tuple(cookies)
        body = nodes.tbody()
        for cookie in counted:
            row = nodes.row()
            row_id = self.make_id(cookie.names[0])
            row["ids"].append(row_id)
            self.first_row_id = self.first_row_id or row_id
            for name in cookie.names:
                self.targets.setdefault(name, row_id)
            for column in columns:
                content = self.cell(cookie, column)
                classes = [f"cookie-{column.name}"] if content else [f"cookie-{column.name}", EMPTY]
                row += nodes.entry("", *content, classes=classes)
            body += row
        table = nodes.table(classes=["cookie-table", "longtable", "colwidths-given"])
        table["classes"].extend(self.options.classes)
        if category is not None:
            table += self.caption(category)
            if self.options.count:
                table[COOKIE_COUNT] = sum(len(cookie.names) for cookie in counted)
            if self.options.consent_choices and category.needs_consent is not False:
                table[TABLE_CATEGORY] = category.id
        group = nodes.tgroup(cols=len(columns))
        table += group
        for _ in columns:  # planned for each builder: extension/widths.py
            group += nodes.colspec(colwidth=1)
        head_row = nodes.row()
        for column, label in zip(columns, labels, strict=True):
            head_row += nodes.entry(
                "", self.label(column, label), classes=[f"cookie-{column.name}"]
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
    for table in tables:  # the tables of one directive share their widths
        table[WIDTH_GROUP] = builder.first_row_id
    return RenderedTables(tables, builder.targets)
