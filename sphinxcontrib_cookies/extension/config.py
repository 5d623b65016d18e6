"""Configuration values, checked when the configuration is read: a bad one warns and falls back."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..inventory import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, LANGUAGE_CODE, InventoryLimits
from ..render import COLUMNS, DEFAULT_COLUMNS
from ..translations import __

logger = logging.getLogger(__name__)


def _check_file(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return __("must be a path to a YAML file, relative to the source directory")


def _unknown_columns(names: Iterable[Any]) -> str | None:
    unknown = [name for name in names if name not in COLUMNS]
    if not unknown:
        return None
    return __("has unknown columns %s; the columns are: %s") % (
        ", ".join(map(repr, unknown)),
        ", ".join(COLUMNS),
    )


def _check_columns(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not value:
        return __("must be a non-empty list of column names")
    return _unknown_columns(value)


def _is_label(label: Any) -> bool:
    """A non-empty text, or a non-empty dict of language codes to non-empty texts."""
    if isinstance(label, str):
        return bool(label.strip())
    return (
        isinstance(label, dict)
        and bool(label)
        and all(
            isinstance(code, str)
            and LANGUAGE_CODE.fullmatch(code) is not None
            and isinstance(text, str)
            and bool(text.strip())
            for code, text in label.items()
        )
    )


def _check_labels(value: Any) -> str | None:
    if not isinstance(value, dict):
        return __("must be a dict of column name to label")
    unknown = _unknown_columns(value)
    if unknown:
        return unknown
    if not all(_is_label(label) for label in value.values()):
        return __(
            "must give each column a non-empty label, or a dict of language codes to labels "
            "such as {'en': 'Purposes', 'fr': 'Finalités'}"
        )
    return None


def _check_size(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return __("must be a positive number of bytes")


def _check_count(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return __("must be a positive whole number")


def check_flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else __("must be True or False")


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    types: tuple[type, ...]
    check: Callable[[Any], str | None]
    description: str


CONFIG_VALUES = (
    ConfigValue(
        "cookies_file",
        "cookies.yaml",
        (str,),
        _check_file,
        "The inventory that directives read when they name no file.",
    ),
    ConfigValue(
        "cookies_columns",
        list(DEFAULT_COLUMNS),
        (list, tuple),
        _check_columns,
        "The columns a cookie-table shows when it has no :columns: option.",
    ),
    ConfigValue(
        "cookies_column_labels",
        {},
        (dict,),
        _check_labels,
        "Header labels that replace the built-in ones, by column name: a text, or a text per "
        "language.",
    ),
    ConfigValue(
        "cookies_max_file_size",
        DEFAULT_MAX_BYTES,
        (int,),
        _check_size,
        "The largest inventory file read, in bytes.",
    ),
    ConfigValue(
        "cookies_max_name_length",
        DEFAULT_LIMITS.name_length,
        (int,),
        _check_count,
        "The longest cookie name, in characters; a longer one is cut short.",
    ),
    ConfigValue(
        "cookies_max_text_length",
        DEFAULT_LIMITS.text_length,
        (int,),
        _check_count,
        "The longest text (a purpose, a description, in one language), in characters; a "
        "longer one is cut short.",
    ),
    ConfigValue(
        "cookies_max_names_per_entry",
        DEFAULT_LIMITS.names_per_entry,
        (int,),
        _check_count,
        "The most names in one entry's 'names'; the rest are left out.",
    ),
    ConfigValue(
        "cookies_max_entries",
        DEFAULT_LIMITS.entries,
        (int,),
        _check_count,
        "The most cookie entries (and categories, and providers) in one inventory file; the "
        "rest are left out.",
    ),
    ConfigValue(
        "cookies_pack_tables",
        True,
        (bool,),
        check_flag,
        "Keep the rows of cookie tables packed from reading a page to writing it in HTML; "
        "False leaves them as docutils nodes for other extensions to read at write time.",
    ),
)


def inventory_limits(config: Config) -> InventoryLimits:
    """The limits the configuration sets on what an inventory holds."""
    return InventoryLimits(
        name_length=config.cookies_max_name_length,
        text_length=config.cookies_max_text_length,
        names_per_entry=config.cookies_max_names_per_entry,
        entries=config.cookies_max_entries,
    )


def check_values(config: Config, values: Iterable[ConfigValue]) -> None:
    for value in values:
        problem = value.check(config[value.name])
        if problem is not None:
            logger.warning(
                __("%s %s; using the default %r"),
                value.name,
                problem,
                value.default,
                type="cookies",
                subtype="config",
            )
            setattr(config, value.name, value.default)


def check_config(app: Sphinx, config: Config) -> None:
    check_values(config, CONFIG_VALUES)


def add_config_values(app: Sphinx, values: Iterable[ConfigValue], rebuild: str = "env") -> None:
    for value in values:
        app.add_config_value(
            value.name,
            value.default,
            rebuild,  # type: ignore[arg-type]
            types=value.types,
            description=value.description,
        )


def setup_config(app: Sphinx) -> None:
    add_config_values(app, CONFIG_VALUES)
    app.connect("config-inited", check_config)
