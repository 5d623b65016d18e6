"""``extension/parsed.py``: the parses kept beside the doctrees are found only under the key
of the content and of everything that shapes a parse, and a copy that is not one is dropped."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from pathlib import Path

from pytest import MonkeyPatch

from sphinxcontrib_cookies import inventory
from sphinxcontrib_cookies.extension.parsed import ParsedCopies, loader_digest, parse_key
from sphinxcontrib_cookies.inventory import DEFAULT_LIMITS, parse_inventory

from conftest import ROOTS

SOURCE = ROOTS / "test-basic" / "cookies.yaml"


def test_a_parse_is_found_under_its_key_only(tmp_path: Path) -> None:
    copies = ParsedCopies(tmp_path)
    parsed = parse_inventory(SOURCE.read_bytes(), str(SOURCE))
    key = parse_key("a" * 64, DEFAULT_LIMITS)
    copies.put(str(SOURCE), key, parsed)
    assert copies.get(str(SOURCE), key) == parsed
    assert copies.get(str(SOURCE), parse_key("b" * 64, DEFAULT_LIMITS)) is None
    other_limits = dataclasses.replace(DEFAULT_LIMITS, name_length=100)
    assert parse_key("a" * 64, other_limits) != key
    assert copies.get("elsewhere/cookies.yaml", key) is None


def test_a_changed_loader_changes_the_key(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    """A parse made by older code is never loaded by newer code, released or not."""
    folder = tmp_path / "inventory"
    shutil.copytree(
        Path(inventory.__file__).parent, folder, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(inventory, "__file__", str(folder / "__init__.py"))
    loader_digest.cache_clear()
    before = parse_key("a" * 64, DEFAULT_LIMITS)
    reader = folder / "reader.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    loader_digest.cache_clear()
    try:
        assert parse_key("a" * 64, DEFAULT_LIMITS) != before
    finally:
        monkeypatch.undo()
        loader_digest.cache_clear()


def test_a_copy_for_another_file_or_key_is_dropped(tmp_path: Path) -> None:
    copies = ParsedCopies(tmp_path)
    parsed = parse_inventory(SOURCE.read_bytes(), str(SOURCE))
    key = parse_key("c" * 64, DEFAULT_LIMITS)
    copies.put(str(SOURCE), key, parsed)
    [copy] = (tmp_path / "cookies-parsed").glob("*.pickle")
    copy.write_bytes(pickle.dumps(("another/path.yaml", key, parsed)))
    assert copies.get(str(SOURCE), key) is None
    assert not copy.exists()
