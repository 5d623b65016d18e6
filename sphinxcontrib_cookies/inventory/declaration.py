"""How the inventory format is declared: kinds of fields, fields, sections, the format.

The declaration itself is in ``fields.py``. Everything here checks itself when it is made, so a
declaration that contradicts itself or its model class fails at import, never later in a
build; each table that gives a kind its meaning (the loader's readers, the schema's fragments,
the format reference's wording) checks with ``require_every_kind`` that it misses none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from .model import Category, Cookie, CookieInventory, Provider


class FormatDeclarationError(Exception):
    """The declaration contradicts itself or its model: a bug in the package, raised at import."""


class Kind(Enum):
    """What a field holds. Each kind has one reader in the loader, one fragment in the schema
    and one wording in the format reference; each of those tables is checked at import."""

    TEXT = "text"
    ONE_LINE_TEXT = "one-line text"
    NAME = "name"
    NAMES = "names"
    URL = "url"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    DURATION = "duration"
    DOMAIN = "domain"
    DATE = "date"
    COUNTRY = "country"
    EMAIL = "email"
    VERSION = "version"
    CATEGORY_REFERENCE = "category reference"
    PROVIDER_REFERENCE = "provider reference"
    CATEGORIES = "categories"
    PROVIDERS = "providers"
    COOKIES = "cookies"
    #: One mapping read by a section of its own (``Field.section``): the controller, its DPO.
    ENTRY = "entry"
    #: A list of mappings, each read by the field's section: the ``changes`` of the file.
    ENTRIES = "entries"


def require_every_kind(table: Collection[Kind], user: str) -> None:
    """Fail at import when ``user`` (the loader, the schema, the docs) misses a kind."""
    missing = [kind.name for kind in Kind if kind not in table]
    if missing:
        raise FormatDeclarationError(f"{user} has nothing for the kinds {', '.join(missing)}")


_KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a mapping in the inventory file."""

    key: str
    kind: Kind
    #: For the schema and the format reference: plain text, usually one sentence.
    description: str
    required: bool = False
    #: The model's value when the key is left out, empty or a TODO.
    default: str | None = None
    #: The values a ``Kind.CHOICE`` field accepts, in the order messages list them.
    choices: tuple[str, ...] = ()
    #: The model attribute the value goes to: the key unless given; None for a field that is
    #: checked but not kept.
    attribute: str | None = ""
    #: How messages name the value; ``{key}``, ``{name}`` (the key in words) and ``{entry}``
    #: (the entry it belongs to, such as "cookie '_ga'") are filled in.
    subject: str = "the {name} of {entry}"
    #: The section that reads the mapping (or each mapping of the list) of an ENTRY (ENTRIES)
    #: field; only those kinds have one.
    section: Section[Any] | None = None
    #: The subject split where the entry goes: it is named once per field read.
    _subject_parts: tuple[str, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.attribute == "":
            object.__setattr__(self, "attribute", self.key)
        problem = _field_problem(self)
        if problem:
            raise FormatDeclarationError(f"field '{self.key}': {problem}")
        named = self.subject.format(key=self.key, name=self.key.replace("_", " "), entry="\0")
        object.__setattr__(self, "_subject_parts", tuple(named.split("\0")))

    def subject_for(self, entry: str) -> str:
        """How messages name this field of ``entry``."""
        return entry.join(self._subject_parts)


def _field_problem(field: Field) -> str:
    if not isinstance(field.kind, Kind):
        return f"kind {field.kind!r} is not a Kind; use one of {', '.join(Kind.__members__)}"
    if not _KEY.fullmatch(field.key):
        return "a key is lowercase letters, digits and '_'"
    if not field.description.strip() or not field.description.endswith("."):
        return "the description is a sentence, ending with '.'"
    if (field.kind is Kind.CHOICE) != bool(field.choices):
        return "a choice field lists its choices, and only a choice field has choices"
    if (field.kind in (Kind.ENTRY, Kind.ENTRIES)) != (field.section is not None):
        return "an entry field names the section that reads it, and only an entry field does"
    if field.default is not None and (field.required or field.kind is not Kind.CHOICE):
        return "only an optional choice field has a default"
    if field.default is not None and field.default not in field.choices:
        return f"the default '{field.default}' is not one of its choices"
    try:
        field.subject.format(key=field.key, name=field.key, entry="")
    except (KeyError, IndexError, ValueError) as error:
        return f"the subject '{field.subject}' has an unknown placeholder ({error})"
    return ""


Model = TypeVar("Model")


@dataclass(frozen=True, slots=True)
class Section(Generic[Model]):
    """The fields of one kind of mapping in the file, and the model class it is read into."""

    #: How the schema and the docs name it ("cookie").
    name: str
    model: type[Model]
    fields: tuple[Field, ...]
    #: For the schema: what one entry is.
    description: str = ""
    #: Model attributes the loader fills itself, not from a field (an id, a line, a path).
    implicit: tuple[str, ...] = ()
    #: Keys of which an entry gives exactly one; they are read first, and name the entry.
    one_of: tuple[str, ...] = ()
    #: Ids whose entries may leave out the required fields, or have no value at all.
    standard_ids: tuple[str, ...] = ()
    #: Optional keys of which an entry gives at least one (an e-mail address or a contact page).
    any_of: tuple[str, ...] = ()
    #: How messages name one entry of a nested section ("the controller").
    what: str = ""

    #: The keys, in the declared order; one tuple for the section's life, so that messages
    #: can remember hints per tuple.
    keys: tuple[str, ...] = dataclasses.field(init=False, repr=False, compare=False)
    required_keys: tuple[str, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(field.key for field in self.fields))
        required = tuple(field.key for field in self.fields if field.required)
        object.__setattr__(self, "required_keys", required)
        problem = _section_problem(self)
        if problem:
            raise FormatDeclarationError(f"{self.name} ({self.model.__name__}): {problem}")

    def field(self, key: str) -> Field:
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    def defaults(self) -> dict[str, Any]:
        """The model's keyword arguments for an entry that gives no field at all."""
        return {
            field.attribute: () if field.kind is Kind.ENTRIES else field.default
            for field in self.fields
            if field.attribute is not None
        }


def _section_problem(section: Section[Any]) -> str:
    if not dataclasses.is_dataclass(section.model):
        return "the model is not a dataclass"
    attributes = {item.name for item in dataclasses.fields(section.model) if item.init}
    keys = section.keys
    if len(set(keys)) != len(keys):
        return "a key is declared twice"
    for group in ("one_of", "any_of"):
        named = set(getattr(section, group))
        if not named <= set(keys) or named & set(section.required_keys):
            return f"'{group}' names optional fields of the section"
    filled = [field.attribute for field in section.fields if field.attribute is not None]
    for field in section.fields:
        if field.attribute is None:
            continue
        if field.attribute not in attributes:
            return (
                f"field '{field.key}' fills '{field.attribute}', which the model does not have; "
                "add the attribute to the model"
            )
        if filled.count(field.attribute) > 1 and field.key not in section.one_of:
            return f"'{field.attribute}' is filled by two fields outside 'one_of'"
    unfilled = sorted(attributes - set(filled) - set(section.implicit))
    if unfilled:
        return f"no field fills {', '.join(unfilled)}; declare a field, or list it as implicit"
    if not set(section.implicit) <= attributes:
        return "'implicit' names an attribute the model does not have"
    return ""


@dataclass(frozen=True, slots=True)
class Format:
    """The whole format: what the loader reads, the schema checks and the docs list."""

    top_level: Section[CookieInventory]
    category: Section[Category]
    provider: Section[Provider]
    cookie: Section[Cookie]

    #: The four main sections, then the sections their fields nest, in the declared order.
    sections: tuple[Section[Any], ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found: list[Section[Any]] = [self.top_level, self.category, self.provider, self.cookie]
        for section in found:  # grows as nested sections are found: each is visited once
            for field in section.fields:
                if field.section is not None and field.section not in found:
                    found.append(field.section)
        names = [section.name for section in found]
        if len(set(names)) != len(names):
            raise FormatDeclarationError(f"two sections have one name: {', '.join(names)}")
        for section in found[4:]:
            if not section.what:
                raise FormatDeclarationError(f"nested section {section.name} says no 'what'")
        object.__setattr__(self, "sections", tuple(found))

    def section(self, name: str) -> Section[Any]:
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)
