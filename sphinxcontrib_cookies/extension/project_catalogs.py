"""The inventory's own text through the project's gettext catalogs (the sphinx-intl flow).

``sphinx-build -b gettext`` extracts the marked nodes (see ``render/inventory_text.py``) into the
catalog of each page that renders them. In a translated build, each marked node is looked up in
that page's catalog and its text replaced, as plain text: Sphinx's own ``Locale`` transform would
parse the translation as markup, so that a ``*`` or ``_`` in a purpose would turn into emphasis
or a reference. Text the inventory gives in the build language wins over the catalog.
"""

from __future__ import annotations

import gettext
from typing import Any

from docutils import nodes
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from ..render.inventory_text import FOR_CATALOG, ORIGIN
from ..translations import CATALOG, LOCALE_DIR
from .building import builds_catalogs
from .quotes import reconsider


def _marked(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and ORIGIN in node.attributes


def _message(node: nodes.Element) -> str | None:
    """The message Sphinx's gettext builder extracts for ``node``, so both agree on the id."""
    for found, message in extract_messages(node):
        if found is node:
            return message
    return None


def _replace_text(node: nodes.Element, text: str) -> None:
    """Put ``text`` in place of the node's one text (inside a link, if the name is linked)."""
    leaves = list(node.findall(nodes.Text))
    if len(leaves) != 1:
        return
    leaf = leaves[0]
    parent = leaf.parent
    parent.replace(leaf, nodes.Text(text))
    if isinstance(parent, nodes.TextElement) and parent is not node:
        parent.rawsource = text


def project_catalog(env: BuildEnvironment, docname: str) -> gettext.NullTranslations | None:
    """The project's compiled catalog for ``docname`` in the build language, if it has one."""
    language = env.config.language
    if not language or not env.config.locale_dirs:
        return None
    domain = docname_to_domain(docname, env.config.gettext_compact)
    found: gettext.NullTranslations | None = None
    for directory in env.config.locale_dirs:
        try:
            translations = gettext.translation(
                domain, localedir=env.srcdir / directory, languages=[language]
            )
        except OSError:
            continue
        if found is None:
            found = translations
        else:
            found.add_fallback(translations)
    return found


class TranslateInventoryText(SphinxTransform):
    """Translate the inventory's text with the page's catalog, before Sphinx's ``Locale``; for
    the gettext builder, leave every marked node for it to extract, whatever the language."""

    default_priority = 15  # Locale is 20

    def catalog(self) -> gettext.NullTranslations | None:
        return project_catalog(self.env, self.env.docname)

    def apply(self, **kwargs: Any) -> None:
        if builds_catalogs(self.env):
            for node in self.document.findall(_marked):
                del node[ORIGIN]  # so that the gettext builder extracts every marked node
            return
        catalog = self.catalog()
        if catalog is None:  # nothing to translate, and Sphinx's Locale has no catalog either
            return
        for node in list(self.document.findall(_marked)):
            origin = node.attributes.pop(ORIGIN)
            message = _message(node) if origin == FOR_CATALOG else None  # while translatable
            node["translatable"] = False  # keep Sphinx's Locale from parsing it as markup
            if origin != FOR_CATALOG:
                node["translated"] = True
                continue
            translated = catalog.gettext(message) if message else ""
            if message and translated and translated != message:
                _replace_text(node, translated)
                reconsider(node)
                node.rawsource = translated
                node["translated"] = True
            else:
                node["translated"] = False


def load_catalog_for_hyphenated_language(app: Sphinx, config: Config) -> None:
    """gettext finds ``de_AT`` (then ``de``) but not ``de-AT``: look again with an underscore."""
    language = config.language or ""
    if "-" in language:
        locale.init([LOCALE_DIR], language.replace("-", "_"), CATALOG)


def setup_project_catalogs(app: Sphinx) -> None:
    app.connect("config-inited", load_catalog_for_hyphenated_language)
    app.add_transform(TranslateInventoryText)
