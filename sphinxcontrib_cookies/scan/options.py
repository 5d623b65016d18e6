"""What a scan is asked to do: the pages, the limits, the browser, the consent phases."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..captures import CONSENT_PHASES

#: The call that accepts or refuses on the project's own banner (vanilla-cookieconsent v3, as
#: ``cookies_banner`` ships it) and on any other cookieconsent v3 banner: accepting "all"
#: categories, or none but the read-only (necessary) ones.
COOKIECONSENT_CALLS = MappingProxyType(
    {
        "accept": "window.CookieConsent.acceptCategory('all')",
        "refuse": "window.CookieConsent.acceptCategory([])",
    }
)
COOKIECONSENT_READY = (
    "() => !!(window.CookieConsent && typeof window.CookieConsent.acceptCategory === 'function')"
)


@dataclass(frozen=True)
class ScanOptions:
    start: tuple[str, ...]
    max_pages: int = 50
    #: Seconds a page may take to load.
    page_timeout: float = 15.0
    #: After a page loaded, wait until the network was quiet this long (seconds) ...
    quiet: float = 0.1
    #: ... but no longer than this, for scripts that set cookies late.
    settle: float = 2.0
    phases: tuple[str, ...] = CONSENT_PHASES
    #: CSS selectors of the buttons that accept everything and refuse everything, for a banner
    #: other than cookieconsent; None: the cookieconsent API.
    accept_selector: str | None = None
    refuse_selector: str | None = None
    #: The browser's executable; None: Playwright's own Chromium, else the system's.
    browser: str | None = None
    user_agent: str | None = None
    #: Visit the pages of the start pages' sitemaps (``/sitemap.xml``) too.
    sitemap: bool = False
    #: Refuse every request to a host outside the loopback interface (tests, a local build).
    loopback_only: bool = False
    #: Write a HAR per phase: ``visit.har`` gives ``visit-before.har``...
    har: str | None = None

    def consent_action(self, phase: str) -> tuple[str, str] | None:
        """How to give this phase's answer: ("selector", css) or ("cookieconsent", call);
        None for ``before``, where nothing is clicked."""
        if phase == "before":
            return None
        selector = self.accept_selector if phase == "accept" else self.refuse_selector
        if selector:
            return "selector", selector
        return "cookieconsent", COOKIECONSENT_CALLS[phase]
