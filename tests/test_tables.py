"""cookie-table, cookie-types and :cookie: in HTML, read back from the built pages."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from output import cookie_tables, parse_html, read_html


def page(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def basic(basic_html: SphinxTestApp) -> SphinxTestApp:
    return basic_html


def test_builds_without_warnings(basic: SphinxTestApp) -> None:
    assert basic.statuscode == 0
    assert basic.warning.getvalue() == ""


def test_one_table_per_category_with_cookies_captioned_by_title(basic: SphinxTestApp) -> None:
    # Every table on the page, not only those with the class: the root has three categories,
    # one of them ("empty") without cookies, so one directive renders exactly two tables.
    tables = read_html(page(basic, "policy")).tables
    assert [table.caption for table in tables] == ["Necessary cookies", "Statistics cookies"]
    assert ["cookie-table" in table.classes for table in tables] == [True, True]


def test_default_columns_and_labels(basic: SphinxTestApp) -> None:
    (necessary, _) = cookie_tables(page(basic, "policy"))
    assert necessary.headers == ["Cookie name(s)", "Provider", "Purpose", "Duration"]


def test_names_are_literal_and_keep_their_yaml_text(basic: SphinxTestApp) -> None:
    necessary, statistics = cookie_tables(page(basic, "policy"))
    names = [cell.codes for cell in necessary.column("Cookie name(s)")]
    assert names == [["sessionid"], ["on"], ["2024-01-01"], ["no"]]
    assert next(cell.codes for cell in statistics.column("Cookie name(s)")) == [
        "_vc_id",
        "_vc_ses_*",
    ]


def test_one_row_per_entry_and_one_cell_per_column(basic: SphinxTestApp) -> None:
    tables = cookie_tables(page(basic, "options"))
    assert tables and all(table.headers and table.body for table in tables)
    for table in tables:
        assert [len(row.cells) for row in table.body] == [len(table.headers)] * len(table.body)
    necessary, statistics = cookie_tables(page(basic, "policy"))
    assert (len(necessary.body), len(statistics.body)) == (4, 2)


def test_provider_links_to_privacy_policy_else_url_else_plain(basic: SphinxTestApp) -> None:
    necessary, statistics = cookie_tables(page(basic, "policy"))
    providers = necessary.column("Provider")
    assert providers[0].text == "Harbour Portal"
    assert providers[0].links == ["https://portal.example/privacy"]
    assert providers[1].text == "A provider named in place" and providers[1].links == []
    assert statistics.column("Provider")[0].links == ["https://counter.example/"]


def test_durations_in_words(basic: SphinxTestApp) -> None:
    necessary, statistics = cookie_tables(page(basic, "policy"))
    assert [cell.text for cell in necessary.column("Duration")] == [
        "Session",
        "1 day",
        "1 day",
        "30 minutes",
    ]
    assert [cell.text for cell in statistics.column("Duration")] == [
        "13 months",
        "1 year, 6 months",
    ]


def test_yaml_text_is_escaped(basic: SphinxTestApp) -> None:
    html = page(basic, "policy")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    purpose = cookie_tables(html)[0].column("Purpose")[0].text
    assert purpose == "Keeps you signed in <script>alert(1)</script>"


def test_rows_have_ids(basic: SphinxTestApp) -> None:
    necessary, statistics = cookie_tables(page(basic, "policy"))
    assert [row.id for row in necessary.body] == [
        "cookie-sessionid",
        "cookie-on",
        "cookie-2024-01-01",
        "cookie-no",
    ]
    assert statistics.body[0].id == "cookie-vc-id"


def test_empty_category_is_left_out(basic: SphinxTestApp) -> None:
    assert "Unused category" not in [
        table.caption for table in cookie_tables(page(basic, "policy"))
    ]


def test_categories_option_filters_and_orders(basic: SphinxTestApp) -> None:
    tables = cookie_tables(page(basic, "options"))
    assert [table.caption for table in tables[:2]] == ["Statistics cookies", "Necessary cookies"]


def test_columns_option_shows_every_column(basic: SphinxTestApp) -> None:
    statistics = cookie_tables(page(basic, "options"))[0]
    assert statistics.headers == [
        "Provider",
        "Cookie name(s)",
        "Function",
        "Purpose",
        "Duration",
        "Party",
        "Type",
        "Domain",
        "Category",
    ]
    first = statistics.body[0].texts
    assert first[5:9] == ["Third party", "Local storage", "", "Statistics cookies"]
    necessary = cookie_tables(page(basic, "options"))[1]
    assert necessary.body[0].texts[2] == "Sign-in (front and back office)"
    assert necessary.body[0].texts[5:8] == ["First party", "Cookie", "portal.example"]


def test_group_by_none_gives_one_table_with_class_and_name(basic: SphinxTestApp) -> None:
    html = page(basic, "options")
    single = cookie_tables(html)[2]
    assert single.caption == ""
    assert {"compact", "wide"} <= set(single.classes)
    assert len(single.body) == 6
    assert single.headers == ["Cookie name(s)", "Category"]
    assert "#all-cookies" in read_html(html).links


def test_row_ids_stay_unique_on_a_page_with_several_tables(basic: SphinxTestApp) -> None:
    ids = read_html(page(basic, "options")).ids
    assert len(ids) == len(set(ids))
    assert "cookie-sessionid" in ids and "cookie-sessionid-2" in ids


def test_cookie_types_lists_title_description_and_consent(basic: SphinxTestApp) -> None:
    html = page(basic, "policy")
    assert '<dl class="cookie-types' in html
    assert "They keep the site running." in html and "A second paragraph." in html
    assert "These cookies do not require your consent." in html
    assert "These cookies are set only with your consent." in html
    filtered = page(basic, "options")
    assert "They count visits" in filtered and "They keep the site running." not in filtered


def test_role_links_to_the_row_on_the_page_that_renders_it(basic: SphinxTestApp) -> None:
    links = read_html(page(basic, "roles")).links
    assert "options.html#cookie-sessionid" in links
    assert "options.html#cookie-vc-id" in links  # _vc_ses_42 matches the pattern _vc_ses_*
    assert "options.html#cookie-on" in links
    html = page(basic, "roles")
    assert '<code class="xref cookies cookies-cookie docutils literal notranslate">' in html


def test_paths_relative_to_document_and_source_directory(basic: SphinxTestApp) -> None:
    relative, absolute = cookie_tables(page(basic, "sub/page"))
    assert relative.caption == absolute.caption == "Other inventory"
    assert relative.column("Cookie name(s)")[0].codes == ["other_cookie"]
    assert absolute.headers == ["Cookie name(s)", "Duration"]
    assert absolute.body[0].texts == ["other_cookie", "30 days"]


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    confoverrides={
        "language": "fr",
        "cookies_columns": ["name", "purpose"],
        "cookies_column_labels": {"name": "Nom du cookie", "purpose": "Finalité"},
    },
)
def test_language_and_configured_columns_and_labels(app: SphinxTestApp) -> None:
    app.build()
    _, statistics = cookie_tables(page(app, "policy"))
    assert statistics.caption == "Cookies statistiques"
    assert statistics.headers == ["Nom du cookie", "Finalité"]
    assert statistics.body[0].texts[1] == "Distingue les visites"
    assert statistics.body[1].texts[1] == "Checks that text output keeps long names whole"


def storage_marks(html: str) -> list[str]:
    """The words beside each name that say what kind of storage it is."""
    return [mark.text for mark in parse_html(html).find_all("span", "cookie-storage")]


def test_storage_other_than_cookies_is_marked_beside_its_name(basic: SphinxTestApp) -> None:
    _, statistics = cookie_tables(page(basic, "policy"))
    assert "Type" not in statistics.headers
    (name_cell,) = [cell for cell in statistics.column("Cookie name(s)") if "_vc_id" in cell.codes]
    assert name_cell.text == "_vc_id, _vc_ses_* (Local storage)"
    # one mark, on the one entry that is not a cookie
    assert storage_marks(page(basic, "policy")) == ["(Local storage)"]
    # Of the options page's tables, the one with a type column has no mark: the column says it.
    reordered, _, single = cookie_tables(page(basic, "options"))
    assert "Type" in reordered.headers and "Type" not in single.headers
    assert storage_marks(page(basic, "options")) == ["(Local storage)"]
    (marked,) = [cell for cell in single.column("Cookie name(s)") if "(" in cell.text]
    assert marked.codes == ["_vc_id", "_vc_ses_*"]


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"language": "fr"})
def test_the_storage_mark_is_translated(app: SphinxTestApp) -> None:
    app.build()
    assert storage_marks(page(app, "policy")) == ["(Stockage local)"]


@pytest.mark.sphinx("text", testroot="basic")
def test_the_storage_mark_in_text(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "policy.txt").read_text(encoding="utf-8")
    assert text.count("(Local storage)") == 1
