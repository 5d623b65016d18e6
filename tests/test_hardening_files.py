"""Inventory paths that are not plain files, or not the size they say.

A folder, a FIFO (which blocks whoever opens it for reading), a device (``/dev/zero`` reports a
size of 0 and never ends), a loop of symbolic links: each is one located ``cookies.file``
warning, found before the path is opened for reading. The size limit is checked on what is
read, and a file over it is never hashed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_cookies.extension.store import digest_of
from sphinxcontrib_cookies.inventory import InventoryError
from sphinxcontrib_cookies.inventory.files import read_inventory_file

from conftest import ROOTS, build_copy, run_cli, strip_colors

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev (POSIX)")
INVENTORY = (ROOTS / "test-nothing-lost" / "cookies.yaml").read_bytes()


def project(tmp_path: Path, names: list[str]) -> Path:
    """A project whose page has a cookie-table for each of ``names``."""
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_cookies"]\n')
    tables = "".join(f".. cookie-table:: {name}\n\n" for name in names)
    (srcdir / "index.rst").write_text(f"Cookies\n=======\n\n{tables}")
    (srcdir / "cookies.yaml").write_bytes(INVENTORY)
    return srcdir


def file_warnings(text: str) -> dict[str, str]:
    """The message of each ``cookies.file`` warning, by the file name it is located at."""
    found = {}
    for line in strip_colors(text).splitlines():
        match = re.match(r"^(.+?):\d*: WARNING: (.*) \[cookies\.file\]$", line)
        if match:
            found[Path(match[1]).name] = match[2]
    return found


@POSIX
@pytest.mark.slow  # a sphinx-build process, so that a path that blocks cannot hang the tests
def test_paths_that_are_not_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    srcdir = project(tmp_path, ["fifo.yaml", "zero.yaml", "folder.yaml", "loop.yaml"])
    os.mkfifo(srcdir / "fifo.yaml")
    (srcdir / "zero.yaml").symlink_to("/dev/zero")
    (srcdir / "folder.yaml").mkdir()
    (srcdir / "loop.yaml").symlink_to("loop.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,  # a FIFO opened for reading blocks for ever; /dev/zero fills memory
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
    warnings = file_warnings(result.stderr)
    # Located at the link (Sphinx 8) or at the device it leads to (Sphinx 9 resolves it).
    device = warnings.pop("zero.yaml", None) or warnings.pop("zero", None)
    assert device == "the inventory is a device, not a file; name a YAML file"
    assert warnings == {
        "fifo.yaml": "the inventory is a named pipe (FIFO), not a file; name a YAML file",
        "folder.yaml": "the inventory is a folder, not a file; name the YAML file in it",
        "loop.yaml": "the inventory's path is a loop of symbolic links (a link that leads "
        "back to itself); point the link at the YAML file",
    }
    assert (tmp_path / "out" / "index.html").is_file()


@POSIX
def test_a_loop_of_links_is_a_located_warning_in_a_build(tmp_path: Path) -> None:
    """Sphinx resolves a directive's path, which raised RuntimeError on a loop."""
    srcdir = project(tmp_path, ["loop.yaml", "cookies.yaml"])
    (srcdir / "loop.yaml").symlink_to("other.yaml")
    (srcdir / "other.yaml").symlink_to("loop.yaml")
    app = build_copy("unused", tmp_path)
    assert list(file_warnings(app.warning.getvalue())) == ["loop.yaml"]
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "sessionid" in html  # the page's other table renders


@POSIX
@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "loop"])
def test_the_command_line_refuses_them_too(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cookies.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(path)
    status, _, err = run_cli(capsys, "check", str(path))
    assert status == 2 and "Traceback" not in err
    assert {"fifo": "named pipe", "device": "a device", "folder": "a folder", "loop": "loop"}[
        kind
    ] in err


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux's /proc")
def test_the_size_limit_is_checked_on_what_is_read(tmp_path: Path) -> None:
    """A file of /proc reports a size of 0 but holds much more: the limit still holds."""
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(InventoryError) as raised:
        read_inventory_file("/proc/self/maps", 300)
    assert raised.value.problem.kind == "limit"
    srcdir = project(tmp_path, ["maps.yaml"])
    (srcdir / "maps.yaml").symlink_to("/proc/self/maps")
    app = build_copy("unused", tmp_path, confoverrides={"cookies_max_file_size": 300})
    lines = strip_colors(app.warning.getvalue()).splitlines()
    # Located at the link (Sphinx 8) or at the file it leads to (Sphinx 9 resolves it).
    at = ("/proc/", str(srcdir / "maps.yaml"))
    [warning] = [line for line in lines if line.startswith(at)]
    assert warning.endswith("[cookies.limit]") and "larger than 300 bytes" in warning


def test_a_file_over_the_limit_is_not_read_nor_hashed(tmp_path: Path) -> None:
    path = tmp_path / "cookies.yaml"
    path.write_bytes(INVENTORY)
    small = len(INVENTORY) - 1
    assert digest_of(str(path), small).startswith("unread:")
    assert re.fullmatch("[0-9a-f]{64}", digest_of(str(path), len(INVENTORY)))
    before = digest_of(str(path), small)
    path.write_bytes(INVENTORY + b"# one more line\n")
    assert digest_of(str(path), small) != before  # a change is still noticed


def test_an_ordinary_file_and_a_link_to_one_are_read(tmp_path: Path) -> None:
    path = tmp_path / "cookies.yaml"
    path.write_bytes(INVENTORY)
    assert read_inventory_file(str(path), len(INVENTORY)) == INVENTORY
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert read_inventory_file(str(link), len(INVENTORY)) == INVENTORY
    with pytest.raises(FileNotFoundError):
        read_inventory_file(str(tmp_path / "missing.yaml"))
    shutil.rmtree(tmp_path)
