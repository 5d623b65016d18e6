"""Reading an inventory file into a CookieInventory, with every problem located at its line.

This module turns bytes into YAML nodes, within the limits a hostile file could test;
``format_reader.py`` reads the nodes by the format's declaration (``fields.py``).
"""

from __future__ import annotations

from pathlib import Path

from .collector import collector_paused
from .declaration import Format
from .fields import FORMAT
from .files import DEFAULT_MAX_BYTES, read_inventory_file
from .format_reader import InventoryReader
from .hints import quoted_keys
from .limits import DEFAULT_LIMITS, InventoryLimits
from .model import CookieInventory
from .problems import InventoryError, InventoryProblem
from .yamltree import compose

__all__ = ["DEFAULT_MAX_BYTES", "READ_DEPTH", "load_inventory", "parse_inventory"]

#: The deepest values the reader looks into: the top level is at 0, 'cookies' at 1, an entry
#: at 2, its fields at 3 and the texts of a translated field at 4. Deeper content is checked
#: by the YAML layer but not kept.
READ_DEPTH = 4


def parse_inventory(
    data: bytes,
    path: str,
    *,
    declaration: Format = FORMAT,
    limits: InventoryLimits = DEFAULT_LIMITS,
) -> CookieInventory:
    """Read an inventory from the bytes of a file; ``path`` is used in problems only."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InventoryError(
            InventoryProblem(
                path,
                line,
                "encoding",
                f"the file is not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); "
                "save it as UTF-8",
            )
        ) from None
    with collector_paused():
        inventory = _read(text, path, len(data), declaration, limits)
    return inventory


def _read(
    text: str, path: str, size: int, declaration: Format, limits: InventoryLimits
) -> CookieInventory:
    """The parse itself. Its own function, so that the YAML tree (millions of objects in a
    large file) is gone when it returns, before the collector is restored: the collector's
    first pass after the pause would otherwise walk all of it (0.5 s at 100,000 cookies)."""
    root, problems = compose(text, path, keep_depth=READ_DEPTH)
    if root is None:
        required = quoted_keys(declaration.top_level.required_keys)
        raise InventoryError(
            InventoryProblem(path, 1, "empty", f"the inventory is empty; add at least {required}")
        )
    reader = InventoryReader(path, size, declaration, limits)
    reader.problems.extend(problems)
    return reader.read(root)


def load_inventory(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: InventoryLimits = DEFAULT_LIMITS,
    raised_by: str = "cookies_max_file_size",
) -> CookieInventory:
    """Read an inventory file; raise InventoryError when it cannot be read at all (see
    ``files.read_inventory_file`` for what is refused before it is read). ``raised_by`` names
    what raises the size limit, for the message."""
    location = str(path)
    try:
        data = read_inventory_file(location, max_bytes, f"raise the limit ({raised_by})")
    except FileNotFoundError:
        raise InventoryError(
            InventoryProblem(location, 0, "file", "the inventory file does not exist")
        ) from None
    return parse_inventory(data, location, limits=limits)
