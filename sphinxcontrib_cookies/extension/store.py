"""Inventories loaded once per process, re-read only when their file changed.

Parsed inventories live here, never in the pickled environment; the environment keeps only each
file's content digest per document, which is what decides whether a document is out of date.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from sphinx.util import logging

from ..inventory import CookieInventory, InventoryError, InventoryProblem, parse_inventory
from ..translations import __
from .collection import collection_paused

logger = logging.getLogger(__name__)

#: The digest recorded for a file that does not exist, so that creating it counts as a change.
MISSING = "missing"
#: The digest recorded for a path that exists but cannot be read (a folder, no permission).
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class LoadedFile:
    path: str
    digest: str
    parsed: CookieInventory | InventoryProblem | None = None  # None: missing or too large

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


@dataclass(frozen=True)
class _Entry:
    size: int
    mtime_ns: int
    loaded: LoadedFile


_cache: dict[str, _Entry] = {}
_reported: set[tuple[str, str, int]] = set()


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


def _parse(path: str, data: bytes) -> CookieInventory | InventoryProblem:
    logger.verbose(__("parsing cookie inventory %s"), path)
    try:
        return parse_inventory(data, path)
    except InventoryError as error:
        return error.problem


def _report_once(loaded: LoadedFile) -> None:
    """Report a file's problems the first time this build uses that content of it."""
    key = (loaded.path, loaded.digest, 0)
    if key in _reported:
        return
    _reported.add(key)
    for problem in loaded.problems:
        report(problem)


def start_build(app: object = None) -> None:
    """Each build reports every problem of the inventories it uses, once."""
    _reported.clear()


def digest_of(path: str) -> str:
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except FileNotFoundError:
        return MISSING
    except OSError:
        return UNREADABLE


def _unreadable(path: str, error: OSError) -> LoadedFile:
    """A path that exists but cannot be read: a problem of the whole file, so no line."""
    if isinstance(error, IsADirectoryError):
        message = "the inventory is a folder, not a file; name the YAML file in it"
    else:
        message = f"the inventory file cannot be read: {error.strerror or error}"
    return LoadedFile(path, UNREADABLE, InventoryProblem(path, 0, "file", message))


def load(path: str, max_bytes: int) -> LoadedFile:
    """The inventory at ``path``, parsed at most once per process for each content."""
    try:
        status = os.stat(path)
    except OSError:
        return LoadedFile(path, MISSING)
    if status.st_size > max_bytes:
        digest = digest_of(path)
        if (path, digest, max_bytes) not in _reported:
            _reported.add((path, digest, max_bytes))
            report(
                InventoryProblem(
                    path,
                    1,
                    "limit",
                    f"the file is larger than {max_bytes:,} bytes; split it, or raise "
                    "cookies_max_file_size in conf.py",
                )
            )
        return LoadedFile(path, digest)
    cached = _cache.get(path)
    if cached and (cached.size, cached.mtime_ns) == (status.st_size, status.st_mtime_ns):
        loaded = cached.loaded
    else:
        try:
            with open(path, "rb") as stream:
                data = stream.read()
        except OSError as error:
            unreadable = _unreadable(path, error)
            _report_once(unreadable)
            return unreadable
        digest = hashlib.sha256(data).hexdigest()
        if cached and cached.loaded.digest == digest:
            loaded = cached.loaded
        else:
            with collection_paused():
                loaded = LoadedFile(path, digest, _parse(path, data))
    _report_once(loaded)
    _cache[path] = _Entry(status.st_size, status.st_mtime_ns, loaded)
    return loaded
