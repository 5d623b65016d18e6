"""The browser a scan drives: which Chromium, how it is started, and how it presents itself.

The scanner is meant to see what a visitor's browser gets, so it looks like one: no
``navigator.webdriver`` (banners such as cookieconsent hide from automated browsers), the user
agent of the same Chromium without "Headless", and third-party cookies accepted as Chrome's
default settings accept them, so that a third-party frame's cookies are found.

Where a scan must not leave the machine (``loopback_only``), two independent locks hold, in the
browser's own network stack (so that they also hold for redirects, service workers and
prefetches, which no request interception sees): host names other than ``localhost`` resolve to
nothing, and every address off the loopback interface is sent to a proxy on a loopback port
where nothing answers. The requests refused so are counted. (Playwright's request interception
would add a third lock, but it turns the browser's cache off and costs a round trip per request:
a scan of 50 pages took half as long again.)
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
from pathlib import Path
from types import MappingProxyType

#: Chromium's own names on common systems, tried in order after Playwright's browser.
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: ``navigator.webdriver`` reads false, as in a visitor's browser.
ORDINARY_ARGUMENTS = ("--disable-blink-features=AutomationControlled",)
#: No traffic off the loopback interface: names resolve nowhere, addresses go to a dead proxy
#: (Chromium never sends loopback addresses to a proxy), WebRTC sends nothing directly.
LOOPBACK_ARGUMENTS = (
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE *.localhost , "
    "EXCLUDE 127.*",
    "--proxy-server=http://127.0.0.1:9",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)
#: The profile settings of a visitor's Chrome: third-party cookies allowed.
PREFERENCES = MappingProxyType(
    {"profile": MappingProxyType({"cookie_controls_mode": 0, "block_third_party_cookies": False})}
)


class BrowserNotFound(Exception):
    """No Chromium to drive; the message says how to get one."""


def find_browser(given: str | None, playwright_executable: str | None) -> str:
    """``given`` (``--browser``), else Playwright's own Chromium where it is installed, else a
    Chromium of the system."""
    if given:
        found = shutil.which(given) or (given if os.access(given, os.X_OK) else None)
        if found is None:
            raise BrowserNotFound(f"--browser {given}: no such program")
        return found
    if playwright_executable and os.access(playwright_executable, os.X_OK):
        return playwright_executable
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(
        "no Chromium found: install one (apt-get install chromium), give its path with "
        "--browser, or install Playwright's own (playwright install chromium)"
    )


def launch_arguments(loopback_only: bool) -> list[str]:
    return list(ORDINARY_ARGUMENTS) + (list(LOOPBACK_ARGUMENTS) if loopback_only else [])


def prepare_profile(directory: Path) -> None:
    """A fresh profile with a visitor's settings (``PREFERENCES``)."""
    (directory / "Default").mkdir(parents=True, exist_ok=True)
    (directory / "Default" / "Preferences").write_text(
        json.dumps(PREFERENCES, default=dict), encoding="utf-8"
    )


def ordinary_user_agent(headless: str) -> str:
    """The user agent of the same browser, as a visitor's shows it."""
    return headless.replace("HeadlessChrome/", "Chrome/")


def is_loopback(host: str) -> bool:
    """``localhost``, a name under it, or an address of the loopback interface."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: Run in every frame before the page's own scripts: record who writes each cookie from a
#: script (``document.cookie`` and the Cookie Store API), and the script's address, through the
#: binding ``{binding}``. The value written is never passed on, only the name.
COOKIE_WRITES = """
(() => {
  const report = (name) => {
    const stack = String(new Error().stack || "").split("\\n").slice(2).join("\\n");
    const found = stack.match(/(https?:\\/\\/[^\\s()]+?):\\d+:\\d+/);
    try { window["%(binding)s"](String(name), found ? found[1] : location.href); } catch (e) {}
  };
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (descriptor && descriptor.set) {
    Object.defineProperty(Document.prototype, "cookie", {
      configurable: true,
      enumerable: descriptor.enumerable,
      get: descriptor.get,
      set: function (value) {
        report(String(value).split(";")[0].split("=")[0].trim());
        return descriptor.set.call(this, value);
      },
    });
  }
  if (window.CookieStore && CookieStore.prototype.set) {
    const set = CookieStore.prototype.set;
    CookieStore.prototype.set = function (first) {
      report(first && typeof first === "object" ? first.name : first);
      return set.apply(this, arguments);
    };
  }
})();
"""
BINDING = "__sphinxCookiesCookieWritten"
