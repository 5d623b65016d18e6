"""What the consent banner needs beyond the categories and tables of ``cookieconsent.py``: the
revision that asks every visitor again when the consent-relevant content changes, each
category's services (its providers), the Google Consent Mode types each category grants, and
the link to the policy page.

Plain Python, like the rest of ``export``: the glue gives the words and the policy page's
address (relative to the site's root), and writes the files.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..inventory import Cookie, CookieInventory, LocalizedText, Provider
from .cookieconsent import cookieconsent_config
from .words import ExportWords

#: The consent types a banner denies by default whenever one category names a consent type:
#: the four of Google Consent Mode v2, granted only by a category that names them.
CONSENT_MODE_DEFAULTS = ("ad_storage", "ad_user_data", "ad_personalization", "analytics_storage")
#: The key of the configuration that holds what the extension's start-up script reads;
#: cookieconsent ignores it.
OWN_KEY = "sphinxCookies"

_NOT_AN_ID = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class BannerSite:
    """What the project adds to the inventory: where the policy page is, relative to the root
    of the site (``policy.html``, ``policy/``), and the categories whose scripts the site holds
    until consent (the page is reloaded when one of them is withdrawn, to stop them)."""

    policy_uri: str | None = None
    scripted_categories: frozenset[str] = frozenset()


def _needs_consent(inventory: CookieInventory, category_id: str) -> bool:
    """When unsure, ask: a category needs consent unless it says it does not
    (``requires_consent: false``, or ``legal_basis: exempt``)."""
    return inventory.categories[category_id].needs_consent is not False


def _provider_key(provider: Provider | None) -> str | None:
    """A provider as the revision counts it: its id, or the name it was given in place."""
    if provider is None:
        return None
    return provider.id if provider.id is not None else f"named:{provider.name.resolve(None)}"


def consent_revision(inventory: CookieInventory) -> int:
    """A number that changes when what a visitor consents to changes, and only then: the
    categories and which of them need consent, the cookies of those that do (names, category,
    provider, party, type, domain) and the declared providers. Texts (titles, purposes,
    durations in words) and the order of the file do not count.

    cookieconsent asks again when the revision it stored with a visitor's choice differs from
    the configuration's; 48 bits of SHA-256 stay an exact JavaScript number."""
    content = {
        "categories": sorted(
            (category_id, _needs_consent(inventory, category_id))
            for category_id in inventory.categories
        ),
        "cookies": sorted(
            [
                sorted(cookie.names),
                cookie.category,
                _provider_key(cookie.provider) or "",
                cookie.party or "",
                cookie.type,
                cookie.domain or "",
            ]
            for cookie in inventory.cookies
            if cookie.category in inventory.categories
            and _needs_consent(inventory, cookie.category)
        ),
        "providers": sorted(inventory.providers),
    }
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return int(hashlib.sha256(encoded).hexdigest()[:12], 16)


def service_id(provider: Provider) -> str:
    """The id of a provider's service in cookieconsent: its id, or its name as an id."""
    if provider.id is not None:
        return provider.id
    return _NOT_AN_ID.sub("-", provider.name.resolve(None).lower()).strip("-") or "provider"


def category_services(
    cookies: Iterable[Cookie], name_of: Callable[[LocalizedText], str]
) -> dict[str, dict[str, str]]:
    """A category's providers as cookieconsent services, in the order their cookies come, so
    that a visitor can refuse one provider (a video site's embeds) and keep the others."""
    services: dict[str, dict[str, str]] = {}
    for cookie in cookies:
        provider = cookie.provider
        if provider is None:
            continue
        key = service_id(provider)
        label = html.escape(name_of(provider.name), quote=True)
        if services.get(key, {"label": label})["label"] != label:  # two names, one id
            key = f"{key}-{len(services) + 1}"
        services.setdefault(key, {"label": label})
    return services


def consent_mode(inventory: CookieInventory) -> dict[str, list[str]]:
    """Each category that needs consent and names Google Consent Mode types: those types."""
    return {
        category_id: list(category.consent_mode)
        for category_id, category in inventory.categories.items()
        if category.consent_mode and _needs_consent(inventory, category_id)
    }


def _policy_link(uri: str, words: ExportWords) -> str:
    text = html.escape(words.banner.get("policy_link", ""), quote=True)
    return f' <a class="cc__link" href="{html.escape(uri, quote=True)}">{text}</a>'


def _add_categories(
    config: dict[str, Any], inventory: CookieInventory, site: BannerSite, words: ExportWords
) -> None:
    """Services for each category that needs consent; a page reload when a category whose
    scripts ran is withdrawn, since a script that ran cannot be stopped otherwise."""
    for category_id, category in config["categories"].items():
        if category.get("readOnly"):
            continue
        services = category_services(inventory.cookies_in(category_id), words.inventory_text)
        if services:
            category["services"] = services
        if category_id in site.scripted_categories:
            category.setdefault("autoClear", {"cookies": []})["reloadPage"] = True


def banner_config(
    inventory: CookieInventory, words: ExportWords, columns: Sequence[str], site: BannerSite
) -> dict[str, Any]:
    """The cookieconsent configuration of ``cookieconsent_config``, with the revision, the
    services, the language of the page, the link to the policy page, and what the extension's
    start-up script reads (Consent Mode, the policy page) under ``sphinxCookies``."""
    config = cookieconsent_config(inventory, words, columns)
    config["revision"] = consent_revision(inventory)
    _add_categories(config, inventory, site, words)
    config["language"]["autoDetect"] = "document"
    revision_message = html.escape(words.banner.get("revision_message", ""), quote=True)
    for translation in config["language"]["translations"].values():
        modal = translation["consentModal"]
        if site.policy_uri is not None:
            modal["description"] += _policy_link(site.policy_uri, words)
        modal["description"] += "{{revisionMessage}}"
        modal["revisionMessage"] = f"<br><br>{revision_message}"
    own: dict[str, Any] = {"policyUri": site.policy_uri}
    modes = consent_mode(inventory)
    if modes:
        own["consentMode"] = modes
        own["consentModeDefaults"] = sorted(
            set(CONSENT_MODE_DEFAULTS).union(*(set(types) for types in modes.values()))
        )
    config[OWN_KEY] = own
    return config


#: Appended to the configuration's script: the policy link of a page below the root (or in
#: ``dirhtml``'s folders) must point up to it, and only the script knows where it was loaded
#: from (``_static/``, one level below the root).
SITE_SCRIPT = """\
(function (config) {
  "use strict";
  var own = config.%(own)s || {};
  var script = document.currentScript;
  if (typeof own.policyUri !== "string" || !script || !script.src) {
    return;
  }
  var escape = function (text) {  // as Python's html.escape
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  };
  var written = 'href="' + escape(own.policyUri) + '"';
  var resolved = 'href="' + escape(new URL(own.policyUri, new URL("../", script.src)).href) + '"';
  Object.keys(config.language.translations).forEach(function (language) {
    var modal = config.language.translations[language].consentModal;
    modal.description = modal.description.split(written).join(resolved);
  });
})(window.%(name)s);
"""


def site_script(global_name: str) -> str:
    """The script that points the policy link of ``window.<global_name>`` at the policy
    page, from whichever page the configuration is loaded."""
    return SITE_SCRIPT % {"own": OWN_KEY, "name": global_name}
