"""``cookies_audit``: at the end of a build, compare the inventory (``cookies_file``) with
captures of a real visit, and warn (``cookies.audit``) about each cookie they show that the
inventory does not declare, and each entry that says ``party: first`` for a cookie seen outside
the site (the site of the captures' first page, by the Public Suffix List)."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..audit import AuditReport, audit_inventory
from ..captures import Capture, CaptureError, ObservedCookie, read_capture
from ..inventory.problems import shown
from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_inventory
from .store import file_location

logger = logging.getLogger(__name__)


def _check_captures(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return None
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return None
    return __(
        "must be a capture file (HAR, Playwright storage state or cookies.txt) or a "
        "list of them, relative to the source directory"
    )


AUDIT_VALUES = (
    ConfigValue(
        "cookies_audit",
        None,
        (str, list, tuple, type(None)),
        _check_captures,
        "Captures of a real visit; the build warns about each cookie they show that the "
        "inventory does not declare.",
    ),
)


def capture_paths(app: Sphinx) -> list[str]:
    value = app.config.cookies_audit
    names: Sequence[str] = [value] if isinstance(value, str) else (value or [])
    return [os.path.normpath(os.path.join(app.srcdir, name)) for name in names]


#: What names a cookie in a capture: ``name=`` in a header (after a start of line, a space,
#: ``;``, ``:`` or ``"``), a JSON string, or a field of cookies.txt between two tabs.
_ASSIGNED = re.compile(r'(?:^|(?<=[\s;:"]))([^\s;:"=]+)=')
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _names_in(line: str) -> Iterator[str]:
    for match in _ASSIGNED.finditer(line):
        yield match.group(1)
    for match in _JSON_STRING.finditer(line):
        yield match.group(1)
    yield from line.split("\t")[1:-1]


def first_lines(path: str, names: Collection[str]) -> dict[str, int]:
    """The first line of the capture that names each of ``names`` (``name=`` in a header,
    ``"name"`` in JSON, a field of cookies.txt), so that a warning points into the file. One
    reading of the file, whatever the number of names."""
    wanted = set(names)
    found: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as stream:
            for number, line in enumerate(stream, start=1):
                for name in _names_in(line):
                    if name in wanted:
                        found.setdefault(name, number)
                if len(found) == len(wanted):
                    break
    except OSError:
        pass
    return found


def read_captures(app: Sphinx) -> list[Capture]:
    """The captures of ``cookies_audit``; each one that cannot be read is a warning."""
    captures: list[Capture] = []
    for path in capture_paths(app):
        try:
            captures.append(read_capture(path))
        except CaptureError as error:
            logger.warning(
                __("cannot audit with this capture: %s"),
                error.message,
                type="cookies",
                subtype="capture",
                location=file_location(error.path, error.line),
            )
    return captures


def warn_undeclared(
    app: Sphinx, inventory_path: str, captures: list[Capture], report: AuditReport
) -> None:
    """Each undeclared cookie, located at the first line of the capture that shows it."""
    source: dict[ObservedCookie, str] = {}
    for capture in reversed(captures):
        source.update((cookie, capture.path) for cookie in capture.cookies)
    by_capture: dict[str, list[ObservedCookie]] = {}
    for cookie in report.undeclared:
        by_capture.setdefault(source[cookie], []).append(cookie)
    lines = {
        path: first_lines(path, {cookie.name for cookie in cookies})
        for path, cookies in by_capture.items()
    }
    for cookie in report.undeclared:
        path = source[cookie]
        what = __("local storage key") if cookie.storage == "local-storage" else __("cookie")
        logger.warning(
            __("%s '%s' (domain %s, seen at %s) is not declared in %s; add it to the inventory"),
            what,
            shown(cookie.name),
            shown(cookie.domain),
            shown(cookie.seen_at),
            os.path.relpath(inventory_path, app.srcdir),
            type="cookies",
            subtype="audit",
            location=file_location(path, lines[path].get(cookie.name)),
        )


def warn_outside_site(inventory_path: str, report: AuditReport) -> None:
    """Each entry that says ``party: first`` for a cookie seen outside the site, located at the
    entry."""
    for mismatch in report.mismatches:
        if mismatch.kind != "party":
            continue
        logger.warning(
            __("cookie '%s' %s; write party: third"),
            shown(mismatch.observed.name),
            mismatch.message,
            type="cookies",
            subtype="audit",
            location=file_location(inventory_path, mismatch.line),
        )


def audit_build(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not app.config.cookies_audit:
        return
    configured = configured_inventory(
        app, __("cookies_audit is set, but the inventory (cookies_file) %s; nothing was audited")
    )
    if configured is None:
        return
    inventory_path, inventory = configured
    captures = read_captures(app)
    if not captures:
        return
    report = audit_inventory(inventory, captures)
    warn_undeclared(app, inventory_path, captures, report)
    warn_outside_site(inventory_path, report)


def setup_audit(app: Sphinx) -> None:
    add_config_values(app, AUDIT_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, AUDIT_VALUES))
    app.connect("build-finished", audit_build)
