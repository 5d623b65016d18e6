"""What each documented example must render, beyond building with exactly its warnings.

``CHECKS`` maps a snippet (``<group>/<name>`` under ``docs/snippets/``) to a check that reads the
built page; ``tests/test_docs_snippets.py`` runs it after building the snippet.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from output import Element, cookie_tables
from snippets import SNIPPETS, UPDATE, Built, all_names, cookie_types, role_links

Check = Callable[[Built, Callable[..., Built]], None]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


@check("quickstart/example")
def _quickstart(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    tables = cookie_tables(page)
    assert [table.caption for table in tables] == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    assert tables[0].headers == ["Cookie name(s)", "Provider", "Purpose", "Duration"]
    assert tables[0].column_texts("Duration") == ["Session", "1 year"]
    assert tables[1].names == [["_pk_id.*", "_pk_ses.*"]]
    assert tables[1].column_texts("Duration") == ["13 months"]
    assert (
        "These cookies do not require your consent."
        in cookie_types(page)["Strictly necessary cookies"]
    )
    assert role_links(page)["sessionid"] == f"#{tables[0].row_ids[0]}"


@check("format/top-level")
def _top_level(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.column_texts("Provider") == ["Example Shop"]
    assert table.links == [["https://shop.example/"]]


@check("format/categories")
def _categories(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    kinds = cookie_types(page)
    assert list(kinds) == [
        "Strictly necessary cookies",
        "Advertising cookies",
        "Preference cookies",
    ]
    necessary = page.find_all("dl", "cookie-types")[0].find_all("dd")[0].find_all("p")
    assert len(necessary) == 3  # two paragraphs of description, then the consent sentence
    assert kinds["Advertising cookies"].endswith("These cookies are set only with your consent.")
    assert "consent" not in kinds["Preference cookies"]
    # a category without cookies is explained, but gets no table
    assert [table.caption for table in cookie_tables(page)] == ["Strictly necessary cookies"]


@check("format/providers")
def _providers(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.column_texts("Provider") == [
        "Example Analytics Ltd",
        "Example Video",
        "Heatmaps & Co",
    ]
    assert table.links == [
        ["https://analytics.example/privacy"],
        ["https://video.example/"],
        [],
    ]


@check("format/cookies")
def _cookies(built: Built, rebuild: Callable[..., Built]) -> None:
    source = built.source
    (source / "index.rst").write_text(
        "Policy\n======\n\n.. cookie-table::\n"
        "   :columns: name, provider, function, purpose, duration, party, type, domain\n"
        "   :group-by: none\n",
        encoding="utf-8",
    )
    (table,) = cookie_tables(rebuild(source).page())
    assert table.names == [["sessionid"], ["_ga", "_ga_*"], ["basket_backup"]]
    assert table.column_texts("Type") == ["Cookie", "Cookie", "Local storage"]
    assert table.column_texts("Party") == ["First party", "Third party", "First party"]
    assert table.column_texts("Domain") == ["shop.example", ".shop.example", ""]
    assert table.column_texts("Duration") == ["Session", "2 years", "Persistent"]
    assert table.column_texts("Function")[0] == "Sign-in (shop and back office)"


@check("format/text")
def _text(built: Built, rebuild: Callable[..., Built]) -> None:
    def shown(language: str | None) -> tuple[str, str]:
        page = (rebuild(built.source, language=language) if language else built).page()
        (table,) = cookie_tables(page)
        return table.caption, table.rows[0][2]  # default columns: name, provider, purpose...

    assert shown(None) == ("Strictly necessary cookies", "Remembers the language you picked.")
    assert shown("fr") == (
        "Cookies strictement nécessaires",
        "Mémorise la langue que vous avez choisie.",
    )
    assert shown("fr_CA") == (
        "Cookies strictement nécessaires",  # no fr_CA title: the base language's
        "Retient la langue que vous avez choisie.",
    )
    assert shown("de")[1] == "Remembers the language you picked."  # no German: English


@check("format/durations")
def _durations(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    shown = dict(zip(all_names([table]), table.column_texts("Duration"), strict=True))
    assert shown == {
        "until_closed": "Session",
        "no_end": "Persistent",
        "iso_months": "13 months",
        "iso_mixed": "1 year, 6 months",
        "iso_time": "1 day, 12 hours",
        "iso_minutes": "30 minutes",
        "in_seconds": "1 day",
        "odd_seconds": "1 day, 1 hour, 1 minute, 1 second",
        "in_words": "13 months",
        "singular": "1 year",
        "any_case": "2 weeks",
        "as_text": "until you sign out",
    }
    french = cookie_tables(rebuild(built.source, language="fr").page())[0]
    assert french.rows[2][-1] == "13 mois"  # the duration column, whatever its label


@check("format/scalars")
def _scalars(built: Built, rebuild: Callable[..., Built]) -> None:
    assert all_names(cookie_tables(built.page())) == ["on", "no", "2024-01-01", "1:30"]


@check("directives/cookie-table")
def _cookie_table(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    first, second, advertising = cookie_tables(page)
    assert [first.caption, second.caption] == [
        "Audience measurement cookies",
        "Strictly necessary cookies",
    ]
    assert first.headers == ["Cookie name(s)", "Purpose", "Duration", "Party"]
    assert "compact" in first.classes and "compact" in second.classes
    assert first.id == "main-cookies" and second.id != "main-cookies"
    assert role_links(page) == {} and "#main-cookies" in {
        link.attrs.get("href") for link in page.find_all("a")
    }
    assert advertising.caption == ""
    assert advertising.headers == ["Cookie name(s)", "Provider", "Purpose"]
    assert advertising.names == [["ad_profile"]]


@check("directives/cookie-types")
def _cookie_types(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    assert list(cookie_types(page)) == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    (listing,) = page.find_all("dl", "cookie-types")
    assert listing.attrs.get("id") == "kinds-of-cookies"


@check("directives/role")
def _role(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    necessary, statistics = cookie_tables(page)
    links = role_links(page)
    assert links["sessionid"] == f"#{necessary.row_ids[0]}"
    assert links["_ga_2XK4LQ"] == f"#{statistics.row_ids[0]}"  # matched by the wildcard
    assert links["the visit counter"] == f"#{statistics.row_ids[0]}"


@check("directives/path-argument")
def _path_argument(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    assert list(cookie_types(page)) == ["Strictly necessary cookies"]
    assert all_names(cookie_tables(page)) == ["sessionid"]


@check("directives/myst")
def _myst(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    (table,) = cookie_tables(page)
    assert table.headers == ["Cookie name(s)", "Purpose"]
    assert len(cookie_types(page)) == 2
    assert role_links(page)["_ga"] == f"#{table.row_ids[0]}"


@check("config/cookies-file")
def _cookies_file(built: Built, rebuild: Callable[..., Built]) -> None:
    assert all_names(cookie_tables(built.page())) == ["sessionid"]


@check("config/columns")
def _columns(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.headers == ["Cookie name(s)", "Purpose", "Duration", "Party"]


@check("config/column-labels")
def _column_labels(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.headers == [
        "Service provider\u2019s name",  # Sphinx's smart quotes apply to labels too
        "Function and location",
        "Cookie name(s)",
        "Purposes",
    ]


@check("format/standard-categories")
def _standard_categories(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    kinds = cookie_types(page)
    # built-in titles where the inventory gives none; the inventory's own title wins
    assert list(kinds) == ["Necessary cookies", "Visit counting", "Unclassified cookies"]
    assert all(len(text) > 40 for text in kinds.values())  # a built-in description each
    assert [table.caption for table in cookie_tables(page)] == [
        "Necessary cookies",
        "Visit counting",
    ]


@check("translation/language")
def _language(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    english = ["Cookie name(s)", "Provider", "Purpose", "Duration"]
    assert len(table.headers) == 4
    assert not set(table.headers) & set(english[1:])  # the extension's words, in German
    assert table.rows[1][-1] == "13 Monate"


@check("translation/explanations")
def _explanations(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    (intro,) = page.find_all("p", "cookie-intro")
    assert "cookie" in intro.text.lower()
    (parties,) = page.find_all("dl", "cookie-parties")
    assert [term.text.replace("¶", "").strip() for term in parties.find_all("dt")] == [
        "First-party cookies",
        "Third-party cookies",
    ]


@check("export/turn-on")
def _export_turn_on(built: Built, rebuild: Callable[..., Built]) -> None:
    """The build writes the three files, and cookies.json is the one the guide shows."""
    assert (built.outdir / "cookieconsent-config.json").is_file()
    assert (built.outdir / "_static" / "cookieconsent-config.js").is_file()
    written = json.loads((built.outdir / "cookies.json").read_text(encoding="utf-8"))
    shown_file = SNIPPETS / "export" / "turn-on" / "built" / "cookies.json"
    if UPDATE:
        shown_file.write_text(json.dumps(written, ensure_ascii=False, indent=2) + "\n")
    shown = json.loads(shown_file.read_text(encoding="utf-8"))
    assert shown.pop("generator").startswith("sphinxcontrib-cookies ")
    assert written.pop("generator").startswith("sphinxcontrib-cookies ")
    assert written == shown


def _scripts(page: Element) -> list[str]:
    return [
        script.attrs["src"].split("?")[0]
        for script in page.find_all("script")
        if "src" in script.attrs
    ]


@check("export/banner")
@check("export/banner-options")
def _export_banner(built: Built, rebuild: Callable[..., Built]) -> None:
    """The page loads cookieconsent, then the generated configuration, then the start-up script."""
    scripts = _scripts(built.page())
    loaded = [
        scripts.index(f"_static/{name}")
        for name in ("cookieconsent.umd.js", "cookieconsent-config.js", "consent.js")
    ]
    assert loaded == sorted(loaded)
    generated = (built.outdir / "_static" / "cookieconsent-config.js").read_text(encoding="utf-8")
    assert "window.sphinxCookiesConsentConfig" in generated
    assert "sphinxCookiesConsentConfig" in (built.outdir / "_static" / "consent.js").read_text(
        encoding="utf-8"
    )


@check("warnings/silence")
def _silence(built: Built, rebuild: Callable[..., Built]) -> None:
    """Silencing hides the warning; the entry with the problem is still left out."""
    assert all_names(cookie_tables(built.page())) == ["sessionid"]


def _text(element: Element) -> str:
    return " ".join(element.text.split())


@check("legal/policy")
def _legal_policy(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    headings = [_text(heading).rstrip("¶").strip() for heading in page.find_all("h2")]
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
    (providers,) = page.find_all("table", "cookie-providers")
    assert "Example Analytics Inc. United States Processor EU-US Data Privacy Framework" in (
        _text(providers)
    )
    (authority,) = page.find_all("p", "cookie-authority")
    assert _text(authority) == (
        "Our supervisory authority: Information and Data Protection Commissioner."
    )


@check("legal/parts")
def _legal_parts(built: Built, rebuild: Callable[..., Built]) -> None:
    """The reference page's shape: what a cookie is, the kinds of cookies, the tables."""
    page = built.page()
    headings = [_text(heading).rstrip("¶").strip() for heading in page.find_all("h2")]
    assert headings == ["What is a cookie?", "The kinds of cookies we use", "The cookies we use"]
    (table,) = cookie_tables(page)
    assert table.headers == ["Provider", "Function", "Cookie name(s)", "Purpose"]
    assert (
        "These cookies do not require your consent."
        in cookie_types(page)["Cookies the platform needs to work"]
    )


@check("legal/authority")
def _legal_authority(built: Built, rebuild: Callable[..., Built]) -> None:
    (authority,) = built.page().find_all("p", "cookie-authority")
    assert _text(authority) == (
        "Our supervisory authority: Berliner Beauftragte für Datenschutz und Informationsfreiheit."
    )
    assert authority.find_all("a")[0].attrs["href"] == "https://www.datenschutz-berlin.de/"


@check("legal/changes")
def _legal_changes(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    (updated,) = page.find_all("p", "cookie-last-updated")
    assert _text(updated) == "Last updated: November 29, 2026."
    (listing,) = page.find_all("dl", "cookie-changes")
    assert [_text(term) for term in listing.find_all("dt")] == [
        "November 29, 2026",
        "January 15, 2026",
    ]
