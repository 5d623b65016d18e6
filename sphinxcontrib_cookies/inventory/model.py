"""The cookie inventory as plain data: what the YAML file declares, already checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .durations import Duration
from .problems import InventoryProblem

PARTIES = ("first", "third")
STORAGE_TYPES = ("cookie", "local-storage", "session-storage", "indexeddb", "pixel")
#: Category ids with a built-in title and description, so the inventory may leave them out.
STANDARD_CATEGORIES = (
    "necessary",
    "preferences",
    "statistics",
    "marketing",
    "unclassified",
    "functional",
    "analytics",
    "advertising",
)
#: Why a category's cookies may be set (GDPR article 6(1), and ``exempt`` for what the ePrivacy
#: Directive's article 5(3) exempts from consent: what is strictly necessary).
LEGAL_BASES = ("consent", "exempt", "legitimate-interest", "contract", "legal-obligation")
#: What a provider is to the site's visitors' data (GDPR article 4(7) and (8), article 26).
PROVIDER_ROLES = ("processor", "controller", "joint-controller")
#: The safeguard of a transfer outside the EEA: an adequacy decision (GDPR article 45), the
#: EU-US Data Privacy Framework (an adequacy decision of 2023), standard data protection clauses
#: (article 46(2)(c)) or binding corporate rules (article 47).
TRANSFER_SAFEGUARDS = ("adequacy", "dpf", "scc", "bcr")


def normalize_language(code: str) -> str:
    """``fr-CA``, ``fr_ca`` and ``FR_CA`` are one language: ``fr_ca``."""
    return code.replace("-", "_").lower()


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """Text written once, or once per language (``{en: ..., fr: ...}``)."""

    translations: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> LocalizedText:
        return cls((("", text),))

    @property
    def is_plain(self) -> bool:
        return len(self.translations) == 1 and self.translations[0][0] == ""

    def get(self, language: str | None) -> str | None:
        """The text written for exactly this language (or its base language), if any."""
        if self.is_plain or not language:
            return None
        wanted = normalize_language(language)
        by_language = {normalize_language(code): text for code, text in self.translations}
        if wanted in by_language:
            return by_language[wanted]
        return by_language.get(wanted.split("_")[0])

    def resolve(self, language: str | None) -> str:
        """The build language, then its base language, then English, then the first given."""
        if self.is_plain:
            return self.translations[0][1]
        found = self.get(language)
        if found is None:
            found = self.get("en")
        return found if found is not None else self.translations[0][1]


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    title: LocalizedText | None
    description: LocalizedText | None
    requires_consent: bool | None
    line: int
    #: As declared; ``basis`` says what it is when it is not.
    legal_basis: str | None = None

    @property
    def basis(self) -> str | None:
        """The legal basis: as declared, else ``exempt`` for a category that needs no consent and
        ``consent`` for one that does; None when the inventory says neither."""
        if self.legal_basis is not None:
            return self.legal_basis
        if self.requires_consent is None:
            return None
        return "consent" if self.requires_consent else "exempt"

    @property
    def needs_consent(self) -> bool | None:
        """Whether the cookies are set only with consent: as declared, else from the legal
        basis (``consent`` or ``exempt``); None when the inventory says neither."""
        if self.requires_consent is not None:
            return self.requires_consent
        if self.legal_basis in ("consent", "exempt"):
            return self.legal_basis == "consent"
        return None


@dataclass(frozen=True, slots=True)
class Provider:
    """A declared provider (``id`` set) or a provider named in place (``id`` is None)."""

    id: str | None
    name: LocalizedText
    url: str | None
    privacy_policy: str | None
    line: int
    #: Where it processes the data: an ISO 3166-1 alpha-2 code.
    country: str | None = None
    #: One of PROVIDER_ROLES.
    role: str | None = None
    #: One of TRANSFER_SAFEGUARDS, for a country outside the EEA.
    transfer: str | None = None

    @property
    def link(self) -> str | None:
        return self.privacy_policy or self.url


@dataclass(frozen=True, slots=True)
class Cookie:
    names: tuple[str, ...]
    category: str
    purpose: LocalizedText
    provider: Provider | None
    function: LocalizedText | None
    duration: Duration | LocalizedText | None
    party: str | None
    type: str
    domain: str | None
    line: int
    #: What the cookie stores or collects.
    data: LocalizedText | None = None


@dataclass(frozen=True, slots=True)
class DataProtectionOfficer:
    """The controller's data protection officer (GDPR articles 37 to 39, 13(1)(b))."""

    name: LocalizedText | None
    email: str | None
    contact_url: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Representative:
    """The representative in the Union of a controller established outside it (article 27)."""

    name: LocalizedText
    address: LocalizedText | None
    email: str | None
    contact_url: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Controller:
    """Who decides why and how the visitors' data is processed (GDPR article 4(7), 13(1)(a))."""

    name: LocalizedText
    address: LocalizedText | None
    #: An ISO 3166-1 alpha-2 code: where the controller is established.
    country: str | None
    email: str | None
    contact_url: str | None
    dpo: DataProtectionOfficer | None
    representative: Representative | None
    line: int


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the inventory's own history (``changes:``), for a site not kept in git."""

    date: date
    description: LocalizedText
    line: int


@dataclass(frozen=True, slots=True)
class CookieInventory:
    """A loaded inventory, with the problems found in it (entries with a problem are left out)."""

    path: str
    categories: dict[str, Category]
    providers: dict[str, Provider]
    cookies: tuple[Cookie, ...]
    problems: tuple[InventoryProblem, ...] = ()
    #: When the inventory was last reviewed (its optional top-level ``updated:``).
    updated: date | None = None
    #: Who is responsible for the visitors' data, and how to reach them.
    controller: Controller | None = None
    #: How long the visitor's choice is kept before they are asked again.
    consent_lifetime: Duration | LocalizedText | None = None
    #: The history written in the file, newest first as written.
    changes: tuple[Change, ...] = ()
    _by_category: dict[str, tuple[Cookie, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        grouped: dict[str, list[Cookie]] = {category_id: [] for category_id in self.categories}
        for cookie in self.cookies:
            grouped.setdefault(cookie.category, []).append(cookie)
        self._by_category.update({key: tuple(value) for key, value in grouped.items()})

    def cookies_in(self, category_id: str) -> tuple[Cookie, ...]:
        return self._by_category.get(category_id, ())
