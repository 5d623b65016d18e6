"""``sphinx-cookies init``: a draft inventory from a capture, filled from the Open Cookie
Database shipped in the package, with TODO values where nothing is known."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_cookies.cli import main
from sphinxcontrib_cookies.draft import yaml_text
from sphinxcontrib_cookies.inventory import parse_inventory
from sphinxcontrib_cookies.inventory.sites import suffix_list_version

from conftest import run_cli as run

DATA = Path(__file__).parent / "data" / "cli"
DATABASE = Path(__file__).parent.parent / "sphinxcontrib_cookies" / "data"


def database_rows(name: str) -> list[dict[str, str]]:
    """The rows of the shipped CSV for one name, read with the csv module."""
    with open(DATABASE / "open-cookie-database.csv", encoding="utf-8", newline="") as stream:
        return [row for row in csv.DictReader(stream) if row["Cookie / Data Key name"] == name]


@pytest.fixture(autouse=True)
def in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)


def entries_by_name(text: str) -> dict[str, dict[str, str]]:
    return {entry["name"]: entry for entry in yaml.safe_load(text)["cookies"]}


def draft_from_a_har(capsys: pytest.CaptureFixture[str]) -> str:
    """``sphinx-cookies init --har visit.har``: the draft it prints."""
    status, out, _ = run(capsys, "init", "--har", "visit.har")
    assert status == 0
    return out


def test_draft_from_a_har(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "init", "--har", "visit.har")
    assert status == 0
    assert err == (
        "Drafted 11 entries: 4 known to the Open Cookie Database, 7 not.\n"
        "site: example.com (the first page's, by the Public Suffix List "
        f"{suffix_list_version()})\n"
        "15 values still to be written (TODO); once saved, `sphinx-cookies check FILE` lists "
        "them.\n"
    )
    entries = entries_by_name(out)
    # Known cookies first, by category; a family the database knows by its prefix is one entry.
    assert list(entries) == [
        "AWSALB",
        "__cf_bm",
        "_ga",
        "_ga_*",
        "sessionid",
        "csrftoken",
        "remember_me",
        "lb",
        "uid",
        "tracker_sync",
        "theme",
    ]
    summary = {
        name: (e["category"], e.get("duration"), e.get("party"), e.get("domain"))
        for name, e in entries.items()
    }
    assert summary == {
        "AWSALB": ("functional", "7 days", "first", None),
        "__cf_bm": ("functional", "30 minutes", "third", ".examplecdn.net"),
        "_ga": ("analytics", "2 years", "first", None),
        "_ga_*": ("analytics", "2 years", "first", None),
        "sessionid": ("unclassified", "session", "first", None),
        "csrftoken": ("unclassified", "364 days", "first", None),
        "remember_me": ("unclassified", "14 days", "first", None),
        "lb": ("unclassified", "session", "first", None),
        "uid": ("unclassified", "731 days", "third", ".tracker.example"),
        "tracker_sync": ("unclassified", "1 day", "third", ".tracker.example"),
        "theme": ("unclassified", "TODO: say how long this cookie lives", "first", None),
    }


def test_a_draft_takes_the_words_of_the_database(capsys: pytest.CaptureFixture[str]) -> None:
    out = draft_from_a_har(capsys)
    entries = entries_by_name(out)
    # What the database says, as it says it.
    for name, database_name in (("AWSALB", "AWSALB"), ("__cf_bm", "__cf_bm"), ("_ga_*", "_ga_")):
        (row,) = database_rows(database_name)
        assert entries[name]["purpose"] == " ".join(row["Description"].split())
    # Standard categories: the extension has their titles and descriptions in every language.
    assert yaml.safe_load(out)["categories"] == {
        "functional": {"requires_consent": True},
        "analytics": {"requires_consent": True},
        "unclassified": None,
    }
    providers = yaml.safe_load(out)["providers"]
    assert providers["cloudflare"] == {
        "name": "Cloudflare",
        "privacy_policy": database_rows("__cf_bm")[0]["User Privacy & GDPR Rights Portals"],
    }
    assert entries["__cf_bm"]["provider"] == "cloudflare"


def test_a_draft_leaves_a_name_of_another_site_to_write(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = draft_from_a_har(capsys)
    entries = entries_by_name(out)
    # A name the database ties to another site is not attributed to it.
    (instagram,) = database_rows("sessionid")
    assert instagram["Domain"] == "instagram.com"
    assert entries["sessionid"]["purpose"] == "TODO: say what this cookie is for"
    assert (
        f"  # the Open Cookie Database knows a 'sessionid' of {instagram['Platform']} on "
        "instagram.com, not this one\n" in out
    )
    family = (
        "  # _ga_ABC123, _ga_XYZ789: seen on www.example.com at https://www.example.com/about\n"
    )
    assert family in out


def test_a_completed_draft_passes_check_and_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Write the TODOs, and the draft declares exactly what the visit set."""
    draft = tmp_path / "draft.yaml"
    assert main(["init", "--har", "visit.har", "-o", str(draft)]) == 0
    capsys.readouterr()
    text = draft.read_text(encoding="utf-8")
    text = text.replace('"TODO: say how long this cookie lives"', "1 year")
    text = re.sub(r'"TODO: [^"]*"', "Written by a person", text)
    draft.write_text(text, encoding="utf-8")
    assert parse_inventory(text.encode(), str(draft)).problems == ()
    assert run(capsys, "check", str(draft))[0] == 0
    status, out, _ = run(capsys, "audit", str(draft), "--har", "visit.har", "--format", "json")
    report = json.loads(out)
    assert (report["undeclared"], report["unseen"], report["mismatches"]) == ([], [], [])
    assert status == 0


def test_draft_from_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "init", "--names", "_ga_ABC,_ga_DEF, _gid,nobody_knows_me")
    assert status == 0
    entries = entries_by_name(out)
    assert list(entries) == ["_ga_*", "_gid", "nobody_knows_me"]
    (gid,) = database_rows("_gid")
    assert entries["_gid"]["duration"] == "24 hours" == gid["Retention period"]
    assert "party" not in entries["_gid"]  # no capture, no site: the party is left out
    assert err.startswith("Drafted 3 entries: 2 known to the Open Cookie Database, 1 not.\n")


def test_output_file_is_not_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "cookies.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    status, _, err = run(capsys, "init", "--names", "_ga", "-o", str(target))
    assert status == 2
    assert err == (
        f"sphinx-cookies: error: {target} already exists; choose another file, or add --force\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert run(capsys, "init", "--names", "_ga", "-o", str(target), "--force")[0] == 0
    assert "name: _ga\n" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("arguments", [[], ["--names", "_ga", "--har", "visit.har"]])
def test_either_a_capture_or_names(
    capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    status, out, err = run(capsys, "init", *arguments)
    assert (status, out) == (2, "")
    assert err.startswith("sphinx-cookies: error: give either a capture")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1))
def test_drafted_text_reads_back_as_written(text: str) -> None:
    """Whatever a capture or the database holds, the draft's YAML gives it back unchanged."""
    stripped = text.strip()
    if not stripped or stripped.startswith("TODO") or "\u2028" in text or "\u2029" in text:
        return
    document = (
        "categories:\n  a:\n    title: A\n    description: A\n"
        f"cookies:\n  - name: x\n    category: a\n    purpose: {yaml_text(text)}\n"
    )
    inventory = parse_inventory(document.encode(), "draft.yaml")
    assert inventory.problems == ()
    assert inventory.cookies[0].purpose.resolve(None) == stripped
