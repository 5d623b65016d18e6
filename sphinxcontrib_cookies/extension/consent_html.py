"""What a web page adds to the consent directives (``render/consent.py``): the button that
reopens the banner's preferences, the embed held until consent, and the visitor's choice next
to each table of a category that needs consent. Only the HTML builders of a website apply it;
e-books and help files keep the sentence and the link every builder shows."""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..render.consent import (
    EMBED_CLASS,
    PREFERENCES_CLASS,
    Embed,
    change_choices_label,
    embed_of,
)
from ..render.tables import TABLE_CATEGORY
from ..translations import _
from .banner import is_website
from .project_catalogs import builder_class
from .transforms import cookie_tables

#: cookieconsent's own attribute: a click on the element opens the preferences.
OPEN_PREFERENCES = 'data-cc="show-preferencesModal"'


def _button(label: str, class_name: str) -> str:
    return f'<button type="button" class="{class_name}" {OPEN_PREFERENCES}>{escape(label)}</button>'


def preferences_html() -> str:
    """The button, and for a browser that runs no script, how to withdraw consent."""
    without_script = str(
        _(
            "Your browser does not run JavaScript, so nothing on this site that needs your "
            "consent runs. To withdraw consent you gave earlier, delete this site's cookies in "
            "your browser's settings."
        )
    )
    return (
        f'<div class="{PREFERENCES_CLASS}">\n'
        f"<p>{_button(change_choices_label(), 'cookie-preferences-button')}</p>\n"
        f"<noscript><p>{escape(without_script)}</p></noscript>\n</div>\n"
    )


def embed_html(embed: Embed) -> str:
    """The content in an inert ``<template>``, which the start-up script copies into the frame
    once the visitor accepts; until then, a placeholder that says why, and a link to it."""
    hidden = str(
        _(
            "This content from %(source)s is hidden until you accept the cookies it sets: "
            "%(category)s."
        )
    ) % {"source": embed.source, "category": embed.category_title}
    link = str(_("Open it on %(source)s")) % {"source": embed.source}
    title = embed.title or embed.source
    height = f' height="{embed.height}"' if embed.height is not None else ""
    service = f' data-cookie-service="{escape(embed.service)}"' if embed.service is not None else ""
    url = escape(embed.url)
    return (
        f'<div class="{EMBED_CLASS}" data-cookie-category="{escape(embed.category or "")}"'
        f"{service}>\n"
        f'<template><iframe src="{url}" title="{escape(title)}"{height} loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></template>\n'
        '<div class="cookie-embed-frame" hidden></div>\n'
        '<div class="cookie-embed-placeholder">\n'
        f"<p>{escape(hidden)}</p>\n"
        f"<p>{_button(str(_('Cookie preferences')), 'cookie-embed-preferences')} "
        f'<a class="reference external" href="{url}">{escape(link)}</a></p>\n'
        "</div>\n</div>\n"
    )


def choice_html(category_id: str) -> str:
    """The visitor's choice for a category: the start-up script shows the sentence that
    applies; hidden where the banner does not run."""
    sentences = {
        "accepted": _("Your choice for these cookies: accepted."),
        "refused": _("Your choice for these cookies: refused."),
        "unset": _("You have not yet chosen whether to accept these cookies."),
    }
    spans = "".join(
        f'<span class="cookie-choice-{state}">{escape(str(sentence))}</span>'
        for state, sentence in sentences.items()
    )
    return (
        f'<p class="cookie-choice" data-cookie-category="{escape(category_id)}" hidden>'
        f"{spans}</p>\n"
    )


def _raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


class ConsentMarkup(SphinxPostTransform):
    """The consent directives' HTML, and the visitor's choice after each category's table."""

    default_priority = 200
    formats = ("html",)

    def is_supported(self) -> bool:
        return super().is_supported() and is_website(builder_class(self.env))

    def run(self, **kwargs: Any) -> None:
        for container in list(self.document.findall(nodes.container)):
            if PREFERENCES_CLASS in container["classes"]:
                container.parent.replace(container, _raw(preferences_html()))
            elif EMBED_CLASS in container["classes"] and container.get("embed-category"):
                container.parent.replace(container, _raw(embed_html(embed_of(container))))
        for table in cookie_tables(self.document):
            category_id = table.get(TABLE_CATEGORY)
            if category_id:
                table.parent.insert(table.parent.index(table) + 1, _raw(choice_html(category_id)))
