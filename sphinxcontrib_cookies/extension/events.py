"""Build events: which documents an inventory edit makes out of date, loading the inventories
early for ``-j``, reporting their problems once in every build, rewriting the pages whose
cookie links now lead elsewhere, and letting the inventories go when the build ends.

A rebuild decides from digests alone (``inventory/slices.py``): a page is out of date when the
slice of an inventory that it shows has changed, whatever the file's timestamp says, so that
touching a file, or editing what no page shows, re-reads nothing. A file is parsed only when
its content differs from the one a page was read with, and not even then when an earlier build
took the same slices of this content (``memo.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Set

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..inventory import InventoryProblem
from ..inventory.slices import InventorySlice
from .building import builds_catalogs
from .configured import configured_path
from .domain import UNREPORTED, CookiesDomain, DocumentRecord, cookies_domain
from .memo import kept


def outdated_by_inventory(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Documents that show a slice of an inventory that has changed, or whose doctree lacks
    what this builder needs (source lines)."""
    domain = cookies_domain(env)
    domain.remember_links()
    lines = builds_catalogs(env)
    outdated = []
    for docname, record in domain.documents.items():
        if docname in changed or docname in removed:
            continue
        if _shows_a_change(domain, record, lines):
            outdated.append(docname)
    return outdated


def _shows_a_change(domain: CookiesDomain, record: DocumentRecord, lines: bool) -> bool:
    for path, slices in record["slices"].items():
        parts = [InventorySlice.from_key(key) for key in slices]
        if any(part is None or (lines and not part.lines) for part in parts):
            return True
        if record["files"].get(path) == domain.file_digest(path):
            continue
        now = slice_digests(domain, path, slices)
        if any(now.get(key) != digest for key, digest in slices.items()):
            return True
    return False


def slice_digests(domain: CookiesDomain, path: str, keys: Iterable[str]) -> Mapping[str, str]:
    """The digests of these slices of the file's current content: known from an earlier build,
    or taken now, parsing the file (once in the build)."""
    store = domain.inventories
    facts = store.memo.of(path, domain.file_digest(path))
    missing = [key for key in keys if key not in facts.slices]
    if missing:
        loaded = domain.load_inventory(path)
        facts = store.memo.of(path, loaded.digest)
        for key in missing:
            part = InventorySlice.from_key(key)
            if part is not None:
                facts.slices[key] = loaded.slice_digest(part)
    return facts.slices


def load_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before ``-j`` forks its readers, parse (and report on) the inventories that the pages
    to read may use, so that each is parsed once, not once per reader: those the pages used
    when last read, and ``cookies_file`` when a page is new. A serial build parses each file
    when a page first asks for it, and only then."""
    domain = cookies_domain(env)
    domain.note_reading(docnames)
    if app.parallel <= 1 or not docnames:
        return
    paths: set[str] = set()
    for docname in docnames:
        record = domain.documents.get(docname)
        if record is not None:
            paths.update(record["slices"])
        elif docname not in env.all_docs:
            paths.add(configured_path(env))
    for path in sorted(paths):
        if os.path.exists(path):
            domain.load_inventory(path)


def report_inventories(app: Sphinx, env: BuildEnvironment) -> None:
    """Report the problems of every inventory that the pages use, once in each build, whether
    or not this build read a page that uses it: a still-broken inventory warns again (and
    fails ``-W``) however often the project is rebuilt. Problems that ``-j`` readers found are
    reported here, once."""
    domain = cookies_domain(env)
    store = domain.inventories
    for path, (digest, problems) in sorted(domain.data.pop(UNREPORTED, {}).items()):
        found = [InventoryProblem(path, *problem) for problem in problems]
        store.memo.of(path, digest).problems = kept(found)
        store.report(path, digest, found)
    for path in sorted(domain.paths_in_use()):
        if store.reported(path):
            continue
        digest = domain.file_digest(path)
        known = store.memo.of(path, digest).problems_at(path)
        if known is None:
            domain.load_inventory(path)  # parses and reports
        else:
            store.report(path, digest, known)


def relink_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages not read again whose ``:cookie:`` links now lead elsewhere, or nowhere: they are
    written again, so that a link to a removed cookie warns."""
    return cookies_domain(env).pages_to_relink()


def forget_inventories(app: Sphinx, exception: BaseException | None) -> None:
    """The build is over: keep what it learned of each file's content for the next one, which
    reads (and reports on) every file afresh."""
    domain = cookies_domain(app.env)
    if exception is None:
        domain.keep_memo()
    domain.inventories.clear()


def setup_events(app: Sphinx) -> None:
    app.connect("env-get-outdated", outdated_by_inventory)
    app.connect("env-before-read-docs", load_before_reading)
    app.connect("env-updated", report_inventories)
    app.connect("env-get-updated", relink_pages)
    # after every other handler of the build's end (export, audit), which read the inventory
    app.connect("build-finished", forget_inventories, priority=900)
