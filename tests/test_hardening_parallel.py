"""``-j 4`` over a hundred pages that share one inventory writes exactly what ``-j 1`` writes.

Sphinx forks reader processes only when more than five documents are read; each worker loads
the inventory and keeps its own per-document records, which are merged afterwards. Every HTML
file of the two builds is compared byte for byte, with nothing normalized, and so are the
warnings.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, strip_colors

PAGES = 100

pytestmark = pytest.mark.slow  # a -j build of many pages


def page(number: int) -> str:
    """Page ``number``: one category's table, links into the tables of other pages, and now
    and then the list of categories."""
    group = number % 10
    title = f"Page {number:03d}"
    text = [
        title,
        "=" * len(title),
        "",
        ".. cookie-table::",
        f"   :categories: group{group}",
        "   :columns: name, provider, purpose, duration, party",
        "",
        f"See :cookie:`g{(group + 1) % 10}_a`, :cookie:`g{(group + 3) % 10}_pattern_42`",
        f"and :cookie:`g{group}_session`.",
    ]
    if number % 7 == 0:
        text += ["", ".. cookie-types::", f"   :categories: group{group}, group{(group + 5) % 10}"]
    return "\n".join(text) + "\n"


def build(destination: Path, parallel: int) -> SphinxTestApp:
    srcdir = destination / "src"
    shutil.copytree(ROOTS / "test-hardening-parallel", srcdir)
    for number in range(PAGES):
        (srcdir / f"page{number:03d}.rst").write_text(page(number), encoding="utf-8")
    return build_copy("hardening-parallel", destination, parallel=parallel)


@pytest.fixture(scope="module")
def serial_and_parallel(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[SphinxTestApp, SphinxTestApp]:
    serial = build(tmp_path_factory.mktemp("hardening-j1"), parallel=1)
    parallel = build(tmp_path_factory.mktemp("hardening-j4"), parallel=4)
    return serial, parallel


def html_files(app: SphinxTestApp) -> list[str]:
    outdir = Path(app.outdir)
    return sorted(str(path.relative_to(outdir)) for path in outdir.rglob("*.html"))


def test_the_parallel_build_forked_readers(
    serial_and_parallel: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    serial, parallel = serial_and_parallel
    assert parallel.parallel == 4
    # Sphinx reports reading in chunks ("index .. page0NN") only when it forks readers.
    assert " .. page" in strip_colors(parallel.status.getvalue())
    assert " .. page" not in strip_colors(serial.status.getvalue())


def test_every_html_file_is_identical(
    serial_and_parallel: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    serial, parallel = serial_and_parallel
    files = html_files(serial)
    assert files == html_files(parallel)
    assert len([name for name in files if name.startswith("page")]) == PAGES
    match, mismatch, errors = filecmp.cmpfiles(serial.outdir, parallel.outdir, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert len(match) == len(files)


def test_the_pages_hold_what_they_should(
    serial_and_parallel: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    _, parallel = serial_and_parallel
    outdir = Path(parallel.outdir)
    html = (outdir / "page013.html").read_text(encoding="utf-8")
    assert 'id="cookie-g3-session"' in html
    # Links go to the first page (in name order) whose table declares the name.
    assert 'href="page004.html#cookie-g4-a"' in html
    assert 'href="page006.html#cookie-g6-pattern"' in html
    assert 'href="#cookie-g3-session"' in html


def test_the_warnings_are_the_same_and_given_once(
    serial_and_parallel: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    serial, parallel = serial_and_parallel

    def warnings(app: SphinxTestApp) -> list[str]:
        text = strip_colors(app.warning.getvalue())
        return [line.split("/src/", 1)[1] for line in text.splitlines()]

    assert warnings(serial) == warnings(parallel)
    [warning] = warnings(parallel)
    assert warning.startswith("cookies.yaml:179: WARNING: unknown key 'colour'")
    assert warning.endswith("[cookies.unknown-key]")
