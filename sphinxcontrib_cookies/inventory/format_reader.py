"""The inventory read by its declaration (``fields.py``): the top level, categories, providers
and cookie entries, the references between them, and cookies declared twice.

Each field is read by the reader of its kind and goes to the model attribute it declares.
Nothing is lost: an entry with a problem is reported and kept with what can be shown. A value
that cannot be read is kept as written where a page can show it (a duration, a choice, a
domain: ``_AS_WRITTEN``), else left out (an address is never linked unless it is valid); a
missing field is an empty cell; a cookie whose category is unknown or missing goes to the
built-in ``unclassified`` category. Only an entry with no usable name (id) is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Any

from .cookie_values import JAVASCRIPT_OBJECT_KEYS, CookieValuesReader, cookie_subject
from .declaration import Field, Format, Kind, Section, require_every_kind
from .fields import FORMAT, FORMAT_VERSION
from .hints import quoted_keys
from .limits import DEFAULT_LIMITS, InventoryLimits
from .model import Category, Cookie, CookieInventory, LocalizedText, Provider
from .problems import InventoryError, InventoryProblem, shown
from .quick_values import QUICK_READERS, SLOW, QuickReader
from .reader import EntryInvalid, kind_of
from .yamltree import Mapping as MappingNode
from .yamltree import Node, Refused, Scalar, Sequence


class InventoryReader(CookieValuesReader):
    def __init__(
        self,
        path: str,
        size: int = 0,
        declaration: Format = FORMAT,
        limits: InventoryLimits = DEFAULT_LIMITS,
    ) -> None:
        super().__init__(path, [], size, limits)
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
        required = section.required_keys
        top = self.entry(lambda: self.fields(root, "the inventory", section.keys, required)) or {}
        if self.failed or self.silenced:  # problems with some keys (reported, a missing one
            top = {  # too): read what can be read
                key.value: (key, value)
                for key, value in root.items
                if isinstance(key, Scalar) and key.value in section.keys
            }
        for field in section.fields:
            if field.key in top:
                read = partial(self.read_value, field, top[field.key][1], "the inventory")
                value = self.entry(read)
                if field.attribute is not None and value is not None:
                    self.top_values[field.attribute] = value
        return self.inventory()

    def inventory(self) -> CookieInventory:
        """What was read, with its problems in the order of their lines."""
        section = self.declaration.top_level
        unclassified = self.declaration.category.fallback_id
        if unclassified not in self.categories:
            placed = [cookie for cookie in self.cookies if cookie.category == unclassified]
            if placed:
                self.categories[unclassified] = self.declaration.category.model(
                    id=unclassified, line=placed[0].line, **self.declaration.category.defaults()
                )
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
        """The value of one field of ``entry``, read by the readers of its kind."""
        read, quick = _KIND_READERS[field.kind], QUICK_READERS.get(field.kind)
        return self.read_kind(read, quick, field, node, entry)

    def read_kind(
        self, read: KindReader, quick: QuickReader | None, field: Field, node: Node, entry: str
    ) -> object:
        """``quick``'s value if it takes it, else ``read``'s; when ``read`` reports a problem and
        finds nothing, the value as written, for the kinds that a page can show as written."""
        if quick is not None and (value := quick(self, node, field)) is not SLOW:
            return value
        before = self.reported
        value = read(self, node, field.subject_for(entry), field)
        if value is None and self.reported > before and field.kind in _AS_WRITTEN:
            text = self.as_written(node)
            if text is not None:
                return _AS_WRITTEN[field.kind](text)
        return value

    def read_fields(
        self,
        section: Section[Any],
        found: dict[str, tuple[Scalar, Node]],
        entry: str,
        skip: tuple[str, ...] = (),
        flagged: list[str] | None = None,
    ) -> dict[str, Any]:
        """The model's keyword arguments: each field given, read in the declared order. The keys
        of the fields with a problem are added to ``flagged``."""
        reading = self.readings[section.name]
        values = dict(reading.defaults)
        for field, attribute, read, quick in reading.fields:
            if field.key in found and field.key not in skip:
                before = self.reported
                value = self.read_kind(read, quick, field, found[field.key][1], entry)
                if value is not None:
                    values[attribute] = value
                if flagged is not None and self.reported > before:
                    flagged.append(field.key)
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
        for number, (key, value) in enumerate(node.items):
            if number == self.limits.entries:
                self.too_many_entries(key.line, what)
                return
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
        if category_id in JAVASCRIPT_OBJECT_KEYS:
            self.report(
                key.line,
                "value",
                f"category id '{category_id}' is a name that every JavaScript object already "
                "has, which the consent banner's configuration cannot hold; choose another id",
            )
            return
        what = f"category '{shown(category_id)}'" if category_id is not None else "a category"
        if category_id in section.standard_ids and isinstance(node, Scalar) and node.is_null:
            # ``necessary:`` alone: every text is built in
            self.categories[category_id] = section.model(
                id=category_id, line=key.line, **section.defaults()
            )
            return
        required = () if category_id in section.standard_ids else section.required_keys
        found = self.entry_fields(node, section, what, required, key.line)
        values = self.read_fields(section, found, what)
        if category_id is not None:  # a missing title shows the built-in one, else the id
            self.categories[category_id] = section.model(id=category_id, line=key.line, **values)

    def entry_fields(
        self, node: Node, section: Section[Any], what: str, required: tuple[str, ...], line: int
    ) -> dict[str, tuple[Scalar, Node]]:
        """The fields of a category or a provider; none when it is not a mapping, as the entry
        is kept under its id all the same."""
        try:
            return self.fields(node, what, section.keys, required, line)
        except EntryInvalid:
            return {}

    def provider(self, key: Node, node: Node) -> None:
        section = self.declaration.provider
        provider_id = self.identifier(key, "a provider id")
        if provider_id is not None:
            self.declared_providers.add(provider_id)
        what = f"provider '{shown(provider_id)}'" if provider_id is not None else "a provider"
        found = self.entry_fields(node, section, what, section.required_keys, key.line)
        values = self.read_fields(section, found, what)
        if provider_id is not None:
            if values["name"] is None:  # the cookies name it by its id: show that
                values["name"] = LocalizedText.plain(provider_id)
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
        for number, item in enumerate(node.items):
            if number == self.limits.entries:
                self.too_many_entries(item.line, what)
                return
            cookie = self.entry(partial(self.cookie, item))
            if cookie is not None:
                self.cookies.append(cookie)

    def too_many_entries(self, line: int, what: str) -> None:
        self.report(
            line,
            "limit",
            f"{what} has more than {self.limits.entries:,} entries; the rest, from this line, "
            "are left out. Split the file, or raise cookies_max_entries",
        )

    def cookie(self, node: Node) -> Cookie | None:
        section = self.declaration.cookie
        what = cookie_subject(node)
        found = self.fields(node, what, section.keys, section.required_keys)
        before = self.reported
        names = self.names(node, found)
        flagged = [key for key in section.one_of if key in found] if self.reported > before else []
        values = self.read_fields(section, found, what, section.one_of, flagged)
        if not names:
            return None
        clean = not self.failed and not self.silenced and not self.lacks_required(section, values)
        if clean and not self.declared_once(names, values["domain"], node.line):
            flagged.extend(key for key in section.one_of if key in found)
        for attribute in self.readings[section.name].required:
            if values[attribute] is None and attribute not in flagged:
                flagged.append(attribute)
        if values["category"] is None:
            values["category"] = self.declaration.category.fallback_id
        values["names"] = names
        return section.model(line=node.line, problem_fields=tuple(flagged), **values)

    def declared_once(self, names: tuple[str, ...], domain: str | None, line: int) -> bool:
        """False, and reported, when a name was declared by an earlier entry (with no problem)
        for the same domain. The entry is kept all the same: both may say something the page
        must not lose."""
        for name in names:
            first = self.first_declared.setdefault((name, domain), line)
            if first != line:
                self.report(
                    line,
                    "duplicate-cookie",
                    f"cookie '{shown(name)}' is already declared at line {first}; merge the two "
                    "entries, or give each its own 'domain'",
                )
                return False
        return True

    def names(self, node: Node, found: dict[str, tuple[Scalar, Node]]) -> tuple[str, ...]:
        """The names of a cookie entry, from exactly one of 'name' and 'names'."""
        if "name" in found and "names" in found:
            self.report(
                found["names"][0].line,
                "value",
                "a cookie entry has both 'name' and 'names'; keep 'name' for one cookie, "
                "or 'names' for a list",
            )
            name = self.as_written(found["name"][1])  # what can be shown, with no more reports
            return (name,) if name else ()
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
        Kind.CHOICE: lambda reader, node, what, field: reader.choice(
            node, what, field.choices, dict(field.other_spellings)
        ),
        Kind.CHOICES: lambda reader, node, what, field: reader.choice_list(
            node, what, field.choices
        ),
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

#: The kinds whose value a page shows as written when it cannot be read (``read_kind``), and
#: the model's value for that text. Addresses, booleans, dates and references have none: a
#: page never links an address it could not read, a consent it could not read is asked for,
#: and an unknown category falls back to ``unclassified``.
_AS_WRITTEN: Mapping[Kind, Callable[[str], object]] = MappingProxyType(
    {
        Kind.NAMES: lambda text: (text,),
        Kind.CHOICE: lambda text: text,
        Kind.DURATION: LocalizedText.plain,
        Kind.DOMAIN: lambda text: text,
    }
)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A section made ready to read many entries: each field with its attribute and readers."""

    fields: tuple[tuple[Field, str, KindReader, QuickReader | None], ...]
    defaults: dict[str, Any]
    #: The attributes of the required fields.
    required: tuple[str, ...]

    @classmethod
    def of(cls, section: Section[Any]) -> _Reading:
        fields = tuple(
            (field, field.attribute, _KIND_READERS[field.kind], QUICK_READERS.get(field.kind))
            for field in section.fields
            if field.attribute is not None
        )
        required = tuple(attribute for field, attribute, _, _ in fields if field.required)
        return cls(fields, section.defaults(), required)
