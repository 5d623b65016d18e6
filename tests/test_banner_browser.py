"""The consent banner in a real browser: headless Chromium (Debian's, through Playwright) on the
built site of ``tests/roots/test-banner``, served on the loopback interface, with no network.

The site holds an analytics script given three ways (the tag manager's address, answered here
by a stand-in that sets Google Analytics' cookies; an inline snippet; a file of the site that
sets a cookie) until the visitor accepts statistics, and a video until they accept marketing.
Every visit checks that no page reported an error and that nothing was asked of another site
before consent. Screenshots are saved under tests/_artefacts/banner-browser/.

Needs the ``browser`` extra and a Chromium (Debian's ``chromium``, or ``$COOKIES_CHROMIUM``);
skipped without them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browsing import Visit, launched_chromium, serve, visit
from conftest import ROOTS, strip_colors

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the browser tests need Playwright: pip install -e '.[browser]'",
)
pytestmark = pytest.mark.slow  # a real browser, and several builds

ROOT = ROOTS / "test-banner"
ARTEFACTS = Path(__file__).parent / "_artefacts" / "banner-browser"
THEMES = ("alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme")
#: Without a default mode, pydata-sphinx-theme logs a console error on every page, banner or
#: not ("Got invalid theme mode"); its documented default is "auto".
THEME_CONTEXT = {"pydata_sphinx_theme": {"default_mode": "auto"}}
DESKTOP, PHONE = 1280, 375
#: What the banner says first, in each build language (the extension's catalogs).
TITLES = {
    "en": "This site uses cookies",
    "fr": "Ce site utilise des cookies",
    "de": "Diese Website verwendet Cookies",
}
DENIED = {
    "ad_personalization": "denied",
    "ad_storage": "denied",
    "ad_user_data": "denied",
    "analytics_storage": "denied",
}
#: The cookies the held scripts set, and what the site sets itself once the visitor chose.
STATISTICS_COOKIES = {"_ga", "_ga_TEST", "stats_visit"}
CHOICE = "cc_cookie"


def build(
    source: Path, outdir: Path, builder: str = "html", *overrides: str, fresh: bool = True
) -> None:
    """Build ``source`` into ``outdir`` with ``sphinx-build`` (``-D`` ``overrides``), with no
    warning. In a process of its own, as a site is built: some themes change the default
    settings of the process they are built in, which other tests' builds would then inherit."""
    built = subprocess.run(
        [
            sys.executable, "-m", "sphinx", "-q", *(["-E"] if fresh else []), "-b", builder,
            *(argument for override in overrides for argument in ("-D", override)),
            str(source), str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert (built.returncode, strip_colors(built.stderr)) == (0, "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium(sync_api) as browser:
        yield browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built in English, French and German, and with ``dirhtml``, each in a folder
    of one server: its address."""
    served = tmp_path_factory.mktemp("banner-sites")
    source = tmp_path_factory.mktemp("banner-source") / "src"
    shutil.copytree(ROOT, source)
    for language in TITLES:
        build(source, served / language, "html", f"language={language}")
    build(source, served / "dirhtml", "dirhtml")
    with serve(served) as address:
        yield address


def banner(page: Any) -> Any:
    return page.wait_for_selector("#cc-main .cm", state="visible")


def settled(page: Any) -> None:
    """Wait until the banner's transitions have ended (it slides in): a box measured while it
    moves can be partly below the screen."""
    page.wait_for_function(
        "document.getAnimations().every((animation) => animation.playState !== 'running')"
    )


def held_scripts_ran(page: Any) -> list[str]:
    return page.evaluate(
        "['statsRan', 'gaRan'].filter((name) => window[name] !== undefined)"
    )  # fmt: skip


def consent_calls(page: Any) -> list[list[Any]]:
    """What the page told Google Consent Mode, in order."""
    return page.evaluate(
        "(window.dataLayer || []).map((call) => Array.from(call)).filter(c => c[0] === 'consent')"
    )


def finished(opened: Visit, allowed: tuple[str, ...] = ()) -> None:
    """No page reported an error; nothing but ``allowed`` was asked of another site."""
    assert opened.problems == []
    assert [url for url in opened.requests if not url.startswith(allowed)] == []
    opened.context.close()


def screenshot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"))


@pytest.mark.parametrize("language", list(TITLES))
def test_a_first_visit_asks_in_the_page_language_and_holds_everything(
    browser: Any, site: str, language: str
) -> None:
    opened = visit(browser, site)
    page = opened.open(f"{language}/policy.html")
    banner(page)
    assert page.text_content("#cc-main .cm__title") == TITLES[language]
    assert page.get_attribute("html", "lang") == language
    assert "{{revisionMessage}}" not in page.inner_html("#cc-main .cm__desc")
    assert held_scripts_ran(page) == []
    assert opened.cookies() == set()
    assert consent_calls(page) == [["consent", "default", DENIED]]
    # Before the banner runs its choice, the page says nothing of it; then that none was made.
    states = page.eval_on_selector_all(".cookie-choice", "(ps) => ps.map((p) => p.dataset.state)")
    assert states == ["unset", "unset"]
    video = opened.open(f"{language}/video.html")
    banner(video)
    assert video.locator(".cookie-embed-frame iframe").count() == 0
    assert video.is_visible(".cookie-embed-placeholder")
    screenshot(video, f"first-visit-{language}")
    finished(opened)


def test_refusing_runs_nothing_and_sets_nothing(browser: Any, site: str) -> None:
    opened = visit(browser, site)
    page = opened.open("en/policy.html")
    banner(page)
    page.click("#cc-main .cm__btn[data-role=necessary]")
    page.wait_for_function("CookieConsent.validConsent()")
    page.reload()
    page.wait_for_function("window.CookieConsent && CookieConsent.validConsent()")
    assert not page.is_visible("#cc-main .cm")
    assert held_scripts_ran(page) == []
    assert opened.cookies() == {CHOICE}  # the choice itself, which needs no consent
    assert consent_calls(page)[-1] == ["consent", "update", DENIED]
    assert page.inner_text(".cookie-choice[data-cookie-category=statistics]") == (
        "Your choice for these cookies: refused."
    )
    finished(opened)


def test_accepting_statistics_runs_only_its_scripts(browser: Any, site: str) -> None:
    opened = visit(browser, site)
    page = opened.open("en/policy.html")
    banner(page)
    page.click("#cc-main .cm__btn[data-role=show]")
    page.wait_for_selector("#cc-main .pm", state="visible")
    page.check("#cc-main input.section__toggle[value=statistics]", force=True)
    page.click("#cc-main .pm__btn[data-role=save]")
    page.wait_for_function("window.statsRan && window.gaRan")
    assert page.evaluate("[window.statsRan, window.gaRan]") == [1, 1]
    assert opened.cookies() == STATISTICS_COOKIES | {CHOICE}
    assert consent_calls(page)[-1] == [
        "consent",
        "update",
        DENIED | {"analytics_storage": "granted"},
    ]
    video = opened.open("en/video.html")
    video.wait_for_function("window.gaRan")  # the held scripts run on every page now
    assert video.locator(".cookie-embed-frame iframe").count() == 0
    assert video.is_visible(".cookie-embed-placeholder")
    finished(opened, allowed=("https://www.googletagmanager.com/",))


def test_the_preferences_button_reopens_and_withdrawing_clears(browser: Any, site: str) -> None:
    opened = visit(browser, site)
    page = opened.open("en/video.html")
    banner(page)
    page.click("#cc-main .cm__btn[data-role=all]")
    page.wait_for_selector(".cookie-embed-frame iframe")
    page.wait_for_function("window.statsRan && window.gaRan")
    assert opened.cookies() >= STATISTICS_COOKIES

    # Refusing marketing removes the video from the page at once (the preferences opened as
    # a site's footer link would, with cookieconsent's own call).
    page.evaluate("CookieConsent.showPreferences()")
    page.wait_for_selector("#cc-main .pm", state="visible")
    page.uncheck("#cc-main input.section__toggle[value=marketing]", force=True)
    page.click("#cc-main .pm__btn[data-role=save]")
    page.wait_for_selector(".cookie-embed-placeholder", state="visible")
    assert page.locator(".cookie-embed-frame iframe").count() == 0

    # The policy page's button; withdrawing statistics erases its cookies, and the page is
    # loaded again so that its scripts stop.
    page = opened.open("en/policy.html")
    page.click(".cookie-preferences-button")
    page.wait_for_selector("#cc-main .pm", state="visible")
    page.uncheck("#cc-main input.section__toggle[value=statistics]", force=True)
    with page.expect_navigation():
        page.click("#cc-main .pm__btn[data-role=save]")
    page.wait_for_function("window.CookieConsent && CookieConsent.validConsent()")
    assert held_scripts_ran(page) == []
    assert opened.cookies() == {CHOICE}
    assert page.inner_text(".cookie-choice[data-cookie-category=statistics]") == (
        "Your choice for these cookies: refused."
    )
    finished(
        opened,
        allowed=("https://www.googletagmanager.com/", "https://www.youtube-nocookie.com/"),
    )


@pytest.mark.parametrize(("build_name", "page_path", "policy"), [
    ("en", "video.html", "policy.html"),
    ("dirhtml", "video/", "policy/"),
])  # fmt: skip
def test_the_banner_links_to_the_policy_page(
    browser: Any, site: str, build_name: str, page_path: str, policy: str
) -> None:
    opened = visit(browser, site)
    page = opened.open(f"{build_name}/{page_path}")
    banner(page)
    with page.expect_navigation():
        page.click("#cc-main .cm__desc a.cc__link")
    assert page.url == f"{site}{build_name}/{policy}"
    assert page.text_content("h1").startswith("Cookie policy")
    finished(opened)


def test_a_consent_relevant_edit_asks_again_and_a_wording_edit_does_not(
    browser: Any, tmp_path: Path
) -> None:
    """A visitor accepts everything; the site is rebuilt (in a new process, and incrementally,
    as a deployment may) after each edit of its inventory, and the same visitor comes back."""
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    outdir = tmp_path / "html"
    inventory = source / "cookies.yaml"
    build(source, outdir)
    with serve(outdir) as address:
        opened = visit(browser, address)
        page = opened.open("policy.html")
        banner(page)
        page.click("#cc-main .cm__btn[data-role=all]")
        page.wait_for_function("window.statsRan")

        text = inventory.read_text(encoding="utf-8")
        inventory.write_text(text.replace("Tells visits apart.", "Tells one visit from another."))
        build(source, outdir, fresh=False)
        page = opened.open("policy.html")
        page.wait_for_function("window.statsRan")  # consent still valid: the scripts run
        assert not page.is_visible("#cc-main .cm")

        added = "  - name: _clck\n    category: statistics\n    purpose: Counts clicks.\n"
        inventory.write_text(inventory.read_text(encoding="utf-8") + added)
        build(source, outdir, fresh=False)
        page = opened.open("policy.html")
        banner(page)
        assert "The cookies this site uses have changed since your last choice" in (
            page.text_content("#cc-main .cm__desc")
        )
        assert held_scripts_ran(page) == []
        screenshot(page, "asked-again")
        finished(opened, allowed=("https://www.googletagmanager.com/",))


#: The banner and its buttons, measured: each box must be on the screen.
MEASURE = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return {left: box.left, top: box.top, right: box.right, bottom: box.bottom,
          shown: style.display !== "none" && style.visibility !== "hidden" && box.width > 0};
})"""


def on_screen(page: Any, selector: str, width: int, height: int) -> None:
    boxes = page.evaluate(MEASURE, selector)
    assert boxes, f"nothing matches {selector}"
    for box in boxes:
        assert box["shown"], (selector, box)
        assert box["left"] >= -0.5 and box["right"] <= width + 0.5, (selector, box)
        assert box["top"] >= -0.5 and box["bottom"] <= height + 0.5, (selector, box)


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, set[str]]]:
    """The site in each installed theme, served: its address and the themes built."""
    served = tmp_path_factory.mktemp("banner-themes")
    source = tmp_path_factory.mktemp("banner-theme-source") / "src"
    shutil.copytree(ROOT, source)
    built = set()
    for theme in THEMES:
        try:
            __import__(theme)
        except ImportError:
            continue
        context = [
            f"html_context.{key}={value}" for key, value in THEME_CONTEXT.get(theme, {}).items()
        ]
        build(source, served / theme, "html", f"html_theme={theme}", *context)
        built.add(theme)
    with serve(served) as address:
        yield address, built


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("theme", THEMES)
def test_the_banner_is_usable_in_every_theme(
    browser: Any, themed: tuple[str, set[str]], theme: str, width: int
) -> None:
    address, built = themed
    if theme not in built:
        pytest.skip(f"the theme {theme} is not installed: pip install -e '.[browser]'")
    height = 800 if width == DESKTOP else 700
    opened = visit(browser, address, width, height)
    page = opened.open(f"{theme}/policy.html")
    banner(page)
    settled(page)
    screenshot(page, f"{theme}-{width}-banner")
    on_screen(page, "#cc-main .cm", width, height)
    on_screen(page, "#cc-main .cm__btn", width, height)
    # The banner makes the page no wider (some themes' headers are wider than a phone).
    page_width = "document.scrollingElement.scrollWidth"
    with_banner = page.evaluate(page_width)
    without = page.evaluate(f"(document.getElementById('cc-main').hidden = true, {page_width})")
    page.evaluate("document.getElementById('cc-main').hidden = false")
    assert with_banner == without

    page.click("#cc-main .cm__btn[data-role=show]")
    page.wait_for_selector("#cc-main .pm", state="visible")
    settled(page)  # the modal slides in
    screenshot(page, f"{theme}-{width}-preferences")
    on_screen(page, "#cc-main .pm", width, height)
    on_screen(page, "#cc-main .pm__btn", width, height)
    page.click("#cc-main .pm__btn[data-role=necessary]")
    page.wait_for_selector("#cc-main .pm", state="hidden")

    page.locator(".cookie-preferences-button").scroll_into_view_if_needed()
    on_screen(page, ".cookie-preferences-button", width, height)
    page.click(".cookie-preferences-button")
    page.wait_for_selector("#cc-main .pm", state="visible")
    finished(opened)
