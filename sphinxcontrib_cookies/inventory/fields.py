"""The inventory format, declared once as data: the fields of the top level, of a category, of a
provider and of a cookie entry.

The loader reads a file by this declaration, ``scripts/generate_schema.py`` writes the JSON
Schema from it, and the format reference lists its fields. A new field is one ``Field`` here
plus one attribute on its model class (``model.py``); then run the script. How a field is
declared, and what each part means, is in ``declaration.py``.
"""

from __future__ import annotations

from .declaration import (
    Field,
    Format,
    FormatDeclarationError,
    Kind,
    Section,
    require_every_kind,
)
from .model import (
    PARTIES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    Category,
    Cookie,
    CookieInventory,
    Provider,
)

__all__ = [
    "CATEGORY",
    "COOKIE",
    "FORMAT",
    "FORMAT_VERSION",
    "PROVIDER",
    "TOP_LEVEL",
    "Field",
    "Format",
    "FormatDeclarationError",
    "Kind",
    "Section",
    "require_every_kind",
]

#: The version of the format, the only value ``version:`` may have.
FORMAT_VERSION = "1"

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
    fallback_id="unclassified",
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
    implicit=("line", "problem_fields"),
    one_of=("name", "names"),
)

#: The format as the package reads it.
FORMAT = Format(TOP_LEVEL, CATEGORY, PROVIDER, COOKIE)
