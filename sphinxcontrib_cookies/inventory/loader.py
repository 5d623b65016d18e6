"""Reading an inventory file into a CookieInventory, with every problem located at its line.

This module turns bytes into YAML nodes, within the limits a hostile file could test;
``format_reader.py`` reads the nodes by the format's declaration (``fields.py``).
"""

from __future__ import annotations

from pathlib import Path

from .declaration import Format
from .fields import FORMAT
from .format_reader import InventoryReader, quoted_keys
from .model import CookieInventory
from .problems import InventoryError, InventoryProblem
from .reader import TooManyProblems
from .yamltree import compose

#: Files larger than this are refused unless the caller allows more.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: The deepest values the reader looks into: the top level is at 0, 'cookies' at 1, an entry
#: at 2, its fields at 3 and the texts of a translated field at 4. Deeper content is checked
#: by the YAML layer but not kept.
READ_DEPTH = 4


def parse_inventory(data: bytes, path: str, *, declaration: Format = FORMAT) -> CookieInventory:
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
    root, problems = compose(text, path, keep_depth=READ_DEPTH)
    if root is None:
        required = quoted_keys(declaration.top_level.required_keys)
        raise InventoryError(
            InventoryProblem(path, 1, "empty", f"the inventory is empty; add at least {required}")
        )
    reader = InventoryReader(path, len(data), declaration)
    reader.problems.extend(problems)
    try:
        return reader.read(root)
    except TooManyProblems:
        return reader.inventory()


def load_inventory(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    raised_by: str = "cookies_max_file_size",
) -> CookieInventory:
    """Read an inventory file; raise InventoryError when it cannot be read at all.
    ``raised_by`` names what raises the size limit, for the message."""
    location = str(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InventoryError(
            InventoryProblem(location, 0, "file", "the inventory file does not exist")
        ) from None
    except OSError as error:
        raise InventoryError(
            InventoryProblem(location, 0, "file", f"the inventory file cannot be read: {error}")
        ) from None
    if len(data) > max_bytes:
        raise InventoryError(
            InventoryProblem(
                location,
                1,
                "limit",
                f"the file is larger than {max_bytes:,} bytes; split it, or raise the "
                f"limit ({raised_by})",
            )
        )
    return parse_inventory(data, location)
