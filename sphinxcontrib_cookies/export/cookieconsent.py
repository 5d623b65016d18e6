"""The configuration of the consent banner orestbida/cookieconsent v3, from the inventory:
its ``categories`` (``readOnly`` for those that need no consent, ``autoClear`` with the names
and patterns to erase when a visitor refuses) and the cookie tables of its preferences modal.

cookieconsent puts every text it is given into the page as HTML, so every text from the
inventory is escaped here. A pattern (``_ga_*``) cannot be a regular expression in JSON: an
``autoClear`` item carries it as ``pattern``, and ``cookieconsent_script`` turns it into a
``RegExp`` in the browser.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from ..inventory import Controller, Cookie, CookieInventory
from ..inventory.names import is_pattern, name_regex
from ..inventory.sites import is_public_suffix
from .words import ExportWords

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _html(text: str) -> str:
    """Plain text as HTML: escaped, paragraphs kept apart with a blank line."""
    blocks = [" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text.strip())]
    return "<br><br>".join(html.escape(block, quote=True) for block in blocks if block)


def _clear_items(cookies: Sequence[Cookie]) -> list[dict[str, str]]:
    """What to erase when the category is refused. Only cookies the page itself can erase:
    not third-party ones, and not local storage, which cookieconsent does not clear. A cookie
    is erased on its ``domain``, unless that is a public suffix (``.github.io``), which no
    browser sets a cookie for nor lets a page erase on: then on the page's own host."""
    items = []
    for cookie in cookies:
        if cookie.type != "cookie" or cookie.party == "third":
            continue
        for name in cookie.names:
            item = {"name": name}
            if is_pattern(name):
                item["pattern"] = name_regex(name)
            if cookie.domain and not is_public_suffix(cookie.domain):
                item["domain"] = cookie.domain
            items.append(item)
    return items


def _cookie_table(
    inventory: CookieInventory, cookies: Sequence[Cookie], words: ExportWords, names: Sequence[str]
) -> dict[str, Any]:
    """A category's table in the preferences modal: the columns of the policy's tables."""
    columns = [(name, words.columns[name]) for name in names]
    return {
        "headers": {name: html.escape(words.column_labels[name]) for name, _ in columns},
        "body": [
            {name: _html(column.text(cookie, inventory, words)) for name, column in columns}
            for cookie in cookies
        ],
    }


def _controller_section(controller: Controller, words: ExportWords) -> dict[str, str]:
    """Who is responsible for the data, and how to reach them, after the categories."""
    lines = [html.escape(controller.name.resolve(words.language), quote=True)]
    for text, target in ((controller.email, "mailto:"), (controller.contact_url, "")):
        if text:
            escaped = html.escape(text, quote=True)
            lines.append(f'<a href="{target}{escaped}">{escaped}</a>')
    title = html.escape(words.banner.get("controller_title", ""), quote=True)
    return {"title": title, "description": "<br>".join(lines)}


def cookieconsent_config(
    inventory: CookieInventory, words: ExportWords, columns: Sequence[str]
) -> dict[str, Any]:
    """A category that needs no consent (``requires_consent: false``, or ``legal_basis:
    exempt``) is read-only; any other asks for consent: when unsure, ask."""
    language = words.language or "en"
    banner = {key: html.escape(value, quote=True) for key, value in words.banner.items()}
    categories: dict[str, Any] = {}
    sections: list[dict[str, Any]] = []
    for category_id, category in inventory.categories.items():
        cookies = inventory.cookies_in(category_id)
        if category.needs_consent is False:
            categories[category_id] = {"enabled": True, "readOnly": True}
        else:
            erase = _clear_items(cookies)
            categories[category_id] = {"autoClear": {"cookies": erase}} if erase else {}
        section: dict[str, Any] = {
            "title": _html(words.category_title(category)),
            "description": _html(words.category_description(category)),
            "linkedCategory": category_id,
        }
        if cookies:
            section["cookieTable"] = _cookie_table(inventory, cookies, words, columns)
        sections.append(section)
    if inventory.controller is not None:
        sections.append(_controller_section(inventory.controller, words))
    return {
        "categories": categories,
        "language": {
            "default": language,
            "translations": {
                language: {
                    "consentModal": {
                        "title": banner.get("consent_title", ""),
                        "description": banner.get("consent_description", ""),
                        "acceptAllBtn": banner.get("accept_all", ""),
                        "acceptNecessaryBtn": banner.get("accept_necessary", ""),
                        "showPreferencesBtn": banner.get("show_preferences", ""),
                    },
                    "preferencesModal": {
                        "title": banner.get("preferences_title", ""),
                        "acceptAllBtn": banner.get("accept_all", ""),
                        "acceptNecessaryBtn": banner.get("accept_necessary", ""),
                        "savePreferencesBtn": banner.get("save_preferences", ""),
                        "closeIconLabel": banner.get("close", ""),
                        "sections": sections,
                    },
                }
            },
        },
    }


#: The global variable the script defines.
SCRIPT_GLOBAL = "sphinxCookiesConsentConfig"

_SCRIPT = """\
/* The cookieconsent v3 configuration made by sphinxcontrib-cookies from the cookie inventory.
   Written at each build: edit the inventory, not this file. Use it with
   CookieConsent.run(window.%(name)s); */
window.%(name)s = (function (config) {
  "use strict";
  Object.keys(config.categories).forEach(function (id) {
    var autoClear = config.categories[id].autoClear;
    (autoClear ? autoClear.cookies : []).forEach(function (cookie) {
      if (cookie.pattern) {
        cookie.name = new RegExp(cookie.pattern);
        delete cookie.pattern;
      }
    });
  });
  return config;
})(%(config)s);
"""


def cookieconsent_script(config: dict[str, Any]) -> str:
    """The configuration as a script that defines ``window.sphinxCookiesConsentConfig``, with
    patterns turned into regular expressions."""
    data = json.dumps(config, ensure_ascii=False, indent=2)
    for char, escape in (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        data = data.replace(char, escape)
    return _SCRIPT % {"name": SCRIPT_GLOBAL, "config": data}
