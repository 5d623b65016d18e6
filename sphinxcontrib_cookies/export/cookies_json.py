"""The inventory as ``cookies.json``: resolved for one language, ready for any program (a
banner, a tag manager, a test that compares it with what a site sets)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..inventory import Cookie, CookieInventory, Duration, LocalizedText, Provider
from ..inventory.names import name_regex
from .words import ExportWords, iso_duration

#: Bumped when a key changes meaning or goes away; adding keys keeps the number.
EXPORT_FORMAT = 1


def _text(text: LocalizedText | None, language: str | None) -> str | None:
    return text.resolve(language) if text is not None else None


def _provider(provider: Provider | None, language: str | None) -> dict[str, Any] | None:
    if provider is None:
        return None
    return {
        "id": provider.id,
        "name": provider.name.resolve(language),
        "url": provider.url,
        "privacy_policy": provider.privacy_policy,
    }


def _duration(cookie: Cookie, words: ExportWords) -> dict[str, Any] | None:
    duration = cookie.duration
    if duration is None:
        return None
    if isinstance(duration, Duration):
        return {
            "kind": duration.kind,
            "text": words.describe_duration(duration),
            "iso": iso_duration(duration),
            "seconds": duration.seconds,
        }
    return {"kind": "text", "text": duration.resolve(words.language), "iso": None, "seconds": None}


def cookie_as_json(cookie: Cookie, words: ExportWords) -> dict[str, Any]:
    language = words.language
    return {
        "names": list(cookie.names),
        "name_patterns": [name_regex(name) for name in cookie.names],
        "category": cookie.category,
        "purpose": _text(cookie.purpose, language),
        "function": _text(cookie.function, language),
        "provider": _provider(cookie.provider, language),
        "duration": _duration(cookie, words),
        "party": cookie.party,
        "type": cookie.type,
        "domain": cookie.domain,
        # The fields with a problem (each reported as a warning), shown as written or empty.
        "problem_fields": list(cookie.problem_fields),
    }


def inventory_as_json(
    inventory: CookieInventory, words: ExportWords, source: str
) -> dict[str, Any]:
    """``source``: the inventory's path as the reader should see it (relative, not absolute)."""
    language = words.language
    return {
        "format": EXPORT_FORMAT,
        "generator": f"sphinxcontrib-cookies {__version__}",
        "source": source,
        "language": language,
        "categories": [
            {
                "id": category.id,
                "title": words.category_title(category),
                "description": words.category_description(category) or None,
                "requires_consent": category.requires_consent,
            }
            for category in inventory.categories.values()
        ],
        "providers": [_provider(provider, language) for provider in inventory.providers.values()],
        "cookies": [cookie_as_json(cookie, words) for cookie in inventory.cookies],
    }
