"""The part of an inventory that one directive or role shows, and a digest of just that part.

An incremental build re-reads a page only when the part of an inventory that the page shows
has changed. Each page records, per inventory file, the slices it rendered and their digests
(the Sphinx glue keeps them, see ``extension/domain.py``); a later build takes the same slices
of the file's new content and compares. A slice is described by plain values (``key``), so that
it can be taken again without the page's directive.

The digest reads the model's dataclasses field by field, whatever their fields are: a field
added to the format (``fields.py`` and ``model.py``) is part of every digest that covers its
entries, with no change here.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from .model import Cookie, CookieInventory

#: Field names left out of a digest unless the slice counts source lines.
LINE_FIELDS = frozenset({"line"})


@dataclasses.dataclass(frozen=True)
class InventorySlice:
    """What a page shows of one inventory. Everything a page renders from the file must be in
    its slice, or an edit of it would not re-read the page."""

    #: The categories shown, by id as the page names them (an id the inventory lacks counts
    #: too: declaring it changes the page); None: every category, in the inventory's order.
    categories: tuple[str, ...] | None = None
    #: The entries of those categories, in the file's order, each with its provider.
    cookies: bool = False
    #: Every declared provider.
    providers: bool = False
    #: Top-level values, by the model's attribute name (``updated``).
    top_level: tuple[str, ...] = ()
    #: Whether source lines count. They do where the build extracts gettext catalogs, whose
    #: entries name each text's file and line; elsewhere moving an entry changes nothing shown.
    lines: bool = False

    def key(self) -> str:
        """The slice as text, the same for equal slices: how a build records it."""
        return json.dumps(dataclasses.asdict(self), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_key(cls, key: str) -> InventorySlice | None:
        """The slice that ``key`` describes; None for a key this version does not know (an
        older record), which the caller treats as changed."""
        try:
            values = json.loads(key)
            categories = values.pop("categories")
            top_level = values.pop("top_level")
            return cls(
                categories=None if categories is None else tuple(categories),
                top_level=tuple(top_level),
                **values,
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    @property
    def every_entry(self) -> bool:
        """Whether the slice holds every category and every entry: nearly the whole file."""
        return self.categories is None and self.cookies

    def chosen(self, inventory: CookieInventory) -> tuple[str, ...]:
        return tuple(inventory.categories) if self.categories is None else self.categories

    def cookies_of(self, inventory: CookieInventory) -> Iterable[Cookie]:
        """The entries of the chosen categories, in the file's order (which orders both the
        tables by category and the single table of ``:group-by: none``)."""
        chosen = self.chosen(inventory)
        if len(chosen) == 1:
            return inventory.cookies_in(chosen[0])
        wanted = set(chosen)
        return (cookie for cookie in inventory.cookies if cookie.category in wanted)

    def digest(self, inventory: CookieInventory) -> str:
        """A digest of this slice of ``inventory``: equal when the page would show the same."""
        plain = _Plain(self.lines)
        chosen = self.chosen(inventory)
        # One description a line: a value's own line breaks are escaped within it.
        lines = [repr(chosen)]
        lines += [plain.of(inventory.categories.get(category_id)) for category_id in chosen]
        if self.cookies:
            lines.append("cookies")
            lines += [plain.of(cookie) for cookie in self.cookies_of(inventory)]
        if self.providers:
            lines.append("providers")
            lines += [f"{key!r}: {plain.of(value)}" for key, value in inventory.providers.items()]
        for name in self.top_level:
            lines.append(f"{name}: {plain.of(getattr(inventory, name, None))}")
        text = "\n".join(lines)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Plain:
    """Model values described as text, field by field (without source lines unless asked): the
    text is a stable description of the value. A value met again (a provider many entries
    name) is described once."""

    def __init__(self, lines: bool) -> None:
        self.lines = lines
        self.seen: dict[int, str] = {}

    def of(self, value: Any) -> str:
        kind: Any = type(value)
        describe = _describer(kind, self.lines) if kind not in _SCALARS else None
        if describe is None:
            first: Any = type(value[0]) if kind is tuple and value else None
            if first is not None and _describer(first, self.lines) is not None:
                return "[" + ",".join(self.of(item) for item in value) + "]"
            return repr(value)
        known = self.seen.get(id(value))
        if known is None:
            known = self.seen[id(value)] = describe(value, self.of)
        return known


Describe = Callable[[Any, Callable[[Any], str]], str]


@functools.cache
def _describer(kind: Any, lines: bool) -> Describe | None:
    """For a dataclass, a function that describes its value as ``Name(field,...)``, written for
    it (as ``dataclasses`` writes ``__init__``): a field whose type holds plain values only is
    written with ``repr``, any other through ``of``. Most fields are plain, and a call for each
    was most of the time of a digest."""
    name: str = kind.__name__
    if not dataclasses.is_dataclass(kind):
        return None
    fields = [
        field
        for field in dataclasses.fields(kind)
        if field.init and (lines or field.name not in LINE_FIELDS)
    ]
    items = ",".join(
        f"{{value.{field.name}!r}}" if _is_plain_type(field.type) else f"{{of(value.{field.name})}}"
        for field in fields
    )
    namespace: dict[str, Any] = {}
    exec(f"def describe(value, of):\n    return f'{name}({items})'\n", namespace)
    describe: Describe = namespace["describe"]
    return describe


#: The types of the model's fields that hold plain values only (``repr`` describes them), as
#: the annotations write them.
_PLAIN_TYPES = frozenset(
    {"str", "int", "bool", "float", "None", "tuple[str, ...]", "tuple[tuple[str, str], ...]"}
)


def _is_plain_type(annotation: object) -> bool:
    return isinstance(annotation, str) and all(
        part.strip() in _PLAIN_TYPES for part in annotation.split("|")
    )


#: Values that describe themselves.
_SCALARS = frozenset({str, int, bool, float, type(None)})
