"""Parsed inventories kept beside the doctrees, by the content they were parsed from.

A rebuild that reads again a page showing a table needs the inventory, though the file has not
changed: the commonest edit of a policy page, its prose. Parsing the Open Cookie Database takes
about ten times as long as loading its parse back (0.11 s against 0.013 s), and at 100,000
cookies several seconds. So each file's parse is kept in ``cookies-parsed/`` in the doctree
folder, one per file, under a key made of the digest of the file's content and of everything
else that shapes a parse: the source of the loader (``inventory/``, so that a changed loader
never meets an older parse, released or not), the limits, the Public Suffix List's version,
PyYAML's and Python's. A file whose key differs is parsed again, and its copy replaced.

It is a cache: a missing, unreadable or foreign copy only means parsing the file again. The
copies are pickles, as Sphinx's own ``environment.pickle`` beside them is, and trusted as much:
whoever can write the doctree folder can already change what Sphinx loads from it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

import yaml
from sphinx.util import logging

from .. import __version__, inventory
from ..inventory import CookieInventory, InventoryLimits, InventoryProblem
from ..inventory.sites import suffix_list_version

logger = logging.getLogger(__name__)

FOLDER = "cookies-parsed"
#: Raised when what a copy holds changes meaning, so that older copies are ignored.
PARSED_VERSION = 1

Parsed = CookieInventory | InventoryProblem


@functools.cache
def loader_digest() -> str:
    """The digest of the loader's source, which makes the model a parse holds (once a
    process: about a millisecond)."""
    sha = hashlib.sha256()
    for module in sorted(Path(inventory.__file__).parent.glob("*.py")):
        sha.update(module.name.encode("utf-8") + b"\0" + module.read_bytes())
    return sha.hexdigest()


def parse_key(digest: str, limits: InventoryLimits) -> str:
    """What a parse of the content with this ``digest`` depends on, as one digest."""
    shaping = (
        PARSED_VERSION,
        digest,
        __version__,
        loader_digest(),
        repr(limits),
        suffix_list_version(),
        yaml.__version__,
        getattr(yaml, "__with_libyaml__", False),
        sys.version_info[:2],
    )
    return hashlib.sha256(repr(shaping).encode("utf-8")).hexdigest()


class ParsedCopies:
    """The parses kept in one doctree folder."""

    def __init__(self, doctree_folder: Path) -> None:
        self.folder = doctree_folder / FOLDER

    def _name(self, path: str) -> str:
        return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _copy(self, path: str, key: str) -> Path:
        return self.folder / f"{self._name(path)}-{key[:32]}.pickle"

    def get(self, path: str, key: str) -> Parsed | None:
        """The parse of ``path`` kept under ``key``, if there is one that loads."""
        copy = self._copy(path, key)
        try:
            data = copy.read_bytes()
        except OSError:
            return None
        try:
            stored_path, stored_key, parsed = pickle.loads(data)
        except Exception:  # a truncated or foreign copy may fail in any way: parse again
            stored_path = stored_key = parsed = None
        if stored_path != path or stored_key != key or not isinstance(parsed, Parsed):
            self._remove(copy)
            return None
        return parsed

    def put(self, path: str, key: str, parsed: Parsed) -> None:
        """Keep the parse of ``path`` under ``key``, in place of any earlier one."""
        copy = self._copy(path, key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for earlier in self.folder.glob(f"{self._name(path)}-*.pickle"):
                if earlier != copy:
                    self._remove(earlier)
            temporary = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps((path, key, parsed), pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, copy)
        except (OSError, pickle.PicklingError) as error:
            logger.verbose("cookies: could not keep the parse of %s: %s", path, error)

    @staticmethod
    def _remove(copy: Path) -> None:
        with contextlib.suppress(OSError):
            copy.unlink()
