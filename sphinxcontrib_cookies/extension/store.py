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

logger = logging.getLogger(__name__)

#: The digest recorded for a file that does not exist, so that creating it counts as a change.
MISSING = "missing"


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


def report(problem: InventoryProblem) -> None:
    location = f"{problem.path}:{problem.line}" if problem.line else problem.path
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
    except OSError:
        return MISSING


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
        with open(path, "rb") as stream:
            data = stream.read()
        digest = hashlib.sha256(data).hexdigest()
        if cached and cached.loaded.digest == digest:
            loaded = cached.loaded
        else:
            loaded = LoadedFile(path, digest, _parse(path, data))
    _report_once(loaded)
    _cache[path] = _Entry(status.st_size, status.st_mtime_ns, loaded)
    return loaded
