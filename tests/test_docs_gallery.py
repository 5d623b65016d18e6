"""The gallery, ``docs/examples/``, built as one project whose conf.py is the bare minimum a
reader would write."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from output import cookie_tables
from snippets import (
    EXAMPLES,
    HAS_MYST,
    Built,
    all_names,
    build_project,
    cookie_types,
    declared_names,
    role_links,
)


def _gallery_pages() -> list[str]:
    return sorted(
        path.stem
        for path in EXAMPLES.iterdir()
        if path.suffix in (".rst", ".md")
        and path.stem != "index"
        and (HAS_MYST or path.suffix != ".md")
    )


def build_gallery(make_app: Callable[..., Any], tmp_path: Path, **options: Any) -> Built:
    """docs/examples/ without its index (which links to the rest of the docs), as one project
    whose conf.py is the bare minimum a reader would write."""
    source = tmp_path / "gallery"
    ignored = ("index.rst",) if HAS_MYST else ("index.rst", "*.md")
    shutil.copytree(EXAMPLES, source, ignore=shutil.ignore_patterns(*ignored))
    pages = "\n".join(f"   {page}" for page in _gallery_pages())
    (source / "contents.rst").write_text(
        f"Gallery\n=======\n\n.. toctree::\n\n{pages}\n", encoding="utf-8"
    )
    return build_project(make_app, source, root_doc="contents", **options)


def test_gallery_builds_without_warnings(make_app: Callable[..., Any], tmp_path: Path) -> None:
    assert build_gallery(make_app, tmp_path).warnings == []


def test_gallery_policy_has_the_reference_page_shape(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    """The example policy rebuilds the reference page: categories with consent, then per
    category a table of provider, function, name(s) and purpose."""
    page = build_gallery(make_app, tmp_path).page("policy")
    kinds = cookie_types(page)
    assert list(kinds) == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
        "Advertising cookies",
    ]
    assert "do not require your consent" in kinds["Strictly necessary cookies"]
    assert "only with your consent" in kinds["Audience measurement cookies"]
    necessary, statistics = cookie_tables(page)  # no advertising cookies: no table
    assert necessary.headers == ["Provider", "Function", "Cookie name(s)", "Purpose", "Duration"]
    assert all_names([necessary]) == [
        "sessionid",
        "django_language",
        "csrftoken",
        "cookies_preferences",
    ]
    assert set(necessary.column_texts("Provider")) == {"Harbour Data"}
    assert statistics.names == [["_pk_id.*"], ["_pk_ses.*"]]
    assert statistics.column_texts("Duration") == ["13 months", "30 minutes"]
    links = role_links(page)
    # the role links to the row on this very page, even though the MyST example page renders
    # the same cookie too
    assert links["sessionid"] == f"#{necessary.row_ids[0]}"
    assert links["_pk_id.3f2a"] == f"#{statistics.row_ids[0]}"


@pytest.mark.slow
def test_gallery_bilingual_policy_in_english_and_french(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    english = build_gallery(make_app, tmp_path / "en").page("bilingual")
    french_build = build_gallery(make_app, tmp_path / "fr", language="fr")
    assert french_build.warnings == []
    french = french_build.page("bilingual")
    english_tables, french_tables = cookie_tables(english), cookie_tables(french)
    assert [table.caption for table in english_tables] == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    assert [table.caption for table in french_tables] == [
        "Cookies strictement nécessaires",
        "Cookies de mesure d\u2019audience",  # Sphinx's smart quotes
    ]
    assert all_names(english_tables) == all_names(french_tables)
    assert french_tables[0].headers != english_tables[0].headers  # the extension's catalogs
    english_purposes = english_tables[0].column_texts("Purpose")
    french_purposes = french_tables[0].column_texts(french_tables[0].headers[2])
    assert english_purposes[0].startswith("Keeps you signed in")
    assert french_purposes[0].startswith("Vous garde connecté")
    assert "13 months" in english_tables[1].rows[0]
    assert "13 mois" in french_tables[1].rows[0]


@pytest.mark.skipif(not HAS_MYST, reason="myst-parser is not installed")
def test_gallery_myst_page(make_app: Callable[..., Any], tmp_path: Path) -> None:
    page = build_gallery(make_app, tmp_path).page("myst-page")
    (table,) = cookie_tables(page)
    assert table.headers == ["Cookie name(s)", "Purpose", "Duration"]
    assert all_names([table]) == declared_names(EXAMPLES / "cookies.yaml")[:4]
    assert role_links(page)["csrftoken"] == f"#{table.row_ids[2]}"
