"""The command-line pages show real runs: the outputs in docs/snippets/cli/visit/ are what the
commands print for the inventory and capture beside them, and the pre-commit examples name the
hook the repository ships. Run with ``COOKIES_UPDATE_SNIPPETS=1`` to rewrite the outputs after a
change to the commands, then review the diff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_cli as run
from snippets import matches_the_page

REPOSITORY = Path(__file__).resolve().parent.parent
CLI_SNIPPETS = REPOSITORY / "docs" / "snippets" / "cli"
VISIT = CLI_SNIPPETS / "visit"


@pytest.fixture(autouse=True)
def in_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where the example's files are, as the page's commands are typed, without colour."""
    monkeypatch.chdir(VISIT)
    monkeypatch.setenv("NO_COLOR", "1")


def compare(output: str, name: str) -> None:
    matches_the_page(output, VISIT / name)


def test_the_audit_report_shown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har")
    assert status == 1  # something is undeclared
    compare(out, "audit.txt")


def test_the_json_report_shown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har", "--format", "json")
    assert status == 1
    undeclared = json.loads(out)["undeclared"]
    assert [cookie["name"] for cookie in undeclared] == ["AWSALB", "tracker_sync", "theme"]
    compare(out, "audit.json")


def test_the_draft_shown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "init", "--har", "visit.har")
    assert status == 0
    assert "TODO" in err  # the summary says what is left to write
    compare(out, "draft.yaml")


def test_the_draft_reports_what_is_left_to_write(capsys: pytest.CaptureFixture[str]) -> None:
    """What the init page promises: every TODO of the draft is a problem for ``check``."""
    status, out, _ = run(capsys, "check", "draft.yaml")
    assert status == 1
    todo_lines = [
        number
        for number, line in enumerate((VISIT / "draft.yaml").read_text().splitlines(), start=1)
        if '"TODO' in line
    ]
    reported = [int(line.split(":")[1]) for line in out.splitlines()]
    assert reported == todo_lines


def shipped_hook() -> dict[str, str]:
    (hook,) = yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return dict(hook)


@pytest.mark.parametrize("example", ["pre-commit-config.yaml", "pre-commit-local.yaml"])
def test_the_pre_commit_examples_run_the_shipped_hook_on_the_inventory(example: str) -> None:
    config = yaml.safe_load((CLI_SNIPPETS / example).read_text(encoding="utf-8"))
    ((hook,),) = [repository["hooks"] for repository in config["repos"]]
    shipped = shipped_hook()
    assert hook["id"] == shipped["id"]
    if config["repos"][0]["repo"] == "local":
        assert hook["entry"] == shipped["entry"]
    files = re.compile(hook["files"])
    assert files.search("docs/cookies.yaml")
    assert not files.search(".github/workflows/docs.yaml")
    assert re.search(shipped["files"], ".github/workflows/docs.yaml")  # why `files` is set
