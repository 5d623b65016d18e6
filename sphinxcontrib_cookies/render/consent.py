"""What the consent features put in a page, as every builder shows it: the sentence of
``cookie-preferences`` and the link that stands for content held until consent.

A web page shows more (the button that reopens the preferences, the held iframe, the
visitor's choice next to each table): ``extension/consent_html.py`` adds it, for the HTML
builders of a website only, from the attributes set here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from docutils import nodes

from ..translations import _
from .inventory_text import keep_builtin_text_out

#: The class of the container ``cookie-preferences`` renders.
PREFERENCES_CLASS = "cookie-preferences"
#: The class of the container ``cookie-embed`` renders.
EMBED_CLASS = "cookie-embed"


def change_choices_label() -> str:
    """The words of the button that reopens the banner's preferences."""
    return str(_("Change my cookie choices"))


def render_preferences() -> nodes.container:
    """How to change or withdraw consent, for a reader of any output; in a web page, the
    button takes its place."""
    sentence = str(
        _(
            "To change or withdraw your consent at any time, use the “%(button)s” button on "
            "this page of the website, or delete the site's cookies in your browser's settings."
        )
    ) % {"button": change_choices_label()}
    paragraph = nodes.paragraph(sentence, sentence)
    container = nodes.container("", paragraph, classes=[PREFERENCES_CLASS])
    keep_builtin_text_out(container)
    return container


@dataclass(frozen=True)
class Embed:
    """Content from another site, held until the visitor accepts its category."""

    url: str
    #: Who serves it, as a reader knows them: the provider's name, else the host.
    source: str
    #: The category whose consent shows it; None for content that is only linked to.
    category: str | None = None
    category_title: str | None = None
    #: The inventory's provider id, when the embed is held by that provider's consent too.
    service: str | None = None
    title: str | None = None
    height: int | None = None


#: The container's attributes that carry an ``Embed`` to the HTML post-transform.
EMBED_ATTRIBUTES = MappingProxyType(
    {
        "url": "embed-url",
        "category": "embed-category",
        "source": "embed-source",
        "category_title": "embed-category-title",
        "service": "embed-service",
        "title": "embed-title",
        "height": "embed-height",
    }
)


def render_embed(embed: Embed) -> nodes.container:
    """The content's address, with who serves it, as every builder shows it: what a reader of
    a PDF or a book gets, where a web page holds the content until the visitor accepts (see
    ``extension/consent_html.py``)."""
    lead = str(_("Content from %(source)s:")) % {"source": embed.source}
    if embed.title:
        lead = f"{embed.title}. {lead}"
    paragraph = nodes.paragraph(
        "", "", nodes.Text(lead + " "), nodes.reference(embed.url, embed.url, refuri=embed.url)
    )
    container = nodes.container("", paragraph, classes=[EMBED_CLASS])
    if embed.category is not None:
        for field, attribute in EMBED_ATTRIBUTES.items():
            value = getattr(embed, field)
            if value is not None:
                container[attribute] = str(value)
    keep_builtin_text_out(container)
    return container


def embed_of(container: nodes.Element) -> Embed:
    """The ``Embed`` a container of ``render_embed`` carries."""
    values = {field: container.get(attribute) for field, attribute in EMBED_ATTRIBUTES.items()}
    height = values.pop("height")
    url, source = values.pop("url"), values.pop("source")
    return Embed(url, source, **values, height=int(height) if height is not None else None)
