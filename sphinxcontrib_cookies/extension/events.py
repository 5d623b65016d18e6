"""Build events: which documents an inventory edit makes out of date, loading the inventories
early, and letting them go when the build ends."""

from __future__ import annotations

import os
from collections.abc import Set

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .configured import configured_path
from .domain import cookies_domain
from .store import digest_of


def outdated_by_inventory(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Documents whose inventory's content changed, whatever its mtime says (``cp -p``, a
    restored CI cache)."""
    digests: dict[str, str] = {}
    outdated = []
    for docname, record in cookies_domain(env).documents.items():
        if docname in removed or docname in changed:
            continue
        for path, digest in record["files"].items():
            if path not in digests:
                digests[path] = digest_of(path, env.config.cookies_max_file_size)
            if digests[path] != digest:
                outdated.append(docname)
                break
    return outdated


def load_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Parse (and report on) the inventories in the main process, before ``-j`` forks, so each
    is parsed and reported once, not once per worker."""
    if not docnames:
        return
    domain = cookies_domain(env)
    paths = {configured_path(env)}
    for docname in docnames:
        if docname in domain.documents:
            paths.update(domain.documents[docname]["files"])
    for path in sorted(paths):
        if os.path.exists(path):
            domain.load_inventory(path)


def forget_inventories(app: Sphinx, exception: BaseException | None) -> None:
    """The build is over: the next one reads (and reports on) every file afresh."""
    cookies_domain(app.env).inventories.clear()
