"""The reference policy page's structure, rebuilt from a YAML inventory."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_copy
from output import cookie_tables


def test_reference_structure(tmp_path: Path) -> None:
    app = build_copy("reference", tmp_path)
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h[12]>([^<]+)<", html)
    assert headings == ["Cookie policy", "What is a cookie?", "Which cookies this platform sets"]
    # The types of cookies, each with whether it needs consent.
    terms = re.findall(r"<dt[^>]*>([^<]+)</dt>", html)
    assert terms == ["Cookies the platform needs to work", "Audience measurement"]
    assert html.count("These cookies do not require your consent.") == 2
    # Per category, a table of provider, function, names and purposes.
    (table,) = cookie_tables(html)
    assert table.caption == "Cookies the platform needs to work"
    assert table.headers == [
        "Service provider\u2019s name",  # Sphinx's smartquotes, as for all prose
        "Function and location",
        "Cookie name(s)",
        "Purposes",
    ]
    assert [row.texts for row in table.body] == [
        ["Example Platform", "Sign-in (public site and back office)", "sessionid",
         "Recognises you from one page to the next"],
        ["Example Platform", "Language menu (public site and back office)", "django_language",
         "Remembers your language"],
        ["Example Platform", "API calls (public site and back office)", "csrftoken",
         "Lets the page call the data API safely"],
        ["Example Platform", "Your cookie choices", "cookies_preferences",
         "Remembers which cookies you accepted"],
    ]  # fmt: skip
    assert all(
        cell.links == ["https://platform.example/privacy"]
        for cell in table.column("Service provider\u2019s name")
    )
