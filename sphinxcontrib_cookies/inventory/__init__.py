"""The inventory: loading and checking the YAML file. Knows nothing of docutils or Sphinx."""

from .durations import Duration, parse_duration
from .limits import DEFAULT_LIMITS, InventoryLimits
from .loader import DEFAULT_MAX_BYTES, load_inventory, parse_inventory
from .model import (
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
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_BYTES",
    "PARTIES",
    "PROBLEM_KINDS",
    "STANDARD_CATEGORIES",
    "STORAGE_TYPES",
    "Category",
    "Cookie",
    "CookieInventory",
    "Duration",
    "InventoryError",
    "InventoryLimits",
    "InventoryProblem",
    "LocalizedText",
    "Provider",
    "load_inventory",
    "parse_duration",
    "parse_inventory",
]
