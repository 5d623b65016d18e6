"""The shipped copy of vanilla-cookieconsent is the release its record names, byte for byte,
with its licence; ``scripts/update_cookieconsent.py --check`` says so, and says when not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import load_module

ROOT = Path(__file__).parent.parent


update = load_module(ROOT / "scripts" / "update_cookieconsent.py")


def test_the_shipped_files_are_the_recorded_release() -> None:
    record = update.read_record()
    assert record["package"] == "vanilla-cookieconsent"
    assert record["version"].startswith("3.")
    assert record["integrity"].startswith("sha512-")
    assert update.main(["--check"]) == 0
    library = (update.FILES_DIR / "cookieconsent.umd.js").read_text(encoding="utf-8")
    assert f"CookieConsent {record['version']}" in library.splitlines()[1]
    licence = (update.FILES_DIR / "cookieconsent.LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")


def test_check_fails_on_a_changed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "static_banner"
    shutil.copytree(update.FILES_DIR, folder)
    record = tmp_path / "cookieconsent.json"
    shutil.copy(update.RECORD, record)
    arguments = ["--check", "--record", str(record), "--folder", str(folder)]
    assert update.main(arguments) == 0
    with (folder / "cookieconsent.css").open("a", encoding="utf-8") as css:
        css.write("#cc-main { display: none }\n")
    (folder / "cookieconsent.LICENSE").unlink()
    assert update.main(arguments) == 1
    said = capsys.readouterr().err.splitlines()
    assert said == [
        f"{folder / 'cookieconsent.css'} is not the file of vanilla-cookieconsent "
        f"{update.read_record()['version']}",
        f"{folder / 'cookieconsent.LICENSE'} is missing",
        "run python scripts/update_cookieconsent.py",
    ]
