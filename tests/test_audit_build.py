"""``cookies_audit``: the build warns (``cookies.audit``) about each cookie a capture shows that
the inventory does not declare, pointing at the capture's line."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import strip_colors


def audit_warnings(warning: StringIO) -> list[str]:
    lines = strip_colors(warning.getvalue()).splitlines()
    return [line for line in lines if "[cookies.audit]" in line]


@pytest.mark.sphinx("html", testroot="audit")
def test_each_undeclared_cookie_is_a_located_warning(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    capture = app.srcdir / "visit.har"
    expected = [
        (43, "AWSALB", "www.example.com", "https://www.example.com/"),
        (83, "__cf_bm", ".examplecdn.net", "https://cdn.examplecdn.net/app.js"),
        (113, "theme", "www.example.com", "https://www.example.com/about"),
    ]
    lines = audit_warnings(warning)
    assert len(lines) == len(expected)
    for line, (number, name, domain, seen_at) in zip(lines, expected, strict=True):
        assert line.startswith(f"{capture}:{number}: WARNING: cookie '{name}' ")
        assert line.endswith(
            f"(domain {domain}, seen at {seen_at}) is not declared in cookies.yaml; add it to "
            "the inventory [cookies.audit]"
        )
    # _ga_ABC123 is declared by the pattern _ga_* on .example.com; sessionid by name.
    assert "_ga_ABC123" not in strip_colors(warning.getvalue())
    assert "'sessionid'" not in strip_colors(warning.getvalue())


@pytest.mark.sphinx(
    "html",
    testroot="audit",
    srcdir="audit-silenced",
    confoverrides={"suppress_warnings": ["cookies.audit"]},
)
def test_audit_warnings_can_be_silenced(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert strip_colors(warning.getvalue()) == ""


@pytest.mark.sphinx(
    "html", testroot="audit", srcdir="audit-missing", confoverrides={"cookies_audit": "nowhere.har"}
)
def test_a_missing_capture_is_reported(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    (line,) = strip_colors(warning.getvalue()).splitlines()
    path = app.srcdir / "nowhere.har"
    # located at the file alone: no line, and not read as a document (``nowhere.har.rst``)
    assert line == (
        f"{path}:: WARNING: cannot audit with this capture: no such file [cookies.capture]"
    )


@pytest.mark.sphinx(
    "html", testroot="audit", srcdir="audit-bad-setting", confoverrides={"cookies_audit": 42}
)
def test_a_bad_setting_falls_back(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert re.search(
        r"WARNING: cookies_audit must be a capture file .* \[cookies\.config\]",
        strip_colors(warning.getvalue()),
    )
    assert audit_warnings(warning) == []  # the default: no audit


@pytest.mark.sphinx("html", testroot="audit-scan")
def test_a_scan_shows_cookies_set_before_consent(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    inventory, capture = app.srcdir / "cookies.yaml", app.srcdir / "scan.json"
    assert audit_warnings(warning) == [
        f"{capture}:14: WARNING: session storage key 'tab_state' (domain 127.0.0.1, seen at "
        "http://127.0.0.1:8000/) is not declared in cookies.yaml; add it to the inventory "
        "[cookies.audit]",
        f"{inventory}:12: WARNING: cookie 'stats_id' (domain 127.0.0.1) is in category "
        "analytics, which needs consent, but was set before the visitor chose (before: "
        "http://127.0.0.1:8000/) [ePrivacy Directive art. 5(3)]; hold back what sets it until "
        "consent [cookies.audit]",
    ]
