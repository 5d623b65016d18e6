"""``:cookies-updated:`PATH```: the date an inventory was last updated, in the build language."""

from __future__ import annotations

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..inventory.slices import InventorySlice
from ..render.durations import babel_locale
from ..translations import __
from .configured import document_path
from .domain import cookies_domain

logger = logging.getLogger(__name__)


class CookiesUpdatedRole(SphinxRole):
    """The inventory's ``updated:`` date, written out ("29 November 2026" in English). PATH is
    relative to the document, or to the source directory when it starts with ``/``."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        path = document_path(self.env, self.text.strip())
        shown = InventorySlice(categories=(), top_level=("updated",))
        loaded = cookies_domain(self.env).read_inventory(path, shown)
        if loaded.missing:
            self.warn(
                __("the cookie inventory %r does not exist (looked for %s); check the path")
                % (self.text, path),
                "file",
            )
            return [], []
        if loaded.inventory is None:
            return [], []  # unreadable, already reported
        updated = loaded.inventory.updated
        if updated is None:
            self.warn(
                __("the cookie inventory %r has no readable 'updated' date; add one, such as %s")
                % (self.text, "updated: 2026-11-29"),
                "missing-field",
            )
            return [], []
        text = format_date(updated, format="long", locale=babel_locale(self.config.language))
        return [nodes.inline(text, text, classes=["cookies-updated"])], []

    def warn(self, message: str, subtype: str) -> None:
        logger.warning(message, type="cookies", subtype=subtype, location=self.get_location())


def setup_updated(app: Sphinx) -> None:
    app.add_role("cookies-updated", CookiesUpdatedRole())
