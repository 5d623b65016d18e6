"""The command line runs as ``sphinx-cookies`` and ``python -m sphinxcontrib_cookies``, and
uses the model only: neither docutils nor Sphinx is imported, nor Playwright, which only ``scan``
needs (``test_scan_browser.py`` runs a scan the same way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "cli"

PROBE = """
import sys
from sphinxcontrib_cookies.cli import main
status = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("docutils", "sphinx", "playwright"))
print("imported:", heavy, file=sys.stderr)
sys.exit(status)
"""


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "cookies.yaml"],
        ["audit", "cookies.yaml", "--har", "visit.har"],
        ["init", "--har", "visit.har"],
    ],
)
def test_commands_import_neither_docutils_nor_sphinx(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments],
        cwd=DATA,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr.splitlines()[-1] == "imported: []"


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinxcontrib_cookies",
            "audit",
            "cookies.yaml",
            "--har",
            "visit.har",
            "--format",
            "json",
        ],
        cwd=DATA,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert '"undeclared": [' in result.stdout
    assert "Traceback" not in result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "sphinx-cookies"
    if not script.exists():
        pytest.skip("the package is not installed with its scripts in this environment")
    result = subprocess.run(
        [str(script), "audit", "cookies.yaml", "--har", "broken.har"],
        cwd=DATA,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("sphinx-cookies: error: broken.har:6: not valid JSON")
    assert "Traceback" not in result.stderr
