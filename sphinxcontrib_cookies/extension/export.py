"""``cookies_export``: at the end of an HTML build, write the inventory for other programs:
``cookies.json``, ``cookieconsent-config.json`` and ``_static/cookieconsent-config.js``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..export import ExportWords, cookieconsent_config, cookieconsent_script, inventory_as_json
from ..inventory import PARTIES, STANDARD_CATEGORIES, STORAGE_TYPES
from ..render import COLUMNS, format_duration
from ..render.explanations import default_description, default_title
from ..render.labels import party_label, storage_label
from ..translations import _, __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_inventory

logger = logging.getLogger(__name__)

COOKIES_JSON = "cookies.json"
CONSENT_JSON = "cookieconsent-config.json"
CONSENT_SCRIPT = "_static/cookieconsent-config.js"


def _check_flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else __("must be True or False")


EXPORT_VALUES = (
    ConfigValue(
        "cookies_export",
        False,
        (bool,),
        _check_flag,
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
        "controller_title": str(_("Who is responsible for your data")),
    }


def export_words(app: Sphinx) -> ExportWords:
    language = app.config.language
    labels = app.config.cookies_column_labels
    return ExportWords(
        language=language,
        describe_duration=lambda duration: format_duration(duration, language),
        columns=COLUMNS,
        column_labels={name: column.header(labels) for name, column in COLUMNS.items()},
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
    )


def _write(path: Path, text: str) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        logger.warning(
            __("cannot write %s: %s"),
            path,
            error.strerror or error,
            type="cookies",
            subtype="export",
        )
        return False
    return True


def write_exports(app: Sphinx, exception: BaseException | None) -> None:
    builder = app.builder
    if exception is not None or not app.config.cookies_export:
        return
    if builder.format != "html" or getattr(builder, "embedded", False):
        return
    configured = configured_inventory(
        app, __("cookies_export is on, but the inventory (cookies_file) %s; nothing was exported")
    )
    if configured is None:
        return
    path, inventory = configured
    words = export_words(app)
    source = Path(os.path.relpath(path, app.srcdir)).as_posix()
    outdir = Path(builder.outdir)
    exported = inventory_as_json(inventory, words, source)
    config = cookieconsent_config(inventory, words, tuple(app.config.cookies_columns))
    written = [
        _write(outdir / COOKIES_JSON, json.dumps(exported, ensure_ascii=False, indent=2) + "\n"),
        _write(outdir / CONSENT_JSON, json.dumps(config, ensure_ascii=False, indent=2) + "\n"),
        _write(outdir / CONSENT_SCRIPT, cookieconsent_script(config)),
    ]
    if all(written):
        logger.info(
            __("cookies: exported %s, %s and %s"), COOKIES_JSON, CONSENT_JSON, CONSENT_SCRIPT
        )


def setup_export(app: Sphinx) -> None:
    add_config_values(app, EXPORT_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, EXPORT_VALUES))
    app.connect("build-finished", write_exports)
