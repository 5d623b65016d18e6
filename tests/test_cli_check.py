"""``sphinx-cookies check``: every problem as ``file:line: message``, and the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sphinxcontrib_cookies.cli import main

from conftest import run_cli as run

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "cli"


@pytest.fixture(autouse=True)
def in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)


def test_every_problem_is_listed_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "problems.yaml")
    assert out.splitlines() == [
        "problems.yaml:8: 'requires_consent' of category 'extra' must be true or false, "
        "not 'maybe'",
        "problems.yaml:11: category 'necesary' is not declared under 'categories'; did you mean "
        "'necessary'? declared categories: necessary, extra",
        "problems.yaml:15: the purpose of cookie 'drafted' is still to be written ('TODO: say "
        "what this cookie is for'); replace it",
        "problems.yaml:16: the duration of cookie 'drafted': '3 fortnights' is not a duration; "
        "write 'session', 'persistent', an ISO 8601 duration such as 'P13M' or 'PT30M', a "
        "number of seconds, or a number and a unit such as '13 months' (units: second, minute, "
        "hour, day, week, month, year); or give a text per language, such as {en: 'until you "
        "log out'}",
    ]
    assert err == "4 problems in 1 of 1 file\n"
    assert status == 1


def test_a_clean_inventory_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "cookies.yaml")
    assert (status, out, err) == (0, "", "1 inventory checked, no problems\n")
    status, out, err = run(capsys, "check", "--quiet", "cookies.yaml")
    assert (status, out, err) == (0, "", "")


def test_several_files_and_a_syntax_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("categories:\n  a: [1, 2\ncookies: []\n", encoding="utf-8")
    status, out, err = run(capsys, "check", "cookies.yaml", str(broken))
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{broken}:3: YAML syntax error: ")
    assert err == "1 problem in 1 of 2 files\n"
    assert status == 1


def test_a_missing_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "cookies.yaml", "absent.yaml")
    assert status == 2
    assert out == ""
    assert err == (
        "sphinx-cookies: error: absent.yaml: the inventory file does not exist\n"
        "1 inventory checked, no problems\n"
    )


def test_drafts_fail_until_every_todo_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    draft = tmp_path / "draft.yaml"
    assert main(["init", "--names", "_ga,mystery_cookie", "-o", str(draft), "--quiet"]) == 0
    capsys.readouterr()
    status, out, _ = run(capsys, "check", str(draft))
    assert status == 1
    messages = [line.split(": ", 1)[1] for line in out.splitlines()]
    kinds = [message.split(" is still to be written")[0] for message in messages]
    assert kinds == [
        "'provider'",
        "the purpose of cookie 'mystery_cookie'",
        "the duration of cookie 'mystery_cookie'",
    ]


def test_the_pre_commit_hook_runs_check_on_yaml_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "sphinx-cookies-check"
    assert hook["entry"] == "sphinx-cookies check"
    assert hook["language"] == "python"
    # The entry is a console script the package declares.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'sphinx-cookies = "sphinxcontrib_cookies.cli:main"' in pyproject
    import re

    pattern = re.compile(hook["files"])
    assert pattern.search("docs/cookies.yaml") and pattern.search("cookies.yml")
    assert not pattern.search("conf.py")
