"""The inventory as ``cookies.json``: resolved for one language, ready for any program (a
banner, a tag manager, a test that compares it with what a site sets)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..inventory import (
    Controller,
    Cookie,
    CookieInventory,
    DataProtectionOfficer,
    Duration,
    LocalizedText,
    Provider,
    Representative,
)
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
        "country": provider.country,
        "role": provider.role,
        "transfer": provider.transfer,
    }


def _duration_value(duration: Duration | LocalizedText, words: ExportWords) -> dict[str, Any]:
    if isinstance(duration, Duration):
        return {
            "kind": duration.kind,
            "text": words.describe_duration(duration),
            "iso": iso_duration(duration),
            "seconds": duration.seconds,
        }
    return {"kind": "text", "text": duration.resolve(words.language), "iso": None, "seconds": None}


def _contact(
    contact: Controller | DataProtectionOfficer | Representative | None, language: str | None
) -> dict[str, Any] | None:
    if contact is None:
        return None
    found: dict[str, Any] = {
        "name": _text(contact.name, language),
        "email": contact.email,
        "contact_url": contact.contact_url,
    }
    if not isinstance(contact, DataProtectionOfficer):
        found["address"] = _text(contact.address, language)
    if isinstance(contact, Controller):
        found["country"] = contact.country
        found["dpo"] = _contact(contact.dpo, language)
        found["representative"] = _contact(contact.representative, language)
    return found


def _duration(cookie: Cookie, words: ExportWords) -> dict[str, Any] | None:
    return _duration_value(cookie.duration, words) if cookie.duration is not None else None


def cookie_as_json(cookie: Cookie, words: ExportWords) -> dict[str, Any]:
    language = words.language
    return {
        "names": list(cookie.names),
        "name_patterns": [name_regex(name) for name in cookie.names],
        "category": cookie.category,
        "purpose": cookie.purpose.resolve(language),
        "function": _text(cookie.function, language),
        "provider": _provider(cookie.provider, language),
        "duration": _duration(cookie, words),
        "party": cookie.party,
        "type": cookie.type,
        "domain": cookie.domain,
        "data": _text(cookie.data, language),
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
        "updated": inventory.updated.isoformat() if inventory.updated else None,
        "controller": _contact(inventory.controller, language),
        "consent_lifetime": (
            _duration_value(inventory.consent_lifetime, words)
            if inventory.consent_lifetime is not None
            else None
        ),
        "changes": [
            {"date": change.date.isoformat(), "description": change.description.resolve(language)}
            for change in inventory.changes
        ],
        "categories": [
            {
                "id": category.id,
                "title": words.category_title(category),
                "description": words.category_description(category) or None,
                "requires_consent": category.requires_consent,
                "legal_basis": category.basis,
            }
            for category in inventory.categories.values()
        ],
        "providers": [_provider(provider, language) for provider in inventory.providers.values()],
        "cookies": [cookie_as_json(cookie, words) for cookie in inventory.cookies],
    }
