"""The options that name captures, shared by ``audit`` and ``init``."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from types import MappingProxyType

from ..captures import MAX_CAPTURE_BYTES, Capture, printable, read_capture
from ..inventory import DEFAULT_MAX_BYTES

MIB = 1024 * 1024

#: Option, format, help.
CAPTURE_OPTIONS = (
    ("--har", "har", "a HAR file saved from a browser's developer tools or Playwright"),
    ("--storage-state", "storage-state", "a Playwright storage state (cookies and local storage)"),
    ("--cookies-txt", "cookies-txt", "a Netscape cookies.txt file (curl, wget, browser add-ons)"),
    ("--capture", None, "a capture of any of these kinds, told apart by its content"),
)


def captured_at(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{printable(text, 40)!r} is not a date and time; write it as 2026-05-01T10:00:00Z"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_SIZE = re.compile(r"([0-9]{1,15})\s*(?:([KMG])(?:i?B)?|B)?", re.IGNORECASE)
_UNITS = MappingProxyType({"": 1, "K": 1024, "M": 1024**2, "G": 1024**3})


def file_size(text: str) -> int:
    """A size in bytes, or with a binary unit: ``5242880``, ``500K``, ``10M``, ``10MiB``, ``1G``."""
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(
            f"{printable(text, 40)!r} is not a size; write it in bytes, or as 10M or 1G"
        )
    return int(match.group(1)) * _UNITS[(match.group(2) or "").upper()]


def add_size_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-file-size",
        metavar="SIZE",
        type=file_size,
        help="the largest file read, in bytes or as 10M or 1G (default: "
        f"{DEFAULT_MAX_BYTES // MIB} MiB for an inventory, as cookies_max_file_size, and "
        f"{MAX_CAPTURE_BYTES // MIB} MiB for a capture); given, it is the limit for both",
    )


def inventory_limit(arguments: argparse.Namespace) -> int:
    return arguments.max_file_size or DEFAULT_MAX_BYTES


def add_capture_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "captures", "what a real visit set; each option may be repeated, captures are combined"
    )
    for option, capture_format, help_text in CAPTURE_OPTIONS:
        group.add_argument(
            option,
            metavar="FILE",
            action="append",
            default=[],
            dest=f"capture_{(capture_format or 'any').replace('-', '_')}",
            help=help_text,
        )
    group.add_argument(
        "--site",
        metavar="DOMAIN",
        help="the site's domain, such as example.com: cookies of other domains are third-party "
        "(default: the domain of the first page in the first HAR)",
    )
    group.add_argument(
        "--captured-at",
        metavar="WHEN",
        type=captured_at,
        help="when a storage state or cookies.txt was saved, as ISO 8601 (default: the file's "
        "modification time); their expiry dates are counted from it",
    )


def named_captures(arguments: argparse.Namespace) -> list[tuple[str, str | None]]:
    named: list[tuple[str, str | None]] = []
    for _option, capture_format, _help in CAPTURE_OPTIONS:
        dest = f"capture_{(capture_format or 'any').replace('-', '_')}"
        named.extend((path, capture_format) for path in getattr(arguments, dest))
    return named


def read_captures(arguments: argparse.Namespace) -> list[Capture]:
    """Raises CaptureError for a capture that cannot be read."""
    limit = arguments.max_file_size or MAX_CAPTURE_BYTES
    return [
        read_capture(path, capture_format, arguments.captured_at, limit)
        for path, capture_format in named_captures(arguments)
    ]
