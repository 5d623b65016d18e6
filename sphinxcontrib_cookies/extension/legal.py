"""The legal parts of the page: ``cookie-providers``, ``cookie-controller`` and
``cookie-rights``, and the ``cookies_authority`` configuration value."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from ..inventory import CookieInventory
from ..inventory.slices import InventorySlice
from ..legal import SupervisoryAuthority, authority_for
from ..render.legal import (
    render_controller,
    render_providers,
    render_rights,
    render_withdrawal,
)
from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .directives import _AS_WRITTEN, _InventoryDirective, _Options


def _check_authority(value: Any) -> str | None:
    if value is None:
        return None
    if (
        isinstance(value, dict)
        and set(value) == {"name", "url"}
        and all(isinstance(item, str) and item.strip() for item in value.values())
        and str(value["url"]).startswith(("https://", "http://"))
    ):
        return None
    return __(
        "must be None or a dict with a 'name' and an http(s) 'url', such as "
        "{'name': 'Commission nationale de l'informatique et des libertés', "
        "'url': 'https://www.cnil.fr/'}"
    )


LEGAL_CONFIG_VALUES = (
    ConfigValue(
        "cookies_authority",
        None,
        (dict, type(None)),
        _check_authority,
        "The supervisory authority cookie-rights names: a dict with 'name' and 'url'; by "
        "default, the authority of the controller's country.",
    ),
)


class LegalDirective(_InventoryDirective):
    """A legal part of the page, from the inventory."""

    option_spec = _Options({"class": _AS_WRITTEN, "name": _AS_WRITTEN})

    def finish(self, result: list[nodes.Element]) -> list[nodes.Node]:
        """The nodes, with the directive's ``:class:`` and ``:name:`` and its source line."""
        if result:
            result[0]["classes"].extend(self.classes())
            if self.options.get("name"):
                self.add_name(result[0])
        for node in result:
            if not isinstance(node, nodes.TextElement):
                self.set_source_info(node)
        return list(result)

    def authority(self, inventory: CookieInventory) -> SupervisoryAuthority | None:
        """``cookies_authority``, else the authority of the controller's country."""
        configured = self.config.cookies_authority
        if configured:
            return SupervisoryAuthority(configured["name"], configured["url"])
        country = inventory.controller.country if inventory.controller else None
        found = authority_for(country)
        if found is None:
            self.warn(
                __(
                    "no supervisory authority is known for %s; set cookies_authority in "
                    "conf.py to {'name': ..., 'url': ...}, or give the controller's 'country' "
                    "(a country of the EEA, or GB)"
                )
                % (repr(country) if country else __("a controller without a 'country'")),
                "legal",
            )
        return found

    def providers(self, inventory: CookieInventory) -> list[nodes.Element]:
        table = render_providers(inventory, self.config.language)
        if table is None:
            self.warn(
                __("no cookie in the inventory %s names a provider; give cookies a 'provider'")
                % inventory.path,
                "legal",
            )
            return []
        return [table]

    def controller(self, inventory: CookieInventory) -> list[nodes.Element]:
        if inventory.controller is None:
            self.warn(
                __(
                    "the inventory %s declares no controller; add 'controller:' with its "
                    "'name' and an 'email' or 'contact_url'"
                )
                % inventory.path,
                "legal",
            )
            return []
        return [render_controller(inventory.controller, self.config.language, inventory.path)]

    def withdrawal(self, inventory: CookieInventory) -> list[nodes.Element]:
        return render_withdrawal(inventory.consent_lifetime, self.config.language)

    def rights(self, inventory: CookieInventory) -> list[nodes.Element]:
        return render_rights(self.authority(inventory))


class CookieProvidersDirective(LegalDirective):
    """The third parties: country, role, transfer safeguard and privacy policy."""

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        return self.finish(self.providers(inventory)) if inventory is not None else []


class CookieControllerDirective(LegalDirective):
    """Who is responsible for the visitors' data, and how to reach them."""

    def shown_part(self) -> InventorySlice:
        return InventorySlice(categories=(), top_level=("controller",))

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        return self.finish(self.controller(inventory)) if inventory is not None else []


class CookieRightsDirective(LegalDirective):
    """How to withdraw consent, the visitor's rights and the supervisory authority."""

    def shown_part(self) -> InventorySlice:
        # the authority is the controller's country's, unless conf.py names one
        return InventorySlice(categories=(), top_level=("consent_lifetime", "controller"))

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        if inventory is None:
            return []
        return self.finish([*self.withdrawal(inventory), *self.rights(inventory)])


def check_legal_config(app: Sphinx, config: Config) -> None:
    check_values(config, LEGAL_CONFIG_VALUES)


def setup_legal(app: Sphinx) -> None:
    add_config_values(app, LEGAL_CONFIG_VALUES)
    app.connect("config-inited", check_legal_config)
    app.add_directive("cookie-providers", CookieProvidersDirective)
    app.add_directive("cookie-controller", CookieControllerDirective)
    app.add_directive("cookie-rights", CookieRightsDirective)
