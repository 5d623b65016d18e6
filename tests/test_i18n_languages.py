"""One example policy built in each of the 24 official EU languages: every word the extension
writes itself is translated, and durations read in full words of the language."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import parse_duration
from sphinxcontrib_cookies.render import format_duration

from i18n_pages import Block, page_blocks

ROOT = Path(__file__).parent / "roots" / "test-i18n-policy"
LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip

#: Words that are rightly the same as in English, and the languages that write them so.
SAME_AS_ENGLISH = {
    "Cookie": {"da", "de", "el", "es", "fr", "it", "mt", "nl", "pt"},
    "IndexedDB": set(LANGUAGES),
    "Domain": {"de", "hu"},
    "Type": {"da", "fr", "nl"},
    "Session": {"da", "fr", "sv"},
    "Persistent": {"ro"},
}
#: Text from the inventory itself, which the extension does not translate.
INVENTORY_TEXT = ("cookie-name/p", "cookie-purpose/p")

#: The test inventory's durations, as written there, in the order of its cookies.
DURATIONS = ("session", "P13M", "persistent", "P1D", "P1Y6M", "86400", "PT30M", "P2W", "P2Y")
#: How 13 months, 1 day (written "P1D" and "86400") and 2 years read in each language.
EXPECTED_DURATIONS = {
    "bg": ("13 месеца", "1 ден", "2 години"),
    "cs": ("13 měsíců", "1 den", "2 roky"),
    "da": ("13 måneder", "1 dag", "2 år"),
    "de": ("13 Monate", "1 Tag", "2 Jahre"),
    "el": ("13 μήνες", "1 ημέρα", "2 έτη"),
    "en": ("13 months", "1 day", "2 years"),
    "es": ("13 meses", "1 día", "2 años"),
    "et": ("13 kuud", "1 ööpäev", "2 aastat"),
    "fi": ("13 kuukautta", "1 päivä", "2 vuotta"),
    "fr": ("13 mois", "1 jour", "2 ans"),
    "ga": ("13 mí", "1 lá", "2 bhliain"),
    "hr": ("13 mjeseci", "1 dan", "2 godine"),
    "hu": ("13 hónap", "1 nap", "2 év"),
    "it": ("13 mesi", "1 giorno", "2 anni"),
    "lt": ("13 mėnesių", "1 diena", "2 metai"),
    "lv": ("13 mēnešu", "1 diena", "2 gadi"),
    "mt": ("13-il xahar", "1 jum", "sentejn"),  # the dual: "two years"
    "nl": ("13 maanden", "1 dag", "2 jaar"),
    "pl": ("13 miesięcy", "1 dzień", "2 lata"),
    "pt": ("13 meses", "1 dia", "2 anos"),
    "ro": ("13 luni", "1 zi", "2 ani"),
    "sk": ("13 mesiacov", "1 deň", "2 roky"),
    "sl": ("13 mesecev", "1 dan", "2 leti"),
    "sv": ("13 månader", "1 dygn", "2 år"),
}
#: P1Y6M: both parts kept, joined the language's way.
EXPECTED_YEAR_AND_A_HALF = {
    "en": "1 year, 6 months",
    "fr": "1 an et 6 mois",
    "de": "1 Jahr, 6 Monate",
    "pl": "1 rok i 6 miesięcy",
    "el": "1 έτος, 6 μήνες",
}


def build(language: str, srcdir: Path) -> tuple[str, str]:
    """Build the policy in ``language``; its HTML and the warnings."""
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=srcdir / "_build" / language,
        confoverrides={"language": language},
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
        return (app.outdir / "index.html").read_text("utf-8"), app.warning.getvalue()
    finally:
        app.cleanup()  # forgets the catalogs Sphinx loaded for this language


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Block]]:
    srcdir = tmp_path_factory.mktemp("i18n-policy") / "src"
    shutil.copytree(ROOT, srcdir)
    built = {}
    for language in LANGUAGES:
        html, warnings = build(language, srcdir)
        # docutils has no localisation for some languages (bg, ga, mt...) and says so
        ours = [line for line in warnings.splitlines() if "[docutils]" not in line]
        assert ours == [], f"{language}: {warnings}"
        built[language] = page_blocks(html)
    return built


def durations(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks if block.place == "cookie-duration/p"]


@pytest.mark.slow  # the page built in every language
def test_the_page_shows_every_kind_of_built_in_text(pages: dict[str, list[Block]]) -> None:
    places = {block.place for block in pages["en"]}
    assert {
        "cookie-intro/p",
        "cookie-types/dt",
        "cookie-types/p",
        "cookie-consent/p",
        "cookie-parties/dt",
        "cookie-parties/p",
        "caption",
        "th",
        "cookie-party/p",
        "cookie-type/p",
        "cookie-category/p",
        "cookie-duration/p",
    } <= places
    assert len(durations(pages["en"])) == len(DURATIONS)


@pytest.mark.slow
@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_every_built_in_word_is_translated(pages: dict[str, list[Block]], language: str) -> None:
    english, translated = pages["en"], pages[language]
    assert english, "the English page shows no text"
    assert [block.place for block in translated] == [block.place for block in english]
    left_in_english = [
        block.text
        for block, original in zip(translated, english, strict=True)
        if block.place not in INVENTORY_TEXT
        and not any(character.isdigit() for character in original.text)  # checked below
        and block.text == original.text
        and language not in SAME_AS_ENGLISH.get(original.text, set())
    ]
    assert left_in_english == []
    assert not any("%(" in block.text for block in translated)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_durations_read_in_full_words(pages: dict[str, list[Block]], language: str) -> None:
    shown = dict(zip(DURATIONS, durations(pages[language]), strict=True))
    thirteen_months, one_day, two_years = EXPECTED_DURATIONS[language]
    assert shown["P13M"] == thirteen_months
    assert shown["P1D"] == shown["86400"] == one_day
    assert shown["P2Y"] == two_years
    if language in EXPECTED_YEAR_AND_A_HALF:
        assert shown["P1Y6M"] == EXPECTED_YEAR_AND_A_HALF[language]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("P1M", "1\u00a0xahar"),
        ("P2M", "xahrejn"),  # the dual
        ("P3M", "3\u00a0xhur"),
        ("P2Y", "sentejn"),
        ("PT2H", "sagħtejn"),
        ("P6M", "6\u00a0xhur"),
        ("P11M", "11-il\u00a0xahar"),
        ("P20M", "20\u00a0xahar"),
        ("P1Y6M", "1\u00a0sena u 6\u00a0xhur"),
        ("PT12H", "12-il\u00a0siegħa"),
        ("PT3H", "3\u00a0sigħat"),
    ],
)
def test_maltese_units_follow_the_plural_forms(tmp_path: Path, written: str, expected: str) -> None:
    """CLDR writes Maltese units as English abbreviations; our catalog's forms replace them,
    chosen by the catalog's Plural-Forms."""
    app = SphinxTestApp(
        "html", srcdir=_copy(tmp_path), confoverrides={"language": "mt"}, status=StringIO()
    )
    try:
        assert format_duration(parse_duration(written), "mt") == expected
    finally:
        app.cleanup()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("P1Y", "1\u00a0bhliain"),
        ("P4Y", "4\u00a0bliana"),
        ("P8Y", "8\u00a0mbliana"),
        ("PT3H", "3\u00a0huaire an chloig"),
    ],
)
def test_irish_units_follow_the_plural_forms(tmp_path: Path, written: str, expected: str) -> None:
    app = SphinxTestApp(
        "html", srcdir=_copy(tmp_path), confoverrides={"language": "ga"}, status=StringIO()
    )
    try:
        assert format_duration(parse_duration(written), "ga") == expected
    finally:
        app.cleanup()


def _copy(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir
