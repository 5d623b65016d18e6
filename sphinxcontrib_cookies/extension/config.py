"""Configuration values, checked when the configuration is read: a bad one warns and falls back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..inventory import DEFAULT_MAX_BYTES
from ..render import COLUMNS, DEFAULT_COLUMNS
from ..translations import __

logger = logging.getLogger(__name__)


def _check_file(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return __("must be a path to a YAML file, relative to the source directory")


def _check_columns(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not value:
        return __("must be a non-empty list of column names")
    unknown = [column for column in value if column not in COLUMNS]
    if unknown:
        return __("has unknown columns %s; the columns are: %s") % (
            ", ".join(map(repr, unknown)),
            ", ".join(COLUMNS),
        )
    return None


def _check_labels(value: Any) -> str | None:
    if not isinstance(value, dict):
        return __("must be a dict of column name to label")
    unknown = [key for key in value if key not in COLUMNS]
    if unknown:
        return __("has unknown columns %s; the columns are: %s") % (
            ", ".join(map(repr, unknown)),
            ", ".join(COLUMNS),
        )
    if not all(isinstance(label, str) and label.strip() for label in value.values()):
        return __("must give a non-empty text label for each column")
    return None


def _check_size(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return __("must be a positive number of bytes")


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
        "Header labels that replace the built-in ones, by column name.",
    ),
    ConfigValue(
        "cookies_max_file_size",
        DEFAULT_MAX_BYTES,
        (int,),
        _check_size,
        "The largest inventory file read, in bytes.",
    ),
)


def check_config(app: Sphinx, config: Config) -> None:
    for value in CONFIG_VALUES:
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


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            "env",
            types=value.types,
            description=value.description,
        )
    app.connect("config-inited", check_config)
