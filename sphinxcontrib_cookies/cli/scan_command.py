"""``sphinx-cookies scan URL... -o CAPTURE.json``: visit a live site in Chromium, before and after
consent, and write what it set as a capture that ``audit`` and ``init`` read.

Playwright is an optional extra: it is imported here, when a scan runs, and only then."""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from ..captures import CONSENT_PHASES, printable
from ..scan import INSTALL_HINT, ScanOptions
from ..scan.browser import is_loopback
from ..scan.crawl import origin_of
from ..scan.record import PhaseRecord, ScanRecord
from .audit_command import json_text
from .init_command import ALREADY_EXISTS, CommandError, write_output
from .terminal import Terminal, plural


def _phases(text: str) -> tuple[str, ...]:
    phases = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [phase for phase in phases if phase not in CONSENT_PHASES]
    if unknown or not phases:
        raise argparse.ArgumentTypeError(
            f"{printable(text, 40)!r}: give phases among {', '.join(CONSENT_PHASES)}, "
            "separated by commas"
        )
    return phases


def _positive(kind: type[int] | type[float]) -> argparse._ActionType:
    def read(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{printable(text, 40)!r} is not a positive number")
        return value

    return read


def add_scan_arguments(scan: argparse.ArgumentParser) -> None:
    scan.add_argument("urls", nargs="+", metavar="URL", help="a page to start from")
    scan.add_argument("-o", "--output", metavar="FILE", required=True, help="the capture to write")
    scan.add_argument("--force", action="store_true", help="overwrite the --output file")
    scan.add_argument(
        "--max-pages", type=_positive(int), default=50, metavar="N",
        help="visit at most N pages in each phase (default: 50)",
    )  # fmt: skip
    scan.add_argument(
        "--sitemap", action="store_true", help="also visit the pages of each origin's sitemap.xml"
    )
    scan.add_argument(
        "--phases", type=_phases, default=CONSENT_PHASES, metavar="A,B",
        help="the consent phases to record (default: before,refuse,accept)",
    )  # fmt: skip
    scan.add_argument(
        "--accept-selector", metavar="CSS",
        help="the button that accepts everything, for a banner other than cookieconsent",
    )  # fmt: skip
    scan.add_argument(
        "--refuse-selector", metavar="CSS",
        help="the button that refuses everything, for a banner other than cookieconsent",
    )  # fmt: skip
    scan.add_argument(
        "--page-timeout", type=_positive(float), default=15.0, metavar="SECONDS",
        help="how long a page may take to load before it is cut (default: 15)",
    )  # fmt: skip
    scan.add_argument(
        "--settle", type=_positive(float), default=2.0, metavar="SECONDS",
        help="after a page loaded, wait for a quiet network at most this long (default: 2)",
    )  # fmt: skip
    scan.add_argument(
        "--browser", metavar="PATH",
        help="the Chromium to drive (default: Playwright's own, else the system's chromium)",
    )  # fmt: skip
    scan.add_argument("--user-agent", metavar="TEXT", help="present this user agent instead")
    scan.add_argument(
        "--loopback-only", action="store_true",
        help="refuse every request to a host off this machine's loopback interface "
        "(a locally served build, tests)",
    )  # fmt: skip
    scan.add_argument(
        "--har", metavar="FILE", help="also write a HAR per phase: FILE-before.har..."
    )


def _options(arguments: argparse.Namespace) -> ScanOptions:
    for url in arguments.urls:
        if origin_of(url) is None:
            raise CommandError(f"{printable(url)} is not an http:// or https:// address")
        if arguments.loopback_only and not is_loopback(urlsplit(url).hostname or ""):
            raise CommandError(f"--loopback-only, but {printable(url)} is not on this machine")
    return ScanOptions(
        start=tuple(arguments.urls),
        max_pages=arguments.max_pages,
        page_timeout=arguments.page_timeout,
        settle=arguments.settle,
        phases=arguments.phases,
        accept_selector=arguments.accept_selector,
        refuse_selector=arguments.refuse_selector,
        browser=arguments.browser,
        user_agent=arguments.user_agent,
        sitemap=arguments.sitemap,
        loopback_only=arguments.loopback_only,
        har=arguments.har,
    )


def _phase_summary(record: PhaseRecord, err: Terminal) -> None:
    storage = len(record.storage)
    err.line(
        f"{record.phase}: {plural(len(record.pages), 'page')}, "
        f"{plural(len(record.cookies), 'cookie')}, {plural(storage, 'storage key')}"
    )
    if record.consent is not None and not record.consent.given:
        err.line(err.style(f"  warning: {record.phase}: {record.consent.problem}", "yellow"))
    for page in record.problems:
        err.line(err.style(f"  {printable(page.url)}: {printable(page.problem or '')}", "yellow"))
    for reason, skipped in record.skipped.items():
        err.line(f"  not visited ({reason}): {skipped.count}")
    if record.refused.count:
        err.line(f"  requests off this machine refused (--loopback-only): {record.refused.count}")


def run_scan_command(arguments: argparse.Namespace, out: Terminal, err: Terminal) -> int:
    """0: the scan ran; 2: it could not (no Playwright, no browser, no page loaded)."""
    output = Path(arguments.output)
    if output.exists() and not arguments.force:
        raise CommandError(ALREADY_EXISTS.format(output=output))
    options = _options(arguments)
    try:
        from ..scan.runner import ScanError, run_scan
    except ImportError as error:
        if (error.name or "").split(".")[0] != "playwright":
            raise
        raise CommandError(
            f"scan needs Playwright, which the extra 'scan' installs: {INSTALL_HINT}"
        ) from None
    try:
        record = run_scan(options)
    except ScanError as error:
        raise CommandError(str(error)) from None
    _write(record, output, arguments.force)
    if not arguments.quiet:
        for phase in record.phases:
            _phase_summary(phase, err)
        err.line(f"Wrote {output}; audit it: sphinx-cookies audit cookies.yaml --capture {output}")
    if not any(page.problem is None for phase in record.phases for page in phase.pages):
        raise CommandError("no page could be loaded; check the address and that the site is up")
    return 0


def _write(record: ScanRecord, output: Path, force: bool) -> None:
    write_output(output, json_text(record.to_json()) + "\n", force)
