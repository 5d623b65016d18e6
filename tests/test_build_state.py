"""The inventories belong to one build: read and reported on once in it, and again in the next.

And the configured inventory (``cookies_file``) is read the same way by every feature that uses
it: a missing or unreadable one is a ``cookies.file`` warning at the file, once per feature.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, strip_colors


def test_each_build_of_one_application_reads_and_reports_afresh(tmp_path: Path) -> None:
    """The second build of the same application finds the file unchanged, yet parses it and
    reports its problem again: nothing is left over from the first. (Having parsed the same
    content twice, it keeps the parse beside the doctrees for a third build.)"""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-parallel", srcdir)
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=tmp_path / "build",
        status=StringIO(),
        warning=StringIO(),
        verbosity=1,
    )
    try:
        app.build()
        first = strip_colors(app.warning.getvalue()).splitlines()
        assert strip_colors(app.status.getvalue()).count("parsing cookie inventory") == 1
        page = srcdir / "page00.rst"
        page.write_text(page.read_text() + "\nEdited.\n")
        app.build()  # reads page00 again, and so its inventory
    finally:
        app.cleanup()
    both = strip_colors(app.warning.getvalue()).splitlines()
    assert len(first) == 1 and "[cookies.duration]" in first[0]
    assert both == first + first
    assert strip_colors(app.status.getvalue()).count("parsing cookie inventory") == 2


def test_export_and_audit_report_a_missing_configured_file_alike(tmp_path: Path) -> None:
    app = build_copy(
        "audit",
        tmp_path,
        confoverrides={"cookies_file": "absent.yaml", "cookies_export": True},
    )
    path = app.srcdir / "absent.yaml"
    assert strip_colors(app.warning.getvalue()).splitlines() == [
        f"{app.srcdir / 'index.rst'}:4: WARNING: the cookie inventory 'cookies_file' does not "
        f"exist (looked for {path}); check the path given in conf.py [cookies.file]",
        f"{path}:: WARNING: cookies_export is on, but the inventory (cookies_file) does not "
        "exist; nothing was exported [cookies.file]",
        f"{path}:: WARNING: cookies_audit is set, but the inventory (cookies_file) does not "
        "exist; nothing was audited [cookies.file]",
    ]
    assert not (app.outdir / "cookies.json").exists()


def test_an_unreadable_configured_file_is_reported_once_then_by_each_feature(
    tmp_path: Path,
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-audit", srcdir)
    (srcdir / "legal").mkdir()
    app = build_copy(
        "audit", tmp_path, confoverrides={"cookies_file": "legal", "cookies_export": True}
    )
    path = srcdir / "legal"
    assert strip_colors(app.warning.getvalue()).splitlines() == [
        f"{path}:: WARNING: the inventory is a folder, not a file; name the YAML file in it "
        "[cookies.file]",
        f"{path}:: WARNING: cookies_export is on, but the inventory (cookies_file) cannot be "
        "read (see above); nothing was exported [cookies.file]",
        f"{path}:: WARNING: cookies_audit is set, but the inventory (cookies_file) cannot be "
        "read (see above); nothing was audited [cookies.file]",
    ]
