"""``cookie-policy`` renders the whole page, in every builder and language: who is responsible
and how to reach them, each provider with its country named in the page's language, the legal
basis of each category, withdrawal, rights and the supervisory authority, and the history."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy
from output import cookie_tables, parse_html, unwrap_grid_tables

#: The file each builder writes for the page, and how to read it as text.
OUTPUTS = {
    "html": "index.html",
    "epub": "index.xhtml",
    "text": "index.txt",
    "latex": "legal.tex",
    "man": "legal.7",
    "texinfo": "legal.texi",
}
#: Each provider's country, as Babel names it in each language (CLDR's territory names).
COUNTRIES = {
    "en": ("Malta", "United States", "Switzerland"),
    "fr": ("Malte", "États-Unis", "Suisse"),
    "de": ("Malta", "Vereinigte Staaten", "Schweiz"),
    "mt": ("Malta", "l-Istati Uniti", "l-Iżvizzera"),
}
PROVIDERS = ("Example Shop", "Example Analytics Inc.", "Example Ads AG")
#: Words of ours each page must show in its language: two headings, a role, the DPO.
WORDS = {
    "en": ("Third parties and transfers", "Your rights", "Processor", "Data protection officer"),
    "fr": (
        "Tiers et transferts",
        "Vos droits",
        "Sous-traitant",
        "Délégué à la protection des données",
    ),
    "de": (
        "Dritte und Übermittlungen",
        "Ihre Rechte",
        "Auftragsverarbeiter",
        "Datenschutzbeauftragter",
    ),
    "mt": (
        "Partijiet terzi u trasferimenti",
        "Id-drittijiet tiegħek",
        "Proċessur",
        "Uffiċjal tal-protezzjoni tad-data",
    ),
}


def page_text(app: SphinxTestApp, builder: str) -> str:
    """The page as plain text, whatever the builder wrote, folded for comparison: without
    spaces, since builders that lay tables out break long words across lines."""
    raw = (Path(app.outdir) / OUTPUTS[builder]).read_text(encoding="utf-8")
    if builder in ("html", "epub"):
        raw = parse_html(raw).raw_text
    elif builder == "text":
        raw = unwrap_grid_tables(raw)
    elif builder == "latex":
        raw = raw.replace(r"\sphinxhyphen{}", "-")
    elif builder == "man":
        raw = re.sub(r"\\[:%&]", "", raw).replace("\\-", "-")
    elif builder == "texinfo":
        raw = raw.replace("@@", "@")
    return "".join(raw.split()).casefold()


def build(tmp_path: Path, builder: str, language: str) -> SphinxTestApp:
    return build_copy("legal-policy", tmp_path, builder, confoverrides={"language": language})


def assert_complete(text: str, language: str) -> None:
    for expected in (
        "Example Shop Ltd",
        "privacy@shop.example",
        "https://shop.example/contact",
        "dpo@shop.example",
        "Example Representative GmbH",
        "Information and Data Protection Commissioner",
        *PROVIDERS,
        *COUNTRIES[language],
        *WORDS[language],
    ):
        assert "".join(expected.split()).casefold() in text, (language, expected)


def test_the_whole_page_in_english_html(tmp_path: Path) -> None:
    app = build(tmp_path, "html", "en")
    assert app.warning.getvalue() == ""
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2>([^<]+)<", html)
    assert headings == [
        "Who is responsible for your data",
        "What is a cookie?",
        "The kinds of cookies we use",
        "The cookies we use",
        "Third parties and transfers",
        "How to change your choice",
        "Your rights",
        "Changes to this policy",
    ]
    tables = cookie_tables(html)
    assert [table.caption for table in tables] == [
        "Necessary cookies",
        "Statistics cookies",
        "Marketing cookies",
    ]
    assert tables[1].column_texts("Data") == ["A random visitor id."]
    page = parse_html(html)
    (providers,) = page.find_all("table", "cookie-providers")
    rows = [" | ".join(" ".join(cell.text.split()) for cell in row.find_all("td"))
            for row in providers.find_all("tr")[1:]]  # fmt: skip
    assert rows == [
        "Example Shop | Malta | Controller | None needed (within the EEA) | "
        "https://shop.example/privacy",
        "Example Analytics Inc. | United States | Processor | EU-US Data Privacy Framework | "
        "https://analytics.example/privacy",
        "Example Ads AG | Switzerland | Joint controller | Adequacy decision | "
        "https://ads.example/privacy",
    ]
    text = " ".join(page.text.split())
    assert "Legal basis: Exempt from consent (strictly necessary)." in text
    assert "Legal basis: Consent." in text
    assert "We keep your choice for 6 months; after that, we ask you again." in text
    assert "Our supervisory authority: Information and Data Protection Commissioner." in text
    assert "Last updated: November 29, 2026." in text
    assert_complete(page_text(app, "html"), "en")


@pytest.mark.slow
@pytest.mark.parametrize("language", sorted(COUNTRIES))
@pytest.mark.parametrize("builder", sorted(OUTPUTS))
def test_the_whole_page_in_every_builder_and_language(
    tmp_path: Path, builder: str, language: str
) -> None:
    app = build(tmp_path, builder, language)
    # Sphinx and docutils have no Maltese of their own (they say so); the extension is silent
    assert "cookies" not in app.warning.getvalue()
    assert_complete(page_text(app, builder), language)


def test_the_legal_fields_are_exported(tmp_path: Path) -> None:
    app = build_copy(
        "legal-policy", tmp_path, confoverrides={"cookies_export": True, "language": "fr"}
    )
    assert app.warning.getvalue() == ""
    exported = json.loads((Path(app.outdir) / "cookies.json").read_text(encoding="utf-8"))
    assert exported["updated"] == "2026-11-29"
    controller = exported["controller"]
    assert controller == {
        "name": "Example Shop Ltd",
        "email": "privacy@shop.example",
        "contact_url": "https://shop.example/contact",
        "address": "1 Harbour Street\nValletta VLT 1000",
        "country": "MT",
        "dpo": {"name": "Jane Borg", "email": "dpo@shop.example", "contact_url": None},
        "representative": {
            "name": "Example Representative GmbH",
            "email": "representative@representative.example",
            "contact_url": None,
            "address": "Musterstraße 1, 10115 Berlin",
        },
    }
    assert exported["consent_lifetime"] == {
        "kind": "period",
        "text": "6\u00a0mois",
        "iso": "P6M",
        "seconds": 6 * 30 * 86400,
    }
    assert exported["changes"] == [
        {"date": "2026-11-29", "description": "Added the audience measurement cookies."},
        {"date": "2026-01-15", "description": "First version."},
    ]
    assert [category["legal_basis"] for category in exported["categories"]] == [
        "exempt",
        "consent",
        "consent",
    ]
    analytics = exported["cookies"][1]["provider"]
    assert (analytics["country"], analytics["role"], analytics["transfer"]) == (
        "US",
        "processor",
        "dpf",
    )
    assert exported["cookies"][1]["data"] == "A random visitor id."

    config = json.loads((Path(app.outdir) / "cookieconsent-config.json").read_text("utf-8"))
    # legal_basis: exempt alone makes a category read-only in the banner
    assert config["categories"]["necessary"] == {"enabled": True, "readOnly": True}
    sections = config["language"]["translations"]["fr"]["preferencesModal"]["sections"]
    assert sections[-1] == {
        "title": "Responsable de vos données",
        "description": 'Example Shop Ltd<br><a href="mailto:privacy@shop.example">'
        'privacy@shop.example</a><br><a href="https://shop.example/contact">'
        "https://shop.example/contact</a>",
    }


def test_an_edited_controller_is_read_again(tmp_path: Path) -> None:
    """The page records the inventory it read, as cookie-table does: an edit rebuilds it."""
    app = build(tmp_path, "html", "en")
    inventory = Path(app.srcdir) / "cookies.yaml"
    inventory.write_text(
        inventory.read_text(encoding="utf-8").replace("Example Shop Ltd", "Renamed Shop plc"),
        encoding="utf-8",
    )
    again = build(tmp_path, "html", "en")
    html = (Path(again.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Renamed Shop plc" in html and "Example Shop Ltd" not in html
