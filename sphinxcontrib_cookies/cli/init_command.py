"""``sphinx-cookies init``: a draft inventory from a capture or from a list of names."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

from ..audit import combine, site_of_captures
from ..captures import site_domain
from ..draft import DraftInventory, draft_from_names, draft_from_observed, open_cookie_database
from ..draft import write_draft as draft_text
from ..inventory import InventoryError, parse_inventory
from .audit_command import describe_site
from .capture_options import named_captures, read_captures
from .terminal import Terminal, plural

ALREADY_EXISTS = "{output} already exists; choose another file, or add --force"


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


def write_output(output: Path, text: str, force: bool) -> None:
    """Write the draft to a new file (or, with ``force``, over a regular one), never through a
    symbolic link: a dangling link would otherwise create the file it points to, anywhere."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK
    flags |= os.O_TRUNC if force else os.O_EXCL
    try:
        descriptor = os.open(output, flags, 0o666)
    except FileExistsError:
        raise CommandError(
            f"{output} already exists; choose another file, or add --force"
        ) from None
    except OSError as error:
        if output.is_symlink():
            raise CommandError(
                f"{output} is a symbolic link; give the path of the file itself"
            ) from None
        raise CommandError(f"{output}: cannot be written: {error.strerror or error}") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise CommandError(f"{output} is not a regular file; give a file to write")
        stream.write(text)


def run_init(arguments: argparse.Namespace, out: Terminal, err: Terminal) -> int:
    if bool(arguments.names) == bool(named_captures(arguments)):
        raise CommandError(
            "give either a capture (--har, --storage-state, --cookies-txt, "
            "--capture) or --names, not both or neither"
        )
    output = Path(arguments.output) if arguments.output else None
    if output is not None and os.path.lexists(output) and not arguments.force:
        raise CommandError(ALREADY_EXISTS.format(output=output))
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
        write_output(output, text, arguments.force)
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
