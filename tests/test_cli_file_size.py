"""``--max-file-size``: the largest file ``check``, ``audit`` and ``init`` read (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinxcontrib_cookies.cli.capture_options import file_size
from sphinxcontrib_cookies.inventory import DEFAULT_MAX_BYTES

from conftest import ROOTS, run_cli


@pytest.mark.parametrize(
    ("text", "size"),
    [("5242880", 5242880), ("500K", 512000), ("10M", 10485760), ("10MiB", 10485760), ("1g", 2**30)],
)
def test_sizes(text: str, size: int) -> None:
    assert file_size(text) == size


@pytest.fixture
def large_inventory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid inventory just over the default limit (a long comment makes it so)."""
    monkeypatch.chdir(tmp_path)
    text = (ROOTS / "test-audit" / "cookies.yaml").read_text(encoding="utf-8")
    path = tmp_path / "cookies.yaml"
    path.write_text(text + "#" * (DEFAULT_MAX_BYTES - len(text) + 1) + "\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("large_inventory")
def test_check_over_the_default_limit_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "check", "cookies.yaml")
    assert status == 1
    assert out == (
        "cookies.yaml:1: the file is larger than 5,242,880 bytes; split it, or raise the limit "
        "(--max-file-size)\n"
    )


@pytest.mark.usefixtures("large_inventory")
def test_check_with_a_larger_limit(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "check", "--max-file-size", "6M", "cookies.yaml")
    assert (status, out, err) == (0, "", "1 inventory checked, no problems\n")


def test_audit_applies_the_limit_to_the_inventory(
    capsys: pytest.CaptureFixture[str], large_inventory: Path
) -> None:
    shutil.copy(ROOTS / "test-audit" / "visit.har", large_inventory.parent)
    status, _, err = run_cli(capsys, "audit", "cookies.yaml", "--har", "visit.har")
    assert status == 2
    assert "larger than 5,242,880 bytes; split it, or raise the limit (--max-file-size)" in err
    status, _, err = run_cli(
        capsys, "audit", "cookies.yaml", "--har", "visit.har", "--max-file-size", "6M"
    )
    assert (status, err) == (1, "")  # read, and something is undeclared


def test_init_applies_the_limit_to_captures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOTS / "test-audit" / "visit.har", tmp_path)
    status, _, err = run_cli(capsys, "init", "--har", "visit.har", "--max-file-size", "1K")
    assert status == 2
    assert err.startswith("sphinx-cookies: error: visit.har: the file is larger than 1,024 bytes")


@pytest.mark.parametrize("text", ["0", "ten", "1T", "-5"])
def test_a_bad_size_is_a_usage_error(capsys: pytest.CaptureFixture[str], text: str) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli(capsys, "check", "--max-file-size", text, "cookies.yaml")
    assert stop.value.code == 2
    assert "argument --max-file-size: " in capsys.readouterr().err
