"""The inventories one build reads, each parsed and reported on once.

Parsed inventories live in an :class:`InventoryStore` that the build owns (the ``cookies``
domain holds it, see ``domain.py``), never in the pickled environment: the environment keeps
only, per document, the digests of the file and of the slices of it that the document shows,
which is what decides whether a document is out of date (``events.py``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

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
from ..inventory.slices import InventorySlice
from ..translations import __
from .memo import ContentMemo, KeptProblem, kept
from .parsed import ParsedCopies, parse_key

logger = logging.getLogger(__name__)

#: The digest recorded for a file that does not exist, so that creating it counts as a change.
MISSING = "missing"


@dataclass(frozen=True)
class Copies:
    """The parses kept beside the doctrees, and whether to keep a new one of a content."""

    kept: ParsedCopies
    keep: Callable[[str], bool]


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

    def slice_digest(self, part: InventorySlice) -> str:
        """The digest of what a page shows of this file: of the slice, when the file could be
        parsed; else of the file's state (missing, unreadable, or this broken content). A page
        that shows every entry is as good as shown the whole file: its digest is the file's,
        which costs nothing to take again."""
        inventory = self.inventory
        if inventory is None or part.every_entry:
            return self.digest
        return part.digest(inventory)


class InventoryStore:
    """The inventory files of one build, each read, parsed and reported on the first time the
    build asks for it.

    One build owns it: Sphinx never pickles it (it hangs off a domain, and the environment
    drops its domains when pickled), ``-j`` readers inherit what the main process loaded before
    they forked, and the build clears it when it finishes, so that the next build reads (and
    reports on) every file afresh. Within a build a file is read once, so every page shows the
    same content of it, the one whose digest the environment records.

    A file's problems are reported once per build, by the main process: a ``-j`` reader that
    parses a file keeps them (``take_unreported``) for the main process to report once the
    readers are done, however many of them parsed it.
    """

    def __init__(self, memo_folder: Path) -> None:
        self._files: dict[str, LoadedFile] = {}
        self._digests: dict[str, str] = {}
        self._reported: set[str] = set()
        self._unreported: dict[str, tuple[str, tuple[KeptProblem, ...]]] = {}
        self._main_process = os.getpid()
        #: What earlier builds learned of each file's content (``memo.py``).
        self.memo = ContentMemo(memo_folder)
        #: The parses earlier builds made, by content (``parsed.py``).
        self.copies = ParsedCopies(memo_folder)

    @property
    def in_reader_process(self) -> bool:
        """Whether this is a ``-j`` reader forked from the build's main process."""
        return os.getpid() != self._main_process

    def load(
        self, path: str, max_bytes: int, limits: InventoryLimits = DEFAULT_LIMITS
    ) -> LoadedFile:
        """The inventory at ``path`` (normalized), reporting its problems the first time."""
        loaded = self._files.get(path)
        if loaded is None:
            loaded = self._files[path] = _read(path, max_bytes, limits, self._copies_for(path))
            self._digests[path] = loaded.digest
            if not self.in_reader_process:
                self.memo.of(path, loaded.digest).problems = kept(loaded.problems)
            self.report(path, loaded.digest, loaded.problems)
        return loaded

    def _copies_for(self, path: str) -> Copies:
        """Where a parse of ``path`` is looked for, and kept when an earlier build parsed the
        same content: a content parsed twice is likely to be asked for again (the prose of a
        page around its table edited), while one parsed once is often the last of a series of
        edits of the inventory, whose copies would cost a fifth of each parse to keep and never
        be used."""
        return Copies(self.copies, lambda digest: self.memo.parsed_before(path, digest))

    def loaded(self, path: str) -> LoadedFile | None:
        """The file, if this build has read it."""
        return self._files.get(path)

    def digest(self, path: str, max_bytes: int) -> str:
        """The digest of the file's content in this build, computed once."""
        if path not in self._digests:
            self._digests[path] = digest_of(path, max_bytes)
        return self._digests[path]

    def report(self, path: str, digest: str, problems: Iterable[InventoryProblem]) -> None:
        """Report the file's problems, unless this build has; in a reader, keep them for the
        main process."""
        if path in self._reported:
            return
        if self.in_reader_process:
            self._unreported[path] = (digest, kept(problems))
            return
        self._reported.add(path)
        for problem in problems:
            report(problem)

    def reported(self, path: str) -> bool:
        return path in self._reported

    def take_unreported(self) -> dict[str, tuple[str, tuple[KeptProblem, ...]]]:
        """The problems this reader found and did not report, each file's once."""
        taken, self._unreported = self._unreported, {}
        return taken

    def clear(self) -> None:
        self._files.clear()
        self._digests.clear()
        self._reported.clear()
        self._unreported.clear()
        self.memo.forget()


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


def _read(
    path: str,
    max_bytes: int,
    limits: InventoryLimits | None,
    copies: Copies | None = None,
) -> LoadedFile:
    """The file read within its limit, and parsed (or its parse of an earlier build loaded from
    ``copies``, which may keep this one): a file that is not read (too large, not a file, a
    loop of links) is never hashed, its digest stands for its kind, size and time. Without
    ``limits``, the file is hashed but not parsed."""
    try:
        data = read_inventory_file(path, max_bytes)
    except FileNotFoundError:
        return LoadedFile(path, MISSING)
    except InventoryError as error:
        return LoadedFile(path, unread_digest(path), error.problem)
    digest = hashlib.sha256(data).hexdigest()
    if limits is None:
        return LoadedFile(path, digest)
    key = parse_key(digest, limits)
    parsed = copies.kept.get(path, key) if copies is not None else None
    if parsed is not None:
        logger.verbose(__("cookie inventory %s unchanged: its earlier parse is used"), path)
        return LoadedFile(path, digest, parsed)
    logger.verbose(__("parsing cookie inventory %s"), path)
    try:
        parsed = parse_inventory(data, path, limits=limits)
    except InventoryError as error:
        parsed = error.problem
    if copies is not None and copies.keep(digest):
        copies.kept.put(path, key, parsed)
    return LoadedFile(path, digest, parsed)
