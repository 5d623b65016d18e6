"""A Sphinx extension that times the extension's own work in a build: ``own_share.py`` loads
it before ``sphinxcontrib_cookies`` (``-D extensions=benchmarks.share_probe,...``).

It imports the extension (timed), then wraps what the extension runs: parsing an inventory,
building the tables' nodes, marking cells for smart quotes, its directives, its transforms and
post-transforms, the writers of its own nodes, and its event handlers. The time of each is
exclusive: a parse inside a directive counts as parsing, not as the directive. When the build
finishes it prints the parts, in CPU seconds of Sphinx's own process (a ``-j`` worker's are
not seen), as one line of JSON after ``@@share`` on standard error.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx

PACKAGE = "sphinxcontrib_cookies"
MARK = "@@share"


class Clock:
    """Exclusive CPU time per part: entering a part pauses the one it runs inside."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self._stack: list[str] = []
        self._since = 0.0

    def _charge(self) -> None:
        now = time.process_time()
        if self._stack:
            part = self._stack[-1]
            self.parts[part] = self.parts.get(part, 0.0) + now - self._since
        self._since = now

    def timed(self, part: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            self._charge()
            self._stack.append(part)
            try:
                return function(*args, **kwargs)
            finally:
                self._charge()
                self._stack.pop()

        return run

    def wrap(self, owner: Any, name: str, part: str) -> None:
        setattr(owner, name, self.timed(part, getattr(owner, name)))


CLOCK = Clock()


def _ours(thing: object) -> bool:
    return getattr(thing, "__module__", "").startswith(PACKAGE)


def wrap_registered(app: Sphinx) -> None:
    """Once every extension is set up: the extension's directives, transforms, post-transforms
    and event handlers."""
    for directive in {cls for cls in _directives(app) if _ours(cls)}:
        CLOCK.wrap(directive, "run", "directives")
    for transform in app.registry.get_transforms():
        if _ours(transform):
            CLOCK.wrap(transform, "apply", "read transforms")
    for transform in app.registry.get_post_transforms():
        if _ours(transform):
            CLOCK.wrap(transform, "run", "write-time passes")
    for handlers in app.registry.translation_handlers.values():
        for node, (visit, depart) in handlers.items():
            if _ours(visit):  # the writer of packed rows, of names with break points
                handlers[node] = (CLOCK.timed("writing our nodes", visit), depart)
    for listeners in app.events.listeners.values():
        for index, listener in enumerate(listeners):
            if _ours(listener.handler):
                listeners[index] = listener._replace(
                    handler=CLOCK.timed("event handlers", listener.handler)
                )


def _directives(app: Sphinx) -> list[type]:
    from docutils.parsers.rst import directives

    return [cls for cls in directives._directives.values() if isinstance(cls, type)]


def report(app: Sphinx, exception: BaseException | None) -> None:
    print(f"\n{MARK} {json.dumps(CLOCK.parts)}", file=sys.stderr, flush=True)


def setup(app: Sphinx) -> dict[str, Any]:
    start = time.process_time()
    from sphinxcontrib_cookies.extension import directives, store

    CLOCK.parts["import"] = time.process_time() - start
    CLOCK.wrap(store.InventoryStore, "load", "parsing the inventory")
    CLOCK.wrap(directives, "render_tables", "building the tables")
    CLOCK.wrap(directives, "spare_cells", "marking cells for smart quotes")
    app.connect("builder-inited", wrap_registered, priority=0)
    app.connect("build-finished", report, priority=1000)  # after the extension's own
    return {"parallel_read_safe": True, "parallel_write_safe": True}
