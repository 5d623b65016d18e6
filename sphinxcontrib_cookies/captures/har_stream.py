"""Reading a HAR's text one entry at a time.

``json.loads`` would build the whole file as one tree of Python objects, several times the size
of the text, which the garbage collector then walks again and again while the cookies are read.
Here the text is walked down to ``log.entries`` by hand, and each entry is decoded alone (by the
``json`` module's own decoder) and handed to a ``HarReader``, then dropped: the memory a HAR takes
is its text and the cookies it shows, and the time per entry does not grow with the file.

Only the shape every HAR has is walked this way: an object whose first key is ``log``, holding
``entries``. Anything else, including any text that is not valid JSON, is left to ``json.loads``
(``stream_har`` returns None or raises ValueError), which reports errors with their place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .json_files import number

_SPACE = re.compile(r"[ \t\n\r]*")


class NotStreamed(Exception):
    """The text is not a HAR of the usual shape: read it whole."""


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _expect(text: str, index: int, char: str) -> int:
    """The index after ``char`` (and the spaces after it); ValueError when it is not there."""
    index = _skip(text, index)
    if not text.startswith(char, index):
        raise ValueError(f"expected {char!r} at offset {index}")
    return _skip(text, index + 1)


def _key(text: str, index: int, decoder: json.JSONDecoder) -> tuple[str, int]:
    """A member's key and the index of its value."""
    index = _skip(text, index)
    if not text.startswith('"', index):
        raise ValueError(f"expected a key at offset {index}")
    key, index = decoder.raw_decode(text, index)
    return str(key), _expect(text, index, ":")


def _members(
    text: str, index: int, decoder: json.JSONDecoder, value: Callable[[str, int], int]
) -> int:
    """Walk the members of the object at ``index``; ``value(key, at)`` reads each value and
    returns where it ends. Returns the index after the object."""
    index = _expect(text, index, "{")
    if text.startswith("}", index):
        return index + 1
    while True:
        key, index = _key(text, index, decoder)
        index = _skip(text, value(key, index))
        if text.startswith("}", index):
            return index + 1
        index = _expect(text, index, ",")


def _elements(text: str, index: int, decoder: json.JSONDecoder, each: Callable[[Any], None]) -> int:
    """Decode the array at ``index`` one element at a time; the index after the array."""
    index = _expect(text, index, "[")
    if text.startswith("]", index):
        return index + 1
    while True:
        element, index = decoder.raw_decode(text, index)
        each(element)
        index = _skip(text, index)
        if text.startswith("]", index):
            return index + 1
        index = _expect(text, index, ",")


def stream_har(text: str, add_entry: Callable[[Any], None]) -> list[Any]:
    """Hand each entry of the HAR in ``text`` to ``add_entry``, in order; the log's ``pages``.

    Raises NotStreamed when the text is not a HAR of the usual shape, ValueError (or
    RecursionError) when it is not valid JSON: read it with ``json.loads`` then.
    """
    decoder = json.JSONDecoder(parse_int=number)
    found: dict[str, Any] = {}

    def log_member(key: str, index: int) -> int:
        if key in found:
            raise NotStreamed  # a key twice: json.loads keeps the last one
        if key == "entries" and text.startswith("[", index):
            found[key] = True
            return _elements(text, index, decoder, add_entry)
        value, end = decoder.raw_decode(text, index)
        found[key] = value
        return end

    def top_member(key: str, index: int) -> int:
        if key != "log" or "log" in found or not text.startswith("{", index):
            if not found:
                raise NotStreamed  # not a HAR's first key: nothing read yet, nothing lost
            if key == "log":
                raise NotStreamed
            return decoder.raw_decode(text, index)[1]
        found["log"] = True
        return _members(text, index, decoder, log_member)

    end = _skip(text, _members(text, _skip(text, 0), decoder, top_member))
    if end != len(text):
        raise ValueError(f"extra data at offset {end}")
    if found.get("entries") is not True:
        raise NotStreamed
    pages = found.get("pages")
    return pages if isinstance(pages, list) else []
