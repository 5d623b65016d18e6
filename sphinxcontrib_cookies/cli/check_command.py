"""``sphinx-cookies check FILE...``: every problem of each inventory, as ``file:line: message``."""

from __future__ import annotations

import argparse

from ..inventory import InventoryError, InventoryProblem, load_inventory
from .capture_options import inventory_limit
from .terminal import Terminal, plural


def run_check(arguments: argparse.Namespace, out: Terminal, err: Terminal) -> int:
    """0: no problem; 1: problems; 2: a file could not be read at all."""
    problem_files = 0
    problems = 0
    unreadable = 0
    for path in arguments.files:
        try:
            found: tuple[InventoryProblem, ...] = load_inventory(
                path, max_bytes=inventory_limit(arguments), raised_by="--max-file-size"
            ).problems
        except InventoryError as error:
            if error.problem.kind == "file":
                err.line(f"sphinx-cookies: error: {path}: {error.problem.message}")
                unreadable += 1
                continue
            found = (error.problem,)
        for problem in found:
            location = out.style(problem.location, "bold")
            out.line(f"{location}: {problem.message}")
        problems += len(found)
        problem_files += bool(found)
    checked = len(arguments.files) - unreadable
    if problems:
        summary = f"{plural(problems, 'problem')} in {problem_files} of {plural(checked, 'file')}"
        err.line(err.style(summary, "red"))
    elif not arguments.quiet and checked:
        err.line(
            err.style(
                f"{plural(checked, 'inventory', 'inventories')} checked, no problems", "green"
            )
        )
    if unreadable:
        return 2
    return 1 if problems else 0
