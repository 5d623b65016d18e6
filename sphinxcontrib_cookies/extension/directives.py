"""The directives: ``cookie-table`` and ``cookie-types``, which read an inventory, and
``cookie-intro`` and ``cookie-parties``, the extension's own explanations, each placeable
alone."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..inventory import CookieInventory
from ..inventory.collector import collector_paused
from ..inventory.slices import InventorySlice
from ..render import COLUMNS, TableOptions, project_labels, render_cookie_types, render_tables
from ..render.explanations import render_intro, render_parties
from ..translations import __
from .captions import CountCookiesInCaptions
from .configured import configured_path, document_path
from .domain import CookiesDomain, cookies_domain
from .ids import UniqueIds
from .quotes import spare_cells

logger = logging.getLogger(__name__)


def _as_written(argument: object) -> str:
    """An option's value as written ("" for none), as docutils' ``unchanged`` keeps it, but
    always text: MyST may hand over what YAML read, such as the number 42."""
    return "" if argument is None else str(argument)


#: The converter of every option: each value is checked by the directive, which warns and
#: goes on, where a docutils converter that raises would drop the whole directive.
_AS_WRITTEN: Callable[[object], str] = _as_written


class _Options(dict[str, Callable[[Any], Any]]):
    """The options a directive knows, each with its docutils converter. docutils refuses a name
    it does not know with a bare error and drops the whole directive; here the name is let
    through as text, so that the directive warns ``cookies.option`` with the nearest known name,
    and renders without it."""

    def __missing__(self, key: str) -> Callable[[Any], Any]:
        return _AS_WRITTEN


def _flag(argument: object) -> str:
    """A flag, as docutils' ``directives.flag``, except that a value is kept rather than refused
    (which would drop the directive), so that the directive warns and counts the flag as given."""
    return _AS_WRITTEN(argument)


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").replace(",", " ").split() if item.strip()]


class CookiesDirective(SphinxDirective):
    """What every directive of the extension shares: warnings about its options, and ids."""

    def warn(self, message: str, subtype: str = "option") -> None:
        logger.warning(message, type="cookies", subtype=subtype, location=self.get_location())

    def located(self, result: list[nodes.Node]) -> list[nodes.Node]:
        """``result``, each element located at the directive, apart from paragraphs: a located
        paragraph would be extracted into the project's catalogs, and the extension's own words
        are translated by its own catalogs."""
        for node in result:
            if not isinstance(node, nodes.TextElement):
                self.set_source_info(node)
        return result

    def flag(self, name: str) -> bool:
        if name not in self.options:
            return False
        if self.options[name]:
            self.warn(__(":%s: is a flag and takes no value; write it alone") % name)
        return True

    def classes(self) -> list[str]:
        """The names of ``:class:``, each made a class name as docutils makes them; a word
        that cannot be one (``***``, ``42``) is left out with a warning, and the directive still
        renders (docutils' own converter would drop it with an error)."""
        names = []
        for word in self.options.get("class", "").split():
            name = nodes.make_id(word)
            if name:
                names.append(name)
            else:
                self.warn(
                    __(
                        ":class: %r cannot be a class name (one starts with a letter and holds "
                        "letters, digits and '-'); it is left out"
                    )
                    % word
                )
        return names

    def check_options(self) -> None:
        known = list(self.option_spec)
        for name in self.options:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = __("did you mean :%s:? ") % close[0] if close else ""
                self.warn(
                    __("unknown option :%s: of %s; %sits options are: %s")
                    % (name, self.name, hint, ", ".join(known))
                )

    def unique_ids(self) -> UniqueIds:
        """Ids unique in this document, readable from the cookie name."""
        return UniqueIds(self.state.document, self.env)

    def make_id(self, name: str) -> str:
        """An id unique in this document, readable from ``name`` (for a few ids; a renderer
        that makes many takes ``unique_ids()`` once)."""
        return self.unique_ids()(name)


class _InventoryDirective(CookiesDirective):
    """A directive that reads an inventory: its path is the argument, else ``cookies_file``."""

    optional_arguments = 1
    final_argument_whitespace = True

    @property
    def domain(self) -> CookiesDomain:
        return cookies_domain(self.env)

    def inventory_path(self) -> str:
        if self.arguments:
            return document_path(self.env, self.arguments[0])
        return configured_path(self.env)

    def requested_categories(self) -> tuple[str, ...] | None:
        """The categories as ``:categories:`` lists them; None when it is not given (all)."""
        return tuple(_split(self.options["categories"])) if "categories" in self.options else None

    def shown_part(self) -> InventorySlice:
        """What this directive shows of the inventory (see ``CookiesDomain.read_inventory``):
        by default all of it, so that any edit reads the page again; a directive that shows
        less says so, and is read again less often."""
        return InventorySlice(cookies=True)

    def load(self) -> CookieInventory | None:
        path = self.inventory_path()
        loaded = self.domain.read_inventory(path, self.shown_part())
        if loaded.missing:
            if self.arguments:
                message = __(
                    "the cookie inventory %s does not exist (looked for %s); check the path "
                    "given in the directive"
                )
            else:
                message = __(
                    "the cookie inventory %s does not exist (looked for %s); check the path "
                    "given in conf.py"
                )
            where = self.arguments[0] if self.arguments else "cookies_file"
            self.warn(message % (repr(where), path), "file")
        return loaded.inventory

    def chosen_categories(self, inventory: CookieInventory) -> tuple[str, ...]:
        if "categories" not in self.options:
            return tuple(inventory.categories)
        if not _split(self.options["categories"]):
            self.warn(
                __(
                    ":categories: is empty; name the categories to show, or leave the option "
                    "out to show them all (all are shown)"
                )
            )
            return tuple(inventory.categories)
        chosen = []
        for category_id in _split(self.options["categories"]):
            if category_id in inventory.categories:
                chosen.append(category_id)
            else:
                self.warn(
                    __(
                        "category %r in :categories: is not in the inventory; "
                        "its categories are: %s"
                    )
                    % (category_id, ", ".join(inventory.categories))
                )
        return tuple(dict.fromkeys(chosen))


class CookieTableDirective(_InventoryDirective):
    """Tables of cookies, one per category (or one for all), from the inventory."""

    option_spec = _Options(
        {
            "categories": _AS_WRITTEN,
            "columns": _AS_WRITTEN,
            "group-by": _AS_WRITTEN,
            "count": _flag,
            "class": _AS_WRITTEN,
            "name": _AS_WRITTEN,
        }
    )

    def columns(self) -> tuple[str, ...]:
        if "columns" not in self.options:
            return tuple(self.config.cookies_columns)
        columns = []
        for column in _split(self.options["columns"]):
            if column in COLUMNS:
                columns.append(column)
            else:
                self.warn(
                    __("unknown column %r in :columns:; the columns are: %s")
                    % (column, ", ".join(COLUMNS))
                )
        return tuple(dict.fromkeys(columns)) or tuple(self.config.cookies_columns)

    def label_location(self) -> tuple[str, int] | None:
        """The directive's source and line, where the gettext builder extracts the project's
        column labels for this page's catalog."""
        source, line = self.get_source_info()
        return (source, line) if source and line else None

    def shown_part(self) -> InventorySlice:
        return InventorySlice(categories=self.requested_categories(), cookies=True)

    def group_by_category(self) -> bool:
        value = (self.options.get("group-by") or "category").strip()
        if value not in ("category", "none"):
            self.warn(
                __(":group-by: must be 'category' or 'none', not %r; using 'category'") % value
            )
        return value != "none"

    def tables(
        self, inventory: CookieInventory, classes: tuple[str, ...] = ()
    ) -> list[nodes.Element]:
        """The tables the options ask for (and, with ``:count:``, the node that counts their
        cookies); their rows are noted as targets of ``:cookie:``."""
        options = TableOptions(
            columns=self.columns(),
            categories=self.chosen_categories(inventory),
            group_by_category=self.group_by_category(),
            language=self.config.language,
            labels=project_labels(self.config.cookies_column_labels),
            labels_at=self.label_location(),
            classes=classes,
            count=self.flag("count"),
            consent_choices=self.config.cookies_banner,
        )
        with collector_paused():  # thousands of nodes, none of them garbage (collector.py)
            rendered = render_tables(inventory, options, self.unique_ids())
            spare_cells(rendered.tables, self.config.smartquotes_action)
        self.domain.note_targets(self.env.docname, rendered.targets)
        self.domain.note_tables(self.env.docname, len(rendered.tables))
        result: list[nodes.Element] = list(rendered.tables)
        if options.count and rendered.tables:
            result.append(CountCookiesInCaptions.pending_for(self.state.document, rendered.tables))
        return result

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        if inventory is None:
            return []
        tables = self.tables(inventory, tuple(self.classes()))
        for table in tables:
            self.set_source_info(table)
        if tables and self.options.get("name"):
            self.add_name(tables[0])
        return list(tables)


class CookieTypesDirective(_InventoryDirective):
    """What each category of cookies is for, and whether it needs the visitor's consent."""

    option_spec = _Options(
        {
            "categories": _AS_WRITTEN,
            "class": _AS_WRITTEN,
            "name": _AS_WRITTEN,
            "intro": _flag,
            "parties": _flag,
            "legal-basis": _flag,
        }
    )

    def shown_part(self) -> InventorySlice:
        return InventorySlice(categories=self.requested_categories())

    def run(self) -> list[nodes.Node]:
        self.check_options()
        inventory = self.load()
        if inventory is None:
            return []
        result: list[nodes.Node] = render_intro() if self.flag("intro") else []
        categories = self.chosen_categories(inventory)
        if categories:
            listing = render_cookie_types(
                inventory,
                categories,
                self.config.language,
                self.unique_ids(),
                legal_basis=self.flag("legal-basis"),
            )
            listing["classes"].extend(self.classes())
            if self.options.get("name"):
                self.add_name(listing)
            result.append(listing)
        if self.flag("parties"):
            result.append(render_parties(self.unique_ids()))
        return self.located(result)


#: The options of a directive that shows the extension's own words.
_OWN_WORDS_OPTIONS = MappingProxyType({"class": _AS_WRITTEN, "name": _AS_WRITTEN})


class CookieIntroDirective(CookiesDirective):
    """What a cookie is: a paragraph in the build's language, where the page wants it."""

    option_spec = _Options(_OWN_WORDS_OPTIONS)

    def run(self) -> list[nodes.Node]:
        self.check_options()
        result = render_intro()
        classes = self.classes()
        for node in result:
            if isinstance(node, nodes.Element):
                node["classes"].extend(classes)
        if result and isinstance(result[0], nodes.Element) and self.options.get("name"):
            self.add_name(result[0])
        return self.located(result)


class CookiePartiesDirective(CookiesDirective):
    """What first-party and third-party cookies are: a definition list in the build's
    language, where the page wants it."""

    option_spec = _Options(_OWN_WORDS_OPTIONS)

    def run(self) -> list[nodes.Node]:
        self.check_options()
        listing = render_parties(self.unique_ids())
        listing["classes"].extend(self.classes())
        if self.options.get("name"):
            self.add_name(listing)
        return self.located([listing])
