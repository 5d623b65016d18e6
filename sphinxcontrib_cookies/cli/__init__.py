"""The ``sphinx-cookies`` command line: check, audit and draft inventories without a Sphinx
project. It uses the inventory model only, never docutils or Sphinx.

Exit status: 0 when all is well, 1 when the command found problems (``check``) or undeclared
cookies (``audit``), 2 when it could not do its job (a missing file, a capture that is not one).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..captures import CaptureError, printable
from ..inventory import InventoryError, load_inventory
from .audit_command import run_audit
from .capture_options import add_capture_arguments, add_size_argument, inventory_limit
from .check_command import add_jurisdiction_argument, run_check
from .init_command import CommandError, run_init
from .scan_command import add_scan_arguments, run_scan_command
from .terminal import Terminal, wants_colour

__all__ = ["build_parser", "main"]


def _common_options() -> argparse.ArgumentParser:
    """The options every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (the default) colours a terminal unless NO_COLOR is set",
    )
    common.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    add_size_argument(common)
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="sphinx-cookies",
        description="Check cookie inventories, audit them against what a real visit set, "
        "and draft new ones. No Sphinx project needed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        parents=[common],
        help="validate inventories",
        description="Validate inventories: print each problem as file:line: message. "
        "Exit 1 when there is any.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="an inventory (YAML)")
    add_jurisdiction_argument(check)

    audit = commands.add_parser(
        "audit",
        parents=[common],
        help="compare an inventory with what a real visit set",
        description="Compare an inventory with captures of a real visit: cookies set but not "
        "declared, declared but never seen, and entries that do not fit what was seen. "
        "Exit 1 when a cookie is undeclared.",
    )
    audit.add_argument("inventory", metavar="FILE", help="the inventory (YAML)")
    add_capture_arguments(audit)
    audit.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default) or one JSON object",
    )

    init = commands.add_parser(
        "init",
        parents=[common],
        help="draft an inventory from a capture or a list of names",
        description="Draft an inventory from a capture (or from cookie names), filled in from "
        "the Open Cookie Database; what it does not know is left as TODO values.",
    )
    add_capture_arguments(init)
    init.add_argument("--names", metavar="A,B,C", help="cookie names, separated by commas")
    init.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    init.add_argument("--force", action="store_true", help="overwrite the --output file")

    scan = commands.add_parser(
        "scan",
        parents=[common],
        help="visit a live site in Chromium, before and after consent, and record what it sets",
        description="Visit pages of a live site in Chromium (Playwright), following its links, "
        "as a first-time visitor, after refusing and after accepting cookies, and write what "
        "each phase set as a capture for audit and init. Needs the extra 'scan'.",
    )
    add_scan_arguments(scan)
    return parser


def _run(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    out = Terminal(sys.stdout, wants_colour(sys.stdout, arguments.color))
    err = Terminal(sys.stderr, wants_colour(sys.stderr, arguments.color))
    if arguments.command == "check":
        return run_check(arguments, out, err)
    if arguments.command == "init":
        return run_init(arguments, out, err)
    if arguments.command == "scan":
        return run_scan_command(arguments, out, err)
    if not any(getattr(arguments, name) for name in vars(arguments) if name.startswith("capture_")):
        parser.error("audit needs a capture: --har, --storage-state, --cookies-txt or --capture")
    try:
        inventory = load_inventory(
            arguments.inventory,
            max_bytes=inventory_limit(arguments),
            raised_by="--max-file-size",
        )
    except InventoryError as error:
        problem = error.problem
        where = problem.location if problem.line else problem.path
        raise CommandError(f"{where}: {problem.message}") from None
    for problem in inventory.problems:
        err.line(err.style(f"warning: {problem}", "yellow"))
    if inventory.problems:
        err.line(
            "(entries with a problem are left out of the audit; "
            f"`sphinx-cookies check {arguments.inventory}` lists the problems)"
        )
    return run_audit(arguments, inventory, out, err)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return _run(arguments, parser)
    except (CaptureError, CommandError) as error:
        sys.stderr.write(f"sphinx-cookies: error: {printable(str(error))}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("sphinx-cookies: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away (| head): not an error worth a trace
        return 0
