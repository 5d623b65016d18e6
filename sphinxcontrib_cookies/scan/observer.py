"""What a phase's browser context shows while pages load: who sets each cookie (a
``Set-Cookie`` header of a response, or a script), and whether the network is still busy.

The cookie store says which cookies exist, not who set them; this listens to the context: every
response's ``Set-Cookie`` headers (read from the browser, so HttpOnly ones too), and every write
from a script, reported by the ``COOKIE_WRITES`` init script through a binding. Records are keyed
and kept once, so a page that sets the same cookie a thousand times costs one entry.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Error, Request, Response

from ..captures import host_in_domain
from ..captures.headers import parse_set_cookie
from .browser import is_loopback
from .crawl import Skipped

#: Names of cookies written by scripts kept per host, at most (a page could write endless names).
MAX_WRITES = 10000


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


class Observer:
    def __init__(self, loopback_only: bool = False) -> None:
        self.loopback_only = loopback_only
        #: Requests to hosts off the loopback interface that the browser refused to send.
        self.refused = Skipped()
        #: (name, domain as the store writes it) -> the address of the response that set it.
        self.headers: dict[tuple[str, str], str] = {}
        #: name -> [(host of the frame that wrote it, the script's address)].
        self.writes: dict[str, list[tuple[str, str]]] = {}
        self.written = 0
        self.in_flight = 0
        self.last_activity = time.monotonic()
        self.pending: set[asyncio.Task[None]] = set()

    async def attach(self, context: BrowserContext, binding: str) -> None:
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._failed)
        context.on("response", self._responded)
        await context.expose_binding(binding, self._script_wrote)

    def _started(self, request: Request) -> None:
        self.in_flight += 1
        self.last_activity = time.monotonic()

    def _ended(self, request: Request) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.last_activity = time.monotonic()

    def _failed(self, request: Request) -> None:
        self._ended(request)
        if self.loopback_only and not is_loopback(_host(request.url)):
            self.refused.add(request.url)

    def _responded(self, response: Response) -> None:
        task = asyncio.ensure_future(self._read_set_cookie(response))
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def _read_set_cookie(self, response: Response) -> None:
        try:
            values = await response.header_values("set-cookie")
        except Error:  # the page went away before its headers could be read
            return
        host = _host(response.url)
        for value in values:
            for line in value.split("\n"):
                cookie = parse_set_cookie(line, host, None)
                if cookie is not None and not cookie.deletes:
                    self.headers.setdefault((cookie.name, cookie.domain), response.url)

    def _script_wrote(self, source: dict[str, Any], name: Any, script: Any) -> None:
        if not isinstance(name, str) or not name or self.written >= MAX_WRITES:
            return
        frame = source.get("frame")
        host = _host(frame.url) if frame is not None else ""
        entries = self.writes.setdefault(name, [])
        if all(known != host for known, _ in entries):
            self.written += 1
            entries.append((host, script if isinstance(script, str) else ""))

    async def caught_up(self, timeout: float) -> None:
        """Wait for the headers of the responses seen so far to be read."""
        if self.pending:
            await asyncio.wait(set(self.pending), timeout=timeout)

    async def settled(self, quiet: float, longest: float) -> None:
        """Wait until no request was in flight for ``quiet`` seconds, or ``longest`` passed."""
        started = time.monotonic()
        while time.monotonic() - started < longest:
            idle = time.monotonic() - self.last_activity
            if self.in_flight == 0 and idle >= quiet:
                return
            await asyncio.sleep(min(0.05, quiet))

    def setter(self, name: str, domain: str) -> tuple[str | None, str | None]:
        """How the cookie ``name`` of ``domain`` (as the store writes it) was set, and by what:
        ("header", response address), ("script", script address), or (None, None)."""
        response = self.headers.get((name, domain))
        if response is not None:
            return "header", response
        for host, script in self.writes.get(name, ()):
            if host and host_in_domain(host, domain):
                return "script", script or None
        return None, None
