"""``sphinx-cookies audit FILE --har CAPTURE``: what a real visit set, against the inventory."""

from __future__ import annotations

import argparse
import json
import re

from ..audit import AuditReport, audit_inventory
from ..captures import FORMAT_NAMES, Capture, printable
from ..inventory import CookieInventory
from ..inventory.sites import suffix_list_version
from .capture_options import read_captures
from .terminal import Terminal, plural

#: Columns of the undeclared table are padded to their widest cell; a cell shows at most this
#: many characters of a value, so that one long name cannot widen every line of the report.
CELL_LENGTH = 60
_SURROGATE = re.compile("[\ud800-\udfff]")


def _cell(text: str) -> str:
    return printable(text, CELL_LENGTH)


def json_text(value: object) -> str:
    """JSON as ``--format json`` prints it: UTF-8, with a lone surrogate (which a capture may
    hold, and no UTF-8 text can) written as a ``\\ud800`` escape."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _capture_summary(capture: Capture) -> str:
    parts = [FORMAT_NAMES[capture.format]]
    if capture.format == "har":
        parts.append(plural(capture.requests, "request"))
    if capture.format == "scan":
        parts = [f"{parts[0]} of {plural(capture.requests, 'page visit')}"]
        for phase in capture.phases:
            shown = [c for c in capture.cookies if c.phases and c.phases[0][0] == phase]
            in_jar = sum(cookie.storage == "cookie" for cookie in shown)
            keys = plural(len(shown) - in_jar, "storage key")
            parts.append(f"{phase}: {plural(in_jar, 'cookie')} and {keys}")
        return f"{printable(capture.path)}: {'; '.join(parts)}"
    cookies = sum(cookie.storage == "cookie" for cookie in capture.cookies)
    parts.append(plural(cookies, "cookie"))
    if capture.has_local_storage:
        stored = len(capture.cookies) - cookies
        parts.append(plural(stored, "local storage key"))
    return f"{printable(capture.path)}: {', '.join(parts)}"


def describe_site(site: str | None, site_from: str | None) -> str:
    """The site a report or draft used, and what decided it."""
    if site is None:
        return "unknown (give --site to check first-party entries)"
    site = printable(site)
    if site_from == "given":
        return f"{site} (given with --site)"
    return f"{site} (the first page's, by the Public Suffix List {suffix_list_version()})"


def print_report(report: AuditReport, captures: list[Capture], out: Terminal) -> None:
    inventory = printable(report.inventory)
    out.line(out.style(f"Audit of {inventory}", "bold"))
    for capture in captures:
        out.line(f"  {_capture_summary(capture)}")
    out.line(f"  site: {describe_site(report.site, report.site_from)}")
    _print_findings(report, inventory, out)
    out.line()
    _print_counts(report, out)


def _print_findings(report: AuditReport, inventory: str, out: Terminal) -> None:
    """Each kind of finding under its heading, the worst first."""
    if report.undeclared:
        out.line()
        out.line(out.style(f"Undeclared: {len(report.undeclared)}", "bold", "red"))
        out.table(
            ("NAME", "DOMAIN", "STORAGE", "SET BY", "SEEN AT"),
            [
                (
                    _cell(c.name),
                    _cell(c.domain),
                    c.storage,
                    _cell(c.set_by or "-"),
                    printable(c.seen_at),
                )
                for c in report.undeclared
            ],
        )
    if report.before_consent:
        out.line()
        title = f"Set before consent: {len(report.before_consent)}"
        out.line(out.style(title, "bold", "red"))
        for finding in report.before_consent:
            observed = finding.observed
            out.line(
                f"  {inventory}:{finding.line}: {_cell(observed.name)} ({_cell(observed.domain)}) "
                f"{printable(finding.message)} [{finding.rule.citation}]"
            )
    if report.unseen:
        out.line()
        out.line(out.style(f"Declared but not seen: {len(report.unseen)}", "bold", "yellow"))
        for entry in report.unseen:
            out.line(f"  {inventory}:{entry.line}: {printable(entry.name)}")
    if report.mismatches:
        out.line()
        out.line(out.style(f"Mismatches: {len(report.mismatches)}", "bold", "yellow"))
        for mismatch in report.mismatches:
            observed = mismatch.observed
            out.line(
                f"  {inventory}:{mismatch.line}: {_cell(observed.name)} ({_cell(observed.domain)}) "
                f"{printable(mismatch.message)}"
            )
    if report.not_checked:
        out.line()
        out.line(f"Not checked, the captures cannot show their type: {len(report.not_checked)}")
        for entry in report.not_checked:
            out.line(f"  {inventory}:{entry.line}: {printable(entry.name)} ({entry.type})")


def _print_counts(report: AuditReport, out: Terminal) -> None:
    """The last line: how many of each, coloured by the worst."""
    consent = len(report.before_consent)
    counts = (
        f"{len(report.undeclared)} undeclared, "
        + (f"{consent} set before consent, " if consent else "")
        + f"{len(report.unseen)} declared but not seen, "
        f"{plural(len(report.mismatches), 'mismatch', 'mismatches')} "
        f"({report.observed} observed)"
    )
    if report.fails:
        out.line(out.style(counts, "red"))
    elif report.unseen or report.mismatches:
        out.line(out.style(counts, "yellow"))
    else:
        out.line(
            out.style(
                f"Nothing to report: the {plural(report.observed, 'cookie')} seen are declared "
                "and fit their entries, and every declared name was seen.",
                "green",
            )
        )


def run_audit(
    arguments: argparse.Namespace, inventory: CookieInventory, out: Terminal, err: Terminal
) -> int:
    """0: everything seen is declared; 1: something is undeclared, or a cookie that needs
    consent was set without it. Raises CaptureError."""
    captures = read_captures(arguments)
    report = audit_inventory(inventory, captures, arguments.site)
    if not report.observed:
        warning = "warning: the captures show no cookie at all; check that they recorded the visit"
        err.line(err.style(warning, "yellow"))
    if arguments.format == "json":
        out.line(json_text(report.to_json()))
    else:
        print_report(report, captures, out)
    return 1 if report.fails else 0
