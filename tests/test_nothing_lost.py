"""Nothing is lost from the policy: an entry with a problem is published with what can be shown,
in the page, in ``cookies.json`` and in the consent banner; only an entry with no usable name is
left out. The warnings stay as they were, located at their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import LocalizedText, parse_inventory
from sphinxcontrib_cookies.inventory.problems import MAX_PROBLEMS

from conftest import build_copy, strip_colors
from output import cookie_tables

HEAD = "categories:\n  site: {title: Site, description: Needed.}\ncookies:\n"


def entry(body: str) -> str:
    return HEAD + "  - {name: a, category: site, purpose: p, " + body + "}\n"


@pytest.mark.parametrize(
    ("body", "field", "kept"),
    [
        ("duration: 13 monts", "duration", LocalizedText.plain("13 monts")),
        ("party: frist", "party", "frist"),
        ("type: cookei", "type", "cookei"),
        ("domain: shop example", "domain", "shop example"),
        ("domain: 'a.example;max-age=1'", "domain", "a.example;max-age=1"),
    ],
)
def test_a_value_that_cannot_be_read_is_kept_as_written(
    body: str, field: str, kept: object
) -> None:
    inventory = parse_inventory(entry(body).encode(), "cookies.yaml")
    [problem] = inventory.problems
    assert problem.line == 4
    [cookie] = inventory.cookies
    assert getattr(cookie, field) == kept
    assert cookie.problem_fields == (field,)


def test_a_control_character_in_a_text_is_shown_as_its_escape() -> None:
    inventory = parse_inventory(entry('function: "a\\eb"').encode(), "cookies.yaml")
    [problem] = inventory.problems
    assert (problem.kind, problem.line) == ("value", 4)
    [cookie] = inventory.cookies
    assert cookie.function == LocalizedText.plain("a\\x1bb")


def test_an_address_that_is_refused_is_never_kept() -> None:
    text = HEAD.replace(
        "cookies:", "providers:\n  acme: {name: Acme, url: 'javascript:alert(1)'}\ncookies:"
    )
    inventory = parse_inventory(
        (text + "  - {name: a, category: site, purpose: p, provider: acme}\n").encode(), "c.yaml"
    )
    [cookie] = inventory.cookies
    assert cookie.provider is not None
    assert (cookie.provider.name.resolve(None), cookie.provider.link) == ("Acme", None)


def test_a_missing_field_is_empty_and_an_unknown_category_is_unclassified() -> None:
    inventory = parse_inventory(
        (HEAD + "  - {name: a, category: site}\n  - {name: b, category: sight, purpose: p}\n"
         "  - {name: c, purpose: p}\n").encode(),
        "cookies.yaml",
    )  # fmt: skip
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [
        (4, "missing-field"),
        (5, "reference"),
        (6, "missing-field"),
    ]
    a, b, c = inventory.cookies
    assert (a.purpose, a.problem_fields) == (None, ("purpose",))
    assert (b.category, b.problem_fields) == ("unclassified", ("category",))
    assert (c.category, c.problem_fields) == ("unclassified", ("category",))
    assert list(inventory.categories) == ["site", "unclassified"]
    unclassified = inventory.categories["unclassified"]
    assert (unclassified.title, unclassified.requires_consent, unclassified.line) == (None, None, 5)


def test_an_unknown_category_joins_a_declared_unclassified_one() -> None:
    text = HEAD.replace(
        "cookies:", "  unclassified: {title: Still to sort, description: D.}\ncookies:"
    )
    inventory = parse_inventory(
        (text + "  - {name: b, category: sight, purpose: p}\n").encode(), "c.yaml"
    )
    assert inventory.categories["unclassified"].title == LocalizedText.plain("Still to sort")
    assert [cookie.names for cookie in inventory.cookies_in("unclassified")] == [("b",)]


def test_only_an_entry_with_no_usable_name_is_left_out() -> None:
    inventory = parse_inventory(
        (HEAD + '  - {name: "", category: site, purpose: p}\n  - {category: site, purpose: p}\n'
         "  - [a, list]\n  - {name: ok, category: site, purpose: p}\n").encode(),
        "cookies.yaml",
    )  # fmt: skip
    assert [problem.kind for problem in inventory.problems] == [
        "missing-field",
        "missing-field",
        "structure",
    ]
    assert [cookie.names for cookie in inventory.cookies] == [("ok",)]


def test_entries_past_the_last_reported_problem_are_published_too() -> None:
    broken = "".join(
        f"  - {{name: c{i}, category: site, purpose: p, party: x}}\n"
        for i in range(MAX_PROBLEMS + 50)
    )
    inventory = parse_inventory((HEAD + broken).encode(), "many.yaml")
    assert len(inventory.problems) == MAX_PROBLEMS + 1
    assert len(inventory.cookies) == MAX_PROBLEMS + 50


# --- a real build: the page, cookies.json and the consent banner ---------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("nothing-lost", tmp_path_factory.mktemp("nothing-lost"))


def test_the_warnings_stay_located(built: SphinxTestApp) -> None:
    lines = strip_colors(built.warning.getvalue()).splitlines()
    located = [
        (line.split("cookies.yaml:")[1].split(":")[0], line.rsplit("[", 1)[1]) for line in lines
    ]
    assert located == [
        ("5", "cookies.value]"),
        ("11", "cookies.duration]"),
        ("13", "cookies.reference]"),
        ("15", "cookies.value]"),
        ("16", "cookies.value]"),
        ("17", "cookies.value]"),
        ("18", "cookies.missing-field]"),
        ("20", "cookies.missing-field]"),
        ("25", "cookies.value]"),
    ]


def test_the_page_shows_every_entry_with_a_name(built: SphinxTestApp) -> None:
    html = (Path(built.outdir) / "index.html").read_text(encoding="utf-8")
    necessary, statistics, unclassified = cookie_tables(html)
    assert necessary.names == [["sessionid"], ["csrftoken"]]
    assert necessary.column_texts("Duration") == ["13 monts", ""]
    assert necessary.column_texts("Purpose") == ["Keeps you signed in.", ""]
    assert statistics.names == [["visits"]]
    assert statistics.column_texts("Purpose") == ["Counts\\x07 visits."]
    assert unclassified.caption == "Unclassified cookies"
    [row] = unclassified.body
    assert row.texts == [
        "_pk_id.*",
        "Counts visits.",
        "",
        "frist",
        "cookei",
        "shop.example;max-age=31536000",
    ]


def test_cookies_json_lists_every_entry_with_its_problem_fields(built: SphinxTestApp) -> None:
    exported = json.loads((Path(built.outdir) / "cookies.json").read_text(encoding="utf-8"))
    cookies = {cookie["names"][0]: cookie for cookie in exported["cookies"]}
    assert list(cookies) == ["sessionid", "_pk_id.*", "csrftoken", "visits"]
    assert cookies["sessionid"]["duration"]["text"] == "13 monts"
    assert cookies["sessionid"]["problem_fields"] == ["duration"]
    assert cookies["_pk_id.*"]["category"] == "unclassified"
    assert cookies["_pk_id.*"]["problem_fields"] == ["category", "party", "type", "domain"]
    assert (cookies["csrftoken"]["purpose"], cookies["csrftoken"]["problem_fields"]) == (
        None,
        ["purpose"],
    )
    categories = {category["id"]: category for category in exported["categories"]}
    assert categories["unclassified"]["title"] == "Unclassified cookies"
    assert categories["necessary"]["requires_consent"] is None  # could not be read: asks


def test_the_banner_lists_and_erases_them_but_never_with_an_unread_domain(
    built: SphinxTestApp,
) -> None:
    config = json.loads(
        (Path(built.outdir) / "cookieconsent-config.json").read_text(encoding="utf-8")
    )
    categories = config["categories"]
    assert list(categories) == ["necessary", "statistics", "unclassified"]
    # The necessary category's consent could not be read: it asks, and erases.
    assert categories["unclassified"]["autoClear"]["cookies"] == [
        {
            "name": "_pk_id.*",
            "pattern": categories["unclassified"]["autoClear"]["cookies"][0]["pattern"],
        }
    ]
    sections = config["language"]["translations"]["en"]["preferencesModal"]["sections"]
    titles = [section["title"] for section in sections]
    assert titles[-1] == "Unclassified cookies"
    assert len(sections[-1]["cookieTable"]["body"]) == 1
