"""The words the extension itself writes into documents, all translatable (the column labels
are declared with their columns, in ``columns.py``)."""

from __future__ import annotations

from ..translations import _


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
