"""The inventory format, declared once as data: the fields of the top level, of a category, of a
provider and of a cookie entry.

The loader reads a file by this declaration, ``scripts/generate_schema.py`` writes the JSON
Schema from it, and the format reference lists its fields. A new field is one ``Field`` here
plus one attribute on its model class; a declaration that does not match its model, or a kind
that a reader, the schema or the docs do not know, fails at import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from .model import (
    PARTIES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    Category,
    Cookie,
    CookieInventory,
    Provider,
)

#: The version of the format, the only value ``version:`` may have.
FORMAT_VERSION = "1"


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
    VERSION = "version"
    CATEGORY_REFERENCE = "category reference"
    PROVIDER_REFERENCE = "provider reference"
    CATEGORIES = "categories"
    PROVIDERS = "providers"
    COOKIES = "cookies"


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
    #: The subject split where the entry goes: it is named once per field read.
    _subject_parts: tuple[str, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.attribute == "":
            object.__setattr__(self, "attribute", self.key)
        problem = _field_problem(self)
        if problem:
            raise FormatDeclarationError(f"field '{self.key}': {problem}")
        parts = self._subject(entry="\0").split("\0")
        object.__setattr__(self, "_subject_parts", tuple(parts))

    def _subject(self, entry: str) -> str:
        return self.subject.format(key=self.key, name=self.key.replace("_", " "), entry=entry)

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
            field.attribute: field.default for field in self.fields if field.attribute is not None
        }


def _section_problem(section: Section[Any]) -> str:
    if not dataclasses.is_dataclass(section.model):
        return "the model is not a dataclass"
    attributes = {item.name for item in dataclasses.fields(section.model) if item.init}
    keys = section.keys
    if len(set(keys)) != len(keys):
        return "a key is declared twice"
    if not set(section.one_of) <= set(keys) or set(section.one_of) & set(section.required_keys):
        return "'one_of' names optional fields of the section"
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

    @property
    def sections(self) -> tuple[Section[Any], ...]:
        return (self.top_level, self.category, self.provider, self.cookie)

    def section(self, name: str) -> Section[Any]:
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)


TOP_LEVEL = Section(
    "inventory",
    CookieInventory,
    (
        Field(
            "version",
            Kind.VERSION,
            "The version of the format the file follows; 1 is the only one so far.",
            attribute=None,
            subject="'{key}'",
        ),
        Field(
            "updated",
            Kind.DATE,
            "When the inventory was last updated, written year-month-day (2026-11-29); the "
            ":cookies-updated: role shows it in the build language.",
            subject="'{key}'",
        ),
        Field(
            "categories",
            Kind.CATEGORIES,
            "Category id to category. The order of the file is the order of the page. The "
            "standard ids may leave out their title and description.",
            required=True,
            subject="'{key}'",
        ),
        Field(
            "providers",
            Kind.PROVIDERS,
            "Provider id to provider, for cookies that name a provider by id.",
            subject="'{key}'",
        ),
        Field(
            "cookies",
            Kind.COOKIES,
            "The cookie entries, one table row each.",
            required=True,
            subject="'{key}'",
        ),
    ),
    description="A website's cookies, described once for sphinxcontrib-cookies "
    f"(format version {FORMAT_VERSION}).",
    implicit=("path", "problems"),
)

CATEGORY = Section(
    "category",
    Category,
    (
        Field(
            "title",
            Kind.ONE_LINE_TEXT,
            "The category's name, shown as the caption of its table.",
            required=True,
        ),
        Field(
            "description",
            Kind.TEXT,
            "What the cookies of this category are for. A blank line starts a new paragraph.",
            required=True,
        ),
        Field(
            "requires_consent",
            Kind.BOOLEAN,
            "Whether these cookies are set only with the visitor's consent (true/false, yes/no).",
            subject="'{key}' of {entry}",
        ),
    ),
    implicit=("id", "line"),
    standard_ids=STANDARD_CATEGORIES,
)

PROVIDER = Section(
    "provider",
    Provider,
    (
        Field(
            "name",
            Kind.ONE_LINE_TEXT,
            "The provider's name as shown in the table.",
            required=True,
        ),
        Field("url", Kind.URL, "The provider's website.", subject="'{key}' of {entry}"),
        Field(
            "privacy_policy",
            Kind.URL,
            "The provider's privacy policy; the provider's name links to it.",
            subject="'{key}' of {entry}",
        ),
    ),
    implicit=("id", "line"),
)

COOKIE = Section(
    "cookie",
    Cookie,
    (
        Field(
            "name",
            Kind.NAME,
            "A cookie name as it appears in the browser; '*' is a wildcard (_ga_*).",
            attribute="names",
            subject="the cookie name",
        ),
        Field(
            "names",
            Kind.NAMES,
            "Several cookie names that serve one purpose together.",
            subject="a cookie name in 'names'",
        ),
        Field(
            "category",
            Kind.CATEGORY_REFERENCE,
            "The id of one of the categories.",
            required=True,
            subject="'{key}'",
        ),
        Field(
            "purpose",
            Kind.TEXT,
            "What the cookie does for the visitor or for the site.",
            required=True,
        ),
        Field(
            "provider",
            Kind.PROVIDER_REFERENCE,
            "The id of one of the providers, or a provider's name written in place.",
            subject="'{key}'",
        ),
        Field("function", Kind.TEXT, "The feature the cookie serves, and where."),
        Field("duration", Kind.DURATION, "How long the cookie lives."),
        Field(
            "party",
            Kind.CHOICE,
            "first (set by the site itself) or third (set by another site).",
            choices=PARTIES,
        ),
        Field(
            "type",
            Kind.CHOICE,
            "What kind of storage this is; cookie when not given.",
            choices=STORAGE_TYPES,
            default="cookie",
        ),
        Field("domain", Kind.DOMAIN, "The domain the cookie is set for, such as .example.com."),
    ),
    description="One table row: one cookie (name) or several serving one purpose (names).",
    implicit=("line",),
    one_of=("name", "names"),
)

#: The format as the package reads it.
FORMAT = Format(TOP_LEVEL, CATEGORY, PROVIDER, COOKIE)
