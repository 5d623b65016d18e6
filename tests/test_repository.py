"""The repository itself: no merge leftovers in what users read or run."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)  # not "=======": also a reST underline


def tracked_text_files() -> list[Path]:
    try:
        listing = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    suffixes = {".py", ".rst", ".md", ".toml", ".yaml", ".yml", ".txt", ".ini", ".css", ".po", ""}
    return [ROOT / name for name in listing.splitlines() if Path(name).suffix in suffixes]


def test_no_merge_conflict_markers() -> None:
    leftovers = [
        str(path.relative_to(ROOT))
        for path in tracked_text_files()
        if path.is_file() and MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert leftovers == []
