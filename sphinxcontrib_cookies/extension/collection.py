"""Garbage collection paused while we build large, long-lived structures.

Parsing an inventory and rendering its tables allocate hundreds of thousands of objects that
all stay alive (the inventory in the cache, the nodes in the doctree). CPython's collector runs
on allocation counts, so it would walk the growing heap again and again for garbage there
cannot be; with 22,000 cookies that made the time per cookie grow with the inventory's size.
Pausing it for those two steps keeps the extension's cost linear; the collector is restored as
it was, and whatever is garbage is collected at its next ordinary run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
