"""``cookie-changes``: the history of the cookies, read from git or from ``changes:``."""

from __future__ import annotations

from datetime import date

from docutils import nodes
from docutils.parsers.rst import directives

from ..inventory import CookieInventory
from ..inventory.slices import InventorySlice
from ..legal import HistoryError, InventoryChange, history_changes, read_revisions
from ..legal.history import DEFAULT_LIMIT
from ..render.legal import render_history, render_last_updated, render_written_changes
from ..translations import __
from .directives import _Options
from .legal import LegalDirective

#: Where the history comes from: the repository, or the file's own ``changes:``.
SOURCES = ("git", "yaml")


class HistoryDirective(LegalDirective):
    """A directive that can show the inventory's history."""

    def source(self, inventory: CookieInventory) -> str:
        """``:source:``, else ``yaml`` when the file lists its changes and ``git`` when not."""
        default = "yaml" if inventory.changes else "git"
        chosen = (self.options.get("source") or default).strip()
        if chosen not in SOURCES:
            self.warn(__(":source: must be 'git' or 'yaml', not %r; using %r") % (chosen, default))
            return default
        return chosen

    def git_changes(self, inventory: CookieInventory) -> list[InventoryChange]:
        try:
            revisions = read_revisions(
                inventory.path,
                limit=DEFAULT_LIMIT,
                max_bytes=self.config.cookies_max_file_size,
            )
        except HistoryError as error:
            self.warn(
                __(
                    "cannot read the history of the cookie inventory %s from git: %s; commit "
                    "it to a git repository, or list its changes under 'changes:' in the file "
                    "(and use :source: yaml)"
                )
                % (inventory.path, error),
                "history",
            )
            return []
        return history_changes(revisions, complete=len(revisions) < DEFAULT_LIMIT)

    def history(self, inventory: CookieInventory) -> list[nodes.Element]:
        """The last-updated date, then each change with its date, newest first."""
        language = self.config.language
        days: list[date] = [inventory.updated] if inventory.updated else []
        listing: nodes.Element
        if self.source(inventory) == "yaml":
            if not inventory.changes:
                self.warn(
                    __("the inventory %s lists no 'changes:'; add them, or use :source: git")
                    % inventory.path,
                    "legal",
                )
            days += [change.date for change in inventory.changes]
            listing = render_written_changes(inventory.changes, language, inventory.path)
        else:
            changes = self.git_changes(inventory)
            days += [change.date for change in changes]
            listing = render_history(changes, language)
        result: list[nodes.Element] = [render_last_updated(max(days), language)] if days else []
        return [*result, listing] if listing.children else result


class CookieChangesDirective(HistoryDirective):
    """The history of the cookies, and when the policy was last updated."""

    option_spec = _Options({**HistoryDirective.option_spec, "source": directives.unchanged})

    def shown_part(self) -> InventorySlice:
        """With ``:source: yaml``, the date and the changes the file lists; else all of it (the
        history git keeps of the file changes when the file does)."""
        if (self.options.get("source") or "").strip() == "yaml":
            return InventorySlice(categories=(), top_level=("updated", "changes"))
        return InventorySlice(cookies=True)

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        return self.finish(self.history(inventory)) if inventory is not None else []
