"""The inventory: loading and checking the YAML file. Knows nothing of docutils or Sphinx."""

from .durations import Duration, parse_duration
from .loader import DEFAULT_MAX_BYTES, load_inventory, parse_inventory
from .model import (
    LANGUAGE_CODE,
    PARTIES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    Category,
    Cookie,
    CookieInventory,
    LocalizedText,
    Provider,
)
from .problems import PROBLEM_KINDS, InventoryError, InventoryProblem

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LANGUAGE_CODE",
    "PARTIES",
    "PROBLEM_KINDS",
    "STANDARD_CATEGORIES",
    "STORAGE_TYPES",
    "Category",
    "Cookie",
    "CookieInventory",
    "Duration",
    "InventoryError",
    "InventoryProblem",
    "LocalizedText",
    "Provider",
    "load_inventory",
    "parse_duration",
    "parse_inventory",
]
