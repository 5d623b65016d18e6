"""``cookies_audit``: the build warns (``cookies.audit``) about each cookie a capture shows that
the inventory does not declare, pointing at the capture's line."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


def warnings_of(stream: StringIO) -> str:
    """The warning stream without the terminal's colours."""
    return ESCAPES.sub("", stream.getvalue())


def audit_warnings(warning: StringIO) -> list[str]:
    return [line for line in warnings_of(warning).splitlines() if "[cookies.audit]" in line]


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
    assert "_ga_ABC123" not in warnings_of(warning)
    assert "'sessionid'" not in warnings_of(warning)


@pytest.mark.sphinx(
    "html",
    testroot="audit",
    srcdir="audit-silenced",
    confoverrides={"suppress_warnings": ["cookies.audit"]},
)
def test_audit_warnings_can_be_silenced(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == ""


@pytest.mark.sphinx(
    "html", testroot="audit", srcdir="audit-missing", confoverrides={"cookies_audit": "nowhere.har"}
)
def test_a_missing_capture_is_reported(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    (line,) = warnings_of(warning).splitlines()
    path = app.srcdir / "nowhere.har"
    assert (
        line == f"WARNING: cannot audit with this capture: {path}: no such file [cookies.capture]"
    )


@pytest.mark.sphinx(
    "html", testroot="audit", srcdir="audit-bad-setting", confoverrides={"cookies_audit": 42}
)
def test_a_bad_setting_falls_back(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert re.search(
        r"WARNING: cookies_audit must be a capture file .* \[cookies\.config\]",
        warnings_of(warning),
    )
    assert audit_warnings(warning) == []  # the default: no audit
