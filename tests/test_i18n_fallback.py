"""Regional languages use their base language's catalog; unknown ones fall back to English,
quietly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.locale import get_translator
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.translations import CATALOG

from i18n_pages import page_blocks


def build(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, language: str
) -> tuple[SphinxTestApp, list[str]]:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-i18n-policy", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": language})
    app.build()
    blocks = page_blocks((app.outdir / "index.html").read_text("utf-8"))
    return app, [block.text for block in blocks if block.place == "cookie-types/dt"]


@pytest.mark.parametrize(
    ("language", "base_title", "session"),
    [
        ("pt_BR", "Cookies necessários", "Sessão"),
        ("fr_CA", "Cookies nécessaires", "Session"),
        ("de_AT", "Notwendige Cookies", "Sitzung"),
        ("de-AT", "Notwendige Cookies", "Sitzung"),  # gettext wants _, BCP 47 writes -
    ],
)
def test_a_regional_language_uses_its_base_language(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    language: str,
    base_title: str,
    session: str,
) -> None:
    app, titles = build(make_app, rootdir, tmp_path, language)
    assert titles[0] == base_title
    # What Sphinx's get_translation uses: the catalog registered by add_message_catalog.
    assert get_translator(CATALOG).gettext("Session") == session
    assert "WARNING" not in app.warning.getvalue()


def test_an_unknown_language_falls_back_to_english_quietly(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    app, titles = build(make_app, rootdir, tmp_path, "xx")
    assert titles[0] == "Necessary cookies"
    # The only warnings are docutils' own: it has no "xx" localisation.
    ours = [line for line in app.warning.getvalue().splitlines() if "[docutils]" not in line]
    assert ours == []
