"""Incremental builds decide from the slice of the inventory each page shows.

A page is read again when what it shows of the inventory changed, and only then: touching the
file, editing a page without a table, or changing a cookie that no page shows reads nothing
again, and the inventory is parsed only when a page that uses it may have changed. Each test
builds ``tests/roots/test-incremental`` once, changes one thing and rebuilds, reading the pages
that Sphinx read again from its ``reading sources... [ N%] docname`` lines.

A rebuild also repeats the warnings of a still-broken inventory, and writes again the pages
whose ``:cookie:`` links no longer resolve, so that they warn.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, strip_colors

READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
WRITING = re.compile(r"writing output\.\.\. \[\s*\d+%\] (\S+)")


def read_again(app: SphinxTestApp) -> list[str]:
    return sorted(READING.findall(strip_colors(app.status.getvalue())))


def written(app: SphinxTestApp) -> list[str]:
    return sorted(WRITING.findall(strip_colors(app.status.getvalue())))


def parses(app: SphinxTestApp) -> int:
    """How many times the build parsed an inventory (logged at verbosity 1)."""
    return strip_colors(app.status.getvalue()).count("parsing cookie inventory")


def reuses(app: SphinxTestApp) -> int:
    """How many times the build used an earlier build's parse (``extension/parsed.py``)."""
    return strip_colors(app.status.getvalue()).count("its earlier parse is used")


def copies(srcdir: Path) -> list[str]:
    """The parses kept in the doctree folder of the build of ``srcdir``."""
    folder = srcdir.parent / "build" / "doctrees" / "cookies-parsed"
    return sorted(path.name for path in folder.glob("*.pickle"))


def warnings(app: SphinxTestApp) -> list[str]:
    text = strip_colors(app.warning.getvalue())
    return [line.split("/src/", 1)[-1] for line in text.splitlines()]


def build(tmp_path: Path, buildername: str = "html", **options: object) -> SphinxTestApp:
    return build_copy("incremental", tmp_path, buildername, verbosity=1, **options)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """The project, built once: the source folder."""
    first = build(tmp_path)
    assert read_again(first) == [
        "controller",
        "index",
        "kinds",
        "necessary",
        "plain",
        "statistics",
        "updated",
    ]
    assert parses(first) == 1 and warnings(first) == []
    return tmp_path / "src"


def test_a_rebuild_without_change_reads_and_parses_nothing(built: Path) -> None:
    again = build(built.parent)
    assert read_again(again) == [] and parses(again) == 0


def test_touching_the_inventory_reads_and_parses_nothing(built: Path) -> None:
    inventory = built / "cookies.yaml"
    now = time.time_ns() + 10**9  # later than the first build, whatever the clock's grain
    os.utime(inventory, ns=(now, now))
    touched = build(built.parent)
    assert read_again(touched) == [] and parses(touched) == 0


def test_editing_one_purpose_reads_only_the_page_that_shows_it(built: Path) -> None:
    edit(built / "cookies.yaml", "Protects forms", "Protects every form")
    edited = build(built.parent)
    assert read_again(edited) == ["necessary"]
    assert parses(edited) == 1
    html = (edited.outdir / "necessary.html").read_text(encoding="utf-8")
    assert "Protects every form" in html


def test_editing_a_page_without_a_table_does_not_parse_the_inventory(built: Path) -> None:
    edit(built / "plain.rst", "No table here", "Still no table here")
    edited = build(built.parent)
    assert read_again(edited) == ["plain"] and parses(edited) == 0


def test_a_change_that_no_page_shows_reads_nothing_again(built: Path) -> None:
    edit(built / "cookies.yaml", "Shows advertising", "Shows adverts")
    edited = build(built.parent)
    assert read_again(edited) == [] and parses(edited) == 1
    # The next build knows that this content changes no page: it does not even parse it.
    again = build(built.parent)
    assert read_again(again) == [] and parses(again) == 0


def test_each_page_reads_again_for_its_own_slice(built: Path) -> None:
    inventory = built / "cookies.yaml"
    edit(inventory, "updated: 2026-11-29", "updated: 2026-12-01")
    assert read_again(build(built.parent)) == ["updated"]
    edit(inventory, "privacy@shop.example", "dpo@shop.example")  # a legal directive's slice
    assert read_again(build(built.parent)) == ["controller"]
    edit(inventory, "description: Counts visits.", "description: Counts every visit.")
    assert read_again(build(built.parent)) == ["kinds", "statistics"]
    edit(inventory, "    title: Marketing\n", "    title: Marketing\n  extra:\n    title: Extra\n")
    assert read_again(build(built.parent)) == []


def test_another_builder_reads_nothing_again_and_writes_what_a_fresh_build_writes(
    built: Path,
) -> None:
    """Column widths are planned when each builder writes (``extension/widths.py``), so the
    doctrees an HTML build read serve a text build as they are, and it writes what a text
    build from scratch writes."""
    text = build(built.parent, "text")
    assert read_again(text) == []
    fresh = build_copy("incremental", built.parent / "fresh", "text")
    for page in ("necessary.txt", "statistics.txt"):
        assert (text.outdir / page).read_text() == (fresh.outdir / page).read_text()
    assert read_again(build(built.parent)) == []  # text doctrees serve HTML as they are


def edit_prose(srcdir: Path, number: int) -> None:
    """An edit of the text around the table of ``necessary``."""
    page = srcdir / "necessary.rst"
    page.write_text(page.read_text(encoding="utf-8") + f"\nEdit {number}.\n", encoding="utf-8")


def test_editing_a_page_that_shows_a_table_uses_the_earlier_parse(built: Path) -> None:
    """The prose around a table is the commonest edit of a policy page. The first build parsed
    the file once and kept nothing; the first edit parses the same content a second time, and
    keeps its parse; every later edit reads the page again with that parse, and writes the page
    a fresh build writes."""
    assert copies(built) == []
    edit_prose(built, 1)
    first = build(built.parent)
    assert read_again(first) == ["necessary"] and parses(first) == 1 and reuses(first) == 0
    assert len(copies(built)) == 1
    edit_prose(built, 2)
    second = build(built.parent)
    assert read_again(second) == ["necessary"] and parses(second) == 0 and reuses(second) == 1
    fresh_source = built.parent / "fresh" / "src"
    shutil.copytree(built, fresh_source)
    fresh = build_copy("incremental", fresh_source.parent)  # builds the copy, from scratch
    page = (second.outdir / "necessary.html").read_text(encoding="utf-8")
    assert "Edit 2." in page
    assert page == (fresh.outdir / "necessary.html").read_text(encoding="utf-8")


def test_a_parse_is_kept_once_per_file_and_only_for_its_content(built: Path) -> None:
    edit_prose(built, 1)
    build(built.parent)
    [first] = copies(built)
    # A new content parsed once is not kept (an edit of the inventory is often not the last).
    edit(built / "cookies.yaml", "Protects forms", "Protects every form")
    assert parses(build(built.parent)) == 1 and copies(built) == [first]
    edit_prose(built, 2)
    assert parses(build(built.parent)) == 1  # parsed a second time: kept
    [second] = copies(built)
    assert second != first  # the earlier content's parse is replaced, not kept beside it
    # Another limit shapes the parse: the kept one is not used.
    edit_prose(built, 3)
    limited = build(built.parent, confoverrides={"cookies_max_name_length": 200})
    assert parses(limited) == 1 and reuses(limited) == 0


def test_a_damaged_parse_is_parsed_again_without_a_trace(built: Path) -> None:
    edit_prose(built, 1)
    build(built.parent)
    [name] = copies(built)
    copy = built.parent / "build" / "doctrees" / "cookies-parsed" / name
    copy.write_bytes(b"\x80\x05not a pickle")
    edit_prose(built, 2)
    again = build(built.parent)
    assert read_again(again) == ["necessary"] and parses(again) == 1 and reuses(again) == 0
    assert warnings(again) == []
    assert copies(built) == [name]  # parsed, and kept again


def test_a_still_broken_inventory_warns_at_every_build(built: Path) -> None:
    edit(
        built / "cookies.yaml",
        "    purpose: Counts visits\n",
        "    purpose: Counts visits\n    colour: blue\n",
    )
    first = build(built.parent)
    [warning] = warnings(first)
    assert warning.startswith("cookies.yaml:27: WARNING: unknown key 'colour'")
    unchanged = build(built.parent, warningiserror=True)
    assert read_again(unchanged) == [] and parses(unchanged) == 0
    assert warnings(unchanged) == [warning]
    assert unchanged.statuscode == 1  # -W fails every build until the inventory is fixed
    # A page with a table read again, twice: parsed (and kept), then with the kept parse, whose
    # problems are reported as the parse's.
    for number, reused in ((1, 0), (2, 1)):
        edit_prose(built, number)
        reread = build(built.parent)
        assert read_again(reread) == ["necessary"] and reuses(reread) == reused
        assert warnings(reread) == [warning]


def test_a_removed_cookie_makes_the_links_to_it_warn(built: Path) -> None:
    inventory = built / "cookies.yaml"
    text = inventory.read_text(encoding="utf-8")
    entry = "  - name: csrftoken\n    category: necessary\n    purpose: Protects forms\n"
    edit(inventory, entry + "    duration: P1Y\n", "")
    removed = build(built.parent)
    assert read_again(removed) == ["necessary"]
    assert written(removed) == ["index", "necessary", "plain"]  # index: its toctree
    assert warnings(removed) == [
        "plain.rst:4: WARNING: no cookie table declares 'csrftoken'; add it to the inventory "
        "and render it with cookie-table, or correct the name [cookies.unknown-cookie]"
    ]
    inventory.write_text(text, encoding="utf-8")
    restored = build(built.parent)
    assert written(restored) == ["index", "necessary", "plain"] and warnings(restored) == []
    html = (restored.outdir / "plain.html").read_text(encoding="utf-8")
    assert 'href="necessary.html#cookie-csrftoken"' in html


def test_a_directive_argument_inventory_warns_once_with_j(tmp_path: Path) -> None:
    """Forked readers that parse a file that the main process did not load before forking
    leave its problems to the main process, which reports them once."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", srcdir)
    edit(
        srcdir / "cookies.yaml",
        "    purpose: Counts visits\n",
        "    purpose: Counts visits\n    colour: blue\n",
    )
    shutil.move(srcdir / "cookies.yaml", srcdir / "other.yaml")
    for number in range(12):
        title = f"Page {number}"
        body = f"{title}\n{'=' * len(title)}\n\n.. cookie-table:: other.yaml\n"
        (srcdir / f"page{number:02d}.rst").write_text(body, encoding="utf-8")
    (srcdir / "index.rst").write_text("Index\n=====\n\n.. toctree::\n   :glob:\n\n   page*\n")
    for page in ("necessary", "statistics", "kinds", "updated", "plain", "controller"):
        (srcdir / f"{page}.rst").unlink()
    parallel = build_copy("incremental", tmp_path, parallel=2)
    assert " .. page" in strip_colors(parallel.status.getvalue())  # readers were forked
    [warning] = warnings(parallel)
    assert warning.startswith("other.yaml:27: WARNING: unknown key 'colour'")
