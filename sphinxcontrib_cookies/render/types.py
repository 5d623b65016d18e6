"""The categories explained: a definition list of title, description and consent."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..inventory import CookieInventory
from .labels import consent_sentence
from .text import localized, paragraphs


def render_cookie_types(
    inventory: CookieInventory,
    categories: tuple[str, ...],
    language: str | None,
    make_id: Callable[[str], str],
) -> nodes.definition_list:
    listing = nodes.definition_list(classes=["cookie-types"])
    for category_id in categories:
        category = inventory.categories[category_id]
        title = localized(category.title, language) or category_id
        definition = nodes.definition()
        definition.extend(paragraphs(localized(category.description, language)))
        if category.requires_consent is not None:
            sentence = consent_sentence(category.requires_consent)
            definition += nodes.paragraph(sentence, sentence, classes=["cookie-consent"])
        item = nodes.definition_list_item("", nodes.term(title, title), definition)
        item["ids"].append(make_id(f"category-{category_id}"))
        listing += item
    return listing
