"""Cookie names as declared: exact names, or patterns where ``*`` stands for any run of
characters (``_ga_*``, ``_pk_id.*``). Nothing else in a name is special.

A pattern is matched without backtracking, in time linear in the name and the pattern: a run of
``*`` is one ``*``, and the literal parts between them are found left to right, each at its
first place (which leaves the most room for the rest). The regular expression exported for
other programs (``name_regex``) does the same in Python and in JavaScript, so that a browser
that tests it against every cookie of a page never backtracks either.
"""

from __future__ import annotations

#: The most ``*`` a name may hold (runs count as one); the loader reports more, and a name is
#: read as if it ended at its tenth wildcard. Matching is linear whatever the count: the bound
#: keeps the exported expressions short (and Python reads no more than 99 groups).
MAX_WILDCARDS = 10

#: Characters that mean something in a regular expression, escaped the same way in Python and
#: in JavaScript (so that exported patterns work in a browser too).
_REGEX_SPECIAL = frozenset("\\^$.|?*+()[]{}/")
#: Any character, line breaks included, in Python and in JavaScript alike.
_ANY = r"[\s\S]"


def is_pattern(name: str) -> bool:
    return "*" in name


def _all_parts(name: str) -> list[str]:
    first, *rest = name.split("*")
    return [first, *(part for part in rest[:-1] if part), *rest[-1:]]


def literal_parts(name: str) -> list[str]:
    """The text between the wildcards: ``a**b*`` is ``["a", "b", ""]``. A name with more than
    ``MAX_WILDCARDS`` is read as if it ended at its last allowed one (which matches more
    cookies, never fewer)."""
    parts = _all_parts(name)
    return parts if len(parts) <= MAX_WILDCARDS + 1 else [*parts[:MAX_WILDCARDS], ""]


def wildcard_count(name: str) -> int:
    """How many wildcards ``name`` holds, a run of ``*`` counting once."""
    return len(_all_parts(name)) - 1


def _escaped(text: str) -> str:
    return "".join("\\" + char if char in _REGEX_SPECIAL else char for char in text)


def name_regex(name: str) -> str:
    """The regular expression, anchored at both ends, that a declared name stands for.

    Each literal part between two wildcards is found at its first place by a lookahead whose
    match a backreference then consumes: a lookahead is atomic in Python and in JavaScript, so
    the engine never comes back to try a later place (``^a(?=([\\s\\S]*?b))\\1[\\s\\S]*c$``)."""
    parts = literal_parts(name)
    if len(parts) == 1:
        return "^" + _escaped(name) + "$"
    middle = "".join(
        f"(?=({_ANY}*?{_escaped(part)}))\\{number}" for number, part in enumerate(parts[1:-1], 1)
    )
    return f"^{_escaped(parts[0])}{middle}{_ANY}*{_escaped(parts[-1])}$"


def name_matches(declared: str, name: str) -> bool:
    """Whether a cookie called ``name`` is the one ``declared`` (a name or a pattern)."""
    if not is_pattern(declared):
        return declared == name
    first, *middle, last = literal_parts(declared)
    end = len(name) - len(last)
    if end < len(first) or not name.startswith(first) or not name.endswith(last):
        return False
    position = len(first)
    for part in middle:
        found = name.find(part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True
