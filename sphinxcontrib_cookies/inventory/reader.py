"""Typed values read from located YAML nodes, each problem reported at its line.

Knows nothing of cookies: the fields of a mapping, values on one line, booleans, addresses,
choices, ids and dates (texts are read by ``texts.py``). ``format_reader.py`` reads the inventory
with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from .addresses import private_host
from .hints import SUGGESTION_BYTES, SUGGESTION_COMPARISONS, Suggestions
from .limits import DEFAULT_LIMITS, InventoryLimits
from .problems import MAX_PROBLEMS, InventoryProblem, shown, too_many_problems
from .yamltree import Mapping, Node, Refused, Scalar, Sequence

#: A value starting with this is a placeholder still to be written.
TODO_MARK = "TODO"

_ID = re.compile(r"[A-Za-z0-9_-]+")
#: What no value may hold: control characters, and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: An http(s) address with a host, and none of the characters that a URL cannot hold and that
#: could close an attribute or a LaTeX argument: spaces, quotes, angle brackets, braces and
#: backslashes. Invisible characters (bidirectional controls, zero-width spaces) are refused
#: apart, by ``str.isprintable``.
_URL = re.compile(r"https?://[^\s/?#@\"<>\\^`{|}]+(?:[/?#][^\s\"<>\\^`{|}]*)?", re.IGNORECASE)

T = TypeVar("T")


class EntryInvalid(Exception):
    """The entry being read has nothing to name it by (its problem is already reported): it is
    left out."""


def _not_given(found: tuple[Scalar, Node] | None) -> bool:
    """Whether a required key is missing, or given no value (null or blank)."""
    if found is None:
        return True
    value = found[1]
    return isinstance(value, Scalar) and (value.is_null or not value.value.strip())


def kind_of(node: Node) -> str:
    """What a node is, as a message says it."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "text"


class TypedReader:
    """Reads values out of YAML nodes; each problem is reported, and marks the current entry
    as ``failed``: the entry is still kept, with what could be read."""

    def __init__(
        self,
        path: str,
        problems: list[InventoryProblem],
        size: int = 0,
        limits: InventoryLimits = DEFAULT_LIMITS,
    ) -> None:
        self.path = path
        self.problems = problems
        self.limits = limits
        self.failed = False
        #: Set by an alias in the entry being read: the alias is reported already, and the rest
        #: of the entry is read without a report, as its content may be what the alias stood for.
        self.silenced = False
        #: Every problem found, also those past MAX_PROBLEMS (which are counted, not kept).
        self.reported = 0
        self.suggest = Suggestions(SUGGESTION_COMPARISONS + size // SUGGESTION_BYTES)

    def report(self, line: int, kind: str, message: str) -> None:
        """Keep a problem; past MAX_PROBLEMS, one that says so, then none: the file is still
        read to its end, so that no entry is lost, but the log is not flooded."""
        self.failed = True
        if self.silenced:
            return
        self.reported += 1
        if len(self.problems) >= MAX_PROBLEMS:
            if len(self.problems) == MAX_PROBLEMS:
                self.problems.append(too_many_problems(self.path, line))
            return
        self.problems.append(InventoryProblem(self.path, line, kind, message))

    def entry(self, read: Callable[[], T]) -> T | None:
        """Read one entry, with what can be read of it; None when it has no usable name."""
        self.failed = self.silenced = False
        try:
            return read()
        except EntryInvalid:
            return None

    def refuse(self, node: Node) -> None:
        """An alias was already reported where the entry ``node`` stands: nothing of it can be
        read, so it is left out quietly."""
        if isinstance(node, Refused):
            raise EntryInvalid

    def refused(self, node: Node) -> bool:
        """Whether an alias stands where a value should: read as not given, and the rest of the
        entry is read without a report (see ``silenced``)."""
        if isinstance(node, Refused):
            self.silenced = True
            return True
        return False

    def fields(
        self,
        node: Node,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        declared_at: int | None = None,
    ) -> dict[str, tuple[Scalar, Node]]:
        """The keys and values of an entry; a missing field is reported where the entry is
        declared (``declared_at``, the line of its id), else where its mapping starts."""
        self.refuse(node)
        if not isinstance(node, Mapping):
            self.report(
                node.line,
                "structure",
                f"{what} must be a mapping of keys to values, not {kind_of(node)}",
            )
            raise EntryInvalid
        found: dict[str, tuple[Scalar, Node]] = {}
        unknown: list[Scalar] = []
        for key, value in node.items:
            if type(key) is Scalar and key.value in allowed and key.value not in found:
                found[key.value] = (key, value)  # the common case, checked below in full
                continue
            if self.refused(key):
                continue
            if not isinstance(key, Scalar):
                self.report(
                    key.line, "structure", f"a key in {what} must be text, not {kind_of(key)}"
                )
                continue
            if key.value in found:
                first = found[key.value][0].line
                self.report(
                    key.line,
                    "duplicate-key",
                    f"key '{shown(key.value)}' appears twice in {what} (first at line {first}); "
                    "keep one of them",
                )
                continue
            if key.value not in allowed:
                unknown.append(key)
                continue
            found[key.value] = (key, value)
        missing = [name for name in required if _not_given(found.get(name))]
        misspelt = self.unknown_keys(unknown, what, allowed, missing)
        for name in missing:
            if name not in misspelt:
                line = found[name][0].line if name in found else declared_at or node.line
                self.report(line, "missing-field", f"{what} has no '{name}'; add it")
        return found

    def unknown_keys(
        self, keys: list[Scalar], what: str, allowed: tuple[str, ...], missing: list[str]
    ) -> set[str]:
        """Reports each unknown key; one that is probably a missing required key misspelt is
        reported once, as that. Returns the missing keys so reported."""
        misspelt: set[str] = set()
        for key in keys:
            meant = self.suggest.closest(key.value, allowed)
            if meant in missing and meant not in misspelt:
                misspelt.add(meant)
                self.report(
                    key.line,
                    "unknown-key",
                    f"unknown key '{shown(key.value)}' in {what}, which has no '{meant}': "
                    f"did you mean '{meant}'? rename the key",
                )
                continue
            hint = f"did you mean '{shown(meant)}'? " if meant is not None else ""
            self.report(
                key.line,
                "unknown-key",
                f"unknown key '{shown(key.value)}' in {what}; {hint}"
                f"the keys allowed here are: {', '.join(allowed)}",
            )
        return misspelt

    def note(self, line: int, kind: str, message: str) -> None:
        """A problem that leaves the entry usable (it counts towards MAX_PROBLEMS all the same)."""
        failed = self.failed
        self.report(line, kind, message)
        self.failed = failed

    def is_todo(self, text: str, line: int, what: str) -> bool:
        """A value still to be written (``TODO: ...``, as ``init`` drafts): reported, and read
        as if it were missing."""
        if not text.lstrip().startswith(TODO_MARK):
            return False
        self.note(
            line, "todo", f"{what} is still to be written ('{shown(text.strip())}'); replace it"
        )
        return True

    def value(self, node: Node, what: str) -> str | None:
        """A value written on one line; a TODO counts as not written."""
        value = self.scalar(node, what)
        if value is not None and self.is_todo(value, node.line, what):
            return None
        return value

    def scalar(self, node: Node, what: str) -> str | None:
        if type(node) is not Scalar:
            if not self.refused(node):
                self.report(node.line, "structure", f"{what} must be text, not {kind_of(node)}")
            return None
        if node.is_null:
            return None
        if CONTROL_CHARACTERS.search(node.value) or "\n" in node.value or "\r" in node.value:
            self.report(
                node.line,
                "value",
                f"{what} contains a line break or control character; write it on one line",
            )
            return None
        return node.value

    def nonempty(self, node: Node, what: str) -> str | None:
        """Text that must not be empty or blank: reported once, whatever is wrong with it."""
        reported = len(self.problems)
        value = self.scalar(node, what)
        if value is not None and value.strip():
            return value.strip()
        if len(self.problems) == reported:
            self.report(node.line, "missing-field", f"{what} is empty; write it out")
        return None

    def boolean(self, node: Node, what: str) -> bool | None:
        value = self.value(node, what)
        if value is None:
            return None
        lowered = value.lower()
        if lowered in ("true", "yes"):
            return True
        if lowered in ("false", "no"):
            return False
        self.report(node.line, "value", f"{what} must be true or false, not '{shown(value)}'")
        return None

    def url(self, node: Node, what: str) -> str | None:
        value = self.value(node, what)
        if value is None:
            return None
        if not _URL.fullmatch(value) or not value.isprintable():
            self.report(
                node.line,
                "value",
                f"{what} must be a full http:// or https:// address (without spaces, quotes, "
                f"angle brackets or braces), not '{shown(value)}'",
            )
            return None
        host = private_host(value)
        if host is not None:
            self.report(
                node.line,
                "value",
                f"{what} points at '{shown(host)}', this machine or a private network: a "
                "public policy cannot link there, and a link check would send it requests. "
                "Give the provider's public address",
            )
            return None
        return value

    def choice(
        self,
        node: Node,
        what: str,
        choices: tuple[str, ...],
        other_spellings: dict[str, str] | None = None,
    ) -> str | None:
        """One of ``choices``; a message suggests the one meant by one of ``other_spellings``
        ("3rd": "third"), else the closest."""
        value = self.value(node, what)
        if value is None:
            return None
        if value not in choices:
            meant = (other_spellings or {}).get(" ".join(value.lower().split()))
            hint = f"did you mean '{meant}'? " if meant else self.suggest(value, choices)
            message = f"{what} must be one of: {', '.join(choices)}, not '{shown(value)}'; {hint}"
            self.report(node.line, "value", message.rstrip("; "))
            return None
        return value

    def choice_list(
        self, node: Node, what: str, choices: tuple[str, ...]
    ) -> tuple[str, ...] | None:
        """A list of values, each one of ``choices``; each given once, in the order written."""
        self.refuse(node)
        if isinstance(node, Scalar) and node.is_null:
            return None
        if not isinstance(node, Sequence):
            self.report(
                node.line,
                "structure",
                f"{what} must be a list, such as [{choices[0]}], not {kind_of(node)}",
            )
            return None
        chosen = [self.choice(item, f"an item of {what}", choices) for item in node.items]
        return tuple(dict.fromkeys(value for value in chosen if value is not None))

    def identifier(self, key: Node, what: str) -> str | None:
        value = self.nonempty(key, what)
        if value is not None and not _ID.fullmatch(value):
            self.report(
                key.line,
                "value",
                f"{what} '{shown(value)}' may hold only letters, digits, '-' and '_'",
            )
            return None
        return value

    def calendar_date(self, node: Node, what: str) -> date | None:
        """A calendar date, written ``2026-11-29`` (quoted or not: YAML text either way)."""
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            if not _DATE.fullmatch(value.strip()):
                raise ValueError
            return date.fromisoformat(value.strip())
        except ValueError:
            self.report(
                node.line,
                "value",
                f"{what} must be a date written year-month-day, such as 2026-11-29, "
                f"not '{shown(value)}'",
            )
            return None
