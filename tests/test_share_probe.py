"""``benchmarks/share_probe.py``, which times the extension's own work for
``python -m benchmarks.own_share``: in a real build it sees each part it names, and nothing
of the build is lost by its wrapping."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_probe_times_each_part_of_a_real_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", source)
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    completed = subprocess.run(
        [sys.executable, "-m", "sphinx", "-E", "-q", "-b", "html",
         "-D", "extensions=benchmarks.share_probe,sphinxcontrib_cookies",
         str(source), str(tmp_path / "html")],
        capture_output=True, text=True, env=environment, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    line = next(line for line in completed.stderr.splitlines() if line.startswith("@@share"))
    parts = json.loads(line.removeprefix("@@share"))
    for part in ("import", "parsing the inventory", "building the tables", "directives",
                 "write-time passes", "event handlers"):  # fmt: skip
        assert parts.get(part, 0) > 0, part
    assert sum(parts.values()) < 30
    # The wrapped build wrote the same page: its cookie table is there, with its rows.
    page = (tmp_path / "html" / "policy.html").read_text("utf-8")
    assert 'class="cookie-table' in page and 'id="cookie-sessionid"' in page
