"""``cookie-policy``: the whole page in one directive, in the order a reader needs it."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from docutils.parsers.rst import directives

from ..inventory import CookieInventory
from ..inventory.slices import InventorySlice
from ..render import render_cookie_types
from ..render.explanations import render_intro
from ..render.legal import part_title
from ..translations import __
from .directives import CookieTableDirective, _Options, _split
from .history import CookieChangesDirective

#: The parts of the page, in the order they are shown.
PARTS = ("controller", "intro", "types", "tables", "providers", "choice", "rights", "changes")


class CookiePolicyDirective(CookieChangesDirective, CookieTableDirective):
    """Who we are, what cookies are, the categories with their legal basis, the tables, the
    third parties and transfers, how to change one's choice, one's rights, and the changes."""

    option_spec = _Options(
        {
            **CookieTableDirective.option_spec,
            **CookieChangesDirective.option_spec,
            "parts": directives.unchanged,
        }
    )

    def shown_part(self) -> InventorySlice:
        return InventorySlice(cookies=True)  # the whole page: all of the inventory

    def parts(self) -> tuple[str, ...]:
        if "parts" not in self.options:
            return PARTS
        chosen = set()
        for part in _split(self.options["parts"]):
            if part in PARTS:
                chosen.add(part)
            else:
                self.warn(
                    __("unknown part %r in :parts:; the parts are: %s") % (part, ", ".join(PARTS))
                )
        return tuple(part for part in PARTS if part in chosen)

    def types(self, inventory: CookieInventory) -> list[nodes.Element]:
        categories = self.chosen_categories(inventory)
        if not categories:
            return []
        listing = render_cookie_types(
            inventory, categories, self.config.language, self.make_id, legal_basis=True
        )
        return [listing]

    def part(self, name: str, inventory: CookieInventory) -> list[nodes.Element]:
        renderers: dict[str, Callable[[CookieInventory], list[nodes.Element]]] = {
            "controller": self.controller,
            "intro": lambda inventory: [*render_intro()],
            "types": self.types,
            "tables": self.tables,
            "providers": self.providers,
            "choice": self.withdrawal,
            "rights": self.rights,
            "changes": self.history,
        }
        return renderers[name](inventory)

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        if inventory is None:
            return []
        sections: list[nodes.Element] = []
        for name in self.parts():
            content = self.part(name, inventory)
            if not content:
                continue
            title = part_title(name)
            section = nodes.section("", nodes.title(title, title), *content)
            section["ids"].append(self.make_id(f"policy-{name}"))
            section["classes"].append(f"cookie-policy-{name}")
            sections.append(section)
        return self.finish(sections)
