"""YAML read into located, uninterpreted nodes.

Scalars stay the text that was written (no YAML 1.1 booleans, sexagesimals or dates), every
node knows its line, and aliases are refused before they can expand. The parser is libyaml's
when PyYAML was built with it, else PyYAML's own; only parser events are used, so no tag ever
constructs an object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .problems import InventoryError, InventoryProblem

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML without libyaml
    from yaml.loader import SafeLoader as _Parser  # type: ignore[assignment]

#: How deeply mappings and sequences may nest; the format itself needs four levels.
MAX_DEPTH = 50


@dataclass(slots=True)
class Scalar:
    value: str
    line: int
    plain: bool

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


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


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1 if event.start_mark is not None else 1


class _Composer:
    def __init__(self, text: str, path: str) -> None:
        self.parser = _Parser(text)
        self.path = path
        self.problems: list[InventoryProblem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(InventoryProblem(self.path, line, "yaml", message))

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
                    _line(extra),
                    "yaml",
                    "the file holds more than one YAML document ('---'); "
                    "keep the whole inventory in the first one",
                )
            )
        return root

    def node(self, event: Any, depth: int) -> Node:
        line = _line(event)
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                line,
                f"alias '*{event.anchor}' is not allowed in an inventory; "
                "write the value out in full",
            )
            return Refused(line)
        if event.anchor is not None:
            self.problem(
                line,
                f"anchor '&{event.anchor}' is not allowed in an inventory; remove it "
                "(aliases are refused, so anchors serve no purpose)",
            )
        if event.tag is not None and event.tag != "!":
            self.problem(
                line,
                f"YAML tag '{event.tag}' is not supported; remove it, the value is read as text",
            )
        if isinstance(event, yaml.ScalarEvent):
            return Scalar(event.value, line, plain=not event.style and event.tag is None)
        if depth >= MAX_DEPTH:
            raise InventoryError(
                InventoryProblem(
                    self.path,
                    line,
                    "limit",
                    f"values nest more than {MAX_DEPTH} levels deep; an inventory needs "
                    "four: flatten this part of the file",
                )
            )
        parser = self.parser
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            while not parser.check_event(yaml.SequenceEndEvent):
                items.append(self.node(parser.get_event(), depth + 1))
            parser.get_event()
            return Sequence(items, line)
        pairs: list[tuple[Node, Node]] = []
        while not parser.check_event(yaml.MappingEndEvent):
            key = self.node(parser.get_event(), depth + 1)
            pairs.append((key, self.node(parser.get_event(), depth + 1)))
        parser.get_event()
        return Mapping(pairs, line)


def compose(text: str, path: str) -> tuple[Node | None, list[InventoryProblem]]:
    """Parse one YAML document; raise InventoryError for text that is not YAML at all."""
    composer = _Composer(text, path)
    try:
        root = composer.compose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        context = error.context or ""
        if context and error.context_mark is not None:
            context += f" (begun at line {int(error.context_mark.line) + 1})"
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
    except yaml.YAMLError as error:
        raise InventoryError(
            InventoryProblem(path, 1, "yaml", f"YAML syntax error: {error}")
        ) from None
    finally:
        dispose = getattr(composer.parser, "dispose", None)
        if dispose is not None:
            dispose()
    return root, composer.problems
