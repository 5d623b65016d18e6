"""The inventory's own text through the standard Sphinx translation flow: ``-b gettext``
extracts it, ``sphinx-intl update`` makes the ``.po`` files, a translated build shows them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from sphinx.testing.util import SphinxTestApp

from output import consent_config

#: The inventory's text, each as Sphinx should extract it.
INVENTORY_TEXT = (
    "Audience measurement",
    "These cookies count visits.",
    "The figures are kept for *one* year_ at most.",
    "Written in two languages",
    "Its French title comes from the inventory.",
    "Acme Analytics",
    "Harbour Data",
    "Sign-in",
    "Visit counting",
    "Keeps you signed in.",
    "Tells one visit from another.",
    "until you sign out",
    "Remembers your language.",
)
#: The project's column labels (conf.py), extracted where the table is.
LABELS = ("Purposes", "Feature")
#: The French a translator writes into the page's catalog.
FRENCH = {
    "Audience measurement": "Mesure d'audience",
    "These cookies count visits.": "Ces cookies comptent les visites.",
    "The figures are kept for *one* year_ at most.": "Les chiffres sont gardés *un* an_ au plus.",
    "Acme Analytics": "Acmé Analytique",
    "Harbour Data": "Données du Port",
    "Sign-in": "Connexion",
    "Visit counting": "Comptage des visites",
    "Keeps you signed in.": "Vous garde connecté.",
    "Tells one visit from another.": "Distingue une visite d'une autre.",
    "until you sign out": "jusqu'à votre déconnexion",
    # The inventory gives these in French itself; its words must win:
    "Written in two languages": "TRADUCTION DU CATALOGUE",
    "Remembers your language.": "TRADUCTION DU CATALOGUE",
    # A label of conf.py; the other gives its French itself.
    "Purposes": "Finalités",
    "Feature": "TRADUCTION DU CATALOGUE",
}


def text_of(html: str) -> str:
    """The page's words; Sphinx's smart quotes curl apostrophes in French, as everywhere."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u2019", "'").split())


def read_catalog(path: Path) -> Any:
    with path.open("rb") as stream:
        return read_po(stream)


@pytest.mark.sphinx("gettext", testroot="i18n-gettext")
def test_gettext_extracts_the_inventory_text_only(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    template = read_catalog(app.outdir / "index.pot")
    messages = {message.id: message for message in template if message.id}
    assert set(INVENTORY_TEXT) <= messages.keys()
    # Our own words are translated by our catalogs, so they are not the project's to translate.
    assert set(messages) - set(INVENTORY_TEXT) - set(LABELS) == {"Cookie policy"}
    # The project's labels point at the table that shows them.
    assert messages["Purposes"].locations == [("../../index.rst", 8)]
    # Each message points at the inventory line it comes from: the cookie, or the category
    # (whose title is shown three times: caption, term and category column).
    assert messages["Keeps you signed in."].locations == [("../../cookies.yaml", 23)]
    assert messages["Audience measurement"].locations == [("../../cookies.yaml", 4)]


@pytest.mark.sphinx("gettext", testroot="i18n-gettext", srcdir="i18n-gettext-round-trip")
def test_round_trip_through_sphinx_intl(
    app: SphinxTestApp, make_app: Callable[..., SphinxTestApp]
) -> None:
    app.build()
    app.cleanup()  # forget this build's catalogs before the French one
    locale_dir = app.srcdir / "locale"
    subprocess.run(
        [sys.executable, "-m", "sphinx_intl", "update", "-p", str(app.outdir), "-d",
         str(locale_dir), "-l", "fr"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    po_path = locale_dir / "fr" / "LC_MESSAGES" / "index.po"
    catalog = read_catalog(po_path)
    for message in catalog:
        if message.id in FRENCH:
            message.string = FRENCH[message.id]
    with po_path.open("wb") as stream:
        write_po(stream, catalog)

    french = make_app(
        "html",
        srcdir=app.srcdir,
        builddir=app.srcdir / "_build" / "fr",
        confoverrides={"language": "fr", "cookies_banner": True},
    )
    french.build()  # Sphinx compiles index.po into index.mo first
    assert french.warning.getvalue() == ""
    html = (french.outdir / "index.html").read_text("utf-8")
    text = text_of(html)
    for original, translated in FRENCH.items():
        if translated != "TRADUCTION DU CATALOGUE":
            assert translated in text, original
            assert original not in text
    # A purpose with nothing for smart quotes, translated into one with an apostrophe: the
    # apostrophe is curled, as in every other French paragraph (extension/quotes.py).
    assert "Distingue une visite d\u2019une autre." in unescape(html)
    # The caption, the term and the category column all show the translated title.
    assert text.count("Mesure d'audience") == 3
    # Translations are text, never markup: no emphasis, no reference from "*un*" and "an_".
    assert "Les chiffres sont gardés *un* an_ au plus." in text
    assert "<em>" not in html
    # A translated provider name keeps its link.
    assert (
        '<a class="reference external" href="https://acme.example/privacy">Acmé Analytique</a>'
        in html
    )
    # The inventory's own French wins over the catalog; so does a label's, given in conf.py.
    assert "Service" in text
    assert "Écrit en deux langues" in text
    assert "Mémorise votre langue." in text
    assert "TRADUCTION DU CATALOGUE" not in text
    # Our words come from our catalog, whatever the project's catalogs say.
    assert "Cookies nécessaires" in text
    assert "13 mois" in text
    # The consent banner of this French build shows the inventory's text as the page does.
    banner = (french.outdir / "_static" / "cookieconsent-config.js").read_text("utf-8")
    config = consent_config(banner)
    sections = config["language"]["translations"]["fr"]["preferencesModal"]["sections"]
    audience = sections[1]
    assert audience["title"] == "Mesure d&#x27;audience"
    assert audience["description"] == (
        "Ces cookies comptent les visites.<br><br>Les chiffres sont gardés *un* an_ au plus."
    )
    rows = {row["name"]: row for section in sections for row in section["cookieTable"]["body"]}
    assert rows["sessionid"]["purpose"] == "Vous garde connecté."
    assert rows["sessionid"]["provider"] == "Données du Port"
    assert rows["lang"]["purpose"] == "Mémorise votre langue."  # the inventory's own French
    assert sections[2]["title"] == "Écrit en deux langues"


@pytest.mark.sphinx(
    "html", testroot="i18n-gettext", srcdir="i18n-gettext-none", confoverrides={"language": "fr"}
)
def test_without_a_project_catalog_the_inventory_text_is_shown_as_written(
    app: SphinxTestApp,
) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = text_of((app.outdir / "index.html").read_text("utf-8"))
    assert "Keeps you signed in." in text
    assert "Écrit en deux langues" in text
    assert "Cookies nécessaires" in text
