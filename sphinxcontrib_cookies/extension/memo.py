"""What earlier builds learned about each inventory file's content, kept beside the doctrees.

A rebuild decides which pages an inventory edit makes out of date by comparing the digests of
the slices that pages show (``inventory/slices.py``); the problems of a file are reported by
every build that uses it. Both are facts about one content of one file, so they are kept per
file and keyed by the content's digest, in ``cookies-inventories.json`` in the doctree folder.
Sphinx saves its environment only when it re-read or wrote something, so a change that no page
shows would otherwise be parsed again at every later build; with this memo, a build parses an
inventory only when a page that uses it may have changed.

It is a cache: a missing, unreadable or outdated file only means parsing the inventory again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.util import logging

from ..inventory import InventoryProblem

logger = logging.getLogger(__name__)

MEMO_FILE = "cookies-inventories.json"
#: Raised when what is kept changes meaning, so that an older memo is ignored.
MEMO_VERSION = 1

#: A problem as the memo keeps it: its line, kind and message (the file is the memo's key).
KeptProblem = tuple[int, str, str]


@dataclass
class ContentFacts:
    """What is known of one content of one file."""

    digest: str
    #: Its problems; None when not known (nothing parsed it).
    problems: tuple[KeptProblem, ...] | None = None
    #: Slice key -> the digest of that slice of this content.
    slices: dict[str, str] = field(default_factory=dict)

    def problems_at(self, path: str) -> tuple[InventoryProblem, ...] | None:
        if self.problems is None:
            return None
        return tuple(InventoryProblem(path, *problem) for problem in self.problems)


def kept(problems: Iterable[InventoryProblem]) -> tuple[KeptProblem, ...]:
    return tuple((problem.line, problem.kind, problem.message) for problem in problems)


class ContentMemo:
    """The memo of one build: read from the doctree folder when first asked, added to while
    the build runs, and written back when it ends."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MEMO_FILE
        self._facts: dict[str, ContentFacts] | None = None

    @property
    def facts(self) -> dict[str, ContentFacts]:
        if self._facts is None:
            self._facts = _read(self.path)
        return self._facts

    def of(self, path: str, digest: str) -> ContentFacts:
        """The facts known of ``path`` with this content (a fresh record if none are)."""
        known = self.facts.get(path)
        if known is None or known.digest != digest:
            known = self.facts[path] = ContentFacts(digest)
        return known

    def parsed_before(self, path: str, digest: str) -> bool:
        """Whether an earlier build parsed this content of ``path`` (and so knew its problems)."""
        known = self.facts.get(path)
        return known is not None and known.digest == digest and known.problems is not None

    def save(self, paths: Iterable[str]) -> None:
        """Write the facts of ``paths`` (the files in use), dropping every other."""
        kept_paths = set(paths)
        entries = {
            path: {"digest": facts.digest, "problems": facts.problems, "slices": facts.slices}
            for path, facts in sorted(self.facts.items())
            if path in kept_paths
        }
        text = json.dumps({"version": MEMO_VERSION, "inventories": entries}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            logger.verbose("cookies: could not keep %s: %s", self.path, error)

    def forget(self) -> None:
        self._facts = None


def _read(path: Path) -> dict[str, ContentFacts]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MEMO_VERSION:
            return {}
        return {name: _facts(entry) for name, entry in data["inventories"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _facts(entry: Mapping[str, object]) -> ContentFacts:
    digest, problems, slices = entry["digest"], entry["problems"], entry["slices"]
    if not isinstance(digest, str) or not isinstance(slices, dict):
        raise TypeError("not a memo entry")
    if problems is not None:
        problems = tuple((int(line), str(kind), str(message)) for line, kind, message in problems)  # type: ignore[attr-defined]
    return ContentFacts(digest, problems, {str(k): str(v) for k, v in slices.items()})
