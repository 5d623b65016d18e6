"""The exported configuration really drives cookieconsent v3. A Sphinx project loads the banner
as docs/guide/export.rst says, with the copy of the library the package ships; in headless
Chromium the banner runs without an error, lists the inventory's cookies in its preferences
modal, and erases the cookies of a refused category (patterns included).

Skipped, with the reason, when Chromium or Playwright is missing (``pip install -e
".[browser]"`` installs Playwright; it never downloads a browser here). Set
SPHINX_COOKIES_CONSENT_DIST to a ``dist`` folder of another vanilla-cookieconsent 3 release to
try it, and COOKIES_CHROMIUM to another Chromium (as for every browser test, ``browsing.py``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.extension.banner import BANNER_STATIC_DIR

from browsing import launched_chromium, serve

pytestmark = pytest.mark.slow  # a local server and a real browser


@pytest.fixture(scope="session")
def cookieconsent_dist() -> Path:
    """The copy of vanilla-cookieconsent 3 that the package ships (``cookies_banner`` loads
    it); ``SPHINX_COOKIES_CONSENT_DIST`` names another release's ``dist`` folder."""
    configured = os.environ.get("SPHINX_COOKIES_CONSENT_DIST")
    return Path(configured) if configured else BANNER_STATIC_DIR


@pytest.fixture
def served(app: SphinxTestApp, cookieconsent_dist: Path) -> Iterator[str]:
    """The built site, loading the banner as the documentation says, on a local web server."""
    for name in ("cookieconsent.umd.js", "cookieconsent.css"):
        shutil.copy(cookieconsent_dist / name, Path(app.srcdir) / "_static" / name)
    app.build()
    with serve(Path(app.outdir)) as address:
        yield address + "index.html"


@dataclass
class Visit:
    """A page of the site open in the browser, and what it said to its visitor and console."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def open_the_site(browser: Any, served: str) -> Visit:
    """Visit the site with cookies already set, and wait for the banner's start-up script."""
    context = browser.new_context()
    origin = served.rsplit("/", 1)[0] + "/"
    context.add_cookies(
        [
            {"name": name, "value": "1", "url": origin}
            for name in ("_pk_id.1.abcd", "_pk_ses.1.abcd", "visit_started", "sessionid")
        ]
    )
    visit = Visit(context.new_page())
    page = visit.page
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: visit.problems.append(str(error)))
    page.on(
        "console",
        lambda message: visit.problems.append(message.text) if message.type == "error" else None,
    )
    page.goto(served)
    page.wait_for_function("window.consentReady || window.consentError", timeout=15000)
    return visit


def check_the_preferences(page: Any) -> None:
    """The banner, then the preferences: each category, its cookies and its switch."""
    page.wait_for_selector("#cc-main .cm", state="visible")
    assert page.text_content("#cc-main .cm__title") == "This site uses cookies"
    page.click("#cc-main .cm__btn[data-role=show]")
    page.wait_for_selector("#cc-main .pm", state="visible")
    titles = page.locator("#cc-main .pm__section-title").all_inner_texts()
    assert titles == [
        "Strictly necessary cookies",
        "Audience measurement",
        "Unsure",
        "Empty",
    ]
    names = page.locator("#cc-main .pm__table-td[data-column='Cookie name(s)']").all_text_contents()
    assert names == [
        "sessionid",
        "_pk_id.*, _pk_ses.*",
        "ab_test",
        "IDE",
        "prefs",
        "visit_started",
    ]
    purposes = page.locator("#cc-main .pm__table-td[data-column=Purpose]")
    assert purposes.first.text_content() == ("Keeps you signed in. <script>alert(1)</script>")
    assert page.locator("#cc-main script").count() == 0
    toggles = page.locator("#cc-main input.section__toggle")
    assert toggles.evaluate_all("t => t.map(i => [i.value, i.disabled, i.checked])") == [
        ["necessary", True, True],  # readOnly: no consent needed, cannot be refused
        ["statistics", False, False],
        ["matomo", False, False],  # its providers, which a visitor may refuse one by one
        ["doubleclick", False, False],
        ["unsure", False, False],
        ["empty", False, False],
    ]


def refuse_all_but_necessary(page: Any) -> None:
    page.click("#cc-main .pm__btn[data-role=necessary]")
    page.wait_for_function("CookieConsent.validConsent()")
    cookies = {c["name"] for c in page.context.cookies()}
    # Refused: the exact name and the two patterns are erased; the necessary one stays.
    assert {"_pk_id.1.abcd", "_pk_ses.1.abcd", "visit_started"}.isdisjoint(cookies)
    assert "sessionid" in cookies
    assert page.evaluate("CookieConsent.getUserPreferences().acceptedCategories") == ["necessary"]


@pytest.mark.sphinx("html", testroot="export-browser")
def test_cookieconsent_runs_the_exported_configuration(served: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with launched_chromium(sync_api) as browser:
        visit = open_the_site(browser, served)
        assert visit.page.evaluate("window.consentError") is None
        assert visit.problems == []
        check_the_preferences(visit.page)
        refuse_all_but_necessary(visit.page)
        assert visit.dialogs == []  # the <script> of a purpose never ran
        assert visit.problems == []
