"""Durations as each language says them, on real pages: the number held to its unit by a
no-break space in every builder, the Maltese dual for 2, 0 as a plural in European Portuguese
and as a singular in Brazil's, and Brazilian words where they differ from Portugal's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, strip_colors
from output import parse_html

NO_BREAK_SPACE = "\u00a0"
#: The rows of test-i18n-durations, in order.
DURATIONS = ("P0D", "P2Y", "P2M", "P2W", "P2D", "PT2H", "P13M", "P1Y6M", "P1D")


def durations(app: SphinxTestApp) -> dict[str, str]:
    """Each row's duration, as the page writes it (no-break spaces kept)."""
    page = parse_html((app.outdir / "index.html").read_text(encoding="utf-8"))
    cells = [cell.raw_text.strip() for cell in page.find_all("td", "cookie-duration")]
    return dict(zip(DURATIONS, cells, strict=True))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    return {
        language: build_copy(
            "i18n-durations",
            tmp_path_factory.mktemp(language),
            confoverrides={"language": language},
        )
        for language in ("fr", "mt", "pt", "pt_BR")
    }


def test_a_number_is_held_to_its_unit_by_a_no_break_space(
    built: dict[str, SphinxTestApp],
) -> None:
    french = durations(built["fr"])
    assert french["P13M"] == f"13{NO_BREAK_SPACE}mois"  # CLDR's, kept
    assert french["P2Y"] == f"2{NO_BREAK_SPACE}ans"  # CLDR writes an ordinary space here
    assert french["P1Y6M"] == f"1{NO_BREAK_SPACE}an et 6{NO_BREAK_SPACE}mois"
    for language, app in built.items():
        shown = durations(app)
        assert not [text for text in shown.values() if re.search(r"\d[ \t]", text)], language


def test_two_in_maltese_is_the_dual(built: dict[str, SphinxTestApp]) -> None:
    maltese = durations(built["mt"])
    assert [maltese[written] for written in ("P2Y", "P2M", "P2W", "P2D", "PT2H")] == [
        "sentejn",
        "xahrejn",
        "ġimagħtejn",
        "jumejn",
        "sagħtejn",
    ]
    assert maltese["P13M"] == f"13-il{NO_BREAK_SPACE}xahar"


def test_zero_is_plural_in_portugal_and_singular_in_brazil(
    built: dict[str, SphinxTestApp],
) -> None:
    assert durations(built["pt"])["P0D"] == f"0{NO_BREAK_SPACE}dias"
    assert durations(built["pt_BR"])["P0D"] == f"0{NO_BREAK_SPACE}dia"


def test_brazilian_readers_get_brazilian_words(built: dict[str, SphinxTestApp]) -> None:
    def pixel(language: str) -> str:
        page = parse_html((built[language].outdir / "index.html").read_text(encoding="utf-8"))
        return page.find_all("td", "cookie-type")[-1].text

    assert pixel("pt") == "Pixel de rastreio"
    assert pixel("pt_BR") == "Pixel de rastreamento"
    # what Brazil says as Portugal does comes from the European catalog
    page = parse_html((built["pt_BR"].outdir / "index.html").read_text(encoding="utf-8"))
    assert page.find_all("th", "cookie-duration")[0].text == "Duração"


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_the_no_break_space_reaches_text_and_paper(tmp_path: Path, builder: str) -> None:
    app = build_copy("i18n-durations", tmp_path, builder, confoverrides={"language": "fr"})
    (written,) = [path for path in app.outdir.iterdir() if path.suffix in (".txt", ".tex")]
    output = written.read_text(encoding="utf-8")
    assert f"13{NO_BREAK_SPACE}mois" in output
    # the text builder keeps each duration on one line
    assert f"1{NO_BREAK_SPACE}an et 6{NO_BREAK_SPACE}mois" in output
    if builder == "latex":  # which Sphinx declares to LaTeX as a no-break space
        assert r"\sphinxDUC{00A0}{\nobreakspace}" in output


def sphinx_build_in(language: str, source: Path, output: Path) -> str:
    """The console of ``sphinx-build`` run by a user whose messages are in ``language``
    (``LANGUAGE``, which gettext reads, as a user's locale sets it; ``LC_ALL=C`` so that the
    machine needs no locale installed)."""
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": language}
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", str(source), str(output)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return strip_colors(run.stdout + run.stderr)


@pytest.mark.slow  # two sphinx-build processes
def test_console_messages_are_in_the_users_language(tmp_path: Path) -> None:
    """Sphinx shows its console messages in the user's language (not the project's); ours
    are loaded into the same place, so that a French user reads both in French."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-i18n-durations", source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("cookies_columns = []\n")
    french = sphinx_build_in("fr", source, tmp_path / "fr")
    assert "Sphinx v" in french and "en cours d'exécution" in french  # Sphinx's own French
    assert (
        "cookies_columns doit être une liste non vide de noms de colonnes ; la valeur par "
        "défaut ['name', 'provider', 'purpose', 'duration'] est utilisée [cookies.config]"
    ) in french
    english = sphinx_build_in("en", source, tmp_path / "en")
    assert "cookies_columns must be a non-empty list of column names" in english
