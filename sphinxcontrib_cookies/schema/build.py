"""The JSON Schema of the inventory, built from the format's declaration
(``inventory/fields.py``); ``scripts/generate_schema.py`` writes it to the shipped file.

Each kind of field has one fragment here. A field that the loader reads as "not given" when it
is empty may be null unless it is required; a required one may not be blank either. Keywords
are limited to those draft-07 tools also understand, and never stand beside a ``$ref`` (which
draft-07 ignores).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..inventory.countries import COUNTRY_CODES
from ..inventory.declaration import Field, Format, Kind, Section, require_every_kind
from ..inventory.fields import FORMAT, FORMAT_VERSION

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "sphinxcontrib-cookies inventory"
COMPATIBILITY = (
    "Keywords are limited to those draft-07 tools also understand, so that YAML editors built "
    "on draft-07 check files too."
)

Schema = dict[str, Any]

#: Characters the loader refuses in a value on one line, and in any text.
_CONTROL = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029"
#: After ``http(s)://``: a host, then a path, with none of the characters the loader refuses.
_URL_REST = r'[^\s/?#@"<>\\^`{|}]+(?:[/?#][^\s"<>\\^`{|}]*)?'
#: Invisible characters (soft hyphen, zero-width and bidirectional controls).
_INVISIBLE = r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
_NOT_IN_EMAIL = r'\s@"<>\\^`{|}()\[\],;:/?#'
_WORDS = ("session", "persistent")
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _any_case(word: str) -> str:
    """``[Ss][Ee]...``: the schema's regular expressions have no flags."""
    return "".join(f"[{letter.upper()}{letter}]" for letter in word)


_BOOLEANS = "|".join(map(_any_case, ("true", "yes", "false", "no")))


def _duration_pattern() -> str:
    iso = (
        r"[Pp](?=\d|[Tt]\d)(?:\d{1,9}[Yy])?(?:\d{1,9}[Mm])?(?:\d{1,9}[Ww])?(?:\d{1,9}[Dd])?"
        r"(?:[Tt](?=\d)(?:\d{1,9}[Hh])?(?:\d{1,9}[Mm])?(?:\d{1,9}[Ss])?)?"
    )
    words = "|".join(map(_any_case, _WORDS))
    units = "|".join(map(_any_case, _UNITS))
    return rf"^\s*(?:{words}|\d{{1,12}}|{iso}|\d{{1,9}}\s*(?:{units})[Ss]?)\s*$"


def _text_definitions() -> Schema:
    """Text on one line, text in several languages, ids."""
    return {
        "single-line": {
            "description": "Text on one line, without control characters.",
            "not": {"type": "string", "pattern": rf"[\n\r{_CONTROL}]"},
        },
        "no-control-characters": {"not": {"type": "string", "pattern": f"[{_CONTROL}]"}},
        "not-blank": {
            "description": "Not empty, nor only spaces.",
            "not": {"type": "string", "pattern": r"^\s*$"},
        },
        "id": {
            "description": "An id: letters, digits, '-' and '_'.",
            "type": "string",
            "allOf": [ref("single-line"), {"pattern": "^[A-Za-z0-9_-]+$"}],
        },
        "scalar": {
            "description": "A value written on one line (numbers and true/false are read as "
            "the text written).",
            "type": ["string", "number", "boolean"],
            "allOf": [ref("single-line")],
        },
        "text-scalar": {
            "type": ["string", "number", "boolean"],
            "allOf": [ref("no-control-characters")],
        },
        "language-code": {
            "description": "A language code such as en, fr or pt_BR.",
            "type": "string",
            "allOf": [
                ref("single-line"),
                {"pattern": "^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$"},
            ],
        },
        "text-by-language": {
            "description": "Language code to text, such as {en: ..., fr: ...}. The build "
            "language picks one, then its base language, then English, then the first given.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": ref("language-code"),
            "additionalProperties": ref("text-scalar"),
        },
        "text": {
            "description": "Text, or a mapping of language codes to text.",
            "anyOf": [ref("text-scalar"), ref("text-by-language")],
        },
    }


def _value_definitions() -> Schema:
    """Addresses, names, durations, booleans and domains."""
    return {
        "url": {
            "description": "A full http:// or https:// address, without spaces, quotes, angle "
            "brackets, braces, backslashes or invisible characters.",
            "type": "string",
            "allOf": [
                ref("single-line"),
                {"pattern": f"^{_any_case('http')}[Ss]?://{_URL_REST}$"},
                {"not": {"pattern": _INVISIBLE}},
            ],
        },
        "cookie-name": {
            "description": "A cookie name as it appears in the browser; '*' is a wildcard (_ga_*).",
            "type": ["string", "number", "boolean"],
            "allOf": [ref("single-line"), ref("not-blank")],
        },
        "duration": {
            "description": "session, persistent, an ISO 8601 duration (P13M, PT30M, P1Y6M), a "
            "number of seconds (86400), a number and a unit (13 months), or a text per language.",
            "anyOf": [
                {
                    "description": "A placeholder still to be written, as sphinx-cookies init "
                    "drafts them; sphinx-cookies check and the build report it.",
                    "type": "string",
                    "allOf": [ref("single-line"), {"pattern": r"^\s*TODO"}],
                },
                {"type": "integer", "minimum": 0, "maximum": 999999999999},
                {
                    "type": "string",
                    "allOf": [ref("single-line"), {"pattern": _duration_pattern()}],
                },
                ref("text-by-language"),
            ],
        },
        "boolean": {
            "description": "true or false (yes and no too, in any case).",
            "anyOf": [
                {"type": "boolean"},
                {
                    "type": "string",
                    "allOf": [ref("single-line"), {"pattern": f"^(?:{_BOOLEANS})$"}],
                },
            ],
        },
        "domain": {
            "description": "A host name, without spaces.",
            "type": ["string", "number", "boolean"],
            "allOf": [
                ref("single-line"),
                ref("not-blank"),
                {"not": {"type": "string", "pattern": r"\S\s+\S"}},
            ],
        },
    }


def _contact_definitions() -> Schema:
    """E-mail addresses and country codes, for the controller and the providers."""
    return {
        "email": {
            "description": "An e-mail address, such as privacy@example.com (without mailto:).",
            "type": "string",
            "allOf": [
                ref("single-line"),
                {
                    "pattern": rf"^\s*[^{_NOT_IN_EMAIL}]+@[^{_NOT_IN_EMAIL}.]+"
                    rf"(?:\.[^{_NOT_IN_EMAIL}.]+)+\s*$"
                },
                {"not": {"pattern": _INVISIBLE}},
            ],
        },
        "country": {
            "description": "An ISO 3166-1 alpha-2 country code, in capitals (US, IE, DE).",
            "enum": sorted(COUNTRY_CODES),
        },
    }


def _categories(field: Field, declaration: Format) -> Schema:
    section = declaration.category
    return {
        "type": "object",
        "propertyNames": ref("id"),
        "properties": {name: ref(f"standard-{section.name}") for name in section.standard_ids},
        "additionalProperties": ref(section.name),
    }


def _nested(field: Field) -> Section[Any]:
    assert field.section is not None  # the declaration checks that an entry field has one
    return field.section


@dataclass(frozen=True, slots=True)
class KindSchema:
    """What a kind of field accepts, when it is given."""

    fragment: Callable[[Field, Format], Schema]
    #: Whether the loader reads an empty value (``key:``) as "not given".
    empty_is_absent: bool


def _defined(name: str, empty_is_absent: bool = True) -> KindSchema:
    """A kind whose values are one of the shared definitions."""
    return KindSchema(lambda field, declaration: ref(name), empty_is_absent)


_KIND_SCHEMAS: Mapping[Kind, KindSchema] = MappingProxyType(
    {
        Kind.TEXT: _defined("text"),
        Kind.ONE_LINE_TEXT: _defined("text"),
        Kind.NAME: _defined("cookie-name", empty_is_absent=False),
        Kind.NAMES: KindSchema(
            lambda field, declaration: {
                "type": "array",
                "minItems": 1,
                "items": ref("cookie-name"),
            },
            False,
        ),
        Kind.URL: _defined("url"),
        Kind.BOOLEAN: _defined("boolean"),
        Kind.CHOICE: KindSchema(lambda field, declaration: {"enum": list(field.choices)}, True),
        Kind.DURATION: _defined("duration"),
        Kind.DOMAIN: _defined("domain"),
        Kind.DATE: KindSchema(
            lambda field, declaration: {
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            },
            True,
        ),
        Kind.COUNTRY: _defined("country"),
        Kind.EMAIL: _defined("email"),
        Kind.VERSION: KindSchema(
            lambda field, declaration: {"enum": [int(FORMAT_VERSION), FORMAT_VERSION]}, False
        ),
        Kind.CATEGORY_REFERENCE: _defined("scalar"),
        Kind.PROVIDER_REFERENCE: _defined("scalar"),
        Kind.CATEGORIES: KindSchema(_categories, False),
        Kind.PROVIDERS: KindSchema(
            lambda field, declaration: {
                "type": "object",
                "propertyNames": ref("id"),
                "additionalProperties": ref(declaration.provider.name),
            },
            False,
        ),
        Kind.COOKIES: KindSchema(
            lambda field, declaration: {"type": "array", "items": ref(declaration.cookie.name)},
            False,
        ),
        Kind.ENTRY: KindSchema(lambda field, declaration: ref(_nested(field).name), False),
        Kind.ENTRIES: KindSchema(
            lambda field, declaration: {"type": "array", "items": ref(_nested(field).name)},
            False,
        ),
    }
)
require_every_kind(_KIND_SCHEMAS, "the schema (schema/build.py)")


def field_schema(field: Field, declaration: Format, required: bool) -> Schema:
    """The schema of one field's value, with its description."""
    kind = _KIND_SCHEMAS[field.kind]
    fragment = kind.fragment(field, declaration)
    if kind.empty_is_absent and required:
        fragment = {"allOf": [fragment, ref("not-blank")]}
    elif kind.empty_is_absent:
        fragment = {"anyOf": [{"type": "null"}, fragment]}
    elif "$ref" in fragment:  # draft-07 ignores every keyword beside a $ref
        fragment = {"allOf": [fragment]}
    schema: Schema = {"description": field.description}
    if field.default is not None:
        schema["default"] = field.default
    return schema | fragment


def section_schema(section: Section[Any], declaration: Format, standard: bool = False) -> Schema:
    """A mapping with the section's keys and no others; a ``standard`` entry requires none."""
    required = () if standard else section.required_keys
    schema: Schema = {"type": "object"}
    if required:
        schema["required"] = list(required)
    schema["additionalProperties"] = False
    if section.one_of:
        schema["oneOf"] = [{"required": [key]} for key in section.one_of]
    if section.any_of:
        schema["anyOf"] = [{"required": [key]} for key in section.any_of]
    schema["properties"] = {
        field.key: field_schema(field, declaration, field.key in required)
        for field in section.fields
    }
    return schema


def _entry_definitions(declaration: Format) -> Schema:
    definitions: Schema = {}
    for section in declaration.sections[1:]:
        described = {"description": section.description} if section.description else {}
        definitions[section.name] = described | section_schema(section, declaration)
        if section.standard_ids:
            given = " and ".join(section.required_keys)
            definitions[f"standard-{section.name}"] = {
                "description": f"A standard {section.name}: its {given} are built in, in the "
                "build's language, unless given here. It may be declared with no value at all.",
                "anyOf": [{"type": "null"}, section_schema(section, declaration, standard=True)],
            }
    return definitions


def build_schema(declaration: Format = FORMAT) -> Schema:
    """The whole JSON Schema, as a new JSON value."""
    top_level = declaration.top_level
    return {
        "$schema": DIALECT,
        "title": TITLE,
        "description": f"{top_level.description} {COMPATIBILITY}",
        **section_schema(top_level, declaration),
        "$defs": {
            **_text_definitions(),
            **_value_definitions(),
            **_contact_definitions(),
            **_entry_definitions(declaration),
        },
    }
