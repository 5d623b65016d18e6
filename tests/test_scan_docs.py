"""The scan pages show real runs: ``docs/snippets/scan/example/scan.json`` is a capture that
``sphinx-cookies scan`` wrote of the faulty variant of the test site (``scan_site.py``; the port
written as 8000), and the audit outputs beside it are what ``audit`` prints for it. The CI
recipes' commands are commands this package accepts. Run with ``COOKIES_UPDATE_SNIPPETS=1`` to
rewrite the outputs after a change to the commands, then review the diff."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
import yaml

from sphinxcontrib_cookies.captures import SCAN_VERSION, read_capture
from sphinxcontrib_cookies.cli import build_parser

from conftest import run_cli
from snippets import matches_the_page

SCAN_SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets" / "scan"
EXAMPLE = SCAN_SNIPPETS / "example"


@pytest.fixture(autouse=True)
def in_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    monkeypatch.setenv("NO_COLOR", "1")


def compare(output: str, name: str) -> None:
    matches_the_page(output, EXAMPLE / name)


def test_the_example_is_a_scan_of_this_version() -> None:
    capture = read_capture("scan.json")
    assert (capture.format, capture.phases) == ("scan", ("before", "refuse", "accept"))
    document = json.loads(Path("scan.json").read_text(encoding="utf-8"))
    assert document["version"] == SCAN_VERSION
    before = {cookie["name"] for cookie in document["phases"][0]["cookies"]}
    assert before == {"sessionid", "lang_pref", "stats_id"}  # the faulty variant


def test_the_audit_shown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "audit", "cookies.yaml", "--capture", "scan.json")
    assert status == 1
    compare(out, "audit.txt")
    status, out, _ = run_cli(
        capsys, "audit", "cookies.yaml", "--capture", "scan.json", "--format", "json"
    )
    assert [finding["name"] for finding in json.loads(out)["before_consent"]] == ["stats_id"]
    compare(out, "audit.json")


def commands(recipe: str) -> list[list[str]]:
    """The ``sphinx-cookies`` commands of a CI recipe, split as a shell would."""
    document = yaml.safe_load((SCAN_SNIPPETS / recipe).read_text(encoding="utf-8"))
    lines: list[str] = []
    if "jobs" in document:
        for step in document["jobs"]["scan"]["steps"]:
            lines += str(step.get("run", "")).splitlines()
    else:
        lines += document["cookies"]["script"]
    return [shlex.split(line)[1:] for line in lines if line.startswith("sphinx-cookies ")]


@pytest.mark.parametrize("recipe", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_recipes_build_serve_scan_and_audit(recipe: str) -> None:
    found = commands(recipe)
    assert [arguments[0] for arguments in found] == ["scan", "audit"]
    parsed = [build_parser().parse_args(arguments) for arguments in found]
    scan, audit = parsed
    assert scan.loopback_only and scan.output == "scan.json"
    assert audit.capture_any == ["scan.json"]
    text = (SCAN_SNIPPETS / recipe).read_text(encoding="utf-8")
    assert "sphinx-build -W -b html docs docs/_build/html" in text
    assert "python -m http.server 8000 --bind 127.0.0.1" in text
