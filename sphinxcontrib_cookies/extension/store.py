"""The inventories one build reads, each parsed and reported on once.

Parsed inventories live in an :class:`InventoryStore` that the build owns (the ``cookies``
domain holds it, see ``domain.py``), never in the pickled environment: the environment keeps
only each file's content digest per document, which is what decides whether a document is out
of date.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sphinx.util import logging

from ..inventory import (
    DEFAULT_LIMITS,
    CookieInventory,
    InventoryError,
    InventoryLimits,
    InventoryProblem,
    parse_inventory,
)
from ..inventory.files import read_inventory_file, unread_digest
from ..translations import __

logger = logging.getLogger(__name__)

#: The digest recorded for a file that does not exist, so that creating it counts as a change.
MISSING = "missing"


@dataclass(frozen=True)
class LoadedFile:
    path: str
    digest: str
    parsed: CookieInventory | InventoryProblem | None = None  # None: the file is missing

    @property
    def missing(self) -> bool:
        return self.digest == MISSING

    @property
    def inventory(self) -> CookieInventory | None:
        return self.parsed if isinstance(self.parsed, CookieInventory) else None

    @property
    def problems(self) -> tuple[InventoryProblem, ...]:
        if isinstance(self.parsed, InventoryProblem):
            return (self.parsed,)
        return self.parsed.problems if self.parsed is not None else ()


class InventoryStore:
    """The inventory files of one build, each read, parsed and reported on the first time the
    build asks for it.

    One build owns it: Sphinx never pickles it (it hangs off a domain, and the environment
    drops its domains when pickled), ``-j`` readers inherit what the main process loaded before
    they forked, and the build clears it when it finishes, so that the next build reads (and
    reports on) every file afresh. Within a build a file is read once, so every page shows the
    same content of it, the one whose digest the environment records.
    """

    def __init__(self) -> None:
        self._files: dict[str, LoadedFile] = {}

    def load(
        self, path: str, max_bytes: int, limits: InventoryLimits = DEFAULT_LIMITS
    ) -> LoadedFile:
        """The inventory at ``path`` (normalized), reporting its problems the first time."""
        loaded = self._files.get(path)
        if loaded is None:
            loaded = self._files[path] = _read(path, max_bytes, limits)
            for problem in loaded.problems:
                report(problem)
        return loaded

    def clear(self) -> None:
        self._files.clear()


def file_location(path: str, line: int | None = None) -> str:
    """A warning's location in a file that is not a document.

    Sphinx reads a location without ``:`` (or a ``(name, line)`` pair) as a document name and
    prints it as ``name.rst``; ``"path:"``, its own form for a place without a line, is printed
    as written (``path:: WARNING: ...``).
    """
    return f"{path}:{line}" if line else f"{path}:"


def report(problem: InventoryProblem) -> None:
    location = file_location(problem.path, problem.line)
    logger.warning(problem.message, type="cookies", subtype=problem.kind, location=location)


def digest_of(path: str, max_bytes: int) -> str:
    """The digest the store records for the file at ``path`` as it is now."""
    return _read(path, max_bytes, None).digest


def _read(path: str, max_bytes: int, limits: InventoryLimits | None) -> LoadedFile:
    """The file read within its limit, and parsed: a file that is not read (too large, not a
    file, a loop of links) is never hashed, its digest stands for its kind, size and time.
    Without ``limits``, the file is hashed but not parsed."""
    try:
        data = read_inventory_file(path, max_bytes)
    except FileNotFoundError:
        return LoadedFile(path, MISSING)
    except InventoryError as error:
        return LoadedFile(path, unread_digest(path), error.problem)
    digest = hashlib.sha256(data).hexdigest()
    if limits is None:
        return LoadedFile(path, digest)
    logger.verbose(__("parsing cookie inventory %s"), path)
    try:
        parsed: CookieInventory | InventoryProblem = parse_inventory(data, path, limits=limits)
    except InventoryError as error:
        parsed = error.problem
    return LoadedFile(path, digest, parsed)
