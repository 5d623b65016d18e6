"""The configured inventory, ``cookies_file``: the one that directives naming no file read, and
the one that the build-wide features (``cookies_export``, ``cookies_audit``) read at its end."""

from __future__ import annotations

import os

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..inventory import CookieInventory
from ..translations import __
from .domain import cookies_domain
from .store import file_location

logger = logging.getLogger(__name__)


def document_path(env: BuildEnvironment, written: str) -> str:
    """A file named in the current document, as Sphinx reads such names (from the source folder
    when it starts with ``/``, else from the document's folder), normalized. Sphinx resolves
    symbolic links, which raises ``RuntimeError`` on a loop of links before Python 3.13: such a
    path is kept as written, and reading it reports the loop."""
    try:
        return os.path.normpath(env.relfn2path(written, env.docname)[1])
    except (RuntimeError, OSError):
        relative = (
            written[1:]
            if written.startswith(("/", os.sep))
            else os.path.join(os.path.dirname(env.doc2path(env.docname, False)), written)
        )
        return os.path.normpath(os.path.join(env.srcdir, relative))


def configured_path(env: BuildEnvironment) -> str:
    """``cookies_file``, relative to the source directory, as a normalized path."""
    return os.path.normpath(os.path.join(env.srcdir, env.config.cookies_file))


def configured_inventory(app: Sphinx, message: str) -> tuple[str, CookieInventory] | None:
    """The path and inventory of ``cookies_file``; or None, when it is missing or cannot be
    read, after a ``cookies.file`` warning located at the file. ``message`` says which feature
    goes without, with a ``%s`` for why ("does not exist", "cannot be read")."""
    path = configured_path(app.env)
    loaded = cookies_domain(app.env).load_inventory(path)
    if loaded.inventory is None:
        reason = __("does not exist") if loaded.missing else __("cannot be read (see above)")
        logger.warning(
            message, reason, type="cookies", subtype="file", location=file_location(path)
        )
        return None
    return path, loaded.inventory
