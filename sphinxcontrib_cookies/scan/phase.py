"""One consent phase of a scan: a fresh browser profile, the pages visited one after the other in
one tab, as a visitor would, and after each page what the browser holds.

``refuse`` and ``accept`` give their answer on the first page, through cookieconsent's
JavaScript API (the project's own banner) or a click on a CSS selector, then visit the pages.
Every wait is bounded: the page's load by ``page_timeout``, what follows by ``settle``, and a
page that hangs, fails or leaves the site is recorded with its problem, and the scan goes on.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import TypeVar

from playwright.async_api import BrowserContext, Cookie, Error, Frame, Page

from .crawl import LINKS_PER_PAGE, Frontier, origin_of
from .observer import Observer
from .options import COOKIECONSENT_READY, ScanOptions
from .record import Consent, CookieRecord, PageVisit, PhaseRecord, StorageRecord

#: Read in every frame of a page: the keys of its local and session storage and the names of its
#: IndexedDB databases, at most a thousand of each, never a value; and in the page itself, the
#: addresses of its first ``links`` links.
FRAME_FACTS = """
async (links) => {
  const keys = (name) => {
    try {
      const store = window[name];
      const found = [];
      for (let i = 0; i < store.length && i < 1000; i++) found.push(store.key(i));
      return found;
    } catch (e) { return []; }
  };
  let databases = [];
  try {
    if (indexedDB.databases) {
      databases = (await indexedDB.databases()).map((d) => d.name).slice(0, 1000);
    }
  } catch (e) {}
  const found = Array.from(document.querySelectorAll("a[href], area[href]"), (a) => a.href);
  return {origin: location.origin, "local-storage": keys("localStorage"),
          "session-storage": keys("sessionStorage"), indexeddb: databases,
          links: found.slice(0, links)};
}
"""
T = TypeVar("T")
STORAGE_KINDS = ("local-storage", "session-storage", "indexeddb")


class PhaseRun:
    def __init__(
        self, phase: str, options: ScanOptions, context: BrowserContext, observer: Observer
    ) -> None:
        self.phase = phase
        self.options = options
        self.context = context
        self.observer = observer
        self.record = PhaseRecord(phase)
        self.page: Page | None = None

    @property
    def _timeout_ms(self) -> float:
        return self.options.page_timeout * 1000

    async def _tab(self) -> Page:
        if self.page is None or self.page.is_closed():
            self.page = await self.context.new_page()
        return self.page

    async def _bounded(self, awaitable: Awaitable[T], seconds: float | None = None) -> T:
        """A browser call that cannot hang the scan: a page whose scripts never yield would
        otherwise never answer."""
        return await asyncio.wait_for(awaitable, seconds or self.options.page_timeout)

    async def visit(self, url: str, frontier: Frontier) -> None:
        page = await self._tab()
        visit = PageVisit(url)
        started = time.monotonic()
        try:
            response = await page.goto(url, timeout=self._timeout_ms, wait_until="load")
            visit.status = response.status if response is not None else None
        except Error as error:
            visit.problem = _load_problem(error, self.options.page_timeout)
        landed = origin_of(page.url)
        if visit.problem is None and landed not in frontier.origins:
            visit.problem = f"redirected off the site, to {page.url}; its links not followed"
        if visit.problem is None:
            await self.observer.settled(self.options.quiet, self.options.settle)
            if self.phase != "before" and self.record.consent is None:
                self.record.consent = await self._answer(page)
                await self.observer.settled(self.options.quiet, self.options.settle)
        visit.seconds = time.monotonic() - started
        self.record.pages.append(visit)
        await self.collect(url, page if visit.problem is None else None, frontier)

    async def _answer(self, page: Page) -> Consent:
        """Accept or refuse, on the page now open."""
        action = self.options.consent_action(self.phase)
        assert action is not None  # only called in the refuse and accept phases
        method, what = action
        consent = Consent(method, what, page=page.url)
        try:
            if method == "selector":
                await page.click(what, timeout=self._timeout_ms)
            else:
                await page.wait_for_function(COOKIECONSENT_READY, timeout=self._timeout_ms)
                await self._bounded(page.evaluate(what))
            consent.given = True
        except (Error, TimeoutError) as error:
            consent.problem = _consent_problem(method, what, error)
        return consent

    async def collect(self, url: str, page: Page | None, frontier: Frontier) -> None:
        """What the browser holds now that was not held before, first seen at ``url``; and the
        links of the page, when it loaded."""
        await self.observer.caught_up(self.options.settle)
        now = time.time()
        for cookie in await self.context.cookies():
            key = (cookie["name"], cookie["domain"], cookie["path"])
            if key not in self.record.cookies:
                self.record.cookies[key] = self._cookie(cookie, url, now)
        if page is not None:
            for frame in page.frames:
                links = LINKS_PER_PAGE if frame is page.main_frame else 0
                for link in await self._frame(url, frame, links):
                    frontier.offer(link)

    def _cookie(self, cookie: Cookie, url: str, now: float) -> CookieRecord:
        expires = cookie["expires"]
        persistent = expires is not None and expires >= 0
        set_with, set_by = self.observer.setter(cookie["name"], cookie["domain"])
        return CookieRecord(
            cookie["name"],
            cookie["domain"],
            cookie["path"],
            first_seen=url,
            set_with=set_with,
            set_by=set_by,
            expires=expires if persistent else None,
            lifetime=round(expires - now) if persistent else None,
            http_only=cookie["httpOnly"],
            secure=cookie["secure"],
            same_site=cookie.get("sameSite"),
        )

    async def _frame(self, url: str, frame: Frame, links: int) -> list[str]:
        """Record the storage of one frame; its links, at most ``links``."""
        if not frame.url.startswith(("http://", "https://")):
            return []
        try:
            found = await self._bounded(frame.evaluate(FRAME_FACTS, links), self.options.settle)
        except (Error, TimeoutError):
            return []  # the frame went away, or its scripts never yield
        if not isinstance(found, dict):
            return []
        origin = str(found.get("origin", ""))
        for kind in STORAGE_KINDS:
            for name in found.get(kind) or ():
                key = (kind, origin, str(name))
                self.record.storage.setdefault(key, StorageRecord(*key, first_seen=url))
        return [link for link in found.get("links") or () if isinstance(link, str)]


def _load_problem(error: Error, timeout: float) -> str:
    message = error.message.splitlines()[0] if error.message else str(error)
    if "Timeout" in type(error).__name__ or "Timeout" in message:
        return f"did not finish loading in {timeout:g} s; cut"
    return f"could not be loaded: {message}"


def _consent_problem(method: str, what: str, error: BaseException) -> str:
    if method == "selector":
        return f"no clickable element matches {what!r} on the first page"
    if isinstance(error, Error) and "Timeout" not in type(error).__name__:
        return f"the banner's API failed: {error.message.splitlines()[0]}"
    return (
        "no cookieconsent banner (window.CookieConsent) on the first page; give "
        "--accept-selector and --refuse-selector for another banner"
    )
