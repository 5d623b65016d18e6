"""Column widths: prose gets the most room, and the tables of one directive share one plan, in
HTML, LaTeX and text; the text builder never breaks a name, a domain or a word inside it."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import load_inventory
from sphinxcontrib_cookies.render.widths import ColumnWidth, WidthHint, fit_widths

from conftest import build_copy
from output import parse_html

ROOT = Path(__file__).parent / "roots" / "test-present-widths"
#: The columns of the first directive, and of the second.
FIRST = ["name", "provider", "purpose", "duration", "domain"]
SECOND = ["name", "duration"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    return {
        builder: build_copy("present-widths", tmp_path_factory.mktemp(builder), builder)
        for builder in ("html", "latex", "text")
    }


def output(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / name).read_text(encoding="utf-8")


def by_directive(plans: list[list[float]]) -> tuple[list[list[float]], list[list[float]]]:
    """The first directive's three tables (one per category), and the second's one."""
    assert len(plans) == 4, plans
    return plans[:3], plans[3:]


def assert_shared_and_prose_widest(plans: list[list[float]], strictly: bool = True) -> None:
    """The directive's tables share one plan, whose purpose column is the widest (or, in
    text, where names never break, as wide as the widest)."""
    first, second = by_directive(plans)
    assert first[0] == first[1] == first[2]  # one plan for the directive's tables
    assert len(first[0]) == len(FIRST) and len(second[0]) == len(SECOND)
    purpose = first[0][FIRST.index("purpose")]
    assert purpose == max(first[0]), first[0]
    assert first[0].count(purpose) == 1 or not strictly, first[0]


def test_html_tables_of_a_directive_share_widths_and_prose_gets_the_most(
    built: dict[str, SphinxTestApp],
) -> None:
    assert built["html"].warning.getvalue() == ""
    page = parse_html(output(built["html"], "index.html"))
    tables = page.find_all("table", "cookie-table")
    plans = [
        [float(re.fullmatch(r"width: ([\d.]+)%", col.attrs["style"])[1]) for col in cols]  # type: ignore[index]
        for cols in (table.find_all("col") for table in tables)
    ]
    assert_shared_and_prose_widest(plans)


def test_latex_tables_of_a_directive_share_widths_and_prose_gets_the_most(
    built: dict[str, SphinxTestApp],
) -> None:
    assert built["latex"].warning.getvalue() == ""
    specs = re.findall(
        r"\\begin\{longtable\}(?:\[[^]]*\])?\{([^\n]*)\}\n", output(built["latex"], "widths.tex")
    )
    plans = [[float(width) for width in re.findall(r"\\X\{(\d+)\}", spec)] for spec in specs]
    assert_shared_and_prose_widest(plans)


def text_tables(text: str) -> list[list[str]]:
    """The lines of each table of a text page."""
    tables: list[list[str]] = []
    inside = False
    for line in text.splitlines():
        if line.startswith(("+", "|")):
            if not inside:
                tables.append([])
            tables[-1].append(line)
            inside = True
        else:
            inside = False
    return tables


def test_text_tables_of_a_directive_share_widths_and_prose_gets_the_most(
    built: dict[str, SphinxTestApp],
) -> None:
    assert built["text"].warning.getvalue() == ""
    tables = text_tables(output(built["text"], "index.txt"))
    plans = [[float(len(cell)) for cell in table[0].strip("+").split("+")] for table in tables]
    assert_shared_and_prose_widest(plans, strictly=False)


def test_text_never_breaks_a_word_name_or_domain(built: dict[str, SphinxTestApp]) -> None:
    lines = output(built["text"], "index.txt").splitlines()
    inventory = load_inventory(ROOT / "cookies.yaml")
    words = {"app.acme.example", "statistics.harbour-data.example", ".harbour-data.example"}
    for cookie in inventory.cookies:
        words.update(cookie.names)
        words.update(cookie.purpose.resolve(None).split())
        if cookie.provider is not None:
            words.update(cookie.provider.name.resolve(None).split())
    assert len(words) > 40
    broken = [word for word in sorted(words) if not any(word in line for line in lines)]
    assert broken == []
    assert any("(app.acme.example)" in line for line in lines)


def widths(*hints: tuple[WidthHint, list[str]]) -> list[int]:
    planned = []
    for hint, texts in hints:
        width = ColumnWidth(hint)
        for text in texts:
            (width.note_name if hint is WidthHint.NAME else width.note_text)(text)
        planned.append(width)
    return fit_widths(planned)


@pytest.mark.parametrize("seed", range(12))
def test_a_column_wants_room_for_nine_texts_in_ten(seed: int) -> None:
    """What a column would like is its tenth longest text, however its texts were noted: in
    one column, or in two that were merged (as the bodies of one directive's tables are)."""
    rng = random.Random(seed)
    lengths = [rng.randint(1, 70) for _ in range(rng.randint(1, 60))]
    whole, first, second = (ColumnWidth(WidthHint.PROSE) for _ in range(3))
    for number, length in enumerate(lengths):
        whole.note_text("x" * length)
        (first if number % 3 else second).note_text("x" * length)
    first.merge(second)
    ordered = sorted(min(length, 60) for length in lengths)
    expected = max(whole.least, ordered[(len(ordered) - 1) * 9 // 10])
    assert whole.wanted == first.wanted == expected
    assert whole.least == first.least == min(max(lengths), 10)
    assert ColumnWidth(WidthHint.PROSE).wanted == 1  # nothing noted: its least


def test_a_wide_name_column_gives_way_to_prose() -> None:
    """The case a new user met: a wide name column left the purpose three words a line."""
    name, provider, purpose, duration = widths(
        (WidthHint.NAME, ["_hjSessionUser_1234567_ab12cd34ef56gh78", "sessionid"]),
        (WidthHint.TEXT, ["Hotjar Ltd.", "Harbour Data"]),
        (WidthHint.PROSE, ["Recognises a returning visitor in the heatmaps of the pages " * 2]),
        (WidthHint.PHRASE, ["1 year, 6 months", "Session"]),
    )
    assert purpose > name > duration
    assert purpose >= 33  # thirty characters and the padding: about six words a line
    assert name + provider + purpose + duration <= 90


def test_prose_that_wants_little_takes_little() -> None:
    name, purpose = widths(
        (WidthHint.NAME, ["a_cookie_with_a_name_of_thirty"]), (WidthHint.PROSE, ["Short."])
    )
    assert purpose < name


def test_html_names_break_only_between_their_parts(built: dict[str, SphinxTestApp]) -> None:
    page = output(built["html"], "index.html")
    assert '<span class="pre">campaign_</span><wbr /><span class="pre">ref</span>' in page
    assert '<span class="pre">_pk_</span><wbr /><span class="pre">ses.*</span>' in page
    assert '<span class="pre">sessionid</span>' in page  # one part: nothing to break
    # the search index still knows each name whole, as its stem (which depends on the version
    # of the English stemmer: "_pk_ses" or "_pk_se")
    index = output(built["html"], "searchindex.js")
    stem = SearchEnglish({}).stem
    assert all(f'"{stem(name).lower()}"' in index for name in ("campaign_ref", "_pk_ses"))
