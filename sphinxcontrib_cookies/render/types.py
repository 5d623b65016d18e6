"""The categories explained: a definition list of title, description and consent."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..inventory import CookieInventory
from ..translations import _
from .explanations import default_description
from .inventory_text import builtin, mark_inventory_text
from .labels import consent_sentence
from .legal.words import filled, legal_basis_label
from .tables import category_title
from .text import paragraphs


def legal_basis_paragraph(basis: str) -> nodes.paragraph:
    """ "Legal basis: Consent." """
    paragraph = builtin(
        nodes.paragraph("", "", *filled(str(_("Legal basis: %s.")), value=legal_basis_label(basis)))
    )
    paragraph["classes"].append("cookie-legal-basis")
    return paragraph


def render_cookie_types(
    inventory: CookieInventory,
    categories: tuple[str, ...],
    language: str | None,
    make_id: Callable[[str], str],
    legal_basis: bool = False,
) -> nodes.definition_list:
    """Each category explained; with ``legal_basis``, the basis its cookies are set on."""
    listing = nodes.definition_list(classes=["cookie-types"])
    for category_id in categories:
        category = inventory.categories[category_id]
        title = category_title(category, language)
        term = builtin(nodes.term(title, title))
        if category.title is not None:
            mark_inventory_text(term, category.title, language, inventory.path, category.line)
        definition = nodes.definition()
        if category.description is not None:
            for paragraph in paragraphs(category.description.resolve(language)):
                definition += mark_inventory_text(
                    paragraph, category.description, language, inventory.path, category.line
                )
        else:
            definition.extend(paragraphs(default_description(category_id) or ""))
        if category.needs_consent is not None:
            sentence = consent_sentence(category.needs_consent)
            definition += builtin(nodes.paragraph(sentence, sentence, classes=["cookie-consent"]))
        if legal_basis and category.basis is not None:
            definition += legal_basis_paragraph(category.basis)
        item = nodes.definition_list_item("", term, definition)
        item["ids"].append(make_id(f"category-{category_id}"))
        listing += item
    return listing
