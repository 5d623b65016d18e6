"""Cookie tables as standard docutils nodes, one per category or one for all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from docutils import nodes

from ..inventory import Category, Cookie, CookieInventory, Duration, LocalizedText
from .durations import format_duration
from .explanations import default_title
from .inventory_text import keep_builtin_text_out, mark_inventory_text
from .labels import column_label, party_label, storage_label
from .text import localized, paragraphs

#: Widest a column of running text is planned (in characters); names are never narrowed.
TEXT_COLUMN_WIDTH = 40


@dataclass(frozen=True)
class TableOptions:
    columns: tuple[str, ...]
    categories: tuple[str, ...]
    group_by_category: bool = True
    language: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    classes: tuple[str, ...] = ()


@dataclass
class RenderedTables:
    tables: list[nodes.table]
    #: Each declared cookie name (patterns as written) and the id of its row.
    targets: dict[str, str]


def category_title(category: Category, language: str | None) -> str:
    """The inventory's title, else the built-in one of a standard category, else the id."""
    return localized(category.title, language) or default_title(category.id) or category.id


def _duration_text(duration: Duration | LocalizedText | None, language: str | None) -> str:
    if duration is None:
        return ""
    if isinstance(duration, Duration):
        return format_duration(duration, language)
    return duration.resolve(language)


class _TableBuilder:
    def __init__(
        self, inventory: CookieInventory, options: TableOptions, make_id: Callable[[str], str]
    ) -> None:
        self.inventory = inventory
        self.options = options
        self.make_id = make_id
        self.targets: dict[str, str] = {}

    def cell(self, cookie: Cookie, column: str) -> tuple[list[nodes.Node], list[str]]:
        """The cell's nodes, and its words for planning the column width."""
        language = self.options.language
        if column == "name":
            paragraph = nodes.paragraph()
            for index, name in enumerate(cookie.names):
                if index:
                    paragraph += nodes.Text(", ")
                paragraph += nodes.literal(name, name)
            return [paragraph], [f'"{name}",' for name in cookie.names]
        if column == "provider":
            if cookie.provider is None:
                return [], []
            provider = cookie.provider
            name = provider.name.resolve(language)
            link = provider.link
            paragraph = nodes.paragraph(name)
            paragraph += nodes.reference(name, name, refuri=link) if link else nodes.Text(name)
            self.mark(paragraph, provider.name, provider.line)
            return [paragraph], [name]
        text = self.column_text(cookie, column)
        content = paragraphs(text)
        written = self.inventory_text(cookie, column)
        if written is not None:
            for paragraph in content:
                self.mark(paragraph, *written)
        return content, [text]

    def mark(self, node: nodes.Element, text: LocalizedText, line: int) -> None:
        mark_inventory_text(node, text, self.options.language, self.inventory.path, line)

    def inventory_text(self, cookie: Cookie, column: str) -> tuple[LocalizedText, int] | None:
        """The inventory's own text shown in ``column`` (if the cell shows some) and its line."""
        if column == "purpose":
            return cookie.purpose, cookie.line
        if column == "function" and cookie.function is not None:
            return cookie.function, cookie.line
        if column == "duration" and isinstance(cookie.duration, LocalizedText):
            return cookie.duration, cookie.line
        category = self.inventory.categories[cookie.category]
        if column == "category" and category.title is not None:
            return category.title, category.line
        return None

    def column_text(self, cookie: Cookie, column: str) -> str:
        language = self.options.language
        if column == "purpose":
            return cookie.purpose.resolve(language)
        if column == "function":
            return localized(cookie.function, language)
        if column == "duration":
            return _duration_text(cookie.duration, language)
        if column == "party":
            return party_label(cookie.party) if cookie.party else ""
        if column == "type":
            return storage_label(cookie.type)
        if column == "domain":
            return cookie.domain or ""
        return category_title(self.inventory.categories[cookie.category], language)

    def table(self, category: Category | None, cookies: Iterable[Cookie]) -> nodes.table:
        columns = self.options.columns
        labels = [self.options.labels.get(column) or column_label(column) for column in columns]
        widths = [max(len(word) for word in label.split()) for label in labels]
        body = nodes.tbody()
        for cookie in cookies:
            row = nodes.row()
            row_id = self.make_id(cookie.names[0])
            row["ids"].append(row_id)
            for name in cookie.names:
                self.targets.setdefault(name, row_id)
            for index, column in enumerate(columns):
                content, words = self.cell(cookie, column)
                entry = nodes.entry("", *content, classes=[f"cookie-{column}"])
                row += entry
                widths[index] = max(widths[index], self.planned_width(column, words))
            body += row
        table = nodes.table(classes=["cookie-table", "longtable", "colwidths-given"])
        table["classes"].extend(self.options.classes)
        if category is not None:
            title = category_title(category, self.options.language)
            caption = nodes.title(title, title)
            if category.title is not None:
                self.mark(caption, category.title, category.line)
            table += caption
        group = nodes.tgroup(cols=len(columns))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head_row = nodes.row()
        for column, label in zip(columns, labels, strict=True):
            head_row += nodes.entry("", nodes.paragraph(label, label), classes=[f"cookie-{column}"])
        group += nodes.thead("", head_row)
        group += body
        keep_builtin_text_out(table)
        return table

    @staticmethod
    def planned_width(column: str, words: list[str]) -> int:
        if column == "name":  # a name is never broken: its column is as wide as the longest
            return max((len(word) for word in words), default=1)
        longest_text = max((len(text) for text in words), default=1)
        longest_word = max((len(word) for text in words for word in text.split()), default=1)
        return max(min(longest_text, TEXT_COLUMN_WIDTH), longest_word)


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
