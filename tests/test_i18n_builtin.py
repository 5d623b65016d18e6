"""Built-in explanations: standard categories without title or description, what a cookie
is (``:intro:``) and first- and third-party cookies (``:parties:``)."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import STANDARD_CATEGORIES, parse_inventory

from i18n_pages import Block, page_blocks


def test_a_standard_category_may_leave_out_its_title_and_description() -> None:
    inventory = parse_inventory(
        b"categories:\n"
        b"  necessary:\n"
        b"  analytics: {requires_consent: true}\n"
        b"  extras: {requires_consent: true}\n"
        b"cookies: []\n",
        "cookies.yaml",
    )
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [
        (4, "missing-field"),
        (4, "missing-field"),
    ]
    assert "'title'" in inventory.problems[0].message + inventory.problems[1].message
    # 'extras' is kept all the same: its title shows its id.
    assert list(inventory.categories) == ["necessary", "analytics", "extras"]
    necessary, analytics, extras = inventory.categories.values()
    assert (extras.title, extras.description) == (None, None)
    assert (necessary.title, necessary.description, necessary.requires_consent) == (None,) * 3
    assert analytics.requires_consent is True


def test_the_standard_ids_include_the_common_synonyms() -> None:
    assert set(STANDARD_CATEGORIES) == {
        "necessary", "preferences", "statistics", "marketing", "unclassified",
        "functional", "analytics", "advertising",
    }  # fmt: skip


@pytest.fixture
def blocks(app: SphinxTestApp) -> list[Block]:
    app.build()
    return page_blocks((app.outdir / "index.html").read_text("utf-8"))


@pytest.mark.sphinx("html", testroot="i18n-builtin")
def test_built_in_titles_and_descriptions_fill_what_the_inventory_leaves_out(
    blocks: list[Block],
) -> None:
    explained = [block.text for block in blocks if block.place.startswith("cookie-types/")]
    assert explained[:5] == [
        "Necessary cookies",
        "These cookies are needed for the site to work. They carry your sign-in from page to "
        "page, protect forms against forgery and remember the choices you made about cookies. "
        "The site cannot work properly without them.",
        "Audience measurement",  # the inventory's title wins; the description is built in
        "These cookies count visits and record which pages are viewed and how visitors move "
        "between them. The figures show us what is useful, so that we can improve the site.",
        "Advertising cookies",  # the built-in title, the inventory's description
    ]
    assert explained[5:8] == ["We show no advertising.", "Extras", "Cookies of our own kind."]
    captions = [block.text for block in blocks if block.place == "caption"]
    assert captions == [
        "Necessary cookies",
        "Audience measurement",
        "Advertising cookies",
        "Extras",
    ]
    in_rows = [block.text for block in blocks if block.place == "cookie-category/p"]
    assert in_rows == captions


@pytest.mark.sphinx("html", testroot="i18n-builtin")
def test_intro_comes_first_and_parties_after_the_categories(blocks: list[Block]) -> None:
    places = [block.place for block in blocks]
    assert places[0] == "cookie-intro/p"
    assert blocks[0].text.startswith("A cookie is a small piece of data")
    parties = [block.text for block in blocks if block.place == "cookie-parties/dt"]
    assert parties == ["First-party cookies", "Third-party cookies"]
    first_table = places.index("caption")
    last_category = max(
        i for i, place in enumerate(places[:first_table]) if place.startswith("cookie-types/")
    )
    assert last_category < places.index("cookie-parties/dt") < first_table


@pytest.mark.sphinx("html", testroot="i18n-builtin", freshenv=True)
def test_a_flag_given_a_value_is_reported(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert ":intro: is a flag and takes no value; write it alone" in warnings
    assert "index.rst:14" in warnings  # the directive
    assert "[cookies.option]" in warnings
    assert warnings.count("WARNING") == 1


@pytest.mark.sphinx("latex", testroot="i18n-builtin")
def test_the_explanations_reach_latex(app: SphinxTestApp) -> None:
    app.build()
    latex = next(app.outdir.glob("*.tex")).read_text("utf-8")
    assert r"Third\sphinxhyphen{}party cookies" in latex
    assert "A cookie is a small piece of data" in latex
