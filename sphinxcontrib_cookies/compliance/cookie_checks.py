"""Checks of what each cookie entry says: its purpose, its duration, who sets it."""

from __future__ import annotations

from collections.abc import Iterator

from ..inventory import CookieInventory, Duration
from ..inventory.problems import shown
from .facts import (
    MIN_PURPOSE_WORDS,
    consent_cookies,
    describe,
    describe_provider,
    fewest_words,
    is_third_party,
    provider_line,
    third_party_providers,
)
from .model import Flaw

#: The longest lifetime, in months, of a cookie that needs consent in France.
CNIL_MAX_MONTHS = 13
_MONTH_SECONDS = 30 * 86400


def specific_purpose(inventory: CookieInventory) -> Iterator[Flaw]:
    """A purpose of a word or two ("Analytics", "Marketing cookie") does not say what the
    cookie does; neither does one that only repeats its category's title."""
    for cookie in inventory.cookies:
        category = inventory.categories.get(cookie.category)
        titles = (
            {text.strip().lower() for _, text in category.title.translations}
            if (category is not None and category.title is not None)
            else set()
        )
        purposes = {text.strip().lower() for _, text in cookie.purpose.translations}
        if fewest_words(cookie.purpose) < MIN_PURPOSE_WORDS or purposes & titles:
            yield Flaw(
                cookie.line,
                f"the purpose of {describe(cookie)} does not say what it does "
                f"('{shown(cookie.purpose.resolve('en'))}'); write what the cookie stores or "
                "reads and why, such as 'Counts visits to each page, to see which are read'",
            )


def duration_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """How long each cookie lasts."""
    for cookie in inventory.cookies:
        if cookie.duration is None:
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} does not say how long it lasts; add a 'duration', such as "
                "'session' or '13 months'",
            )


def third_party_named(inventory: CookieInventory) -> Iterator[Flaw]:
    """Every third party that sets a cookie is named."""
    for cookie in inventory.cookies:
        if is_third_party(cookie) and cookie.provider is None:
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} is set by a third party that the policy does not name; add "
                "its 'provider' (an id declared under 'providers', with its privacy policy)",
            )


def third_party_privacy_policy(inventory: CookieInventory) -> Iterator[Flaw]:
    """Every third party is named with a link to its own privacy policy."""
    for provider, cookie in third_party_providers(inventory):
        if provider.privacy_policy is None:
            yield Flaw(
                provider_line(provider, cookie),
                f"{describe_provider(provider)} sets third-party cookies ({describe(cookie)}) "
                "but gives no 'privacy_policy'; add the address of its privacy policy",
            )


def party_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """Whether each cookie is the site's own or a third party's."""
    for cookie in inventory.cookies:
        if cookie.party is None:
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} does not say who sets it; add 'party: first' (the site "
                "itself) or 'party: third' (another company, named in 'provider')",
            )


def written(duration: Duration) -> str:
    """A period as the file says it (``2 years``), for a message."""
    return " ".join(
        f"{amount} {unit}{'' if amount == 1 else 's'}" for unit, amount in duration.parts
    )


def at_most_13_months(inventory: CookieInventory) -> Iterator[Flaw]:
    """Cookies that need consent last at most 13 months, and never "persistent" without end."""
    for cookie in consent_cookies(inventory):
        duration = cookie.duration
        if not isinstance(duration, Duration) or duration.kind == "session":
            continue
        seconds = duration.seconds
        if seconds is None or seconds > CNIL_MAX_MONTHS * _MONTH_SECONDS:
            lasts = "has no end" if seconds is None else f"lasts {written(duration)}"
            yield Flaw(
                cookie.line,
                f"{describe(cookie)} needs consent and {lasts}; the CNIL's limit is "
                f"{CNIL_MAX_MONTHS} months: set it to expire within 13 months of being set, "
                "and say so in 'duration'",
            )
