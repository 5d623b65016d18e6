"""``sphinx-cookies scan`` without a browser: what it says when it cannot run, and which pages it
would visit (``scan/crawl.py``). The scans themselves are in ``test_scan_browser.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_cookies.scan.browser import is_loopback, ordinary_user_agent
from sphinxcontrib_cookies.scan.crawl import Frontier, origin_of, sitemap_addresses

from conftest import run_cli

#: Runs the command as if Playwright were not installed: an import of it fails as it would.
WITHOUT_PLAYWRIGHT = """
import sys
sys.modules["playwright"] = None
from sphinxcontrib_cookies.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_without_the_extra_scan_says_how_to_install_it(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PLAYWRIGHT, "scan", "http://127.0.0.1:9/", "-o", "x.json"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "sphinx-cookies: error: scan needs Playwright, which the extra 'scan' installs: "
        'pip install "sphinxcontrib-cookies[scan]"\n'
    )
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["https://www.example.com/", "--loopback-only"],
            "sphinx-cookies: error: --loopback-only, but https://www.example.com/ is not on "
            "this machine\n",
        ),
        (
            ["ftp://127.0.0.1/"],
            "sphinx-cookies: error: ftp://127.0.0.1/ is not an http:// or https:// address\n",
        ),
    ],
)
def test_addresses_it_will_not_scan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str], message: str
) -> None:
    status, _, err = run_cli(capsys, "scan", *arguments, "-o", str(tmp_path / "scan.json"))
    assert (status, err) == (2, message)


def test_an_existing_capture_is_not_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "scan.json"
    output.write_text("keep", encoding="utf-8")
    status, _, err = run_cli(capsys, "scan", "http://127.0.0.1:9/", "-o", str(output))
    assert (status, err) == (
        2, f"sphinx-cookies: error: {output} already exists; choose another file, or add --force\n"
    )  # fmt: skip
    assert output.read_text(encoding="utf-8") == "keep"


def test_phases_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_cli(capsys, "scan", "http://127.0.0.1:9/", "-o", "x.json", "--phases", "before,later")
    assert stopped.value.code == 2
    assert "give phases among before, refuse, accept" in capsys.readouterr().err


def test_the_crawl_stays_on_the_start_origins_and_stops_at_the_limit() -> None:
    frontier = Frontier.starting_at(["http://127.0.0.1:8000/", "http://localhost:8000/"], 3)
    assert frontier.origins == {"http://127.0.0.1:8000", "http://localhost:8000"}
    visited = [frontier.next_page()]
    for link in (
        "http://127.0.0.1:8000/a.html#part",
        "http://127.0.0.1:8000/a.html",  # the same page
        "http://127.0.0.2:8000/away",  # another loopback address: another site
        "http://127.0.0.1:8001/",  # another port: another origin
        "mailto:someone@example.com",
        "http://127.0.0.1:8000/manual.pdf",
        "http://127.0.0.1:8000/b.html",
    ):
        frontier.offer(link)
    while (page := frontier.next_page()) is not None:
        visited.append(page)
    assert visited == [
        "http://127.0.0.1:8000/",
        "http://localhost:8000/",
        "http://127.0.0.1:8000/a.html",
    ]
    reasons = {reason: (s.count, s.examples) for reason, s in frontier.skipped.items()}
    assert reasons == {
        "off-site": (2, ["http://127.0.0.2:8000/away", "http://127.0.0.1:8001/"]),
        "not a page": (1, ["http://127.0.0.1:8000/manual.pdf"]),
        "max-pages": (1, ["http://127.0.0.1:8000/b.html"]),
    }


def test_a_generator_of_links_is_counted_not_kept() -> None:
    frontier = Frontier.starting_at(["http://127.0.0.1:8000/"], 1)
    frontier.next_page()
    for number in range(10_000):
        frontier.offer(f"http://127.0.0.1:8000/gen/{number}")
    assert frontier.next_page() is None
    skipped = frontier.skipped["max-pages"]
    assert (skipped.count, len(skipped.examples)) == (10_000, 20)


def test_sitemaps_are_read_without_an_xml_parser() -> None:
    text = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset>'
        "<url><loc> https://example.com/a?x=1&amp;y=2 </loc></url>"
        "<url><loc>https://example.com/b</loc></url><url><loc>https://example.com/c</loc></url>"
        "</urlset>"
    )
    assert sitemap_addresses(text, 2) == ["https://example.com/a?x=1&y=2", "https://example.com/b"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("http://Example.com:80/x", "http://example.com"),
        ("https://example.com:8443/", "https://example.com:8443"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
        ("javascript:alert(1)", None),
        ("http://example.com:99999/", None),
    ],
)
def test_origins(url: str, origin: str | None) -> None:
    assert origin_of(url) == origin


def test_the_browser_presents_as_a_visitors() -> None:
    headless = "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36"
    assert ordinary_user_agent(headless) == (
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36"
    )
    assert [is_loopback(h) for h in ("localhost", "a.localhost", "127.0.0.2", "[::1]")] == [
        True
    ] * 4
    assert [is_loopback(h) for h in ("example.com", "10.0.0.1", "127.example.com")] == [False] * 3
