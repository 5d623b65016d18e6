"""Hostile captures (issue 16, items 4, 5 and 10): no traceback, nothing that reaches a
terminal, a build log or a draft as control characters, nothing that hangs or reads without
bound, in ``audit``, ``init`` and the build's ``cookies_audit``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from sphinxcontrib_cookies.captures import MAX_CAPTURE_BYTES, CaptureError, Lifetime, read_capture
from sphinxcontrib_cookies.inventory import parse_inventory

from conftest import ROOTS, run_cli, strip_colors

INVENTORY = ROOTS / "test-audit" / "cookies.yaml"
#: Characters a capture must never send to a terminal or a log as they are: escape sequences
#: (ESC, an OSC ending in BEL), carriage returns, line breaks inside a value, C1 controls.
HOSTILE = "\x1b[2J\x1b[31m\x07\r\x85\u2028\x00"
RAW_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def har_entry(url: str, set_cookies: list[str], padding: str = "") -> dict[str, Any]:
    return {
        "startedDateTime": "2026-05-01T10:00:00Z",
        "request": {"url": url, "headers": []},
        "response": {
            "headers": [{"name": "Set-Cookie", "value": value} for value in set_cookies],
            "content": {"text": padding},
        },
    }


def write_har(path: Path, *entries: dict[str, Any]) -> Path:
    path.write_text(json.dumps({"log": {"entries": list(entries)}}), encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(INVENTORY, tmp_path / "cookies.yaml")
    return tmp_path


def hostile_har(directory: Path) -> Path:
    return write_har(
        directory / "hostile.har",
        har_entry("https://www.example.com/", ["sessionid=1"]),
        har_entry(
            f"https://ads\x1b\x07\x85.example.net/p?{HOSTILE}",
            [f"uid{HOSTILE}=1; Domain=tracker{HOSTILE}.example"],
        ),
    )


# -- item 10: control characters ---------------------------------------------------------------


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("colour", ["never", "always"])
def test_the_audit_report_escapes_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, colour: str
) -> None:
    status, out, _ = run_cli(
        capsys, "audit", "cookies.yaml", "--har", str(hostile_har(tmp_path)), "--color", colour
    )
    assert status == 1
    assert RAW_CONTROLS.findall(strip_colors(out)) == []
    assert r"uid\x1b[2J\x1b[31m\x07\r\x85\u2028\x00" in out  # shown, as escapes
    status, out, _ = run_cli(
        capsys, "audit", "cookies.yaml", "--har", str(hostile_har(tmp_path)), "--format", "json"
    )
    assert json.loads(out)["undeclared"][0]["name"] == f"uid{HOSTILE}"  # data stays data


@pytest.mark.usefixtures("in_tmp")
def test_the_draft_escapes_control_characters_and_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run_cli(capsys, "init", "--har", str(hostile_har(tmp_path)))
    assert status == 0
    assert RAW_CONTROLS.findall(out) == []
    names = [entry["name"] for entry in yaml.safe_load(out)["cookies"]]
    assert names == ["sessionid", f"uid{HOSTILE}"]
    # Valid YAML, read back by the loader: the TODOs, and the hostile name and domain, which
    # `check` reports rather than anything breaking.
    problems = parse_inventory(out.encode(), "draft.yaml").problems
    assert {problem.kind for problem in problems} == {"todo", "value"}
    assert [
        problem.message.split(" contains ")[0] for problem in problems if problem.kind == "value"
    ] == [
        "the cookie name",
        "the domain of this cookie entry",
    ]


@pytest.mark.usefixtures("in_tmp")
def test_a_line_break_in_a_capture_name_injects_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    capture = write_har(
        tmp_path / "visit\nversion: 2\nproviders: 3\n.har",
        har_entry("https://www.example.com/", ["sessionid=1"]),
    )
    status, out, _ = run_cli(capsys, "init", "--har", str(capture))
    assert status == 0
    draft = yaml.safe_load(out)
    assert (draft["version"], set(draft)) == (1, {"version", "categories", "cookies"})
    assert r"visit\nversion: 2\nproviders: 3\n.har" in out.splitlines()[0]


def test_the_build_log_escapes_control_characters(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-audit", srcdir)
    hostile_har(srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"cookies_audit": "hostile.har"})
    app.build()
    lines = strip_colors(app.warning.getvalue()).splitlines()
    assert len(lines) == 1
    assert "[cookies.audit]" in lines[0]
    assert RAW_CONTROLS.findall(lines[0]) == []


# -- item 10: headers --------------------------------------------------------------------------


def test_cookies_joined_with_a_comma_are_all_read(tmp_path: Path) -> None:
    capture = write_har(
        tmp_path / "v.har",
        har_entry(
            "https://www.example.com/",
            ["d=1, e=2; Path=/", "f=3; Expires=Wed, 21 Oct 2037 07:28:00 GMT, g=4"],
        ),
    )
    assert [cookie.name for cookie in read_capture(capture).cookies] == ["d", "e", "f", "g"]


@pytest.mark.parametrize("digits", [16, 400, 5000])
def test_a_long_max_age_is_persistent(tmp_path: Path, digits: int) -> None:
    capture = write_har(
        tmp_path / "v.har",
        har_entry("https://www.example.com/", [f"a=1; Max-Age={'9' * digits}"]),
    )
    (cookie,) = read_capture(capture).cookies
    assert cookie.lifetime == Lifetime("persistent", 999_999_999_999_999, "Max-Age")


# -- item 5: numbers and surrogates ------------------------------------------------------------


def storage_state_with_expiry(path: Path, expires: str) -> Path:
    path.write_text(
        '{"cookies": [{"name": "far", "domain": "www.example.com", "expires": ' + expires + "}]}",
        encoding="utf-8",
    )
    return path


HUGE_EXPIRIES = {"1e400": "1" + "0" * 400, "5000 digits": "9" * 5000}


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("expires", HUGE_EXPIRIES.values(), ids=HUGE_EXPIRIES.keys())
def test_a_huge_expiry_in_a_storage_state(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, expires: str
) -> None:
    capture = storage_state_with_expiry(tmp_path / "state.json", expires)
    status, out, err = run_cli(
        capsys, "audit", "cookies.yaml", "--storage-state", str(capture), "--format", "json"
    )
    assert (status, err) == (1, "")
    assert [cookie["name"] for cookie in json.loads(out)["undeclared"]] == ["far"]
    (cookie,) = read_capture(capture).cookies
    assert cookie.lifetime == Lifetime("persistent", None, "expiry")


@pytest.mark.parametrize("expires", HUGE_EXPIRIES.values(), ids=HUGE_EXPIRIES.keys())
def test_a_huge_expiry_in_the_build(make_app: Any, tmp_path: Path, expires: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-audit", srcdir)
    storage_state_with_expiry(srcdir / "state.json", expires)
    app = make_app("html", srcdir=srcdir, confoverrides={"cookies_audit": "state.json"})
    app.build()
    (line,) = strip_colors(app.warning.getvalue()).splitlines()
    assert "cookie 'far' (domain www.example.com, seen at " in line
    assert line.endswith("[cookies.audit]")


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("output", ["text", "json"])
def test_a_lone_surrogate_in_a_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: str
) -> None:
    capture = tmp_path / "v.har"
    entry = har_entry("https://www.example.com/", ["PLACEHOLDER=1"])
    capture.write_text(json.dumps({"log": {"entries": [entry]}}).replace("PLACEHOLDER", r"\ud800x"))
    status, out, _ = run_cli(
        capsys, "audit", "cookies.yaml", "--har", str(capture), "--format", output
    )
    assert status == 1
    if output == "json":
        assert json.loads(out)["undeclared"][0]["name"] == "\ud800x"
    else:
        assert r"\ud800x" in out


# -- item 10: files ----------------------------------------------------------------------------


def test_a_capture_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    capture = tmp_path / "huge.har"
    with capture.open("wb") as stream:  # sparse: 200 MB on paper, nothing on disk
        stream.truncate(200 * 1024 * 1024)
    with pytest.raises(CaptureError, match=f"larger than {MAX_CAPTURE_BYTES:,} bytes"):
        read_capture(capture)


@pytest.mark.usefixtures("in_tmp")
def test_max_file_size_raises_and_lowers_the_capture_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    capture = write_har(
        tmp_path / "v.har", har_entry("https://www.example.com/", ["a=1"], "x" * 1000)
    )
    size = capture.stat().st_size
    status, _, err = run_cli(
        capsys, "audit", "cookies.yaml", "--har", "v.har", "--max-file-size", str(size - 1)
    )
    assert status == 2
    assert err == (
        f"sphinx-cookies: error: v.har: the file is larger than {size - 1:,} bytes, the most a "
        "capture may "
        "be; save it without response bodies, or raise the limit (sphinx-cookies "
        "--max-file-size)\n"
    )
    status, _, err = run_cli(
        capsys, "audit", "cookies.yaml", "--har", "v.har", "--max-file-size", str(size)
    )
    assert (status, err) == (1, "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "visit.har"
    os.mkfifo(fifo)
    completed = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_cookies", "init", "--har", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stderr == (
        f"sphinx-cookies: error: {fifo}: is not a regular file (a pipe, a device or a socket); "
        "save the capture first\n"
    )


@pytest.mark.usefixtures("in_tmp")
def test_an_error_does_not_repeat_a_long_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "c.txt").write_text(f"a.com\tFALSE\t/\tFALSE\t{'x' * 5000}\tn\tv\n")
    status, _, err = run_cli(capsys, "audit", "cookies.yaml", "--cookies-txt", "c.txt")
    assert status == 2
    assert err == (
        f"sphinx-cookies: error: c.txt:1: the expiry '{'x' * 40}...' is not a number of seconds\n"
    )


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize(
    ("force", "message"),
    [
        ((), "link.yaml already exists; choose another file, or add --force"),
        (("--force",), "link.yaml is a symbolic link; give the path of the file itself"),
    ],
)
def test_init_does_not_follow_a_dangling_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, force: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "elsewhere.yaml"
    (tmp_path / "link.yaml").symlink_to(target)
    status, _, err = run_cli(capsys, "init", "--names", "_ga", "-o", "link.yaml", *force)
    assert (status, err) == (2, f"sphinx-cookies: error: {message}\n")
    assert not target.exists()


# -- item 4: the build reads a capture once ----------------------------------------------------


def bytes_read() -> int:
    with open("/proc/self/io", encoding="ascii") as stream:
        return next(int(line.split()[1]) for line in stream if line.startswith("rchar:"))


@pytest.mark.skipif(not os.path.exists("/proc/self/io"), reason="needs Linux's /proc/self/io")
def test_the_build_audit_reads_a_capture_a_bounded_number_of_times(
    make_app: Any, tmp_path: Path
) -> None:
    """400 undeclared cookies in a 1 MB HAR: the build reads the capture to parse it, and once
    more for the lines of all of them, not once per cookie (400 MB)."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-audit", srcdir)
    entries = [
        har_entry(f"https://www.example.com/{n}", [f"c{n}=1"], "x" * 2500) for n in range(400)
    ]
    capture = write_har(srcdir / "many.har", *entries)
    app = make_app("html", srcdir=srcdir, confoverrides={"cookies_audit": "many.har"})
    before = bytes_read()
    app.build()
    read = bytes_read() - before
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    assert len(warnings) == 400
    assert warnings[-1].startswith(f"{capture}:1: WARNING: cookie 'c399' ")
    assert read < 20 * capture.stat().st_size, read
