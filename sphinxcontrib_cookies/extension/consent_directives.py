"""The ``cookie-preferences`` and ``cookie-embed`` directives: the visitor's way back to the
banner's choices, and content from another site held until the visitor accepts its cookies."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives

from ..inventory import CookieInventory
from ..render.consent import Embed, render_embed, render_preferences
from ..render.tables import category_title
from ..translations import __
from .configured import configured_path
from .directives import _InventoryDirective, _Options

#: What an embed's address may not hold: it goes into an attribute and a link.
_NOT_IN_URL = re.compile(r"[\s\"'<>\\^`{|}]")


class CookiePreferencesDirective(_InventoryDirective):
    """A button that reopens the banner's preferences, and how to withdraw consent without it."""

    optional_arguments = 0
    option_spec = _Options({})

    def run(self) -> list[nodes.Node]:
        self.check_options()
        container = render_preferences()
        self.set_source_info(container)
        return [container]


class CookieEmbedDirective(_InventoryDirective):
    """``.. cookie-embed:: URL``: an iframe shown once the visitor accepts ``:category:``."""

    required_arguments = 1
    optional_arguments = 0
    option_spec = _Options(
        {
            "category": directives.unchanged,
            "provider": directives.unchanged,
            "title": directives.unchanged,
            "height": directives.unchanged,
        }
    )

    def inventory_path(self) -> str:
        return configured_path(self.env)

    def url(self) -> str | None:
        url = str(self.arguments[0]).strip()
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.hostname and not _NOT_IN_URL.search(url):
            return url
        self.warn(
            __("cookie-embed needs the full http:// or https:// address of the content, not %r")
            % url
        )
        return None

    def height(self) -> int | None:
        value = (self.options.get("height") or "").strip().removesuffix("px")
        if not value:
            return None
        if value.isdigit() and 0 < int(value) <= 10_000:
            return int(value)
        self.warn(__(":height: must be a number of pixels, such as 400, not %r") % value)
        return None

    def embed(self, url: str, inventory: CookieInventory) -> Embed | None:
        category_id = (self.options.get("category") or "").strip()
        if category_id not in inventory.categories:
            self.warn(
                __(
                    "cookie-embed needs :category:, the id of the category whose consent shows "
                    "it; the categories are: %s"
                )
                % ", ".join(inventory.categories)
                if not category_id
                else __("category %r in :category: is not in the inventory; its categories are: %s")
                % (category_id, ", ".join(inventory.categories))
            )
            return None
        service = self.service(inventory, category_id)
        source = self.source(url)
        if service is not None:
            source = inventory.providers[service].name.resolve(self.config.language)
        return Embed(
            url,
            source,
            category=category_id,
            category_title=category_title(inventory.categories[category_id], self.config.language),
            service=service,
            title=self.title(),
            height=self.height(),
        )

    def source(self, url: str) -> str:
        return urlsplit(url).hostname or url

    def title(self) -> str | None:
        return (self.options.get("title") or "").strip() or None

    def service(self, inventory: CookieInventory, category_id: str) -> str | None:
        """The provider whose consent (a service in the banner) shows the embed too."""
        provider_id = (self.options.get("provider") or "").strip()
        if not provider_id:
            return None
        if provider_id not in inventory.providers:
            self.warn(
                __(
                    "provider %r in :provider: is not declared under 'providers'; "
                    "declared providers: %s"
                )
                % (provider_id, ", ".join(inventory.providers))
            )
            return None
        cookies = inventory.cookies_in(category_id)
        if not any(cookie.provider and cookie.provider.id == provider_id for cookie in cookies):
            self.warn(
                __(
                    "provider %r has no cookie in category %r, so the banner does not list "
                    "it there; declare its cookies in that category"
                )
                % (provider_id, category_id)
            )
            return None
        return provider_id

    def run(self) -> list[nodes.Node]:
        self.check_options()
        url = self.url()
        if url is None:
            return []
        embed = None
        if self.config.cookies_banner:
            inventory = self.load()
            embed = self.embed(url, inventory) if inventory is not None else None
        else:
            self.warn(
                __(
                    "cookie-embed shows only a link to the content while cookies_banner is off; "
                    "turn the banner on to show the content once the visitor accepts its cookies"
                ),
                "banner",
            )
        container = render_embed(embed or Embed(url, self.source(url), title=self.title()))
        self.set_source_info(container)
        return [container]
