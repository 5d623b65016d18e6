"""What the rules ask of an inventory, answered once: which categories need consent, which
cookies are set by third parties, how each is named in a message."""

from __future__ import annotations

from collections.abc import Iterator

from ..inventory import Category, Cookie, CookieInventory, LocalizedText, Provider
from ..inventory.problems import shown

#: Standard category ids for advertising: never strictly necessary.
ADVERTISING_IDS = frozenset({"marketing", "advertising"})
#: Standard category ids for audience measurement.
ANALYTICS_IDS = frozenset({"statistics", "analytics"})

#: A purpose with fewer words than this does not say what the cookie does ("Analytics").
MIN_PURPOSE_WORDS = 3


def is_exempt(category: Category | None) -> bool:
    """A category whose cookies are set without asking (``requires_consent: false``, or the
    legal basis ``exempt``). A category that says neither is treated as asking for consent by
    the banner export, so the rules about exempt cookies leave it alone."""
    return category is not None and category.needs_consent is False


def cookies_of(inventory: CookieInventory, category: Category) -> tuple[Cookie, ...]:
    return inventory.cookies_in(category.id)


def category_of(inventory: CookieInventory, cookie: Cookie) -> Category | None:
    return inventory.categories.get(cookie.category)


def exempt_cookies(inventory: CookieInventory) -> Iterator[tuple[Category, Cookie]]:
    """The cookies set without consent, with their category, in the order of the file."""
    for cookie in inventory.cookies:
        category = category_of(inventory, cookie)
        if category is not None and is_exempt(category):
            yield category, cookie


def consent_cookies(inventory: CookieInventory) -> Iterator[Cookie]:
    """The cookies set only with consent (or in a category that does not say), in file order."""
    for cookie in inventory.cookies:
        if not is_exempt(category_of(inventory, cookie)):
            yield cookie


def is_third_party(cookie: Cookie) -> bool:
    return cookie.party == "third"


def third_party_providers(inventory: CookieInventory) -> list[tuple[Provider, Cookie]]:
    """Each provider of a third-party cookie once, with the first cookie it sets: declared
    providers by id, providers named in place by name."""
    seen: set[str] = set()
    found = []
    for cookie in inventory.cookies:
        provider = cookie.provider
        if provider is None or not is_third_party(cookie):
            continue
        key = f"id:{provider.id}" if provider.id else f"name:{provider.name.resolve('en')}"
        if key not in seen:
            seen.add(key)
            found.append((provider, cookie))
    return found


def describe(cookie: Cookie) -> str:
    """``cookie '_ga'`` or ``cookies '_pk_id.*', '_pk_ses.*'``, as a message names it."""
    names = ", ".join(f"'{shown(name)}'" for name in cookie.names[:3])
    more = f" and {len(cookie.names) - 3} more" if len(cookie.names) > 3 else ""
    return f"{'cookie' if len(cookie.names) == 1 else 'cookies'} {names}{more}"


def describe_provider(provider: Provider) -> str:
    if provider.id is not None:
        return f"provider '{shown(provider.id)}'"
    return f"provider '{shown(provider.name.resolve('en'))}'"


def provider_line(provider: Provider, cookie: Cookie) -> int:
    """Where a message about a provider points: its declaration, or where it is named."""
    return provider.line or cookie.line


def fewest_words(text: LocalizedText) -> int:
    """The number of words of the shortest translation."""
    return min(len(translation.split()) for _, translation in text.translations)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
