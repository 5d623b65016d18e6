"""Ids for the rows and items a directive renders: readable from the cookie name, unique in the
document, in time linear in the rows."""

from __future__ import annotations

import re
from typing import cast

from docutils import nodes
from sphinx.environment import BuildEnvironment

_NOT_IN_ID = re.compile("[^a-z0-9]+")
_NOT_AT_ENDS = re.compile("^[-0-9]+|-+$")


def identifier(text: str) -> str:
    """``docutils.nodes.make_id(text)``, computed directly for ASCII text (nearly every cookie
    name), where its transliteration and Unicode normalization change nothing."""
    if not text.isascii():
        return str(nodes.make_id(text))
    return _NOT_AT_ENDS.sub("", _NOT_IN_ID.sub("-", text.lower()))


class UniqueIds:
    """Ids unique in one document, across all the directives in it."""

    def __init__(self, document: nodes.document, env: BuildEnvironment) -> None:
        self.taken = document.ids
        self.issued = cast(set[str], env.temp_data.setdefault("cookies_ids", set()))
        # The last number tried for each base: a name repeated n times costs O(n), not O(n²).
        self.last = cast(dict[str, int], env.temp_data.setdefault("cookies_id_numbers", {}))

    def __call__(self, name: str) -> str:
        base = identifier(f"cookie-{name}")
        number = self.last.get(base, 0)
        while True:
            number += 1
            candidate = base if number == 1 else f"{base}-{number}"
            if candidate not in self.taken and candidate not in self.issued:
                break
        self.last[base] = number
        self.issued.add(candidate)
        return candidate
