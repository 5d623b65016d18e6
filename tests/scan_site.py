"""The live site the scan tests visit, on the loopback interface only.

``tests/roots/test-scan`` is built with Sphinx (the project's own consent banner) and served on
``127.0.0.1``; the same server answers for ``localhost``, a site of its own for a browser, with
the third-party widget the site embeds. The server adds what a static build cannot: a session
cookie set by a ``Set-Cookie`` header (HttpOnly) on every page, and under ``/trap/`` pages that
hang, redirect off the site (to ``127.0.0.2``, another loopback address) or generate links
without end. A second server on ``127.0.0.2`` records what reaches it.

Nothing here, and nothing the browser is given, reaches beyond the loopback interface: servers
bind to loopback addresses, and ``loopback_browser`` starts Chromium with host names resolving
nowhere and every other address sent to a dead loopback port, whatever the scanner asks.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from browsing import find_chromium
from conftest import ROOTS, strip_colors

#: Chromium's own locks against leaving the machine (see the module's docstring).
LOCKS = (
    '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE *.localhost , '
    'EXCLUDE 127.*" --proxy-server=http://127.0.0.1:9 '
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"
)
#: An address off the machine that a trap page asks for, which must never be reached.
OFF_MACHINE = "http://pixel.invalid/p.gif"
#: How long a hanging page hangs, at most (the server lets it go when the test ends).
HANG_SECONDS = 30

WIDGET = """<!DOCTYPE html><html><body><p>The harbour widget</p><script>
document.cookie = "widget_seen=1; path=/; max-age=86400; SameSite=None; Secure";
localStorage.setItem("widget_state", "open");
</script></body></html>"""


def loopback_browser(directory: Path) -> Path:
    """A Chromium that cannot reach beyond the loopback interface: a wrapper script, given to
    the scanner as ``--browser``."""
    chromium = find_chromium()
    assert chromium is not None
    wrapper = directory / "chromium-loopback"
    wrapper.write_text(f'#!/bin/sh\nexec "{chromium}" {LOCKS} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper


def build_site(outdir: Path, port: int, faulty: bool = False) -> None:
    """The test root, with the widget's address on ``port``; the faulty variant also loads the
    analytics script at once, before any consent."""
    source = outdir.parent / f"{outdir.name}-source"
    shutil.copytree(ROOTS / "test-scan", source)
    widget = source / "widget.rst"
    widget.write_text(widget.read_text().replace("@PORT@", str(port)), encoding="utf-8")
    overrides: dict[str, Any] = {"html_js_files": ["site.js", "stats.js"]} if faulty else {}
    app = SphinxTestApp(
        "html", srcdir=source, builddir=outdir.parent / f"{outdir.name}-build",
        confoverrides=overrides, freshenv=True, status=StringIO(), warning=StringIO(),
    )  # fmt: skip
    try:
        app.build()
        assert strip_colors(app.warning.getvalue()) == ""
    finally:
        app.cleanup()
    shutil.move(app.outdir, outdir)


@dataclass
class Served:
    port: int
    release: threading.Event
    #: Paths requested of the off-site server (127.0.0.2).
    off_site: list[str] = field(default_factory=list)

    @property
    def site(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").split(":")[0]
        if host == "localhost":
            self._widget()
        elif self.path.startswith("/trap/"):
            self._trap()
        elif self.path == "/sitemap.xml":
            page = f"http://127.0.0.1:{self.served.port}/trap/from-sitemap"
            self._send(200, f"<urlset><url><loc>{page}</loc></url></urlset>")
        else:
            super().do_GET()

    def end_headers(self) -> None:
        if self.path.endswith((".html", "/")) and not self.path.startswith("/trap/"):
            self.send_header("Set-Cookie", "sessionid=s3ss10n; Path=/; HttpOnly; SameSite=Lax")
        super().end_headers()

    def _send(self, status: int, body: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser gave up on a hanging page

    def _widget(self) -> None:
        if self.path != "/widget/frame.html":
            self._send(404, "not here")
            return
        cookie = "widget_id=w1; Path=/; Max-Age=86400; SameSite=None; Secure"
        self._send(200, WIDGET, {"Set-Cookie": cookie})

    def _trap(self) -> None:
        off_site = f"http://127.0.0.2:{self.served.port}"
        if self.path == "/trap/from-sitemap":
            self._send(200, "<p>Listed in the sitemap, linked from nowhere</p>")
        elif self.path == "/trap/hang":
            self.served.release.wait(HANG_SECONDS)
            self._send(200, "<p>too late</p>")
        elif self.path == "/trap/away":
            self._send(302, "", {"Location": f"{off_site}/landing"})
        elif self.path.startswith("/trap/gen/"):
            number = int(self.path.rsplit("/", 1)[1].split("?")[0] or 0)
            links = "".join(f'<a href="/trap/gen/{number + 1}?v={i}">more</a>' for i in range(3))
            self._send(200, f"<p>page {number}</p>{links}")
        else:
            links = ["/trap/hang", "/trap/away", "/trap/gen/1", f"{off_site}/elsewhere"]
            # An image of a host off the machine (a name that never resolves): the browser's
            # locks refuse it before any lookup.
            image = f'<img src="{OFF_MACHINE}" alt="">'
            self._send(200, image + "".join(f'<a href="{link}">{link}</a>' for link in links))


class OffSiteHandler(http.server.BaseHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.served.off_site.append(self.path)
        body = b"<p>Another site</p>"
        self.send_response(200)
        self.send_header("Set-Cookie", "elsewhere=1; Path=/")
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_site(directory: Path) -> Iterator[Served]:
    """Serve ``directory`` (filled by the caller once the port is known) on 127.0.0.1, and an
    off-site server on 127.0.0.2 at the same port."""
    served = Served(0, threading.Event())
    site_handler = type("Handler", (SiteHandler,), {"served": served})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: site_handler(*a, directory=str(directory))
    )
    served.port = server.server_port
    off_handler = type("OffSite", (OffSiteHandler,), {"served": served})
    off_site = http.server.ThreadingHTTPServer(("127.0.0.2", served.port), off_handler)
    servers = (server, off_site)
    for each in servers:
        each.daemon_threads = True
        threading.Thread(target=each.serve_forever, daemon=True).start()
    try:
        yield served
    finally:
        served.release.set()
        for each in servers:
            each.shutdown()
            each.server_close()
