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


@dataclass(frozen=True, slots=True)
class Provider:
    """A declared provider (``id`` set) or a provider named in place (``id`` is None)."""

    id: str | None
    name: LocalizedText
    url: str | None
    privacy_policy: str | None
    line: int

    @property
    def link(self) -> str | None:
        return self.privacy_policy or self.url


@dataclass(frozen=True, slots=True)
class Cookie:
    """One entry: one table row. An entry with a problem is kept with what can be shown: a
    value that could not be read as written (``party``, ``type`` and ``domain`` hold that text,
    ``duration`` a ``LocalizedText``), a missing purpose as None, an unknown category as
    ``unclassified``; ``problem_fields`` names the keys concerned."""

    names: tuple[str, ...]
    category: str
    purpose: LocalizedText | None
    provider: Provider | None
    function: LocalizedText | None
    duration: Duration | LocalizedText | None
    party: str | None
    type: str
    domain: str | None
    line: int
    #: The keys of the fields that have a problem (reported as a warning), in the file's order.
    problem_fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CookieInventory:
    """A loaded inventory, with the problems found in it (entries with a problem are kept, with
    what can be shown; see ``Cookie``)."""

    path: str
    categories: dict[str, Category]
    providers: dict[str, Provider]
    cookies: tuple[Cookie, ...]
    problems: tuple[InventoryProblem, ...] = ()
    #: When the inventory was last reviewed (its optional top-level ``updated:``).
    updated: date | None = None
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
