"""Scanning a live site in a real browser, before and after consent (``sphinx-cookies scan``).

Needs the optional extra ``scan`` (Playwright): ``pip install "sphinxcontrib-cookies[scan]"``.
Nothing here imports Playwright until a scan runs (``runner.py``, ``phase.py``,
``observer.py`` do), so that the other commands never load it. Plain Python besides: no
docutils, no Sphinx.

- ``crawl.py``: which pages a scan visits (breadth first, same origins, bounded);
- ``options.py``: what a scan is asked to do; ``browser.py``: which Chromium, started how;
- ``observer.py`` and ``phase.py``: one consent phase in one browser profile;
- ``record.py``: what is recorded, and the capture written (``captures/scan_file.py`` reads it).
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from .options import ScanOptions

if TYPE_CHECKING:
    from .record import ScanRecord

__all__ = ["INSTALL_HINT", "ScanOptions", "has_playwright", "run_scan"]

#: How to get what ``scan`` needs.
INSTALL_HINT = 'pip install "sphinxcontrib-cookies[scan]"'


def has_playwright() -> bool:
    try:
        return importlib.util.find_spec("playwright") is not None
    except (ImportError, ValueError):  # a broken or half-removed installation
        return False


def run_scan(options: ScanOptions) -> ScanRecord:
    """Run a scan (see ``runner.run_scan``); needs Playwright."""
    from .runner import run_scan as run

    return run(options)
