"""The words the extension itself writes into documents, all translatable."""

from __future__ import annotations

from ..translations import _

#: Every column a table can show, in the order the format lists them.
COLUMNS = (
    "name",
    "provider",
    "function",
    "purpose",
    "duration",
    "party",
    "type",
    "domain",
    "category",
)
DEFAULT_COLUMNS = ("name", "provider", "purpose", "duration")


def column_label(column: str) -> str:
    labels = {
        "name": _("Cookie name(s)"),
        "provider": _("Provider"),
        "function": _("Function"),
        "purpose": _("Purpose"),
        "duration": _("Duration"),
        "party": _("Party"),
        "type": _("Type"),
        "domain": _("Domain"),
        "category": _("Category"),
    }
    return str(labels[column])


def party_label(party: str) -> str:
    return str(_("First party") if party == "first" else _("Third party"))


def storage_label(storage: str) -> str:
    labels = {
        "cookie": _("Cookie"),
        "local-storage": _("Local storage"),
        "session-storage": _("Session storage"),
        "indexeddb": _("IndexedDB"),
        "pixel": _("Tracking pixel"),
    }
    return str(labels[storage])


def consent_sentence(requires_consent: bool) -> str:
    if requires_consent:
        return str(_("These cookies are set only with your consent."))
    return str(_("These cookies do not require your consent."))
