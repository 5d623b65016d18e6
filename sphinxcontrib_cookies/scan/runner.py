"""A whole scan: the browser found and asked for its user agent, then each consent phase in its
own fresh profile, all phases at once (they share nothing), and one record of everything."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from playwright.async_api import BrowserContext, Error, Playwright, async_playwright

from .browser import (
    BINDING,
    COOKIE_WRITES,
    BrowserNotFound,
    find_browser,
    launch_arguments,
    ordinary_user_agent,
    prepare_profile,
)
from .crawl import Frontier, origin_of, sitemap_addresses
from .observer import Observer
from .options import ScanOptions
from .phase import PhaseRun
from .record import PhaseRecord, ScanRecord

#: The largest sitemap read, and how many sitemaps of a sitemap index are read.
MAX_SITEMAP_BYTES = 10 * 1024 * 1024
MAX_SITEMAPS = 10
VIEWPORT = MappingProxyType({"width": 1280, "height": 800})


class ScanError(Exception):
    """The scan could not run at all; the message says why and what to do."""


def har_path(har: str, phase: str) -> str:
    """``visit.har`` -> ``visit-before.har``: one HAR per phase."""
    path = Path(har)
    return str(path.with_name(f"{path.stem}-{phase}{path.suffix or '.har'}"))


async def _sitemaps(context: BrowserContext, frontier: Frontier, options: ScanOptions) -> None:
    """Offer the pages of each start origin's ``/sitemap.xml`` (and of the sitemaps a sitemap
    index lists, up to ``MAX_SITEMAPS``)."""
    queue = [f"{origin}/sitemap.xml" for origin in sorted(frontier.origins)]
    read = 0
    while queue and read < MAX_SITEMAPS:
        address = queue.pop(0)
        read += 1
        try:
            response = await context.request.get(
                address, timeout=options.page_timeout * 1000, max_redirects=0
            )
            body = await response.body() if response.ok else b""
        except Error:
            continue
        if len(body) > MAX_SITEMAP_BYTES:
            continue
        for url in sitemap_addresses(body.decode("utf-8", "replace"), options.max_pages * 10):
            if url.endswith(".xml") and origin_of(url) in frontier.origins:
                queue.append(url)
            else:
                frontier.offer(url)


async def _phase(
    playwright: Playwright, phase: str, options: ScanOptions, executable: str, user_agent: str
) -> PhaseRecord:
    with tempfile.TemporaryDirectory(prefix="sphinx-cookies-scan-") as profile:
        prepare_profile(Path(profile))
        har: dict[str, Any] = {}
        if options.har:
            har = {"record_har_path": har_path(options.har, phase), "record_har_content": "omit"}
        context = await playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=launch_arguments(options.loopback_only),
            user_agent=user_agent,
            viewport=dict(VIEWPORT),  # type: ignore[arg-type]
            **har,
        )
        try:
            observer = Observer(options.loopback_only)
            await observer.attach(context, BINDING)
            await context.add_init_script(COOKIE_WRITES % {"binding": BINDING})
            run = PhaseRun(phase, options, context, observer)
            frontier = Frontier.starting_at(list(options.start), options.max_pages)
            if options.sitemap:
                await _sitemaps(context, frontier, options)
            while (url := frontier.next_page()) is not None:
                await run.visit(url, frontier)
            frontier.finish()
            run.record.skipped = frontier.skipped
            run.record.refused = observer.refused
            run.record.har = har.get("record_har_path")
            return run.record
        finally:
            await context.close()


async def _user_agent(playwright: Playwright, executable: str, options: ScanOptions) -> str:
    """The browser's own user agent, as a visitor's browser gives it."""
    browser = await playwright.chromium.launch(
        executable_path=executable, args=launch_arguments(options.loopback_only)
    )
    try:
        page = await browser.new_page()
        headless = await page.evaluate("navigator.userAgent")
        return options.user_agent or ordinary_user_agent(str(headless))
    finally:
        await browser.close()


async def _scan(options: ScanOptions) -> ScanRecord:
    async with async_playwright() as playwright:
        try:
            executable = find_browser(options.browser, playwright.chromium.executable_path)
        except BrowserNotFound as error:
            raise ScanError(str(error)) from None
        try:
            user_agent = await _user_agent(playwright, executable, options)
        except Error as error:
            raise ScanError(f"{executable} could not be started: {error.message}") from None
        record = ScanRecord(
            start=list(options.start),
            origins=sorted({o for o in map(origin_of, options.start) if o}),
            max_pages=options.max_pages,
            browser=executable,
            user_agent=user_agent,
            started_at=_now(),
        )
        phases = [_phase(playwright, p, options, executable, user_agent) for p in options.phases]
        record.phases = list(await asyncio.gather(*phases))
        record.finished_at = _now()
        return record


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def run_scan(options: ScanOptions) -> ScanRecord:
    """Scan as ``options`` say; raises ScanError when no browser could be started."""
    return asyncio.run(_scan(options))
