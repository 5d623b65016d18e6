"""Build events: which documents an inventory edit makes out of date, and early loading."""

from __future__ import annotations

import os
from collections.abc import Set

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import store
from .domain import CookiesDomain


def _domain(env: BuildEnvironment) -> CookiesDomain:
    domain = env.domains["cookies"]
    assert isinstance(domain, CookiesDomain)
    return domain


def outdated_by_inventory(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Documents whose inventory's content changed, whatever its mtime says (``cp -p``, a
    restored CI cache)."""
    digests: dict[str, str] = {}
    outdated = []
    for docname, record in _domain(env).documents.items():
        if docname in removed or docname in changed:
            continue
        for path, digest in record["files"].items():
            if path not in digests:
                digests[path] = store.digest_of(path)
            if digests[path] != digest:
                outdated.append(docname)
                break
    return outdated


def load_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Parse (and report on) the inventories in the main process, before ``-j`` forks, so each
    is parsed and reported once, not once per worker."""
    if not docnames:
        return
    paths = {os.path.normpath(os.path.join(env.srcdir, app.config.cookies_file))}
    documents = _domain(env).documents
    for docname in docnames:
        if docname in documents:
            paths.update(documents[docname]["files"])
    for path in sorted(paths):
        if os.path.exists(path):
            store.load(path, app.config.cookies_max_file_size)
