"""``cookies_export``: the inventory for other programs, ``cookies.json`` and
``cookieconsent-config.json`` (and ``_static/cookieconsent-config.js``), which ``site_files.py``
writes in HTML builds; and the words every export and the banner need, in the build
language."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..export import ExportWords, inventory_as_json
from ..inventory import PARTIES, STANDARD_CATEGORIES, STORAGE_TYPES, CookieInventory
from ..render import COLUMNS, format_duration, project_labels
from ..render.explanations import default_description, default_title
from ..render.labels import party_label, storage_label
from ..translations import _
from .config import ConfigValue, add_config_values, check_flag, check_values

COOKIES_JSON = "cookies.json"
CONSENT_JSON = "cookieconsent-config.json"
CONSENT_SCRIPT = "_static/cookieconsent-config.js"


EXPORT_VALUES = (
    ConfigValue(
        "cookies_export",
        False,
        (bool,),
        check_flag,
        "Write cookies.json and the cookieconsent v3 configuration in HTML builds.",
    ),
)


def banner_texts() -> dict[str, str]:
    """The consent banner's own words; every site will want to reword some of them."""
    return {
        "consent_title": str(_("This site uses cookies")),
        "consent_description": str(
            _(
                "Some cookies are needed for the site to work. Others are set only if you "
                "accept them."
            )
        ),
        "accept_all": str(_("Accept all")),
        "accept_necessary": str(_("Refuse all")),
        "show_preferences": str(_("Customise")),
        "preferences_title": str(_("Cookie preferences")),
        "save_preferences": str(_("Save my choices")),
        "close": str(_("Close")),
        "policy_link": str(_("Read our cookie policy")),
        "revision_message": str(
            _(
                "The cookies this site uses have changed since your last choice: please choose "
                "again."
            )
        ),
        "controller_title": str(_("Who is responsible for your data")),
    }


def export_words(app: Sphinx, catalog: Callable[[str], str] | None = None) -> ExportWords:
    """The words of the exports and the banner; ``catalog`` translates the inventory's texts,
    as the project's gettext catalog of the policy page does."""
    language = app.config.language
    labels = project_labels(app.config.cookies_column_labels)
    return ExportWords(
        language=language,
        describe_duration=lambda duration: format_duration(duration, language),
        columns=COLUMNS,
        column_labels={name: column.header(labels, language) for name, column in COLUMNS.items()},
        party_labels={party: party_label(party) for party in PARTIES},
        storage_labels={storage: storage_label(storage) for storage in STORAGE_TYPES},
        banner=banner_texts(),
        category_titles={
            category_id: title
            for category_id in STANDARD_CATEGORIES
            if (title := default_title(category_id)) is not None
        },
        category_descriptions={
            category_id: description
            for category_id in STANDARD_CATEGORIES
            if (description := default_description(category_id)) is not None
        },
        catalog=catalog,
    )


def export_files(
    app: Sphinx, path: str, inventory: CookieInventory, words: ExportWords, config: dict[str, Any]
) -> dict[str, str]:
    """``cookies.json`` and ``cookieconsent-config.json`` (``config``), by their path in the
    output."""
    source = Path(os.path.relpath(path, app.srcdir)).as_posix()
    exported = inventory_as_json(inventory, words, source)
    return {
        COOKIES_JSON: json.dumps(exported, ensure_ascii=False, indent=2) + "\n",
        CONSENT_JSON: json.dumps(config, ensure_ascii=False, indent=2) + "\n",
    }


def setup_export(app: Sphinx) -> None:
    add_config_values(app, EXPORT_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, EXPORT_VALUES))
