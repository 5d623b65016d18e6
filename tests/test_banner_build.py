"""``cookies_banner``: what the build writes for the consent banner, read from real builds of
``tests/roots/test-banner`` (a policy page, a page with a held video, a held analytics script
given three ways). What a browser makes of it is in ``test_banner_browser.py``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.export.banner import consent_revision
from sphinxcontrib_cookies.inventory import parse_inventory

from conftest import ROOTS, build_copy, strip_colors
from output import Element, consent_config, parse_html

BANNER_ROOT = ROOTS / "test-banner"
SHIPPED = ("cookieconsent.umd.js", "cookieconsent.css", "cookies-banner.js", "cookies-banner.css")


def page(app: SphinxTestApp, name: str) -> Element:
    return parse_html((Path(app.outdir) / name).read_text(encoding="utf-8"))


def banner_config(outdir: Path) -> dict[str, Any]:
    """The configuration in the script the pages load."""
    script = (outdir / "_static" / "cookieconsent-config.js").read_text(encoding="utf-8")
    return consent_config(script)


def head_scripts(root: Element) -> list[dict[str, str]]:
    (head,) = root.find_all("head")
    return [script.attrs | {"body": script.raw_text} for script in head.find_all("script")]


@pytest.mark.sphinx("html", testroot="banner")
def test_every_page_loads_the_banner_before_the_project_scripts(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert strip_colors(warning.getvalue()) == ""
    for name in ("index.html", "policy.html", "video.html", "genindex.html", "search.html"):
        scripts = head_scripts(page(app, name))
        sources = [script.get("src", "").split("?")[0] for script in scripts]
        ours = ["cookieconsent.umd.js", "cookieconsent-config.js", "cookies-banner.js"]
        assert sources[:3] == [f"_static/{script}" for script in ours], name
        # Each of them carries its checksum, on this clean build too.
        assert all(re.search(r"\?v=[0-9a-f]{8}$", script["src"]) for script in scripts[:3])
        (head,) = page(app, name).find_all("head")
        links = [link.attrs["href"] for link in head.find_all("link") if link.attrs.get("href")]
        assert any(re.fullmatch(r"_static/cookieconsent\.css\?v=[0-9a-f]{8}", h) for h in links)
    for shipped in (*SHIPPED, "cookieconsent.LICENSE"):
        assert (Path(app.outdir) / "_static" / shipped).is_file()


@pytest.mark.sphinx("html", testroot="banner")
def test_the_scripts_of_a_category_wait_for_its_consent(app: SphinxTestApp) -> None:
    app.build()
    held = [
        script
        for script in head_scripts(page(app, "index.html"))
        if script.get("data-category") is not None
    ]
    unversioned = [re.sub(r"\?v=[0-9a-f]{8}$", "", s.get("src", "")) for s in held]
    assert [(src, s["body"], s["type"]) for src, s in zip(unversioned, held, strict=True)] == [
        ("https://www.googletagmanager.com/gtag/js?id=G-TEST", "", "text/plain"),
        ("", "gtag('js', new Date()); gtag('config', 'G-TEST');", "text/plain"),
        ("_static/stats.js", "", "text/plain"),
    ]
    assert {script["data-category"] for script in held} == {"statistics"}
    assert held[0]["async"] == "async"  # the project's own attributes are kept


@pytest.mark.sphinx("html", testroot="banner")
def test_the_configuration_comes_from_the_inventory(app: SphinxTestApp) -> None:
    app.build()
    config = banner_config(Path(app.outdir))
    inventory = parse_inventory((BANNER_ROOT / "cookies.yaml").read_bytes(), "cookies.yaml")
    assert config["revision"] == consent_revision(inventory)
    assert config["language"]["autoDetect"] == "document"
    statistics = config["categories"]["statistics"]
    assert statistics["services"] == {"google": {"label": "Google Analytics"}}
    # Its scripts ran: a page reload is the only way to stop them when it is withdrawn.
    assert statistics["autoClear"]["reloadPage"] is True
    assert [item["name"] for item in statistics["autoClear"]["cookies"]] == [
        "_ga",
        "_ga_*",
        "stats_visit",
    ]
    # Marketing has only third-party cookies, which a page cannot erase: it is listed all the
    # same, with its provider, so that a visitor can refuse the video site.
    assert config["categories"]["marketing"] == {"services": {"youtube": {"label": "YouTube"}}}
    assert config["sphinxCookies"] == {
        "policyUri": "policy.html",
        "consentMode": {
            "statistics": ["analytics_storage"],
            "marketing": ["ad_storage", "ad_user_data", "ad_personalization"],
        },
        "consentModeDefaults": [
            "ad_personalization",
            "ad_storage",
            "ad_user_data",
            "analytics_storage",
        ],
    }
    modal = config["language"]["translations"]["en"]["consentModal"]
    assert (
        '<a class="cc__link" href="policy.html">Read our cookie policy</a>'
        in (modal["description"])
    )
    assert modal["revisionMessage"].startswith("<br><br>The cookies this site uses have changed")


@pytest.mark.parametrize(
    ("builder", "uri"),
    [("dirhtml", "policy/"), ("singlehtml", "index.html#document-policy")],
)
def test_the_policy_link_follows_the_builder(tmp_path: Path, builder: str, uri: str) -> None:
    app = build_copy("banner", tmp_path, builder)
    assert strip_colors(app.warning.getvalue()) == ""
    assert banner_config(Path(app.outdir))["sphinxCookies"]["policyUri"] == uri


@pytest.mark.sphinx("html", testroot="banner", confoverrides={"cookies_policy_page": "video"})
def test_the_policy_page_can_be_named(app: SphinxTestApp) -> None:
    app.build()
    assert banner_config(Path(app.outdir))["sphinxCookies"]["policyUri"] == "video.html"


@pytest.mark.sphinx("html", testroot="banner", srcdir="banner-fr", confoverrides={"language": "fr"})
def test_the_banner_speaks_the_build_language(app: SphinxTestApp) -> None:
    app.build()
    config = banner_config(Path(app.outdir))
    assert config["language"]["default"] == "fr"
    (french,) = config["language"]["translations"].values()
    assert french["consentModal"]["title"] == "Ce site utilise des cookies"
    assert "Lire notre politique en matière de cookies" in french["consentModal"]["description"]
    sections = french["preferencesModal"]["sections"]
    assert sections[1]["title"] == "Mesure d&#x27;audience"  # the inventory's own French
    button = page(app, "policy.html").find_all("button", "cookie-preferences-button")
    assert [b.text for b in button] == ["Modifier mes choix en matière de cookies"]


@pytest.mark.sphinx("html", testroot="banner")
def test_the_policy_page_has_the_button_and_the_choices(app: SphinxTestApp) -> None:
    app.build()
    root = page(app, "policy.html")
    (preferences,) = root.find_all("div", "cookie-preferences")
    (button,) = preferences.find_all("button")
    assert button.attrs["data-cc"] == "show-preferencesModal"
    assert button.text == "Change my cookie choices"
    (noscript,) = preferences.find_all("noscript")
    assert "delete this site's cookies in your browser's settings" in noscript.text
    choices = root.find_all("p", "cookie-choice")
    # After the table of each category that needs consent; hidden until the banner runs.
    assert [choice.attrs["data-cookie-category"] for choice in choices] == [
        "statistics",
        "marketing",
    ]
    assert all("hidden" in choice.attrs for choice in choices)
    for choice in choices:
        siblings = [c for c in choice.parent.children if isinstance(c, Element)]
        assert siblings[siblings.index(choice) - 1].tag == "table"


@pytest.mark.sphinx("html", testroot="banner")
def test_an_embed_waits_for_its_consent(app: SphinxTestApp) -> None:
    app.build()
    (embed,) = page(app, "video.html").find_all("div", "cookie-embed")
    assert embed.attrs["data-cookie-category"] == "marketing"
    assert embed.attrs["data-cookie-service"] == "youtube"
    (template,) = embed.find_all("template")
    (iframe,) = template.find_all("iframe")
    assert iframe.attrs["src"] == "https://www.youtube-nocookie.com/embed/TEST"
    assert iframe.attrs["title"] == "Our product in two minutes"
    assert not [
        i for i in embed.find_all("iframe") if i.parent is not None and i.parent is not template
    ]
    (placeholder,) = embed.find_all("div", "cookie-embed-placeholder")
    assert placeholder.text.startswith(
        "This content from YouTube is hidden until you accept the cookies it sets: "
        "Marketing cookies."
    )
    (link,) = placeholder.find_all("a")
    assert link.attrs["href"] == iframe.attrs["src"]
    (button,) = placeholder.find_all("button")
    assert button.attrs["data-cc"] == "show-preferencesModal"


def test_other_builders_get_a_sentence_and_a_link(tmp_path: Path) -> None:
    app = build_copy("banner", tmp_path, "text")
    policy = " ".join((Path(app.outdir) / "policy.txt").read_text(encoding="utf-8").split())
    assert "use the “Change my cookie choices” button on this page of the website" in policy
    assert "Your choice" not in policy
    video = "".join((Path(app.outdir) / "video.txt").read_text(encoding="utf-8").split())
    # (the text builder may break the address at its hyphen)
    expected = (
        "Our product in two minutes. Content from YouTube: "
        "https://www.youtube-nocookie.com/embed/TEST"
    )
    assert "".join(expected.split()) in video


def test_an_ebook_gets_no_banner(tmp_path: Path) -> None:
    app = build_copy("banner", tmp_path, "epub")
    text = (Path(app.outdir) / "video.xhtml").read_text(encoding="utf-8")
    assert "cookieconsent" not in text and "<template>" not in text
    assert 'href="https://www.youtube-nocookie.com/embed/TEST"' in text
    assert not (Path(app.outdir) / "_static" / "cookieconsent-config.js").exists()


def test_with_the_banner_off_nothing_of_it_is_written(tmp_path: Path) -> None:
    app = build_copy("banner", tmp_path, confoverrides={"cookies_banner": False})
    outdir = Path(app.outdir)
    for name in ("index.html", "policy.html", "video.html"):
        text = (outdir / name).read_text(encoding="utf-8")
        assert "cookieconsent" not in text and "data-category" not in text
        assert "cookie-choice" not in text and "<template>" not in text
    assert not any((outdir / "_static" / name).exists() for name in SHIPPED)
    assert not (outdir / "_static" / "cookieconsent-config.js").exists()
    assert strip_colors(app.warning.getvalue()).splitlines() == [
        f"{app.srcdir / 'video.rst'}:4: WARNING: cookie-embed shows only a link to the content "
        "while cookies_banner is off; turn the banner on to show the content once the visitor "
        "accepts its cookies [cookies.banner]"
    ]


#: The parts of conf.py and of the pages that are wrong in ``test_problems_are_warnings``.
BROKEN_CONF = """
cookies_scripts = {
    "statistics": ["missing.js"],
    "statistcs": ["https://example.com/a.js"],
}
cookies_policy_page = "privacy"
"""
BROKEN_EMBEDS = """

.. cookie-embed:: https://www.youtube-nocookie.com/embed/TWO
   :category: marketting

.. cookie-embed:: https://www.youtube-nocookie.com/embed/THREE
   :category: statistics
   :provider: youtube

.. cookie-embed:: javascript:alert(1)
   :category: marketing
"""


def test_problems_are_warnings(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(BANNER_ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(BROKEN_CONF)
    with (source / "video.rst").open("a", encoding="utf-8") as video:
        video.write(BROKEN_EMBEDS)
    app = build_copy("banner", tmp_path)
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    conf = f"{source / 'conf.py'}:"
    video = source / "video.rst"
    assert warnings == [
        f"{video}:10: WARNING: category 'marketting' in :category: is not in the inventory; its "
        "categories are: necessary, statistics, marketing [cookies.option]",
        f"{video}:13: WARNING: provider 'youtube' has no cookie in category 'statistics', so the "
        "banner does not list it there; declare its cookies in that category [cookies.option]",
        f"{video}:17: WARNING: cookie-embed needs the full http:// or https:// address of the "
        "content, not 'javascript:alert(1)' [cookies.option]",
        f"{conf}: WARNING: cookies_policy_page is 'privacy', which is not a document of the "
        "project; the banner links to no policy page. Name a document, such as 'cookies' "
        "[cookies.banner]",
        f"{conf}: WARNING: cookies_scripts holds scripts for 'statistcs', which the inventory "
        "does not declare, so they never run; its categories are: necessary, statistics, "
        "marketing [cookies.banner]",
        f"{conf}: WARNING: cookies_scripts names 'missing.js', which is in no folder of "
        "html_static_path; put it there, or give its full URL [cookies.banner]",
    ]
    (_, two, three) = page(app, "video.html").find_all("div", "cookie-embed")
    assert "data-cookie-category" not in two.attrs  # no category: only the link
    assert "data-cookie-service" not in three.attrs  # shown with statistics alone


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("gtag.js", "must be a dict of category id to a list of scripts"),
        (
            {"statistics": "gtag.js"},
            "must be a dict of category id to a list of scripts; 'statistics' is not",
        ),
        (
            {"statistics": [{"src": "a.js"}]},
            "has, for category 'statistics', a dict without 'body', the inline script",
        ),
        (
            {"statistics": [{"body": "x = '</script>'"}]},
            "has, for category 'statistics', an "
            "inline script containing '</script', which would end it early",
        ),
        (
            {"statistics": [("a.js", {"async": True})]},
            "has, for category 'statistics', an attribute 'async' that is not text",
        ),
        (
            {"statistics": [3]},
            "has, for category 'statistics', 3, which is neither a file "
            "name or URL, a (name, attributes) pair, nor a dict with 'body'",
        ),
    ],
)
def test_a_bad_cookies_scripts_warns_and_holds_nothing(
    tmp_path: Path, value: object, problem: str
) -> None:
    source = tmp_path / "src"
    shutil.copytree(BANNER_ROOT, source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"cookies_scripts = {value!r}\n")
    app = build_copy("banner", tmp_path)
    assert f"WARNING: cookies_scripts {problem}; using the default {{}} [cookies.config]" in (
        strip_colors(app.warning.getvalue())
    )
    text = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'data-category="statistics"' not in text


@pytest.mark.slow  # two sphinx-build processes
def test_an_edited_inventory_rewrites_every_page_with_the_new_checksum(tmp_path: Path) -> None:
    """Sphinx puts a file's checksum in the page that loads it; a page the edit did not touch
    (the index) must be written again, or it would load the new file under the old URL."""
    source = tmp_path / "src"
    shutil.copytree(BANNER_ROOT, source)
    outdir = tmp_path / "html"

    def build() -> dict[str, str]:
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(outdir)],
            check=True,
            capture_output=True,
        )
        found = {}
        for name in ("index.html", "policy.html", "video.html", "search.html"):
            text = (outdir / name).read_text(encoding="utf-8")
            match = re.search(r"cookieconsent-config\.js\?v=([0-9a-f]{8})", text)
            assert match is not None, name
            found[name] = match.group(1)
        return found

    first = build()
    assert len(set(first.values())) == 1
    inventory = source / "cookies.yaml"
    inventory.write_text(
        inventory.read_text(encoding="utf-8") + "  - name: _clck\n    category: statistics\n"
        "    purpose: Counts clicks.\n",
        encoding="utf-8",
    )
    second = build()
    assert len(set(second.values())) == 1
    assert set(second.values()) != set(first.values())
    assert build() == second  # nothing changed: nothing to rewrite, same checksum
