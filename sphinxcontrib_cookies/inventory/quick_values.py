"""The values most fields hold, read without the full reader: a plain scalar on one line, with
nothing a reader could report.

A large inventory is hundreds of thousands of such values, and the full reader names each one
for its messages (``the purpose of cookie '_ga'``) before it knows whether there is anything to
say. A quick reader checks first, and returns either exactly what the full reader would return
with no problem reported, or ``SLOW`` for anything else: a value that the full reader may
report, or one it reads another way, goes to the full reader, which then does everything as
before. ``tests/test_quick_values.py`` holds every quick reader to the full one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from .cookie_values import CookieValuesReader, is_domain
from .declaration import Field, Kind
from .durations import parse_duration
from .model import LocalizedText
from .names import MAX_WILDCARDS, wildcard_count
from .reader import TODO_MARK
from .sites import is_public_suffix
from .yamltree import NULLS, Node, Scalar


class _Slow:
    """The answer of a quick reader that leaves the value to the full reader."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "SLOW"


SLOW: Final = _Slow()

#: What sends a value to the full reader whatever its kind: a line break, a character that the
#: full readers report (``reader.CONTROL_CHARACTERS`` and the YAML-only line breaks), or the
#: TODO mark anywhere (the full reader looks for it at the start, after blanks).
_NOT_QUICK = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029]|{re.escape(TODO_MARK)}")


def _plain_value(node: Node) -> str | None:
    """The text of a scalar with nothing to report: not null, on one line, without control
    characters, without a TODO; None for anything else."""
    if type(node) is not Scalar:
        return None
    value = node.value
    if node.plain and value in NULLS:
        return None
    return None if _NOT_QUICK.search(value) else value


#: A quick reader: (reader, node, field) to the value, or SLOW.
QuickReader = Callable[[CookieValuesReader, Node, Field], Any]


def _text(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    if value is None:
        return SLOW
    text = value.strip() if field.kind is Kind.TEXT else " ".join(value.split())
    if not text or len(text) > reader.limits.text_length:
        return SLOW
    return LocalizedText.plain(text)


def _name(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    if value is None:
        return SLOW
    name = value.strip()
    if not name or len(name) > reader.limits.name_length:
        return SLOW
    if "*" in name and wildcard_count(name) > MAX_WILDCARDS:
        return SLOW
    return (name,)


def _choice(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    return value if value is not None and value in field.choices else SLOW


def _duration(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    if value is None:
        return SLOW
    try:
        return parse_duration(value)
    except ValueError:
        return SLOW


def _domain(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    if value is None:
        return SLOW
    host = value.strip()
    if not is_domain(host) or is_public_suffix(host):
        return SLOW
    return host


def _category(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    return value if value is not None and value in reader.categories else SLOW


def _provider(reader: CookieValuesReader, node: Node, field: Field) -> object:
    value = _plain_value(node)
    return SLOW if value is None else reader.providers.get(value, SLOW)


#: The kinds that have a quick reader; the others are always read by the full reader.
QUICK_READERS: Mapping[Kind, QuickReader] = MappingProxyType(
    {
        Kind.TEXT: _text,
        Kind.ONE_LINE_TEXT: _text,
        Kind.NAME: _name,
        Kind.CHOICE: _choice,
        Kind.DURATION: _duration,
        Kind.DOMAIN: _domain,
        Kind.CATEGORY_REFERENCE: _category,
        Kind.PROVIDER_REFERENCE: _provider,
    }
)
