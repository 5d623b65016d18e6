"""``sphinx-cookies audit``: the exact report on captures made for the tests (tests/data/cli)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphinxcontrib_cookies.cli import main
from sphinxcontrib_cookies.inventory.sites import suffix_list_version

from conftest import run_cli as run

DATA = Path(__file__).parent / "data" / "cli"

#: The site line of a report whose site is its first page's.
FIRST_PAGE_SITE = "  site: example.com (the first page's, by the Public Suffix List {version})"

HAR_REPORT = f"""\
Audit of cookies.yaml
  visit.har: HAR file, 7 requests, 12 cookies
{FIRST_PAGE_SITE.format(version=suffix_list_version())}

Undeclared: 3
  NAME          DOMAIN            STORAGE  SET BY               SEEN AT
  AWSALB        www.example.com   cookie   www.example.com      https://www.example.com/
  tracker_sync  .tracker.example  cookie   ads.tracker.example  https://ads.tracker.example/pixel?id=1
  theme         www.example.com   cookie   -                    https://www.example.com/about

Declared but not seen: 2
  cookies.yaml:64: language
  cookies.yaml:70: _hjSession_*

Mismatches: 3
  cookies.yaml:38: remember_me (www.example.com) lives 14 days (Max-Age), but the inventory says session
  cookies.yaml:51: __cf_bm (.examplecdn.net) is set for .examplecdn.net by cdn.examplecdn.net, outside the site example.com, but the inventory says party: first
  cookies.yaml:76: uid (.tracker.example) lives 731 days (Expires), more than twice as long as the inventory says 30 days

Not checked, the captures cannot show their type: 2
  cookies.yaml:83: cart (local-storage)
  cookies.yaml:88: tab_state (session-storage)

3 undeclared, 2 declared but not seen, 3 mismatches (12 observed)
"""  # noqa: E501

STORAGE_STATE_REPORT = f"""\
Audit of cookies.yaml
  state.json: Playwright storage state, 6 cookies, 3 local storage keys
{FIRST_PAGE_SITE.format(version=suffix_list_version())}

Undeclared: 2
  NAME       DOMAIN            STORAGE        SET BY  SEEN AT
  IDE        .doubleclick.net  cookie         -       state.json
  ab_bucket  www.example.com   local-storage  -       https://www.example.com

Declared but not seen: 5
  cookies.yaml:38: remember_me
  cookies.yaml:44: lb
  cookies.yaml:51: __cf_bm
  cookies.yaml:70: _hjSession_*
  cookies.yaml:76: uid

Mismatches: 2
  cookies.yaml:64: language (www.example.com) lives 20 days (expiry), less than half as long as the inventory says 1 year
  cookies.yaml:57: _ga (www.example.com) was found in local storage, but the inventory declares it as type cookie

Not checked, the captures cannot show their type: 1
  cookies.yaml:88: tab_state (session-storage)

2 undeclared, 5 declared but not seen, 2 mismatches (9 observed)
"""  # noqa: E501


#: ``--format json`` of the HAR report above.
HAR_REPORT_JSON = {
    "inventory": "cookies.yaml",
    "captures": ["visit.har"],
    "site": "example.com",
    "site_from": "first page",
    "public_suffix_list": suffix_list_version(),
    "observed": 12,
    "undeclared": [
        {
            "name": "AWSALB",
            "domain": "www.example.com",
            "seen_at": "https://www.example.com/",
            "set_by": "www.example.com",
            "storage": "cookie",
        },
        {
            "name": "tracker_sync",
            "domain": ".tracker.example",
            "seen_at": "https://ads.tracker.example/pixel?id=1",
            "set_by": "ads.tracker.example",
            "storage": "cookie",
        },
        {
            "name": "theme",
            "domain": "www.example.com",
            "seen_at": "https://www.example.com/about",
            "set_by": None,
            "storage": "cookie",
        },
    ],
    "unseen": ["language", "_hjSession_*"],
    "mismatches": [
        {
            "name": "remember_me",
            "domain": "www.example.com",
            "declared": "remember_me",
            "line": 38,
            "kind": "duration",
            "message": "lives 14 days (Max-Age), but the inventory says session",
        },
        {
            "name": "__cf_bm",
            "domain": ".examplecdn.net",
            "declared": "__cf_bm",
            "line": 51,
            "kind": "party",
            "message": "is set for .examplecdn.net by cdn.examplecdn.net, outside the site "
            "example.com, but the inventory says party: first",
        },
        {
            "name": "uid",
            "domain": ".tracker.example",
            "declared": "uid",
            "line": 76,
            "kind": "duration",
            "message": "lives 731 days (Expires), more than twice as long as the inventory "
            "says 30 days",
        },
    ],
    "not_checked": ["cart", "tab_state"],
}


@pytest.fixture(autouse=True)
def in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where the test captures are, so that reports name them as a user would type them."""
    monkeypatch.chdir(DATA)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_har_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "audit", "cookies.yaml", "--har", "visit.har")
    assert out == HAR_REPORT
    assert err == ""
    assert status == 1  # something is undeclared


def test_har_report_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har", "--format", "json")
    assert status == 1
    assert json.loads(out) == HAR_REPORT_JSON


def test_storage_state_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "audit",
        "cookies.yaml",
        "--storage-state",
        "state.json",
        "--captured-at",
        "2026-05-01T10:05:00Z",
    )
    assert out == STORAGE_STATE_REPORT
    assert status == 1


def test_cookies_txt_report_without_site(capsys: pytest.CaptureFixture[str]) -> None:
    """A cookies.txt names no page: the party is not checked until --site says the site."""
    arguments = [
        "audit",
        "cookies.yaml",
        "--cookies-txt",
        "cookies.txt",
        "--format",
        "json",
        "--captured-at",
        "2026-05-01T10:05:00Z",
    ]
    _, out, _ = run(capsys, *arguments)
    report = json.loads(out)
    assert report["site"] is None
    assert [cookie["name"] for cookie in report["undeclared"]] == ["theme"]
    assert report["unseen"] == ["remember_me", "lb", "__cf_bm", "language", "_hjSession_*"]
    assert report["mismatches"] == []
    assert report["not_checked"] == ["cart", "tab_state"]  # cookies.txt holds cookies only
    _, out, _ = run(capsys, *arguments, "--site", "tracker.example")
    report = json.loads(out)
    assert report["site"] == "tracker.example"
    parties = [(m["name"], m["kind"]) for m in report["mismatches"]]
    # _ga (.example.com), _ga_XYZ789, csrftoken and sessionid are first-party entries on a
    # domain that is now outside the site; uid is declared third-party, so it is left alone.
    assert parties == [
        ("sessionid", "party"),
        ("csrftoken", "party"),
        ("_ga", "party"),
        ("_ga_XYZ789", "party"),
    ]


def test_captures_combine_and_are_told_apart_by_content(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys,
        "audit",
        "cookies.yaml",
        "--capture",
        "state.json",
        "--capture",
        "visit.har",
        "--captured-at",
        "2026-05-01T10:05:00Z",
        "--format",
        "json",
    )
    report = json.loads(out)
    assert report["captures"] == ["state.json", "visit.har"]
    assert [c["name"] for c in report["undeclared"]] == [
        "IDE",
        "ab_bucket",
        "AWSALB",
        "tracker_sync",
        "theme",
    ]
    # Seen in one capture or the other: only what neither shows is unseen.
    assert report["unseen"] == ["_hjSession_*"]
    assert status == 1


def test_wildcards_and_domains_declare_a_family(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``_ga_*`` on ``.example.com`` declares ``_ga_ABC123`` seen on www.example.com; the
    same entry on another domain does not."""
    inventory = (DATA / "cookies.yaml").read_text(encoding="utf-8")
    moved = tmp_path / "moved.yaml"
    moved.write_text(
        inventory.replace(
            "domain: .example.com\n  - name: language", "domain: .example.org\n  - name: language"
        )
    )
    shutil.copy(DATA / "visit.har", tmp_path / "visit.har")
    _, out, _ = run(
        capsys, "audit", str(moved), "--har", str(tmp_path / "visit.har"), "--format", "json"
    )
    report = json.loads(out)
    names = [cookie["name"] for cookie in report["undeclared"]]
    assert names == ["AWSALB", "tracker_sync", "_ga", "_ga_ABC123", "_ga_XYZ789", "theme"]
    assert "_ga_*" in report["unseen"]


def test_everything_declared_exits_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    complete = tmp_path / "complete.yaml"
    complete.write_text(
        (DATA / "cookies.yaml").read_text(encoding="utf-8")
        + "  - names: [AWSALB, tracker_sync, theme]\n"
        "    category: necessary\n"
        "    purpose: Added after the audit.\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "audit", str(complete), "--har", "visit.har")
    assert status == 0
    assert "Undeclared" not in out
    assert out.endswith("0 undeclared, 2 declared but not seen, 3 mismatches (12 observed)\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--har", "missing.har"], "sphinx-cookies: error: missing.har: no such file\n"),
        (
            ["--har", "broken.har"],
            "sphinx-cookies: error: broken.har:6: not valid JSON: Expecting ',' delimiter at "
            "column 7\n",
        ),
        (
            ["--har", "state.json"],
            "sphinx-cookies: error: state.json: this looks like a Playwright storage state, not "
            "a HAR file\n",
        ),
        (
            ["--capture", "cookies.yaml"],
            "sphinx-cookies: error: cookies.yaml: cannot tell what kind of capture this is; a "
            "HAR file, a Playwright storage state or a cookies.txt file is expected\n",
        ),
        (
            ["--cookies-txt", "bad-cookies.txt"],
            "sphinx-cookies: error: bad-cookies.txt:3: not a cookies.txt line: expected 7 "
            "fields separated by tabs, found 3\n",
        ),
    ],
)
def test_unreadable_captures_exit_2_without_traceback(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    status, out, err = run(capsys, "audit", "cookies.yaml", *arguments)
    assert (status, out, err) == (2, "", message)


def test_missing_inventory_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "audit", "nowhere.yaml", "--har", "visit.har")
    assert (status, out) == (2, "")
    assert err == "sphinx-cookies: error: nowhere.yaml: the inventory file does not exist\n"


def test_audit_without_a_capture_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["audit", "cookies.yaml"])
    assert exit_info.value.code == 2
    assert "audit needs a capture" in capsys.readouterr().err


def test_colour_only_when_asked_or_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har", "--color", "always")
    assert "\033[1;31mUndeclared: 3\033[0m" in out
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    _, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har")
    assert "\033[" in out  # a terminal gets colour
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "audit", "cookies.yaml", "--har", "visit.har")
    assert "\033[" not in out


def test_an_empty_capture_is_flagged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An all-clear from a capture that recorded nothing would mislead: say so."""
    empty = tmp_path / "empty.har"
    empty.write_text('{"log": {"version": "1.2", "entries": []}}', encoding="utf-8")
    status, out, err = run(capsys, "audit", "cookies.yaml", "--har", str(empty))
    assert status == 0
    assert err == (
        "warning: the captures show no cookie at all; check that they recorded the visit\n"
    )
    assert "Declared but not seen: 10" in out
