"""``cookies_audit``: at the end of a build, compare the inventory (``cookies_file``) with
captures of a real visit, and warn (``cookies.audit``) about each cookie they show that the
inventory does not declare."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_inventory
from .store import file_location

if TYPE_CHECKING:
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


def line_of(path: str, cookie: ObservedCookie) -> int | None:
    """The first line of the capture that names the cookie (``name=`` in a header, ``"name"``
    in JSON, a field of cookies.txt), so that the warning points into the file."""
    name = re.escape(cookie.name)
    pattern = re.compile(rf'(?:^|[\s;:"]){name}=|"{name}"|\t{name}\t')
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as stream:
            for number, line in enumerate(stream, start=1):
                if pattern.search(line):
                    return number
    except OSError:
        return None
    return None


def warn_undeclared(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not app.config.cookies_audit:
        return
    configured = configured_inventory(
        app, __("cookies_audit is set, but the inventory (cookies_file) %s; nothing was audited")
    )
    if configured is None:
        return
    inventory_path, inventory = configured
    # Imported here: every build loads the extension, few audit (the readers cost 20 ms).
    from ..audit import audit_inventory
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
    if not captures:
        return
    report = audit_inventory(inventory, captures)
    for cookie in report.undeclared:
        source = next(c.path for c in captures if cookie in c.cookies)
        line = line_of(source, cookie)
        what = __("local storage key") if cookie.storage == "local-storage" else __("cookie")
        logger.warning(
            __("%s %r (domain %s, seen at %s) is not declared in %s; add it to the inventory"),
            what,
            cookie.name,
            cookie.domain,
            cookie.seen_at,
            os.path.relpath(inventory_path, app.srcdir),
            type="cookies",
            subtype="audit",
            location=file_location(source, line),
        )


def setup_audit(app: Sphinx) -> None:
    add_config_values(app, AUDIT_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, AUDIT_VALUES))
    app.connect("build-finished", warn_undeclared)
