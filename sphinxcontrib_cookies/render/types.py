"""The categories explained: a definition list of title, description and consent."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..inventory import CookieInventory
from .explanations import default_description
from .inventory_text import builtin, mark_inventory_text
from .labels import consent_sentence
from .tables import category_title
from .text import paragraphs


def render_cookie_types(
    inventory: CookieInventory,
    categories: tuple[str, ...],
    language: str | None,
    make_id: Callable[[str], str],
) -> nodes.definition_list:
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
        if category.requires_consent is not None:
            sentence = consent_sentence(category.requires_consent)
            definition += builtin(nodes.paragraph(sentence, sentence, classes=["cookie-consent"]))
        item = nodes.definition_list_item("", term, definition)
        item["ids"].append(make_id(f"category-{category_id}"))
        listing += item
    return listing
