"""YAML read into located, uninterpreted nodes.

Scalars stay the text that was written (no YAML 1.1 booleans, sexagesimals or dates), every
node knows its line, and aliases are refused before they can expand. The parser is libyaml's
when PyYAML was built with it, else PyYAML's own; only parser events are used, so no tag ever
constructs an object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import MAX_PROBLEMS, InventoryError, InventoryProblem, shown, too_many_problems

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML without libyaml
    from yaml.loader import SafeLoader as _Parser  # type: ignore[assignment]

_SCALAR = yaml.ScalarEvent

#: How deeply mappings and sequences may nest; the format itself needs four levels.
MAX_DEPTH = 50


#: How a plain scalar writes null.
NULLS = frozenset(("", "~", "null", "Null", "NULL"))


@dataclass(slots=True)
class Scalar:
    value: str
    line: int
    plain: bool

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULLS


@dataclass(slots=True)
class Mapping:
    items: list[tuple[Node, Node]]
    line: int


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    line: int


@dataclass(slots=True)
class Refused:
    """Where an alias stood; already reported, so readers skip it without a second message."""

    line: int


Node = Scalar | Mapping | Sequence | Refused


#: What YAML does not allow in a file (its printable set, inverted), and its line breaks: YAML
#: also breaks lines at NEL (U+0085) and the Unicode line and paragraph separators, which
#: editors, ``grep`` and ``git`` show within a line.
_NOT_YAML = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_LINE_BREAK = re.compile(r"\r\n|[\r\n]")
_YAML_ONLY_BREAKS = frozenset("\x85\u2028\u2029")


class Lines:
    """Line numbers as an editor shows them, from the parser's, which count the YAML-only
    breaks too: a raw U+2028 in a comment would otherwise move every later warning a line."""

    def __init__(self, text: str) -> None:
        self.editor_line: list[int] | None = None
        if any(brk in text for brk in _YAML_ONLY_BREAKS):
            editor_line = [1]
            for found in _LINE_BREAK.finditer(text):
                yaml_only = found.group() in _YAML_ONLY_BREAKS
                editor_line.append(editor_line[-1] + (0 if yaml_only else 1))
            self.editor_line = editor_line

    def of(self, parser_line: int) -> int:
        """The editor's line (from 1) for the parser's (from 0)."""
        if self.editor_line is None:
            return parser_line + 1
        return self.editor_line[min(parser_line, len(self.editor_line) - 1)]

    def event(self, event: Any) -> int:
        return self.of(int(event.start_mark.line)) if event.start_mark is not None else 1


def editor_line_count(text: str) -> int:
    """How many lines an editor shows ``text`` on."""
    return len(_EDITOR_LINE_BREAK.findall(text)) + 1


class _Composer:
    def __init__(self, text: str, path: str, keep_depth: int) -> None:
        self.parser = _Parser(text)
        self.path = path
        self.keep_depth = keep_depth
        self.problems: list[InventoryProblem] = []
        self.lines = Lines(text)

    def problem(self, line: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(InventoryProblem(self.path, line, "yaml", message))
        elif len(self.problems) == MAX_PROBLEMS:  # the syntax of the rest is still checked
            self.problems.append(too_many_problems(self.path, line))

    def compose(self) -> Node | None:
        parser = self.parser
        parser.get_event()  # StreamStart
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # DocumentStart
        root = self.node(parser.get_event(), 0)
        parser.get_event()  # DocumentEnd
        if not parser.check_event(yaml.StreamEndEvent):
            extra = parser.get_event()
            raise InventoryError(
                InventoryProblem(
                    self.path,
                    self.lines.event(extra),
                    "yaml",
                    "the file holds more than one YAML document ('---'); "
                    "keep the whole inventory in the first one",
                )
            )
        return root

    def check(self, event: Any, line: int) -> None:
        """Report the anchor and the tag of a node, if it has them."""
        if event.anchor is not None:
            self.problem(
                line,
                f"anchor '&{shown(event.anchor)}' is not allowed in an inventory; remove it "
                "(aliases are refused, so anchors serve no purpose)",
            )
        if event.tag is not None and event.tag != "!":
            self.problem(
                line,
                f"YAML tag '{shown(event.tag)}' is not supported; remove it, the value is read "
                "as text",
            )

    def alias(self, event: Any, line: int) -> Refused:
        self.problem(
            line,
            f"alias '*{shown(event.anchor)}' is not allowed in an inventory; "
            "write the value out in full",
        )
        return Refused(line)

    def too_deep(self, line: int) -> InventoryError:
        return InventoryError(
            InventoryProblem(
                self.path,
                line,
                "limit",
                f"values nest more than {MAX_DEPTH} levels deep; an inventory needs "
                "four: flatten this part of the file",
            )
        )

    def node(self, event: Any, depth: int) -> Node:
        if type(event) is _SCALAR and event.anchor is None and event.tag is None:
            # Most nodes: a scalar without anchor or tag, made here without the checks below
            # (a fifth of the parse of a large file).
            mark = event.start_mark
            if self.lines.editor_line is None and mark is not None:
                return Scalar(event.value, mark.line + 1, not event.style)
            return Scalar(event.value, self.lines.event(event), not event.style)
        line = self.lines.event(event)
        if isinstance(event, yaml.AliasEvent):
            return self.alias(event, line)
        self.check(event, line)
        if isinstance(event, yaml.ScalarEvent):
            return Scalar(event.value, line, plain=not event.style and event.tag is None)
        if depth >= MAX_DEPTH:
            raise self.too_deep(line)
        if depth >= self.keep_depth:
            self.skip(depth)
            if isinstance(event, yaml.SequenceStartEvent):
                return Sequence([], line)
            return Mapping([], line)
        get_event, node, deeper = self.parser.get_event, self.node, depth + 1
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            while type(item := get_event()) is not yaml.SequenceEndEvent:
                items.append(node(item, deeper))
            return Sequence(items, line)
        pairs: list[tuple[Node, Node]] = []
        while type(key := get_event()) is not yaml.MappingEndEvent:
            pairs.append((node(key, deeper), node(get_event(), deeper)))
        return Mapping(pairs, line)

    def skip(self, depth: int) -> None:
        """Read the content of a collection nested too deeply for the reader to look at: its
        anchors, aliases, tags and depth are checked as everywhere, but no node is kept. Building
        nodes is most of the composer's time, and a hostile file can nest millions of them."""
        get_event = self.parser.get_event
        level = depth
        while level >= depth:
            event: Any = get_event()
            kind = type(event)
            if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                level -= 1
            elif kind is yaml.AliasEvent:
                self.alias(event, self.lines.event(event))
            else:
                if event.anchor is not None or event.tag is not None:
                    self.check(event, self.lines.event(event))
                if kind is not yaml.ScalarEvent:
                    level += 1
                    if level >= MAX_DEPTH:
                        raise self.too_deep(self.lines.event(event))


def compose(
    text: str, path: str, keep_depth: int = MAX_DEPTH
) -> tuple[Node | None, list[InventoryProblem]]:
    """Parse one YAML document; raise InventoryError for text that is not YAML at all.

    Collections at ``keep_depth`` (the root is at 0) are returned without their content, which
    is still checked; a reader that looks no deeper loses nothing and saves the time.
    """
    composer = _Composer(text, path, keep_depth)
    lines = composer.lines
    try:
        root = composer.compose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = lines.of(int(mark.line)) if mark is not None else 1
        # At the end of the file the parser's mark stands on a line after the last one.
        line = min(line, editor_line_count(text))
        context = error.context or ""
        if context and error.context_mark is not None:
            context += f" (begun at line {lines.of(int(error.context_mark.line))})"
        what = " ".join(part for part in (context, error.problem) if part)
        raise InventoryError(
            InventoryProblem(
                path,
                line,
                "yaml",
                f"YAML syntax error: {what}; check the indentation, quotes and colons "
                "on this line and the one before",
            )
        ) from None
    except yaml.reader.ReaderError as error:
        raise InventoryError(_unreadable_character(text, path, error)) from None
    except yaml.YAMLError as error:
        raise InventoryError(
            InventoryProblem(path, 1, "yaml", f"YAML syntax error: {error}")
        ) from None
    finally:
        dispose = getattr(composer.parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root, composer.problems


def _unreadable_character(text: str, path: str, error: yaml.reader.ReaderError) -> InventoryProblem:
    """A character YAML does not allow in a file, such as NUL or ESC, at its line: the parser's
    offset counts bytes or characters depending on the parser, so the character is found anew."""
    found = _NOT_YAML.search(text)
    if found is None:
        return InventoryProblem(path, 1, "yaml", f"YAML syntax error: {error.reason}")
    line = len(_EDITOR_LINE_BREAK.findall(text, 0, found.start())) + 1
    return InventoryProblem(
        path,
        line,
        "yaml",
        f"the file holds the character U+{ord(found.group()):04X}, a control character that "
        "YAML does not allow; remove it",
    )
