"""Python's garbage collector, paused while our own code makes many objects it need not see."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector, paused, and as it was after.

    A parse makes a tree of nodes, then the model, hundreds of thousands of objects, none of
    them garbage and none in a cycle; the collector walks them again and again as they grow,
    for nothing: at 100,000 cookies that was two fifths of the parse (6.4 s against 4.0 s).
    The same holds for the nodes of a cookie table, and for their packed copy
    (``extension/directives.py``, ``extension/packing.py``). A pause covers only such work,
    which runs no code but ours; everything else in the build meets the collector as the
    process set it (see docs/performance.rst)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
