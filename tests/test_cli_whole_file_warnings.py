"""A problem with a whole file (an inventory that is a folder, a capture that is missing) is a
warning located at that file, without a line: ``path:: WARNING: ...``, Sphinx's own form for a
place without a line. Never ``path:0``, never ``path.rst`` (what Sphinx makes of a location
without a colon, taking it for a document), never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import build_copy, strip_colors
from output import cookie_tables


def warning_lines(app: SphinxTestApp) -> list[str]:
    return strip_colors(app.warning.getvalue()).splitlines()


def test_an_inventory_that_is_a_folder_is_located_at_the_folder(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-rebuild", source)
    inventory = source / "cookies.yaml"
    text = inventory.read_text(encoding="utf-8")
    inventory.unlink()
    inventory.mkdir()  # e.g. an unpacked archive where the file was expected

    first = build_copy("rebuild", tmp_path)
    assert warning_lines(first) == [
        f"{inventory}:: WARNING: the inventory is a folder, not a file; name the YAML file in it "
        "[cookies.file]"
    ]  # once, though two pages read it
    assert cookie_tables((first.outdir / "uses-one.html").read_text(encoding="utf-8")) == []

    inventory.rmdir()
    inventory.write_text(text, encoding="utf-8")
    fixed = build_copy("rebuild", tmp_path)
    assert warning_lines(fixed) == []
    assert cookie_tables((fixed.outdir / "uses-one.html").read_text(encoding="utf-8"))


def test_capture_problems_are_located_at_the_capture(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-audit", source)
    (source / "folder.har").mkdir()
    truncated = (source / "visit.har").read_text(encoding="utf-8").splitlines()[:5]
    (source / "cut.har").write_text("\n".join(truncated), encoding="utf-8")

    app = build_copy(
        "audit",
        tmp_path,
        confoverrides={"cookies_audit": ["nowhere.har", "folder.har", "cut.har"]},
    )
    lines = warning_lines(app)
    assert lines[:2] == [
        f"{source / 'nowhere.har'}:: WARNING: cannot audit with this capture: no such file "
        "[cookies.capture]",
        f"{source / 'folder.har'}:: WARNING: cannot audit with this capture: is a directory, not "
        "a capture file [cookies.capture]",
    ]
    # a problem on a line of the capture keeps its line
    assert lines[2:] == [
        f"{source / 'cut.har'}:5: WARNING: cannot audit with this capture: not valid JSON: "
        "Expecting property name enclosed in double quotes at column 41 [cookies.capture]"
    ]
