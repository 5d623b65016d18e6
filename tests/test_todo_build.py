"""A ``TODO`` value (as ``sphinx-cookies init`` drafts them) is a ``cookies.todo`` warning at
its line, and is read as not written: an entry whose purpose is still a TODO is published with
an empty purpose, and the TODO text never reaches the page."""

from __future__ import annotations

from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import strip_colors
from output import cookie_tables


@pytest.mark.sphinx("html", testroot="todo")
def test_todo_values_warn_and_are_never_published(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    inventory = app.srcdir / "cookies.yaml"
    assert strip_colors(warning.getvalue()).splitlines() == [
        f"{inventory}:9: WARNING: 'provider' is still to be written ('TODO: name who sets this "
        "cookie'); replace it [cookies.todo]",
        f"{inventory}:12: WARNING: the purpose of cookie 'drafted' is still to be written "
        "('TODO: say what this cookie is for'); replace it [cookies.todo]",
    ]
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "sessionid" in html
    assert "Keeps you signed in." in html
    [table] = cookie_tables(html)
    rows = {row.cells[0].codes[0]: row.texts for row in table.body}
    assert rows["drafted"][1:3] == ["", ""]  # no purpose, no provider: empty cells
    assert "TODO" not in html
