"""``cookies_export``: HTML builds write cookies.json and the cookieconsent v3 configuration.

The configuration is checked against the shape cookieconsent v3 declares in its TypeScript
types (``types/index.d.ts`` of vanilla-cookieconsent 3.x), restated below.
"""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import strip_colors

#: interface name -> (required keys, optional keys), from cookieconsent v3's index.d.ts.
CONSENT_TYPES: dict[str, tuple[set[str], set[str]]] = {
    "CookieConsentConfig": (
        {"categories", "language"},
        {
            "root",
            "mode",
            "autoShow",
            "revision",
            "manageScriptTags",
            "autoClearCookies",
            "disablePageInteraction",
            "hideFromBots",
            "guiOptions",
            "lazyHtmlGeneration",
            "cookie",
        },
    ),
    "Category": (set(), {"enabled", "readOnly", "services", "autoClear"}),
    "AutoClear": ({"cookies"}, {"reloadPage"}),
    "CookieItem": ({"name"}, {"path", "domain"}),
    "Language": ({"default", "translations"}, {"rtl", "autoDetect"}),
    "Translation": ({"consentModal", "preferencesModal"}, set()),
    "ConsentModalOptions": (
        set(),
        {
            "label",
            "title",
            "description",
            "acceptAllBtn",
            "acceptNecessaryBtn",
            "showPreferencesBtn",
            "closeIconLabel",
            "revisionMessage",
            "footer",
        },
    ),
    "PreferencesModalOptions": (
        {"sections"},
        {
            "title",
            "acceptAllBtn",
            "acceptNecessaryBtn",
            "savePreferencesBtn",
            "closeIconLabel",
            "serviceCounterLabel",
        },
    ),
    "Section": (set(), {"title", "description", "linkedCategory", "cookieTable"}),
    "CookieTable": ({"headers", "body"}, {"caption"}),
}


def conforms(value: Any, interface: str) -> None:
    required, optional = CONSENT_TYPES[interface]
    assert isinstance(value, dict), interface
    assert required <= value.keys(), (interface, required - value.keys())
    assert value.keys() <= required | optional, (interface, value.keys() - required - optional)


def check_consent_config(config: dict[str, Any]) -> None:
    """The configuration as the script hands it to cookieconsent: patterns revived."""
    conforms(config, "CookieConsentConfig")
    assert config["categories"], "no category in the configuration"
    for category in config["categories"].values():
        conforms(category, "Category")
        if "autoClear" in category:
            conforms(category["autoClear"], "AutoClear")
            for item in category["autoClear"]["cookies"]:
                revived = {key: value for key, value in item.items() if key != "pattern"}
                conforms(revived, "CookieItem")
                assert isinstance(item["name"], str)
    for flag in ("enabled", "readOnly"):
        assert all(isinstance(c.get(flag, False), bool) for c in config["categories"].values())
    language = config["language"]
    conforms(language, "Language")
    assert language["default"] in language["translations"]
    tables = 0
    for translation in language["translations"].values():
        conforms(translation, "Translation")
        conforms(translation["consentModal"], "ConsentModalOptions")
        conforms(translation["preferencesModal"], "PreferencesModalOptions")
        assert translation["preferencesModal"]["sections"]
        for section in translation["preferencesModal"]["sections"]:
            conforms(section, "Section")
            assert (
                section.get("linkedCategory", next(iter(config["categories"])))
                in (config["categories"])
            )
            if "cookieTable" in section:
                table = section["cookieTable"]
                conforms(table, "CookieTable")
                tables += 1
                assert table["headers"] and table["body"]
                assert all(isinstance(label, str) for label in table["headers"].values())
                for row in table["body"]:
                    assert row.keys() == table["headers"].keys()
                    assert all(isinstance(cell, str) for cell in row.values())
    assert tables, "no cookie table in any translation"


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.sphinx("html", testroot="export")
def test_cookies_json(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert strip_colors(warning.getvalue()) == ""
    exported = read_json(app.outdir / "cookies.json")
    assert exported["format"] == 1
    assert exported["source"] == "cookies.yaml"
    assert exported["language"] == "en"
    assert [c["id"] for c in exported["categories"]] == [
        "necessary",
        "statistics",
        "unsure",
        "empty",
    ]
    assert [c["requires_consent"] for c in exported["categories"]] == [False, True, None, True]
    cookies = {cookie["names"][0]: cookie for cookie in exported["cookies"]}
    assert list(cookies) == ["sessionid", "_pk_id.*", "ab_test", "IDE", "prefs", "visit_started"]
    matomo = cookies["_pk_id.*"]
    assert matomo["names"] == ["_pk_id.*", "_pk_ses.*"]
    assert matomo["name_patterns"] == [r"^_pk_id\..*$", r"^_pk_ses\..*$"]
    assert matomo["duration"] == {
        "kind": "period",
        "text": "13 months",
        "iso": "P13M",
        "seconds": 13 * 30 * 86400,
    }
    assert matomo["provider"] == {
        "id": None,
        "name": "Matomo",
        "url": None,
        "privacy_policy": None,
        "country": None,
        "role": None,
        "transfer": None,
    }
    assert cookies["IDE"]["duration"]["iso"] == "P1Y6M"
    assert cookies["IDE"]["duration"]["text"] == "1 year, 6 months"
    assert cookies["visit_started"]["duration"]["iso"] == "PT30M"
    assert cookies["prefs"]["duration"] == {
        "kind": "text",
        "text": "until you clear them",
        "iso": None,
        "seconds": None,
    }
    assert cookies["prefs"]["type"] == "local-storage"
    assert cookies["sessionid"]["duration"]["kind"] == "session"
    assert cookies["sessionid"]["provider"]["name"] == "Example <Ltd>"  # data, not HTML
    assert cookies["sessionid"]["purpose"] == "Keeps you signed in. <script>alert(1)</script>"


@pytest.mark.sphinx("html", testroot="export")
def test_cookieconsent_config(app: SphinxTestApp) -> None:
    app.build()
    config = read_json(app.outdir / "cookieconsent-config.json")
    check_consent_config(config)
    assert config["categories"] == {
        "necessary": {"enabled": True, "readOnly": True},
        "statistics": {
            "autoClear": {
                "cookies": [
                    {"name": "_pk_id.*", "pattern": r"^_pk_id\..*$"},
                    {"name": "_pk_ses.*", "pattern": r"^_pk_ses\..*$"},
                    {"name": "ab_test", "domain": ".example.com"},
                    # IDE is third-party: the page cannot erase it.
                ]
            }
        },
        # No requires_consent: asked for, to be safe. Local storage is not cleared.
        "unsure": {"autoClear": {"cookies": [{"name": "visit_started"}]}},
        "empty": {},
    }
    (language,) = config["language"]["translations"]
    assert language == config["language"]["default"] == "en"
    sections = config["language"]["translations"]["en"]["preferencesModal"]["sections"]
    assert [s["linkedCategory"] for s in sections] == ["necessary", "statistics", "unsure", "empty"]
    necessary = sections[0]
    assert necessary["title"] == "Strictly necessary cookies"
    assert necessary["description"] == (
        "The site cannot work without these.<br><br>You cannot refuse them."
    )
    # The columns of conf.py's cookies_columns, with the table labels.
    assert necessary["cookieTable"]["headers"] == {
        "name": "Cookie name(s)",
        "provider": "Provider",
        "purpose": "Purpose",
        "duration": "Duration",
        "party": "Party",
    }
    # cookieconsent writes these into the page as HTML: escaped.
    assert necessary["cookieTable"]["body"] == [
        {
            "name": "sessionid",
            "provider": "Example &lt;Ltd&gt;",
            "purpose": "Keeps you signed in. &lt;script&gt;alert(1)&lt;/script&gt;",
            "duration": "Session",
            "party": "First party",
        }
    ]
    assert [row["name"] for row in sections[1]["cookieTable"]["body"]] == [
        "_pk_id.*, _pk_ses.*",
        "ab_test",
        "IDE",
    ]
    assert "cookieTable" not in sections[3]


@pytest.mark.sphinx("html", testroot="export")
def test_script_defines_the_configuration(app: SphinxTestApp) -> None:
    app.build()
    script = (app.outdir / "_static" / "cookieconsent-config.js").read_text(encoding="utf-8")
    match = re.search(r"^\}\)\((\{.*\})\);\n\Z", script, re.DOTALL | re.MULTILINE)
    assert match is not None
    assert "window.sphinxCookiesConsentConfig = (function (config) {" in script
    assert "<" not in match.group(1)  # escaped, so the script is safe to inline as well
    embedded = json.loads(match.group(1))
    assert embedded == read_json(app.outdir / "cookieconsent-config.json")


@pytest.mark.sphinx("html", testroot="export", srcdir="export-fr", confoverrides={"language": "fr"})
def test_export_in_the_build_language(app: SphinxTestApp) -> None:
    app.build()
    exported = read_json(app.outdir / "cookies.json")
    assert exported["language"] == "fr"
    assert exported["categories"][1]["title"] == "Mesure d'audience"
    matomo = exported["cookies"][1]
    assert matomo["purpose"] == "Distingue une visite d'une autre."
    assert matomo["duration"]["text"] == "13\xa0mois"  # Babel's words for the language
    config = read_json(app.outdir / "cookieconsent-config.json")
    assert config["language"]["default"] == "fr"
    french = config["language"]["translations"]["fr"]
    assert french["consentModal"]["acceptAllBtn"] == "Tout accepter"  # the extension's catalog
    assert french["preferencesModal"]["sections"][1]["title"] == "Mesure d&#x27;audience"


@pytest.mark.sphinx("text", testroot="export", srcdir="export-text")
def test_no_export_outside_html(app: SphinxTestApp) -> None:
    app.build()
    assert not (app.outdir / "cookies.json").exists()
    assert not (app.outdir / "cookieconsent-config.json").exists()


@pytest.mark.sphinx(
    "html", testroot="export", srcdir="export-off", confoverrides={"cookies_export": False}
)
def test_no_export_unless_asked(app: SphinxTestApp) -> None:
    app.build()
    assert not (app.outdir / "cookies.json").exists()
    assert not (app.outdir / "_static" / "cookieconsent-config.js").exists()


@pytest.mark.sphinx(
    "html", testroot="export", srcdir="export-absent", confoverrides={"cookies_file": "absent.yaml"}
)
def test_missing_inventory_is_reported(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    path = Path(app.srcdir) / "absent.yaml"
    assert (
        f"{path}:: WARNING: cookies_export is on, but the inventory (cookies_file) does not "
        "exist; nothing was exported [cookies.file]" in strip_colors(warning.getvalue())
    )
    assert not (app.outdir / "cookies.json").exists()


@pytest.mark.sphinx(
    "html",
    testroot="export",
    srcdir="export-standard",
    confoverrides={"cookies_file": "standard.yaml", "language": "de"},
)
def test_standard_categories_take_their_built_in_texts(app: SphinxTestApp) -> None:
    """What the policy page shows for a standard category, the exports show too."""
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    exported = read_json(app.outdir / "cookies.json")
    titles = [category["title"] for category in exported["categories"]]
    assert titles[0] != "necessary" and titles[1] != "statistics"
    for title in titles:
        assert title in page  # the words of the policy page's cookie-types list
    assert all(category["description"] for category in exported["categories"])
    config = read_json(app.outdir / "cookieconsent-config.json")
    sections = config["language"]["translations"]["de"]["preferencesModal"]["sections"]
    assert [section["title"] for section in sections] == titles
