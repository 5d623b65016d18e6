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
    LEGAL_BASES,
    PARTIES,
    PROVIDER_ROLES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    TRANSFER_SAFEGUARDS,
    Category,
    Change,
    Controller,
    Cookie,
    CookieInventory,
    DataProtectionOfficer,
    Provider,
    Representative,
)

__all__ = [
    "CATEGORY",
    "CHANGE",
    "CONTROLLER",
    "COOKIE",
    "DPO",
    "FORMAT",
    "FORMAT_VERSION",
    "PROVIDER",
    "REPRESENTATIVE",
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


def _email(what: str) -> Field:
    return Field("email", Kind.EMAIL, f"An e-mail address {what}.", subject="'{key}' of {entry}")


def _contact_url(what: str) -> Field:
    return Field(
        "contact_url",
        Kind.URL,
        f"A web page {what} (a contact form), where there is no e-mail address or beside it.",
        subject="'{key}' of {entry}",
    )


DPO = Section(
    "dpo",
    DataProtectionOfficer,
    (
        Field("name", Kind.ONE_LINE_TEXT, "The data protection officer's name, if given."),
        _email("that reaches the data protection officer"),
        _contact_url("that reaches the data protection officer"),
    ),
    description="The controller's data protection officer, where one is appointed.",
    implicit=("line",),
    any_of=("email", "contact_url"),
    what="the data protection officer",
)

REPRESENTATIVE = Section(
    "representative",
    Representative,
    (
        Field("name", Kind.ONE_LINE_TEXT, "The representative's name.", required=True),
        Field("address", Kind.TEXT, "The representative's postal address."),
        _email("that reaches the representative"),
        _contact_url("that reaches the representative"),
    ),
    description="The representative in the European Union of a controller established "
    "outside it (GDPR article 27).",
    implicit=("line",),
    any_of=("email", "contact_url"),
    what="the representative",
)

CONTROLLER = Section(
    "controller",
    Controller,
    (
        Field(
            "name",
            Kind.ONE_LINE_TEXT,
            "Who is responsible for the visitors' data: the company, body or person.",
            required=True,
        ),
        Field("address", Kind.TEXT, "The controller's postal address."),
        Field(
            "country",
            Kind.COUNTRY,
            "Where the controller is established; it chooses the supervisory authority the "
            "page names unless cookies_authority is set.",
            subject="'{key}' of {entry}",
        ),
        _email("for questions about the visitors' data"),
        _contact_url("for questions about the visitors' data"),
        Field(
            "dpo",
            Kind.ENTRY,
            "The data protection officer, where one is appointed.",
            section=DPO,
            subject="'{key}' of {entry}",
        ),
        Field(
            "representative",
            Kind.ENTRY,
            "The representative in the European Union, for a controller established outside it.",
            section=REPRESENTATIVE,
            subject="'{key}' of {entry}",
        ),
    ),
    description="Who is responsible for the visitors' data, and how to reach them.",
    implicit=("line",),
    any_of=("email", "contact_url"),
    what="the controller",
)

CHANGE = Section(
    "change",
    Change,
    (
        Field(
            "date",
            Kind.DATE,
            "When the change was made, written year-month-day.",
            required=True,
            subject="the {key} of {entry}",
        ),
        Field("description", Kind.TEXT, "What changed, for the visitor.", required=True),
    ),
    description="One change of the cookies, for the page's history.",
    implicit=("line",),
    what="a change in 'changes'",
)

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
            "controller",
            Kind.ENTRY,
            "Who is responsible for the visitors' data, and how to reach them (GDPR article "
            "13(1)(a) and (b)).",
            section=CONTROLLER,
            subject="'{key}'",
        ),
        Field(
            "consent_lifetime",
            Kind.DURATION,
            "How long the visitor's choice is kept before they are asked again.",
            subject="'{key}'",
        ),
        Field(
            "changes",
            Kind.ENTRIES,
            "The history of the cookies, for a site whose inventory is not kept in git: each "
            "change with its date and what changed.",
            section=CHANGE,
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
        Field(
            "legal_basis",
            Kind.CHOICE,
            "Why the site may set these cookies: consent, exempt (strictly necessary, so exempt "
            "from consent), or another basis of GDPR article 6(1). When not given: exempt if "
            "requires_consent is false, consent if it is true.",
            choices=LEGAL_BASES,
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
        Field(
            "country",
            Kind.COUNTRY,
            "Where the provider processes the data, as an ISO 3166-1 alpha-2 code (US, IE).",
            subject="'{key}' of {entry}",
        ),
        Field(
            "role",
            Kind.CHOICE,
            "What the provider is to the visitors' data: a processor acting for the site, a "
            "controller of its own, or a joint controller with the site.",
            choices=PROVIDER_ROLES,
            subject="'{key}' of {entry}",
        ),
        Field(
            "transfer",
            Kind.CHOICE,
            "For a country outside the EEA, the safeguard of the transfer: an adequacy decision, "
            "the EU-US Data Privacy Framework (dpf), standard contractual clauses (scc) or "
            "binding corporate rules (bcr).",
            choices=TRANSFER_SAFEGUARDS,
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
        Field("data", Kind.TEXT, "What the cookie stores or collects, such as a random id."),
    ),
    description="One table row: one cookie (name) or several serving one purpose (names).",
    implicit=("line",),
    one_of=("name", "names"),
)

#: The format as the package reads it.
FORMAT = Format(TOP_LEVEL, CATEGORY, PROVIDER, COOKIE)
