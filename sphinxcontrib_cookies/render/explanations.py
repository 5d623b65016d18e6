"""Text the extension writes itself, translated by its catalogs: the titles and descriptions of
the standard categories, what a cookie is, and what first- and third-party cookies are."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..translations import _
from .inventory_text import builtin


def default_title(category_id: str) -> str | None:
    """The built-in title of a standard category (see ``STANDARD_CATEGORIES``)."""
    titles = {
        "necessary": _("Necessary cookies"),
        "preferences": _("Preference cookies"),
        "functional": _("Functional cookies"),
        "statistics": _("Statistics cookies"),
        "analytics": _("Analytics cookies"),
        "marketing": _("Marketing cookies"),
        "advertising": _("Advertising cookies"),
        "unclassified": _("Unclassified cookies"),
    }
    title = titles.get(category_id)
    return str(title) if title is not None else None


def default_description(category_id: str) -> str | None:
    """The built-in description of a standard category; synonyms share one."""
    necessary = _(
        "These cookies are needed for the site to work. They carry your sign-in from page to "
        "page, protect forms against forgery and remember the choices you made about cookies. "
        "The site cannot work properly without them."
    )
    preferences = _(
        "These cookies remember choices you have made, such as your language or your region, "
        "so that the site looks and behaves the way you set it up when you come back."
    )
    statistics = _(
        "These cookies count visits and record which pages are viewed and how visitors move "
        "between them. The figures show us what is useful, so that we can improve the site."
    )
    marketing = _(
        "These cookies recognise your browser across the websites you visit, in order to show "
        "you advertising that matches your interests and to measure how well advertising "
        "campaigns work."
    )
    unclassified = _(
        "These cookies are still being reviewed and have not yet been placed in a category."
    )
    descriptions = {
        "necessary": necessary,
        "preferences": preferences,
        "functional": preferences,
        "statistics": statistics,
        "analytics": statistics,
        "marketing": marketing,
        "advertising": marketing,
        "unclassified": unclassified,
    }
    description = descriptions.get(category_id)
    return str(description) if description is not None else None


def render_intro() -> list[nodes.Node]:
    """A short paragraph on what a cookie is."""
    text = str(
        _(
            "A cookie is a small piece of data that a website asks your browser to store. "
            "Each time your browser contacts that website again, it sends the cookie back, "
            "so that the website can recognise your browser and remember information about "
            "your visit for as long as the cookie lasts."
        )
    )
    return [builtin(nodes.paragraph(text, text, classes=["cookie-intro"]))]


def render_parties(make_id: Callable[[str], str]) -> nodes.definition_list:
    """First-party and third-party cookies explained, as a definition list."""
    explained = (
        (
            "first",
            _("First-party cookies"),
            _(
                "These cookies are set by the website you are visiting, and only that website "
                "can read them."
            ),
        ),
        (
            "third",
            _("Third-party cookies"),
            _(
                "These cookies are set by another service whose content is part of the page, "
                "such as an analytics, video or advertising service. That service can read "
                "them on every website that includes its content, and so can follow your "
                "visits from one site to another."
            ),
        ),
    )
    listing = nodes.definition_list(classes=["cookie-parties"])
    for party, term, definition in explained:
        term_text, definition_text = str(term), str(definition)
        item = nodes.definition_list_item(
            "",
            builtin(nodes.term(term_text, term_text)),
            nodes.definition("", builtin(nodes.paragraph(definition_text, definition_text))),
        )
        item["ids"].append(make_id(f"party-{party}"))
        listing += item
    return listing
