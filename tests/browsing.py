"""What the browser tests share: finding Chromium, serving a built site on the loopback
interface, and visits that record what a page asked of the network and said on its console.

Playwright drives the system's Chromium (``executable_path``); it never downloads one. No
visit reaches the network: requests to the site's own server go through, the few third-party
addresses a test site names (a tag manager, a video site) are answered here with stand-ins, and
anything else is refused and recorded.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Stand-ins for third-party addresses, by the start of the address: content type and body.
#: The tag manager's stand-in sets the cookies Google Analytics sets, as soon as it runs.
STAND_INS = {
    "https://www.googletagmanager.com/gtag/js": (
        "text/javascript",
        "document.cookie = '_ga=GA1.1.1; path=/; max-age=3600';"
        "document.cookie = '_ga_TEST=GS1.1; path=/; max-age=3600';"
        "window.gaRan = (window.gaRan || 0) + 1;",
    ),
    "https://www.youtube-nocookie.com/embed/": ("text/html", "<!DOCTYPE html><p>A video</p>"),
}

#: cookieconsent hides itself from automated browsers (``hideFromBots``); a visitor's browser
#: does not say it is automated, and neither does this one.
HUMAN_VISITOR = "Object.defineProperty(navigator, 'webdriver', {get: () => false});"


def find_chromium() -> str | None:
    candidates = [os.environ.get("COOKIES_CHROMIUM"), shutil.which("chromium")]
    candidates += [shutil.which("chromium-browser"), "/usr/bin/chromium"]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


@contextmanager
def launched_chromium(sync_api: Any) -> Iterator[Any]:
    """The system's Chromium, driven by Playwright (``sync_api``, which the test module imports
    or skips on); the test is skipped where there is no Chromium."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium found: apt-get install chromium, or set $COOKIES_CHROMIUM")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGUMENTS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` on a loopback web server, for as long as the block runs: its address."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """A browser context on a served site: what its pages asked of other sites and what they
    reported as errors."""

    context: Any
    site: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        page = self.context.pages[0] if self.context.pages else self.context.new_page()
        page.goto(self.site + path)
        return page

    def cookies(self) -> set[str]:
        return {cookie["name"] for cookie in self.context.cookies()}

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.site):
            if url.endswith("/favicon.ico"):  # asked for by the browser, not by the page
                route.fulfill(status=204)
            else:
                route.continue_()
            return
        self.requests.append(url)
        for start, (content_type, body) in STAND_INS.items():
            if url.startswith(start):
                route.fulfill(status=200, content_type=content_type, body=body)
                return
        route.abort()

    def watch(self, page: Any) -> None:
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on(
            "console",
            lambda message: self.problems.append(message.text) if message.type == "error" else None,
        )


def visit(browser: Any, site: str, width: int = 1280, height: int = 800) -> Visit:
    """A new visitor (no cookies) on ``site``, with a screen ``width`` pixels wide."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(HUMAN_VISITOR)
    opened = Visit(context, site)
    context.route("**/*", opened.route)
    context.on("page", opened.watch)
    return opened
