"""The pages each side of a case builds: the ``cookie-table`` directive, and the same tables
hand-written as ``list-table``, as a writer would type them.

The hand-written side: a titled ``list-table`` per category, names as inline literals, the
provider as an anonymous link to its privacy policy, durations in words ("Session", "2 years",
"1,440 minutes"), text escaped so that docutils shows it as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from sphinxcontrib_cookies.render import COLUMNS as REGISTERED_COLUMNS
from sphinxcontrib_cookies.render import column_label

#: The columns every case shows.
COLUMNS = ("name", "provider", "purpose", "duration")

#: Each column's English label, from the extension's column registry (outside a Sphinx build
#: ``column_label`` gives the untranslated message).
COLUMN_TITLES: Mapping[str, str] = MappingProxyType(
    {name: column_label(name) for name in REGISTERED_COLUMNS}
)

_INLINE_SPECIALS = re.compile(r"([\\`*_|<>\[\]])")
_BLOCK_START = re.compile(r"^(\w+[.)]\s|[^\w\s])")


def rest_text(text: Any) -> str:
    """Escape inline markup, and a start that docutils would read as a list, comment or field."""
    if isinstance(text, dict):
        text = text.get("en") or next(iter(text.values()))
    escaped = _INLINE_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))
    if _BLOCK_START.match(escaped) and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    return escaped


def duration_words(duration: Any) -> str:
    """Durations as a reader sees them: "Session", "Persistent", "2 years", or the given text."""
    if duration is None:
        return ""
    if isinstance(duration, dict):
        return rest_text(duration)
    if duration == "session":
        return "Session"
    if duration == "persistent":
        return "Persistent"
    count, _, unit = str(duration).partition(" ")
    if count.isdigit():  # "1440 minutes" reads "1,440 minutes", as Babel writes it in English
        return f"{int(count):,} {unit}"
    return rest_text(duration)


def provider_cell(cookie: dict[str, Any], providers: dict[str, Any]) -> str:
    provider_id = cookie.get("provider")
    if provider_id is None:
        return ""
    provider = providers.get(provider_id)
    if provider is None:
        return rest_text(provider_id)
    if provider.get("privacy_policy"):
        return f"`{rest_text(provider['name'])} <{provider['privacy_policy']}>`__"
    return rest_text(provider["name"])


#: What a writer adds beside the names of storage that is not a cookie, as the extension does
#: when the table has no type column.
STORAGE_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "local-storage": "Local storage",
        "session-storage": "Session storage",
        "indexeddb": "IndexedDB",
        "pixel": "Tracking pixel",
    }
)


def name_cell(cookie: dict[str, Any]) -> str:
    names = cookie["names"] if "names" in cookie else [cookie["name"]]
    cell = ", ".join(f"``{name}``" for name in names)
    storage = STORAGE_WORDS.get(cookie.get("type", "cookie"))
    return f"{cell} ({storage})" if storage else cell


def hand_cell(column: str, cookie: dict[str, Any], document: dict[str, Any]) -> str:
    if column == "name":
        return name_cell(cookie)
    if column == "provider":
        return provider_cell(cookie, document.get("providers", {}))
    if column == "duration":
        return duration_words(cookie.get("duration"))
    if column == "category":
        return rest_text(document["categories"][cookie["category"]]["title"])
    value = cookie.get(column)
    return "" if value is None else rest_text(value)


def hand_tables(
    document: dict[str, Any], category_ids: Iterable[str], columns: Sequence[str]
) -> str:
    """The list-tables a writer would type for these categories: one per category, titled."""
    by_category: dict[str, list[dict[str, Any]]] = {}
    for cookie in document["cookies"]:
        by_category.setdefault(cookie["category"], []).append(cookie)
    lines: list[str] = []
    for category_id in category_ids:
        cookies = by_category.get(category_id)
        if not cookies:
            continue
        category = document["categories"][category_id]
        lines += [f".. list-table:: {rest_text(category['title'])}", "   :header-rows: 1", ""]
        lines += [
            f"   {'*' if index == 0 else ' '} - {COLUMN_TITLES[column]}"
            for index, column in enumerate(columns)
        ]
        for cookie in cookies:
            for index, column in enumerate(columns):
                cell = hand_cell(column, cookie, document)
                lines.append(f"   {'*' if index == 0 else ' '} - {cell}".rstrip())
        lines.append("")
    return "\n".join(lines) + "\n"


def directive(category_ids: Sequence[str] | None, columns: Sequence[str]) -> str:
    lines = [".. cookie-table::", f"   :columns: {', '.join(columns)}", "   :group-by: category"]
    if category_ids is not None:
        lines.insert(1, f"   :categories: {', '.join(category_ids)}")
    return "\n".join(lines) + "\n"


def page(title: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{body}"


def toctree_page(title: str, names: Iterable[str]) -> str:
    """A page listing ``names`` in its toctree."""
    return page(title, ".. toctree::\n   :maxdepth: 1\n\n" + "".join(f"   {n}\n" for n in names))
