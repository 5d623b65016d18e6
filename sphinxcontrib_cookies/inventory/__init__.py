"""The inventory: loading and checking the YAML file. Knows nothing of docutils or Sphinx."""

from .durations import Duration, parse_duration
from .loader import DEFAULT_MAX_BYTES, load_inventory, parse_inventory
from .model import (
    LEGAL_BASES,
    PARTIES,
    PROVIDER_ROLES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    TRANSFER_SAFEGUARDS,
    Category,
    Change,
    Controller,
    Cookie,
    CookieInventory,
    DataProtectionOfficer,
    LocalizedText,
    Provider,
    Representative,
)
from .problems import PROBLEM_KINDS, InventoryError, InventoryProblem

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LEGAL_BASES",
    "PARTIES",
    "PROBLEM_KINDS",
    "PROVIDER_ROLES",
    "STANDARD_CATEGORIES",
    "STORAGE_TYPES",
    "TRANSFER_SAFEGUARDS",
    "Category",
    "Change",
    "Controller",
    "Cookie",
    "CookieInventory",
    "DataProtectionOfficer",
    "Duration",
    "InventoryError",
    "InventoryProblem",
    "LocalizedText",
    "Provider",
    "Representative",
    "load_inventory",
    "parse_duration",
    "parse_inventory",
]
