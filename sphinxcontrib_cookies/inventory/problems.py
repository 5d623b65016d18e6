"""Problems found in an inventory, each with the file and line it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

#: Every kind of problem the loader reports; the Sphinx glue uses them as warning subtypes.
PROBLEM_KINDS = (
    "file",
    "yaml",
    "encoding",
    "empty",
    "limit",
    "structure",
    "missing-field",
    "unknown-key",
    "duplicate-key",
    "reference",
    "duration",
    "value",
    "duplicate-cookie",
    "public-suffix",
    "todo",
)


#: A file is not checked further once it has this many problems: a hostile or broken file
#: cannot flood the build log, nor make the loader format millions of messages.
MAX_PROBLEMS = 1000

#: How many characters of a value from the file a message repeats.
SHOWN_LENGTH = 60


def shown(value: str) -> str:
    """``value`` as a message repeats it: cut short, with control and invisible characters
    written as escapes, so that a hostile file cannot flood or rewrite a build log."""
    cut = len(value) > SHOWN_LENGTH
    text = value[:SHOWN_LENGTH] if cut else value
    if not text.isprintable():
        text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return text + "..." if cut else text


@dataclass(frozen=True, slots=True)
class InventoryProblem:
    """One thing wrong in an inventory: where it is, what kind, and what to do about it."""

    path: str
    line: int
    kind: str
    message: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def too_many_problems(path: str, line: int) -> InventoryProblem:
    """The problem that stops the checking of a file, at the line where it stopped."""
    return InventoryProblem(
        path,
        line,
        "limit",
        f"this file has more than {MAX_PROBLEMS:,} problems; the rest of it was not checked. "
        "Fix these and build again",
    )


class InventoryError(Exception):
    """An inventory that cannot be read at all (syntax, encoding, shape of the top level)."""

    def __init__(self, problem: InventoryProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem
