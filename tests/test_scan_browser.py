"""``sphinx-cookies scan`` in a real browser, on a live site served on the loopback interface.

The site (``tests/roots/test-scan``, served by ``scan_site.py``) runs the project's own consent
banner; it sets cookies by a header (HttpOnly) and by scripts, uses local storage, session
storage and IndexedDB, holds an analytics script until consent, and embeds a third-party widget
(on ``localhost``; the site is on ``127.0.0.1``) held until the visitor accepts marketing. Its
faulty variant loads the analytics script at once. Every assertion reads the scan's real
capture, or what ``audit`` and ``init`` make of it.

The browser is Debian's Chromium behind ``scan_site.loopback_browser``, which cannot reach
beyond the loopback interface whatever the scanner asks. Needs the ``browser`` extra (or
``scan``) and a Chromium; skipped without them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browsing import find_chromium
from conftest import run_cli
from scan_site import OFF_MACHINE, Served, build_site, loopback_browser, serve_site

pytest.importorskip(
    "playwright.async_api", reason="scan needs Playwright: pip install -e '.[scan]'"
)
pytestmark = pytest.mark.slow  # a real browser, three profiles per scan

DAY = 86400


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if find_chromium() is None:
        pytest.skip("no Chromium found: apt-get install chromium, or set $COOKIES_CHROMIUM")
    return loopback_browser(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module", params=["good", "faulty"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Served, Path]]:
    """The site (``good`` or ``faulty``), served: its variant, the servers, its folder."""
    folder = tmp_path_factory.mktemp(f"scan-{request.param}")
    with serve_site(folder / "site") as served:
        build_site(folder / "site", served.port, faulty=request.param == "faulty")
        yield request.param, served, folder


def scan(browser: Path, output: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinxcontrib_cookies", "scan", *arguments]
    command += ["-o", str(output), "--loopback-only", "--browser", str(browser)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def scanned(site: tuple[str, Served, Path], browser: Path) -> dict[str, Any]:
    variant, served, folder = site
    result = scan(browser, folder / "scan.json", served.site, "--har", str(folder / "visit.har"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    capture = json.loads((folder / "scan.json").read_text(encoding="utf-8"))
    return {"variant": variant, "served": served, "folder": folder, "capture": capture}


def phase(capture: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [record for record in capture["phases"] if record["phase"] == name]
    return found


def cookies(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {cookie["name"]: cookie for cookie in record["cookies"]}


def storage(record: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(item["type"], item["origin"], item["name"]) for item in record["storage"]}


SITE_STORAGE = {
    ("local-storage", "theme"),
    ("session-storage", "tab_state"),
    ("indexeddb", "offline-cache"),
}


def test_each_phase_shows_what_it_set(scanned: dict[str, Any]) -> None:
    capture, served = scanned["capture"], scanned["served"]
    site, widget = f"http://127.0.0.1:{served.port}", f"http://localhost:{served.port}"
    assert [record["phase"] for record in capture["phases"]] == ["before", "refuse", "accept"]
    assert "Headless" not in capture["user_agent"]
    early = {"stats_id"} if scanned["variant"] == "faulty" else set()
    before, refuse, accept = (phase(capture, name) for name in ("before", "refuse", "accept"))
    assert set(cookies(before)) == {"sessionid", "lang_pref"} | early
    # The banner ran (it hides from automated browsers) and kept the refusal in its cookie.
    assert set(cookies(refuse)) == {"sessionid", "lang_pref", "cc_cookie"} | early
    assert set(cookies(accept)) == {
        "sessionid", "lang_pref", "cc_cookie", "stats_id", "widget_id", "widget_seen",
    }  # fmt: skip
    for record in (refuse, accept):
        assert record["consent"]["method"] == "cookieconsent"
        assert record["consent"]["given"] is True
    own = {(kind, f"{site}", name) for kind, name in SITE_STORAGE}
    assert storage(before) == storage(refuse) == own
    assert storage(accept) == own | {("local-storage", widget, "widget_state")}


def test_who_set_each_cookie_where_and_for_how_long(scanned: dict[str, Any]) -> None:
    capture, served = scanned["capture"], scanned["served"]
    site = served.site
    before, accept = cookies(phase(capture, "before")), cookies(phase(capture, "accept"))
    session = before["sessionid"]
    assert (session["set_with"], session["set_by"], session["http_only"]) == ("header", site, True)
    assert (session["expires"], session["lifetime"], session["first_seen"]) == (None, None, site)
    language = before["lang_pref"]
    assert language["set_with"] == "script"
    assert language["set_by"].startswith(f"{site}_static/site.js")
    assert 399 * DAY < language["lifetime"] <= 400 * DAY
    frame = f"http://localhost:{served.port}/widget/frame.html"
    widget_id, widget_seen = accept["widget_id"], accept["widget_seen"]
    assert (widget_id["domain"], widget_id["set_with"], widget_id["set_by"]) == (
        "localhost", "header", frame,
    )  # fmt: skip
    assert (widget_seen["set_with"], widget_seen["set_by"]) == ("script", frame)
    assert widget_id["first_seen"] == widget_seen["first_seen"] == f"{site}widget.html"
    assert accept["stats_id"]["set_by"].startswith(f"{site}_static/stats.js")
    assert accept["cc_cookie"]["set_by"].startswith(f"{site}_static/cookieconsent.umd.js")


def test_the_audit_flags_exactly_the_cookie_set_before_consent(
    scanned: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, served = scanned["folder"], scanned["served"]
    inventory = str(folder / "site-source" / "cookies.yaml")
    capture = str(folder / "scan.json")
    status, out, _ = run_cli(capsys, "audit", inventory, "--capture", capture, "--format", "json")
    report = json.loads(out)
    assert (report["undeclared"], report["unseen"], report["mismatches"]) == ([], [], [])
    assert report["not_checked"] == []  # a scan shows every kind of storage
    if scanned["variant"] == "good":
        assert (status, report["before_consent"]) == (0, [])
        return
    assert status == 1
    (finding,) = report["before_consent"]
    assert (finding["name"], finding["domain"], finding["category"]) == (
        "stats_id",
        "127.0.0.1",
        "analytics",
    )
    assert (finding["phase"], finding["page"]) == ("before", served.site)
    # Refused, the banner erased it, and the next page set it again.
    assert finding["phases"] == [
        {"phase": "before", "page": served.site},
        {"phase": "refuse", "page": f"{served.site}genindex.html"},
    ]
    assert finding["rule"] == "ePrivacy Directive art. 5(3)"
    status, text, _ = run_cli(capsys, "audit", inventory, "--capture", capture, "--color", "never")
    assert "Set before consent: 1\n" in text
    assert (
        "stats_id (127.0.0.1) is in category analytics, which needs consent, but was set " in text
    )


def test_a_har_per_phase(scanned: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    folder = scanned["folder"]
    hars = sorted(path.name for path in folder.glob("visit-*.har"))
    assert hars == ["visit-accept.har", "visit-before.har", "visit-refuse.har"]
    status, out, _ = run_cli(
        capsys, "audit", str(folder / "site-source" / "cookies.yaml"),
        "--har", str(folder / "visit-accept.har"), "--format", "json",
    )  # fmt: skip
    assert {cookie["name"] for cookie in json.loads(out)["undeclared"]} == set()
    assert status == 0


@pytest.mark.parametrize("site", ["good"], indirect=True)  # one variant is enough
def test_init_drafts_from_a_scan(
    scanned: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_cli(capsys, "init", "--capture", str(scanned["folder"] / "scan.json"))
    assert status == 0
    entries = {block.split("\n", 1)[0]: block for block in out.split("  - name: ")[1:]}
    assert "    duration: 400 days\n" in entries["lang_pref"]
    assert "    type: indexeddb\n" in entries["offline-cache"]
    assert "  # seen in the scan's phases: accept\n" in out.split("  - name: stats_id")[0]


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The server alone: its /trap/ pages need no build."""
    folder = tmp_path_factory.mktemp("traps")
    (folder / "site").mkdir()
    with serve_site(folder / "site") as served:
        yield served


PROBE = """
import sys
from sphinxcontrib_cookies.cli import main
status = main(sys.argv[1:])
print("imported:", sorted(m for m in sys.modules if m.split(".")[0] in ("docutils", "sphinx")))
sys.exit(status)
"""


def test_pages_that_hang_leave_or_never_end_are_cut_and_the_scan_goes_on(
    traps: Served, browser: Path, tmp_path: Path
) -> None:
    output = tmp_path / "traps.json"
    command = [sys.executable, "-c", PROBE, "scan", f"{traps.site}trap/", "-o", str(output)]
    command += ["--loopback-only", "--browser", str(browser), "--phases", "before"]
    command += ["--max-pages", "8", "--page-timeout", "2", "--color", "never"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "imported: []" in result.stdout  # the scan, too, needs neither docutils nor Sphinx
    (record,) = json.loads(output.read_text(encoding="utf-8"))["phases"]
    problems = {page["url"].removeprefix(traps.site): page["problem"] for page in record["pages"]}
    off_site = f"http://127.0.0.2:{traps.port}"
    assert problems["trap/hang"] == "did not finish loading in 2 s; cut"
    assert problems["trap/away"] == (
        f"redirected off the site, to {off_site}/landing; its links not followed"
    )
    generated = [url for url in problems if url.startswith("trap/gen/")]
    assert len(record["pages"]) == 8 and len(generated) == 5
    assert record["not_visited"]["off-site"] == {"count": 1, "examples": [f"{off_site}/elsewhere"]}
    assert record["not_visited"]["max-pages"]["count"] > 0
    # The redirect (and the favicon of the page it led to), never the off-site link.
    assert traps.off_site[0] == "/landing" and "/elsewhere" not in traps.off_site
    assert record["refused"] == {"count": 1, "examples": [OFF_MACHINE]}
    for line in ("trap/hang: did not finish loading in 2 s; cut", "not visited (max-pages): "):
        assert line in result.stderr


def test_the_sitemap_adds_pages_no_link_leads_to(
    traps: Served, browser: Path, tmp_path: Path
) -> None:
    output = tmp_path / "sitemap.json"
    result = scan(
        browser, output, f"{traps.site}trap/gen/1", "--sitemap", "--phases", "before",
        "--max-pages", "2", "--quiet",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    (record,) = json.loads(output.read_text(encoding="utf-8"))["phases"]
    assert [page["url"] for page in record["pages"]] == [
        f"{traps.site}trap/gen/1",
        f"{traps.site}trap/from-sitemap",
    ]


@pytest.mark.parametrize("site", ["good"], indirect=True)  # one variant is enough
def test_a_capture_chromium_recorded_shows_the_lifetime_a_script_set(
    site: tuple[str, Served, Path], browser: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A HAR shows a cookie that a script set only as sent in requests, with no lifetime; the
    storage state of the same visit has its expiry: merged, the audit sees 400 days."""
    _, served, folder = site
    sync_api = pytest.importorskip("playwright.sync_api")
    har, state = folder / "recorded.har", folder / "recorded-state.json"
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(browser))
        context = launched.new_context(record_har_path=str(har), record_har_content="omit")
        page = context.new_page()
        for path in ("", "policy.html", "guide.html"):
            page.goto(served.site + path)
        context.storage_state(path=str(state))
        context.close()
        launched.close()
    inventory = folder / "thirty-days.yaml"
    text = (folder / "site-source" / "cookies.yaml").read_text(encoding="utf-8")
    inventory.write_text(text.replace("duration: 400 days", "duration: 30 days"), encoding="utf-8")
    audit = ("audit", str(inventory), "--format", "json", "--har", str(har))
    _, out, _ = run_cli(capsys, *audit)
    assert [m for m in json.loads(out)["mismatches"] if m["name"] == "lang_pref"] == []
    _, out, _ = run_cli(capsys, *audit, "--storage-state", str(state))
    (mismatch,) = [m for m in json.loads(out)["mismatches"] if m["name"] == "lang_pref"]
    assert mismatch["kind"] == "duration"
    assert mismatch["message"] == (
        "lives 400 days (expiry), more than twice as long as the inventory says 30 days"
    )
