"""The inventory read by its declaration (``fields.py``): the top level, categories, providers
and cookie entries, the references between them, and cookies declared twice.

Each field is read by the reader of its kind and goes to the model attribute it declares.
Entries with a problem are left out and reported; the rest of the inventory stays usable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Any

from .declaration import Field, Format, Kind, Section, require_every_kind
from .durations import Duration, parse_duration
from .fields import FORMAT, FORMAT_VERSION
from .legal_reader import LegalValuesReader
from .model import Category, Cookie, CookieInventory, LocalizedText, Provider
from .problems import InventoryError, InventoryProblem, shown
from .reader import EntryInvalid, kind_of, listed
from .sites import is_public_suffix
from .yamltree import Mapping as MappingNode
from .yamltree import Node, Refused, Scalar, Sequence

_WHITESPACE = re.compile(r"\s")


def quoted_keys(keys: tuple[str, ...]) -> str:
    """``'categories' and 'cookies'``."""
    return " and ".join(f"'{key}'" for key in keys)


class InventoryReader(LegalValuesReader):
    def __init__(self, path: str, size: int = 0, declaration: Format = FORMAT) -> None:
        super().__init__(path, [], size)
        self.declaration = declaration
        self.categories: dict[str, Category] = {}
        self.providers: dict[str, Provider] = {}
        self.declared_categories: set[str] = set()
        self.declared_providers: set[str] = set()
        self.cookies: list[Cookie] = []
        self.top_values: dict[str, Any] = {}
        self.first_declared: dict[tuple[str, str | None], int] = {}
        self.readings = {section.name: _Reading.of(section) for section in declaration.sections}

    def read(self, root: Node) -> CookieInventory:
        section = self.declaration.top_level
        if isinstance(root, Refused) or not isinstance(root, MappingNode):
            raise InventoryError(
                InventoryProblem(
                    self.path,
                    root.line,
                    "structure",
                    f"the top level of the inventory must be a mapping with "
                    f"{quoted_keys(section.required_keys)}, not {kind_of(root)}",
                )
            )
        top = self.entry(lambda: self.fields(root, "the inventory", section.keys, ()))
        if top is None:  # problems with some keys: read what can be read
            top = {
                key.value: (key, value)
                for key, value in root.items
                if isinstance(key, Scalar) and key.value in section.keys
            }
        for name in section.required_keys:
            if name not in top:
                self.report(root.line, "missing-field", f"the inventory has no '{name}'; add it")
        for field in section.fields:
            if field.key in top:
                read = partial(self.read_value, field, top[field.key][1], "the inventory")
                value = self.entry(read)
                if field.attribute is not None and value is not None:
                    self.top_values[field.attribute] = value
        return self.inventory()

    def inventory(self) -> CookieInventory:
        """What was read so far, with its problems in the order of their lines."""
        section = self.declaration.top_level
        return section.model(
            path=self.path,
            problems=tuple(sorted(self.problems, key=lambda problem: problem.line)),
            **{
                **section.defaults(),
                **self.top_values,
                "categories": self.categories,
                "providers": self.providers,
                "cookies": tuple(self.cookies),
            },
        )

    def read_value(self, field: Field, node: Node, entry: str) -> object:
        """The value of one field of ``entry``, read by the reader of its kind."""
        return _KIND_READERS[field.kind](self, node, field.subject_for(entry), field)

    def read_fields(
        self,
        section: Section[Any],
        found: dict[str, tuple[Scalar, Node]],
        entry: str,
        skip: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """The model's keyword arguments: each field given, read in the declared order."""
        reading = self.readings[section.name]
        values = dict(reading.defaults)
        for field, attribute, read in reading.fields:
            if field.key in found and field.key not in skip:
                value = read(self, found[field.key][1], field.subject_for(entry), field)
                if value is not None:
                    values[attribute] = value
        return values

    def lacks_required(self, section: Section[Any], values: dict[str, Any]) -> bool:
        """Whether a required field was read as nothing (a TODO, or already reported)."""
        return any(values[name] is None for name in self.readings[section.name].required)

    def version(self, node: Node, what: str) -> None:
        if self.scalar(node, what) != FORMAT_VERSION:
            self.report(
                node.line,
                "value",
                f"{what} must be {FORMAT_VERSION}, the only format version so far",
            )

    def mapping_of(self, node: Node, what: str, read_one: Callable[[Node, Node], None]) -> None:
        if isinstance(node, Refused):
            return
        if not isinstance(node, MappingNode):
            self.report(
                node.line,
                "structure",
                f"{what} must be a mapping of ids to entries, not {kind_of(node)}",
            )
            return
        seen: dict[str, int] = {}
        for key, value in node.items:
            if isinstance(key, Scalar) and key.value in seen:
                self.report(
                    key.line,
                    "duplicate-key",
                    f"'{shown(key.value)}' is declared twice in {what} (first at line "
                    f"{seen[key.value]}); keep one of them",
                )
                continue
            if isinstance(key, Scalar):
                seen[key.value] = key.line
            self.entry(partial(read_one, key, value))

    def category(self, key: Node, node: Node) -> None:
        section = self.declaration.category
        category_id = self.identifier(key, "a category id")
        if category_id is not None:
            self.declared_categories.add(category_id)
        what = f"category '{shown(category_id)}'" if category_id is not None else "a category"
        if category_id in section.standard_ids and isinstance(node, Scalar) and node.is_null:
            # ``necessary:`` alone: every text is built in
            self.categories[category_id] = section.model(
                id=category_id, line=key.line, **section.defaults()
            )
            return
        required = () if category_id in section.standard_ids else section.required_keys
        found = self.fields(node, what, section.keys, required, key.line)
        values = self.read_fields(section, found, what)
        if category_id is not None and not self.failed:
            self.categories[category_id] = section.model(id=category_id, line=key.line, **values)

    def provider(self, key: Node, node: Node) -> None:
        section = self.declaration.provider
        provider_id = self.identifier(key, "a provider id")
        if provider_id is not None:
            self.declared_providers.add(provider_id)
        what = f"provider '{shown(provider_id)}'" if provider_id is not None else "a provider"
        found = self.fields(node, what, section.keys, section.required_keys, key.line)
        values = self.read_fields(section, found, what)
        if provider_id is not None and not self.lacks_required(section, values) and not self.failed:
            self.providers[provider_id] = section.model(id=provider_id, line=key.line, **values)

    def cookie_list(self, node: Node, what: str) -> None:
        if isinstance(node, Refused):
            return
        if not isinstance(node, Sequence):
            self.report(
                node.line,
                "structure",
                f"{what} must be a list of entries (each starting with '- '), not {kind_of(node)}",
            )
            return
        for item in node.items:
            cookie = self.entry(partial(self.cookie, item))
            if cookie is not None:
                self.cookies.append(cookie)

    def cookie(self, node: Node) -> Cookie | None:
        section = self.declaration.cookie
        found = self.fields(node, "a cookie entry", section.keys, section.required_keys)
        names = self.names(node, found)
        what = f"cookie '{shown(names[0])}'" if names else "this cookie entry"
        values = self.read_fields(section, found, what, skip=section.one_of)
        if self.failed or not names or self.lacks_required(section, values):
            return None
        values["names"] = names
        for name in names:
            first = self.first_declared.setdefault((name, values["domain"]), node.line)
            if first != node.line:
                self.report(
                    node.line,
                    "duplicate-cookie",
                    f"cookie '{shown(name)}' is already declared at line {first}; merge the two "
                    "entries, or give each its own 'domain'",
                )
                return None
        return section.model(line=node.line, **values)

    def names(self, node: Node, found: dict[str, tuple[Scalar, Node]]) -> tuple[str, ...]:
        """The names of a cookie entry, from exactly one of 'name' and 'names'."""
        if "name" in found and "names" in found:
            self.report(
                found["names"][0].line,
                "value",
                "a cookie entry has both 'name' and 'names'; keep 'name' for one cookie, "
                "or 'names' for a list",
            )
            return ()
        if "name" not in found and "names" not in found:
            self.report(
                node.line,
                "missing-field",
                "a cookie entry needs 'name' (one cookie) or 'names' (a list of cookies)",
            )
            return ()
        field = self.declaration.cookie.field("name" if "name" in found else "names")
        names = self.read_value(field, found[field.key][1], "")
        return names if isinstance(names, tuple) else ()

    def name(self, node: Node, what: str) -> tuple[str, ...] | None:
        name = self.nonempty(node, what)
        return (name,) if name else None

    def name_list(self, node: Node, what: str) -> tuple[str, ...] | None:
        self.refuse(node)
        if not isinstance(node, Sequence) or not node.items:
            self.report(
                node.line,
                "structure",
                "'names' must be a non-empty list of cookie names; for one name use 'name'",
            )
            return None
        names = []
        for item in node.items:
            name = self.nonempty(item, what)
            if name is not None:
                names.append(name)
        return tuple(dict.fromkeys(names))

    def category_reference(self, node: Node, what: str) -> str | None:
        category_id = self.value(node, what)
        if category_id is None or category_id in self.categories:
            return category_id
        if category_id in self.declared_categories:  # declared, but its own entry has a problem
            raise EntryInvalid
        declared = listed(self.categories) or "none yet"
        self.report(
            node.line,
            "reference",
            f"category '{shown(category_id)}' is not declared under 'categories'; "
            f"{self.suggest(category_id, self.categories)}declared categories: {declared}",
        )
        return None

    def provider_reference(self, node: Node, what: str) -> Provider | None:
        value = self.value(node, what)
        if value is None:
            return None
        if value in self.providers:
            return self.providers[value]
        if value in self.declared_providers:  # declared, but its own entry has a problem
            raise EntryInvalid
        hint = self.suggest(value, self.providers)
        if hint:
            self.report(
                node.line,
                "reference",
                f"provider '{shown(value)}' is not declared under 'providers'; {hint}"
                "(a provider that is not declared is shown as written)",
            )
            return None
        section = self.declaration.provider
        named = {**section.defaults(), "name": LocalizedText.plain(value)}
        return section.model(id=None, line=node.line, **named)

    def duration(self, node: Node, what: str) -> Duration | LocalizedText | None:
        self.refuse(node)
        if isinstance(node, MappingNode):
            return self.text(node, what)
        value = self.value(node, what)
        if value is None:
            return None
        try:
            return parse_duration(value)
        except ValueError as error:
            self.report(
                node.line,
                "duration",
                f"{what}: {error}; or give a text per language, "
                "such as {en: 'until you log out'}",
            )
            return None

    def domain(self, node: Node, what: str) -> str | None:
        value = self.value(node, what)
        if value is not None and (not value.strip() or _WHITESPACE.search(value.strip())):
            self.report(
                node.line,
                "value",
                f"{what} '{shown(value)}' must be a host name such as '.example.com'",
            )
            return None
        if value is not None and is_public_suffix(value):
            self.note(
                node.line,
                "public-suffix",
                f"{what} '{shown(value.strip())}' is a public suffix: browsers refuse a cookie "
                "set for it, since it would reach every site under it; give the site's own "
                "domain, or leave 'domain' out for a cookie of the host that sets it",
            )
        return value.strip() if value else None


def _nested(field: Field) -> Section[Any]:
    """The section of an entry field (the declaration checks that it has one)."""
    assert field.section is not None
    return field.section


#: A reader's method for a field of a kind: (reader, node, subject, field) to the value.
KindReader = Callable[[InventoryReader, Node, str, Field], object]

#: How each kind of field is read.
_KIND_READERS: Mapping[Kind, KindReader] = MappingProxyType(
    {
        Kind.TEXT: lambda reader, node, what, field: reader.text(node, what),
        Kind.ONE_LINE_TEXT: lambda reader, node, what, field: reader.text(node, what, True),
        Kind.NAME: lambda reader, node, what, field: reader.name(node, what),
        Kind.NAMES: lambda reader, node, what, field: reader.name_list(node, what),
        Kind.URL: lambda reader, node, what, field: reader.url(node, what),
        Kind.BOOLEAN: lambda reader, node, what, field: reader.boolean(node, what),
        Kind.CHOICE: lambda reader, node, what, field: reader.choice(node, what, field.choices),
        Kind.DURATION: lambda reader, node, what, field: reader.duration(node, what),
        Kind.DOMAIN: lambda reader, node, what, field: reader.domain(node, what),
        Kind.DATE: lambda reader, node, what, field: reader.calendar_date(node, what),
        Kind.COUNTRY: lambda reader, node, what, field: reader.country(node, what),
        Kind.EMAIL: lambda reader, node, what, field: reader.email(node, what),
        Kind.VERSION: lambda reader, node, what, field: reader.version(node, what),
        Kind.CATEGORY_REFERENCE: lambda reader, node, what, field: reader.category_reference(
            node, what
        ),
        Kind.PROVIDER_REFERENCE: lambda reader, node, what, field: reader.provider_reference(
            node, what
        ),
        Kind.CATEGORIES: lambda reader, node, what, field: reader.mapping_of(
            node, what, reader.category
        ),
        Kind.PROVIDERS: lambda reader, node, what, field: reader.mapping_of(
            node, what, reader.provider
        ),
        Kind.COOKIES: lambda reader, node, what, field: reader.cookie_list(node, what),
        Kind.ENTRY: lambda reader, node, what, field: reader.nested_entry(node, _nested(field)),
        Kind.ENTRIES: lambda reader, node, what, field: reader.entry_list(
            node, what, _nested(field)
        ),
    }
)
require_every_kind(_KIND_READERS, "the loader (inventory/format_reader.py)")


@dataclass(frozen=True, slots=True)
class _Reading:
    """A section made ready to read many entries: each field with its attribute and reader."""

    fields: tuple[tuple[Field, str, KindReader], ...]
    defaults: dict[str, Any]
    #: The attributes of the required fields.
    required: tuple[str, ...]

    @classmethod
    def of(cls, section: Section[Any]) -> _Reading:
        fields = tuple(
            (field, field.attribute, _KIND_READERS[field.kind])
            for field in section.fields
            if field.attribute is not None
        )
        required = tuple(attribute for field, attribute, _ in fields if field.required)
        return cls(fields, section.defaults(), required)
