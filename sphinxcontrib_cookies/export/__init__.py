"""Exports of an inventory for other programs: ``cookies.json`` and the configuration of the
cookieconsent v3 banner. Plain Python: no docutils, no Sphinx; the caller gives the words."""

from .cookieconsent import SCRIPT_GLOBAL, cookieconsent_config, cookieconsent_script
from .cookies_json import EXPORT_FORMAT, cookie_as_json, inventory_as_json
from .words import BANNER_KEYS, ExportColumn, ExportWords, iso_duration

__all__ = [
    "BANNER_KEYS",
    "EXPORT_FORMAT",
    "SCRIPT_GLOBAL",
    "ExportColumn",
    "ExportWords",
    "cookie_as_json",
    "cookieconsent_config",
    "cookieconsent_script",
    "inventory_as_json",
    "iso_duration",
]
