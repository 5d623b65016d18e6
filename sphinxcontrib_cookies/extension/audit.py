"""``cookies_audit``: at the end of a build, compare the inventory (``cookies_file``) with
captures of a real visit, and warn (``cookies.audit``) about each cookie they show that the
inventory does not declare, each entry that says ``party: first`` for a cookie seen outside
the site (the site of the captures' first page, by the Public Suffix List), and, for a scan
(``sphinx-cookies scan``), each cookie that needs consent and was set before it."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..inventory.problems import shown
from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_inventory
from .store import file_location

if TYPE_CHECKING:  # the audit and the capture readers are imported by a build that audits
    from ..audit import AuditReport
    from ..captures import Capture, ObservedCookie

logger = logging.getLogger(__name__)


def _check_captures(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return None
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return None
    return __(
        "must be a capture file (HAR, Playwright storage state, cookies.txt or scan) or a "
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
    from ..captures import CaptureError, read_capture

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
    source: dict[tuple[str, str, str], str] = {}
    for capture in reversed(captures):
        source.update((_key(cookie), capture.path) for cookie in capture.cookies)
    by_capture: dict[str, list[ObservedCookie]] = {}
    for cookie in report.undeclared:
        by_capture.setdefault(source[_key(cookie)], []).append(cookie)
    lines = {
        path: first_lines(path, {cookie.name for cookie in cookies})
        for path, cookies in by_capture.items()
    }
    for cookie in report.undeclared:
        path = source[_key(cookie)]
        logger.warning(
            _undeclared_message(cookie.storage),
            shown(cookie.name),
            shown(cookie.domain),
            shown(cookie.seen_at),
            os.path.relpath(inventory_path, app.srcdir),
            type="cookies",
            subtype="audit",
            location=file_location(path, lines[path].get(cookie.name)),
        )


def _undeclared_message(storage: str) -> str:
    """One whole sentence per kind of storage, so that each language can word it."""
    if storage == "local-storage":
        return __(
            "local storage key '%s' (domain %s, seen at %s) is not declared in %s; add it "
            "to the inventory"
        )
    if storage == "session-storage":
        return __(
            "session storage key '%s' (domain %s, seen at %s) is not declared in %s; add it "
            "to the inventory"
        )
    if storage == "indexeddb":
        return __(
            "IndexedDB database '%s' (domain %s, seen at %s) is not declared in %s; add it "
            "to the inventory"
        )
    return __("cookie '%s' (domain %s, seen at %s) is not declared in %s; add it to the inventory")


def _key(cookie: ObservedCookie) -> tuple[str, str, str]:
    """A cookie as every capture that shows it names it (merged evidence is a new object)."""
    return (cookie.name, cookie.domain, cookie.storage)


def warn_before_consent(inventory_path: str, report: AuditReport) -> None:
    """Each cookie that needs consent and was set without it, located at its entry."""
    for finding in report.before_consent:
        if finding.phases[0][0] == "before":
            message = __(
                "cookie '%s' (domain %s) is in category %s, which needs consent, but was set "
                "before the visitor chose (%s) [%s]; hold back what sets it until consent"
            )
        else:
            message = __(
                "cookie '%s' (domain %s) is in category %s, which needs consent, but was set "
                "after the visitor refused (%s) [%s]; hold back what sets it until consent"
            )
        logger.warning(
            message,
            shown(finding.observed.name),
            shown(finding.observed.domain),
            shown(finding.category),
            "; ".join(f"{phase}: {page}" for phase, page in finding.phases),
            finding.rule.citation,
            type="cookies",
            subtype="audit",
            location=file_location(inventory_path, finding.line),
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
    from ..audit import audit_inventory

    report = audit_inventory(inventory, captures)
    warn_undeclared(app, inventory_path, captures, report)
    warn_outside_site(inventory_path, report)
    warn_before_consent(inventory_path, report)


def setup_audit(app: Sphinx) -> None:
    add_config_values(app, AUDIT_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, AUDIT_VALUES))
    app.connect("build-finished", audit_build)
