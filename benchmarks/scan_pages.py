"""Case 9: ``sphinx-cookies scan`` of 50 local pages, in the three consent phases (issue 15).

The site is ``tests/roots/test-scan`` (the project's consent banner, a necessary script that
writes a cookie and each kind of storage, an analytics script held until consent) with pages
added to make 50, built with Sphinx and served on 127.0.0.1 by a server that sets a session
cookie on every page. Each run is a fresh ``python -m sphinxcontrib_cookies scan ...
--max-pages 50`` child process: starting Chromium, the three phases (run side by side, each in
its own profile) and writing the capture all count. Target: the median wall time well under a
minute (at most 45 s on this shared 2-core machine).

    python -m benchmarks.scan_pages [--runs 3] [--pages 50] [--browser PATH]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .harness import ROOT, WORK, child_environment, load_average

CASE_DIR = WORK / "case9-scan"
TEST_ROOT = ROOT / "tests" / "roots" / "test-scan"
#: The target: the median wall time of a scan of 50 pages, in seconds.
LIMIT = 45.0


def make_project(source: Path, pages: int) -> None:
    """The test site, without its widget page, with pages added to make ``pages`` in all."""
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(TEST_ROOT, source)
    (source / "widget.rst").unlink()
    names = [f"page-{number:02d}" for number in range(pages - 3)]  # + index, policy, guide
    for number, name in enumerate(names):
        following = names[(number + 1) % len(names)]
        text = f"Page {number}\n{'=' * 20}\n\nRead on: :doc:`{following}`, or the :doc:`policy`.\n"
        (source / f"{name}.rst").write_text(text, encoding="utf-8")
    toctree = "\n".join(f"   {name}" for name in ["policy", "guide", *names])
    index = f"Harbour Scan\n============\n\n.. toctree::\n\n{toctree}\n"
    (source / "index.rst").write_text(index, encoding="utf-8")
    guide = (source / "guide.rst").read_text(encoding="utf-8").replace(", or the :doc:`widget`", "")
    (source / "guide.rst").write_text(guide, encoding="utf-8")


def build(source: Path, output: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", str(source), str(output)]
    subprocess.run(command, check=True, env=child_environment())


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        if self.path.endswith((".html", "/")):
            self.send_header("Set-Cookie", "sessionid=s; Path=/; HttpOnly; SameSite=Lax")
        super().end_headers()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def scan_once(site: str, output: Path, pages: int, browser: str | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "sphinxcontrib_cookies", "scan", site, "-o", str(output)]
    command += ["--force", "--loopback-only", "--max-pages", str(pages), "--quiet"]
    command += ["--browser", browser] if browser else []
    started = time.monotonic()
    subprocess.run(command, check=True, env=child_environment())
    wall = time.monotonic() - started
    capture = json.loads(output.read_text(encoding="utf-8"))
    visits = {record["phase"]: len(record["pages"]) for record in capture["phases"]}
    return {"wall": wall, "visits": visits}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scan_pages")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--browser", help="the Chromium to drive (default: the scanner's choice)")
    arguments = parser.parse_args(argv)
    CASE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {load_average()}")
    make_project(CASE_DIR / "source", arguments.pages)
    built = CASE_DIR / "html"
    shutil.rmtree(built, ignore_errors=True)
    build(CASE_DIR / "source", built)
    walls = []
    with serve(built) as site:
        scan_once(site, CASE_DIR / "warm-up.json", arguments.pages, arguments.browser)
        for run in range(1, arguments.runs + 1):
            result = scan_once(site, CASE_DIR / "scan.json", arguments.pages, arguments.browser)
            walls.append(result["wall"])
            print(f"run {run}: {result['wall']:.1f} s wall, pages visited {result['visits']}")
    median = statistics.median(walls)
    verdict = "passes" if median <= LIMIT else "FAILS"
    pages = arguments.pages
    print(f"median {median:.1f} s for {pages} pages in 3 phases: {verdict} (<= {LIMIT} s)")
    print(f"load average at end: {load_average()}")
    return 0 if median <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
