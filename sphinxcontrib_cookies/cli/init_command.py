"""``sphinx-cookies init``: a draft inventory from a capture or from a list of names."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..audit import combine, site_of_captures
from ..captures import site_domain
from ..draft import DraftInventory, draft_from_names, draft_from_observed, open_cookie_database
from ..draft import write_draft as draft_text
from ..inventory import InventoryError, parse_inventory
from .audit_command import describe_site
from .capture_options import named_captures, read_captures
from .terminal import Terminal, plural


class CommandError(Exception):
    """A mistake in how the command was called; the message says what to do."""


def _draft(arguments: argparse.Namespace) -> tuple[DraftInventory, str | None]:
    """The draft, and the line that says which site decided the parties (None: no site)."""
    database = open_cookie_database()
    if arguments.names:
        names = [name.strip() for name in arguments.names.split(",") if name.strip()]
        if not names:
            raise CommandError("--names lists no names; give them as a,b,c")
        return draft_from_names(names, database), None
    captures = read_captures(arguments)
    site_from = "given" if arguments.site else "first page"
    site = site_domain(arguments.site) if arguments.site else site_of_captures(captures)
    source = ", ".join(capture.path for capture in captures)
    draft = draft_from_observed(combine(captures), database, site, source)
    return draft, describe_site(site, site_from if site else None)


def run_init(arguments: argparse.Namespace, out: Terminal, err: Terminal) -> int:
    if bool(arguments.names) == bool(named_captures(arguments)):
        raise CommandError(
            "give either a capture (--har, --storage-state, --cookies-txt, "
            "--capture) or --names, not both or neither"
        )
    output = Path(arguments.output) if arguments.output else None
    if output is not None and output.exists() and not arguments.force:
        raise CommandError(f"{output} already exists; choose another file, or add --force")
    draft, site_line = _draft(arguments)
    text = draft_text(draft)
    where = str(output) if output else "<draft>"
    try:
        todo = sum(p.kind == "todo" for p in parse_inventory(text.encode(), where).problems)
    except InventoryError:  # cannot happen for a draft we wrote; say so rather than hide it
        todo = -1
    if output is None:
        out.stream.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output}: cannot be written: {error.strerror or error}") from None
    if not arguments.quiet:
        entries = len(draft.entries)
        err.line(
            f"Drafted {plural(entries, 'entry', 'entries')}"
            + (f" in {output}" if output else "")
            + f": {draft.known} known to the Open Cookie Database, {entries - draft.known} not."
        )
        if site_line is not None:
            err.line(f"site: {site_line}")
        if todo > 0:
            target = output or "FILE"
            err.line(
                err.style(
                    f"{plural(todo, 'value')} still to be written (TODO); once saved, "
                    f"`sphinx-cookies check {target}` lists them.",
                    "yellow",
                )
            )
    return 0
