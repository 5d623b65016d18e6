"""Incremental rebuilds, parallel builds and MyST pages, on real builds."""

from __future__ import annotations

import filecmp
import os
import re
from pathlib import Path

import pytest

from conftest import build_copy, strip_colors
from output import cookie_tables


def status_counts(status: str) -> tuple[int, int, int]:
    match = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", strip_colors(status))
    assert match, status
    added, changed, removed = (int(number) for number in match.groups())
    return added, changed, removed


def purpose_on(outdir: Path, page: str) -> str:
    html = (outdir / f"{page}.html").read_text(encoding="utf-8")
    return cookie_tables(html)[0].column("Purpose")[0].text


def test_editing_the_yaml_rereads_exactly_the_pages_that_use_it(tmp_path: Path) -> None:
    first = build_copy("rebuild", tmp_path)
    assert status_counts(first.status.getvalue()) == (6, 0, 0)
    inventory = tmp_path / "src" / "cookies.yaml"

    unchanged = build_copy("rebuild", tmp_path)
    assert status_counts(unchanged.status.getvalue()) == (0, 0, 0)
    # The environment keeps paths and digests, never the parsed inventory.
    pickled = (tmp_path / "build" / "doctrees" / "environment.pickle").read_bytes()
    assert b"sphinxcontrib_cookies.inventory" not in pickled
    assert b"Original purpose" not in pickled

    inventory.write_text(inventory.read_text().replace("Original purpose", "Edited purpose"))
    edited = build_copy("rebuild", tmp_path)
    assert status_counts(edited.status.getvalue()) == (0, 2, 0)
    assert purpose_on(edited.outdir, "uses-one") == "Edited purpose"
    assert purpose_on(edited.outdir, "uses-two") == "Edited purpose"


def test_an_edit_with_an_older_mtime_is_still_seen(tmp_path: Path) -> None:
    build_copy("rebuild", tmp_path)
    inventory = tmp_path / "src" / "cookies.yaml"
    before = inventory.stat()
    # Same size, older timestamp: what a restored CI cache or `cp -p` leaves behind.
    inventory.write_text(inventory.read_text().replace("Original", "Restored"))
    os.utime(inventory, ns=(before.st_atime_ns - 10**12, before.st_mtime_ns - 10**12))
    rebuilt = build_copy("rebuild", tmp_path)
    assert status_counts(rebuilt.status.getvalue()) == (0, 2, 0)
    assert purpose_on(rebuilt.outdir, "uses-one") == "Restored purpose"


def test_removing_and_restoring_the_yaml(tmp_path: Path) -> None:
    build_copy("rebuild", tmp_path)
    inventory = tmp_path / "src" / "cookies.yaml"
    text = inventory.read_text()
    inventory.unlink()
    removed = build_copy("rebuild", tmp_path)
    assert status_counts(removed.status.getvalue()) == (0, 2, 0)
    assert "does not exist" in removed.warning.getvalue()
    inventory.write_text(text)
    restored = build_copy("rebuild", tmp_path)
    assert status_counts(restored.status.getvalue()) == (0, 2, 0)
    assert purpose_on(restored.outdir, "uses-two") == "Original purpose"


@pytest.mark.slow
def test_parallel_build_gives_the_same_output_and_warnings(tmp_path: Path) -> None:
    serial = build_copy("parallel", tmp_path / "serial")
    parallel = build_copy("parallel", tmp_path / "parallel", parallel=2)
    # Chunked progress ("index .. page04") is printed only when Sphinx forks readers.
    assert "reading sources... [ 33%] index .. page04" in strip_colors(parallel.status.getvalue())
    pages = sorted(path.name for path in serial.outdir.glob("page*.html"))
    assert len(pages) == 12
    _match, mismatch, errors = filecmp.cmpfiles(
        serial.outdir, parallel.outdir, pages, shallow=False
    )
    assert (mismatch, errors) == ([], [])
    for page in pages:  # the role on each page links to the next page's table
        number = int(page[4:6])
        html = (parallel.outdir / page).read_text(encoding="utf-8")
        assert (
            f'href="page{(number + 1) % 12:02d}.html#cookie-c{(number + 1) % 12}-cookie1"' in html
        )

    def warnings(app: object) -> list[str]:
        text = strip_colors(app.warning.getvalue())  # type: ignore[attr-defined]
        return [line.split("/src/", 1)[1] for line in text.splitlines()]

    assert warnings(serial) == warnings(parallel)
    assert len(warnings(parallel)) == 1 and "cookies.yaml:" in warnings(parallel)[0]


@pytest.mark.slow
def test_parallel_incremental_build_merges_records(tmp_path: Path) -> None:
    build_copy("parallel", tmp_path, parallel=2)
    inventory = tmp_path / "src" / "cookies.yaml"
    # One purpose: only the page that shows its category is read again.
    inventory.write_text(inventory.read_text().replace("Purpose 3.1", "Purpose three"))
    rebuilt = build_copy("parallel", tmp_path, parallel=2)
    assert status_counts(rebuilt.status.getvalue()) == (0, 1, 0)
    assert "Purpose three" in (rebuilt.outdir / "page03.html").read_text(encoding="utf-8")
    # Every entry: every page, read by forked readers whose records are merged.
    inventory.write_text(inventory.read_text().replace(" days", " weeks"))
    rebuilt = build_copy("parallel", tmp_path, parallel=2)
    assert status_counts(rebuilt.status.getvalue()) == (0, 12, 0)
    assert " .. page" in strip_colors(rebuilt.status.getvalue())
    assert "Purpose three" in (rebuilt.outdir / "page03.html").read_text(encoding="utf-8")
    html = (rebuilt.outdir / "page02.html").read_text(encoding="utf-8")
    assert "2\xa0weeks" in html and 'href="page03.html#cookie-c3-cookie1"' in html


def test_myst_pages_use_the_same_directives_options_and_role(tmp_path: Path) -> None:
    pytest.importorskip("myst_parser")
    app = build_copy("myst", tmp_path)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    statistics, necessary, single = cookie_tables(html)
    assert statistics.caption == "Statistics cookies" and necessary.caption == "Necessary cookies"
    assert statistics.headers == ["Cookie name(s)", "Purpose", "Duration"]
    assert statistics.column("Duration")[0].text == "13 months"
    assert "compact" in single.classes and single.headers == ["Cookie name(s)", "Category"]
    assert 'href="#cookie-sessionid"' in html and 'href="#cookie-vc-id"' in html
    assert "They count visits" in html and "They keep the site running." not in html
    warnings = strip_colors(app.warning.getvalue())
    assert "bad.md:6: WARNING: unknown option :colums: of cookie-table" in warnings
    assert "bad.md:6: WARNING: category 'nope' in :categories:" in warnings
    assert warnings.count("[cookies.option]") == 2


def test_the_yaml_is_parsed_once_per_build_whatever_the_directives(tmp_path: Path) -> None:
    serial = build_copy("parallel", tmp_path / "serial", verbosity=1)
    assert strip_colors(serial.status.getvalue()).count("parsing cookie inventory") == 1
    parallel = build_copy("parallel", tmp_path / "parallel", parallel=2, verbosity=1)
    assert strip_colors(parallel.status.getvalue()).count("parsing cookie inventory") == 1
