"""The columns a cookie table can show, each declared once: its name, its built-in label, its
cell as plain text (for exports) and as docutils nodes (for pages), and how it is sized.

Tables, the banner export, the configuration checks, the ``:columns:`` option and the docs all
read ``COLUMNS``; a name that is not in it is a ``KeyError``, never a fallback. Adding a column
for a new cookie field is one entry below (and its label in the catalogs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from docutils import nodes

from ..inventory import (
    PARTIES,
    STORAGE_TYPES,
    Category,
    Cookie,
    CookieInventory,
    Duration,
    LocalizedText,
)
from ..translations import _
from .inventory_text import builtin, mark_inventory_text
from .text import paragraphs
from .widths import SCREEN, WidthHint


class CellWords(Protocol):
    """The words a cell needs beyond the inventory, in the build language: the extension's own
    for a page, those the caller gives for an export (``export.ExportWords``)."""

    @property
    def language(self) -> str | None: ...

    def describe_duration(self, duration: Duration) -> str: ...

    def party_label(self, party: str) -> str: ...

    def storage_label(self, storage: str) -> str: ...

    def category_title(self, category: Category) -> str: ...

    def inventory_text(self, text: LocalizedText | None) -> str:
        """The inventory's own text, in the build language ("" for none)."""
        ...


#: In a wide HTML table, names longer than this may break anywhere, and are marked
#: ``cookie-name-long`` for the stylesheet; shorter ones break only between their parts, and
#: the plan of widths leaves them room (``render/widths.py``). (On paper,
#: ``extension/paper.py`` breaks what does not fit its column.)
LONG_NAME = SCREEN.whole_name or 24

#: The inventory's own text in a cell, and its line, for the project's gettext catalogs.
Written = tuple[LocalizedText, int]
CellText = Callable[[Cookie, CookieInventory, CellWords], str]
CellNodes = Callable[[Cookie, str, CookieInventory, "str | None"], list[nodes.Node]]


def _nothing_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    return None


@dataclass(frozen=True)
class Column:
    name: str
    #: The built-in label: a lazy message, translated into the build language when read.
    label: str
    #: What a cell shows, in English, for the docs' list of columns.
    description: str
    #: The cell as plain text: what an export shows.
    text: CellText
    #: What the column holds, which says how it is sized (``widths.py``).
    width: WidthHint = WidthHint.TEXT
    #: The inventory's text the cell shows, if any: its paragraphs are marked for gettext.
    written: Callable[[Cookie, CookieInventory], Written | None] = _nothing_written
    #: The cell's nodes, when they are more than the paragraphs of its text.
    render: CellNodes | None = None

    def header(self, labels: Mapping[str, LocalizedText], language: str | None) -> str:
        """The label a project gives in ``cookies_column_labels`` (see ``project_labels``), in
        ``language``, else the built-in one."""
        given = labels.get(self.name)
        return given.resolve(language) if given is not None else str(self.label)

    def cell(
        self, cookie: Cookie, text: str, inventory: CookieInventory, language: str | None
    ) -> list[nodes.Node]:
        """The cell's nodes, from ``text``, its plain text."""
        if self.render is not None:
            return self.render(cookie, text, inventory, language)
        content = paragraphs(text)
        written = self.written(cookie, inventory)
        if written is not None:
            for paragraph in content:
                mark_inventory_text(paragraph, written[0], language, inventory.path, written[1])
        return list(content)


# --- the cells ----------------------------------------------------------------------------------


def _names_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return ", ".join(cookie.names)


def _names_nodes(
    cookie: Cookie, text: str, inventory: CookieInventory, language: str | None
) -> list[nodes.Node]:
    paragraph = builtin(nodes.paragraph())
    for index, name in enumerate(cookie.names):
        if index:
            paragraph += nodes.Text(", ")
        long_name = ["cookie-name-long"] if len(name) > LONG_NAME else []
        paragraph += nodes.literal(name, name, classes=long_name)
    return [paragraph]


def _provider_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return words.inventory_text(cookie.provider.name) if cookie.provider else ""


def _provider_nodes(
    cookie: Cookie, text: str, inventory: CookieInventory, language: str | None
) -> list[nodes.Node]:
    """The provider's name, linked to its privacy policy, else to its website."""
    provider = cookie.provider
    if provider is None:
        return []
    link = provider.link
    paragraph = nodes.paragraph(text)
    paragraph += nodes.reference(text, text, refuri=link) if link else nodes.Text(text)
    return [mark_inventory_text(paragraph, provider.name, language, inventory.path, provider.line)]


def _function_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return words.inventory_text(cookie.function)


def _function_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    return (cookie.function, cookie.line) if cookie.function is not None else None


def _purpose_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return words.inventory_text(cookie.purpose)


def _purpose_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    return (cookie.purpose, cookie.line) if cookie.purpose is not None else None


def _data_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return words.inventory_text(cookie.data)


def _data_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    return (cookie.data, cookie.line) if cookie.data is not None else None


def _duration_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    duration = cookie.duration
    if isinstance(duration, Duration):
        return words.describe_duration(duration)
    return words.inventory_text(duration)


def _duration_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    duration = cookie.duration
    return (duration, cookie.line) if isinstance(duration, LocalizedText) else None


def _party_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    """The label of a party, or a value the loader could not read, as written."""
    if cookie.party not in PARTIES:
        return cookie.party or ""
    return words.party_label(cookie.party)


def _type_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    """The label of a storage type, or a value the loader could not read, as written."""
    if cookie.type not in STORAGE_TYPES:
        return cookie.type
    return words.storage_label(cookie.type)


def _domain_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return cookie.domain or ""


def _category_text(cookie: Cookie, inventory: CookieInventory, words: CellWords) -> str:
    return words.category_title(inventory.categories[cookie.category])


def _category_written(cookie: Cookie, inventory: CookieInventory) -> Written | None:
    category = inventory.categories[cookie.category]
    return (category.title, category.line) if category.title is not None else None


# --- the registry -------------------------------------------------------------------------------


def _registry(columns: Iterable[Column], default: Iterable[str]) -> Mapping[str, Column]:
    """The columns by name, read-only; checked when the module is imported."""
    registry: dict[str, Column] = {}
    for column in columns:
        if not column.name.isidentifier() or column.name in registry:
            raise ValueError(f"column {column.name!r} is declared twice or is not a name")
        if not str(column.label).strip() or not column.description.strip():
            raise ValueError(f"column {column.name!r} has no label or no description")
        registry[column.name] = column
    missing = [name for name in default if name not in registry]
    if missing:
        raise ValueError(f"default columns {missing} are not declared")
    return MappingProxyType(registry)


#: The columns of a table that names none (the default of ``cookies_columns``).
DEFAULT_COLUMNS = ("name", "provider", "purpose", "duration")
#: Every column a table can show, in the order the docs list them.
COLUMNS: Mapping[str, Column] = _registry(
    (
        Column(
            "name",
            _("Cookie name(s)"),
            "The names, in literal style: one row per entry, however many names it has.",
            _names_text,
            WidthHint.NAME,
            render=_names_nodes,
        ),
        Column(
            "provider",
            _("Provider"),
            "The provider's name, linked to its privacy policy, else to its website.",
            _provider_text,
            render=_provider_nodes,
        ),
        Column(
            "function",
            _("Function"),
            "The entry's function, as the inventory writes it.",
            _function_text,
            WidthHint.PROSE,
            written=_function_written,
        ),
        Column(
            "purpose",
            _("Purpose"),
            "The entry's purpose, as the inventory writes it.",
            _purpose_text,
            WidthHint.PROSE,
            written=_purpose_written,
        ),
        Column(
            "data",
            _("Data"),
            "What the entry stores or collects, as the inventory writes it.",
            _data_text,
            written=_data_written,
        ),
        Column(
            "duration",
            _("Duration"),
            "The duration in words, in the build's language, or as the inventory writes it.",
            _duration_text,
            WidthHint.PHRASE,
            written=_duration_written,
        ),
        Column("party", _("Party"), '"First party" or "Third party".', _party_text),
        Column(
            "type",
            _("Type"),
            'The kind of storage: "Cookie", "Local storage", "Session storage", "IndexedDB" or '
            '"Tracking pixel".',
            _type_text,
        ),
        Column("domain", _("Domain"), "The domain, as the inventory writes it.", _domain_text),
        Column(
            "category",
            _("Category"),
            "The category's title.",
            _category_text,
            written=_category_written,
        ),
    ),
    default=DEFAULT_COLUMNS,
)


#: A label as ``cookies_column_labels`` gives it: one text, or a text per language.
ProjectLabel = str | Mapping[str, str]


def project_labels(labels: Mapping[str, ProjectLabel]) -> Mapping[str, LocalizedText]:
    """The labels of ``cookies_column_labels`` (already checked) as texts, each for every
    language (``"Purposes"``) or per language (``{"en": "Purposes", "fr": "Finalités"}``),
    resolved as the inventory's own text is."""
    return MappingProxyType(
        {
            name: LocalizedText.plain(label)
            if isinstance(label, str)
            else LocalizedText(tuple(label.items()))
            for name, label in labels.items()
        }
    )


def column_label(name: str) -> str:
    """The built-in label of column ``name``, in the build language (English outside a
    build); a ``KeyError`` for a name that is not a column."""
    return str(COLUMNS[name].label)
