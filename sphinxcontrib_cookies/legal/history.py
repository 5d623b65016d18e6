"""The inventory's history, read from git: each commit that changed the file, its date, and the
file as that commit left it.

Only the repository that holds the file is read, by three ``git`` processes, each with a
timeout: the list of commits (at most ``limit``), the size of each version, and the versions
within the size limit. Nothing runs through a shell; no version is written to disk.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..inventory import CookieInventory, InventoryError, parse_inventory
from .differences import InventoryChange, compare_inventories

#: The most commits read; the history of a file changed more often is cut to the latest ones.
DEFAULT_LIMIT = 100
#: Seconds each git process may take.
DEFAULT_TIMEOUT = 10.0


class HistoryError(Exception):
    """The history cannot be read: why, in words for the warning."""


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    date: date
    #: The file as this commit left it; None where it was deleted, too large or unreadable.
    inventory: CookieInventory | None


def _git(
    arguments: Sequence[str], directory: str, timeout: float, given: bytes | None = None
) -> bytes:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    environment.pop("GIT_DIR", None)
    environment.pop("GIT_WORK_TREE", None)
    try:
        done = subprocess.run(
            ["git", "-C", directory, "--no-pager", *arguments],
            input=given if given is not None else b"",
            capture_output=True,
            timeout=timeout,
            env=environment,
            check=False,
        )
    except FileNotFoundError:
        raise HistoryError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise HistoryError(f"git did not answer within {timeout:g} seconds") from None
    except OSError as error:
        raise HistoryError(f"git could not be run: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(message[0] if message else f"git failed ({done.returncode})")
    return done.stdout


def _repository_path(path: str, timeout: float) -> tuple[str, str]:
    """The top of the checkout that holds ``path``, and ``path`` relative to it."""
    file = Path(path).resolve()
    try:
        top = _git(["rev-parse", "--show-toplevel"], str(file.parent), timeout)
    except HistoryError as error:
        if "not a git repository" in str(error):
            raise HistoryError("it is not in a git checkout") from None
        raise
    root = Path(top.decode("utf-8", "surrogateescape").strip()).resolve()
    if not file.is_relative_to(root):
        raise HistoryError(f"it is outside the git checkout at {root}")
    return str(root), file.relative_to(root).as_posix()


def _commits(root: str, relative: str, limit: int, timeout: float) -> list[tuple[str, date]]:
    listed = _git(
        ["log", f"--max-count={limit}", "--format=%H %cd", "--date=short", "--", relative],
        root,
        timeout,
    )
    commits = []
    for line in listed.decode("ascii", "replace").splitlines():
        commit, _, day = line.partition(" ")
        commits.append((commit, date.fromisoformat(day.strip())))
    return commits


def _versions(
    root: str, relative: str, commits: Sequence[str], max_bytes: int, timeout: float
) -> list[bytes | None]:
    """Each commit's version of the file; None where it is missing or larger than allowed."""
    names = "".join(f"{commit}:{relative}\n" for commit in commits).encode("utf-8")
    sizes = _git(["cat-file", "--batch-check=%(objectsize)"], root, timeout, names).split(b"\n")
    wanted = [
        index
        for index, size in enumerate(sizes[: len(commits)])
        if size.isdigit() and int(size) <= max_bytes
    ]
    asked = "".join(f"{commits[index]}:{relative}\n" for index in wanted).encode("utf-8")
    read = _git(["cat-file", "--batch"], root, timeout, asked) if wanted else b""
    versions: list[bytes | None] = [None] * len(commits)
    position = 0
    for index in wanted:
        header_end = read.index(b"\n", position)
        size = int(read[position:header_end].rsplit(b" ", 1)[1])
        versions[index] = read[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
    return versions


def read_revisions(
    path: str,
    *,
    limit: int = DEFAULT_LIMIT,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = 5 * 1024 * 1024,
) -> list[Revision]:
    """The commits that changed the file at ``path``, newest first, with the file as each left
    it; a ``HistoryError`` says why there are none."""
    root, relative = _repository_path(path, timeout)
    commits = _commits(root, relative, limit, timeout)
    if not commits:
        raise HistoryError("it has not been committed yet")
    versions = _versions(root, relative, [commit for commit, _ in commits], max_bytes, timeout)
    return [
        Revision(commit, day, _parsed(data, path))
        for (commit, day), data in zip(commits, versions, strict=True)
    ]


def _parsed(data: bytes | None, path: str) -> CookieInventory | None:
    """A version of the file, read; None where it is missing or cannot be read at all."""
    if data is None:
        return None
    try:
        return parse_inventory(data, path)
    except InventoryError:
        return None


def history_changes(revisions: Sequence[Revision], complete: bool) -> list[InventoryChange]:
    """What each revision changed, newest first, leaving out those that changed nothing a
    visitor sees; ``complete`` when the oldest revision is the file's first."""
    readable = [revision for revision in revisions if revision.inventory is not None]
    changes = []
    for index, revision in enumerate(readable):
        assert revision.inventory is not None
        older = readable[index + 1].inventory if index + 1 < len(readable) else None
        if older is None and not complete:
            break
        change = compare_inventories(older, revision.inventory, revision.date)
        if not change.is_empty:
            changes.append(change)
    return changes
