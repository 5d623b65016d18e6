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
    "todo",
)


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


class InventoryError(Exception):
    """An inventory that cannot be read at all (syntax, encoding, shape of the top level)."""

    def __init__(self, problem: InventoryProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem
