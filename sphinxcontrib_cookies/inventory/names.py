"""Cookie names as declared: exact names, or patterns where ``*`` stands for any run of
characters (``_ga_*``, ``_pk_id.*``). Nothing else in a name is special."""

from __future__ import annotations

import re
from functools import lru_cache

#: Characters that mean something in a regular expression, escaped the same way in Python and
#: in JavaScript (so that exported patterns work in a browser too).
_REGEX_SPECIAL = frozenset("\\^$.|?*+()[]{}/")


def is_pattern(name: str) -> bool:
    return "*" in name


def name_regex(name: str) -> str:
    """The regular expression, anchored at both ends, that a declared name stands for."""
    pieces = [
        "".join("\\" + char if char in _REGEX_SPECIAL else char for char in part)
        for part in name.split("*")
    ]
    return "^" + ".*".join(pieces) + "$"


@lru_cache(maxsize=1024)
def _compiled(name: str) -> re.Pattern[str]:
    return re.compile(name_regex(name), re.DOTALL)


def name_matches(declared: str, name: str) -> bool:
    """Whether a cookie called ``name`` is the one ``declared`` (a name or a pattern)."""
    if not is_pattern(declared):
        return declared == name
    return _compiled(declared).match(name) is not None
