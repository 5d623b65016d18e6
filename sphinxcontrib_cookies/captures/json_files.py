"""Reading JSON captures defensively: a capture is input from anywhere, never trusted."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

from .model import CaptureError

_JSON_KINDS = MappingProxyType(
    {list: "an array", str: "a string", int: "a number", float: "a number"}
)
#: Integers longer than this are read as floats (an infinite one past about 308 digits): no
#: date or count in a capture is that long, Python refuses to convert integers of more than
#: 4,300 digits, and arithmetic that mixes huge integers with floats overflows.
INTEGER_DIGITS = 30


def number(text: str) -> int | float:
    """A JSON integer, as read from a capture (``json``'s ``parse_int``)."""
    return int(text) if len(text) <= INTEGER_DIGITS else float(text)


def load_json(data: bytes, path: str) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_int=number)
    except UnicodeDecodeError as error:
        raise CaptureError(path, f"not UTF-8 text (offset {error.start})") from None
    except json.JSONDecodeError as error:
        raise CaptureError(
            path, f"not valid JSON: {error.msg} at column {error.colno}", line=error.lineno
        ) from None
    except RecursionError:
        raise CaptureError(path, "the JSON nests too deeply to be a capture") from None
    if not isinstance(document, dict):
        kind = _JSON_KINDS.get(type(document), "a value")
        raise CaptureError(path, f"the JSON holds {kind}, not an object")
    return document


def mapping(parent: Any, key: str) -> dict[str, Any]:
    value = parent.get(key) if isinstance(parent, dict) else None
    return value if isinstance(value, dict) else {}


def sequence(parent: Any, key: str) -> list[Any]:
    value = parent.get(key) if isinstance(parent, dict) else None
    return value if isinstance(value, list) else []


def text(parent: Any, key: str) -> str:
    value = parent.get(key) if isinstance(parent, dict) else None
    return value if isinstance(value, str) else ""
