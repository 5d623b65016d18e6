"""``sphinx-cookies check FILE...``: every problem of each inventory, as ``file:line: message``,
and with ``--jurisdiction`` every compliance finding, as ``file:line: message [rule-id]``."""

from __future__ import annotations

import argparse

from ..compliance import CODES, UnknownJurisdiction, check_inventory, parse_codes, rules_for
from ..inventory import CookieInventory, InventoryError, InventoryProblem, load_inventory
from .capture_options import inventory_limit
from .terminal import Terminal, plural


def _jurisdictions(text: str) -> tuple[str, ...]:
    codes = parse_codes(text)
    try:
        rules_for(codes)
    except UnknownJurisdiction as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return codes


def add_jurisdiction_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jurisdiction",
        type=_jurisdictions,
        default=(),
        metavar="CODES",
        help="also check what the law of these jurisdictions asks of a cookie policy, "
        f"separated by commas (eu,fr); the jurisdictions are: {', '.join(CODES)}",
    )


def _found(path: str, jurisdictions: tuple[str, ...], max_bytes: int) -> list[tuple[int, str, str]]:
    """(line, location, message) of each problem and finding of the file, by line. Raise
    InventoryError when the file itself cannot be read (it is missing, or a folder)."""
    inventory: CookieInventory | None = None
    try:
        inventory = load_inventory(path, max_bytes=max_bytes, raised_by="--max-file-size")
    except InventoryError as error:
        if error.problem.kind == "file":
            raise
        problems: tuple[InventoryProblem, ...] = (error.problem,)
    else:
        problems = inventory.problems
    found = [(problem.line, problem.location, problem.message) for problem in problems]
    if jurisdictions and inventory is not None:
        findings = check_inventory(inventory, jurisdictions)
        found += [(finding.line, finding.location, finding.text) for finding in findings]
    return sorted(found, key=lambda item: item[0])


def run_check(arguments: argparse.Namespace, out: Terminal, err: Terminal) -> int:
    """0: no problem; 1: problems; 2: a file could not be read at all."""
    problem_files = 0
    problems = 0
    unreadable = 0
    for path in arguments.files:
        try:
            found = _found(path, arguments.jurisdiction, inventory_limit(arguments))
        except InventoryError as error:  # the file itself: missing, a folder
            err.line(f"sphinx-cookies: error: {path}: {error.problem.message}")
            unreadable += 1
            continue
        for _, location, message in found:
            out.line(f"{out.style(location, 'bold')}: {message}")
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
