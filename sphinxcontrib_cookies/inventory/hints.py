"""Hints in messages: "did you mean" suggestions within a budget of comparisons, and lists
of words cut short, so that a message stays short and cheap however large the file."""

from __future__ import annotations

import difflib
from collections.abc import Collection

from .problems import shown

#: "Did you mean" hints compare a misspelt word with every word it could have meant. Each
#: comparison is cheap, but a hostile file can ask for the product of two large counts (20,000
#: misspelt references to 20,000 categories), so a file gets this many comparisons plus one per
#: SUGGESTION_BYTES of its size; hints stop when they are spent. Words longer than
#: SUGGESTION_LENGTH get no hint.
SUGGESTION_COMPARISONS = 10_000
SUGGESTION_BYTES = 50
SUGGESTION_LENGTH = 100


class Suggestions:
    """Close matches for misspelt words, remembered per word, within a comparison budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.found: dict[tuple[str, int], str | None] = {}

    def __call__(self, word: str, choices: Collection[str]) -> str:
        """``did you mean 'word'? `` or nothing."""
        close = self.closest(word, choices)
        return f"did you mean '{shown(close)}'? " if close is not None else ""

    def closest(self, word: str, choices: Collection[str]) -> str | None:
        """The choice ``word`` is probably a misspelling of, if any."""
        key = (word, id(choices))
        if key in self.found:
            return self.found[key]
        if len(word) > SUGGESTION_LENGTH or len(choices) > self.budget:
            return None
        self.budget -= len(choices)
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
        self.found[key] = close[0] if close else None
        return self.found[key]


def listed(words: Collection[str], limit: int = 20) -> str:
    """Words for a message, the first ``limit`` of them: a message stays short however large
    the file."""
    if len(words) <= limit:
        return ", ".join(map(shown, words))
    first = [shown(word) for word, _ in zip(words, range(limit), strict=False)]
    return f"{', '.join(first)} and {len(words) - limit:,} more"


def quoted_keys(keys: tuple[str, ...]) -> str:
    """``'categories' and 'cookies'``."""
    return " and ".join(f"'{key}'" for key in keys)
