"""Each malformed inventory of tests/corpus/ gives exactly the located warnings its header names,
and publishes exactly the entries its last line names.

A file says what it must give in header lines ``# expect: SUBTYPE LINE [words of the message]``;
a file with no such line must give no warning at all. Its line ``# published: NAMES | NAMES``
lists the rows its page shows (each row's names joined with ", "): nothing is lost, so every
entry with a usable name is there, problems and all. One real build renders every file on a
page of its own, and each warning must read ``FILE:LINE: WARNING: ... [cookies.SUBTYPE]``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import PROBLEM_KINDS

from conftest import ROOTS, build_copy, strip_colors
from output import cookie_tables

CORPUS = Path(__file__).parent / "corpus"
EXPECT = re.compile(rb"^# expect: ([a-z-]+) (\d+) ?(.*)$", re.MULTILINE)
PUBLISHED = re.compile(rb"^# published:(.*)$", re.MULTILINE)
WARNING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) \[(?P<type>[\w.-]+)\]$"
)


@dataclass(frozen=True)
class Expected:
    subtype: str
    line: int
    words: str


def expectations(path: Path) -> list[Expected]:
    return [
        Expected(subtype.decode(), int(line), words.decode("utf-8").strip())
        for subtype, line, words in EXPECT.findall(path.read_bytes())
    ]


def published(path: Path) -> list[str]:
    """The rows the file's page shows, as its ``# published:`` line lists them."""
    found = PUBLISHED.findall(path.read_bytes())
    listed = found[0].decode("utf-8").strip() if found else ""
    return listed.split(" | ") if listed else []


CASES = sorted(CORPUS.glob("*.yaml"))
#: Every kind of problem an inventory file can have ("file" is about a file that is missing).
SUBTYPES_OF_THE_LOADER = set(PROBLEM_KINDS) - {"file"}


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    destination = tmp_path_factory.mktemp("hardening-corpus")
    srcdir = destination / "src"
    shutil.copytree(ROOTS / "test-hardening-corpus", srcdir)
    shutil.copytree(CORPUS, srcdir / "corpus")
    for case in CASES:
        title = f"Case {case.stem}"
        (srcdir / f"corpus-{case.stem}.rst").write_text(
            f"{title}\n{'=' * len(title)}\n\n.. cookie-table:: corpus/{case.name}\n",
            encoding="utf-8",
        )
    return build_copy("hardening-corpus", destination)


def warnings_by_file(app: SphinxTestApp) -> dict[str, list[tuple[int, str, str]]]:
    found: dict[str, list[tuple[int, str, str]]] = {}
    for text in strip_colors(app.warning.getvalue()).splitlines():
        match = WARNING.match(text)
        assert match, f"not a located warning: {text!r}"
        found.setdefault(Path(match["path"]).name, []).append(
            (int(match["line"]), match["type"], match["message"])
        )
    return found


def test_the_corpus_is_large_and_covers_every_subtype_of_the_loader() -> None:
    assert len(CASES) >= 40
    covered = {expected.subtype for case in CASES for expected in expectations(case)}
    assert covered == SUBTYPES_OF_THE_LOADER


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_each_file_gives_exactly_its_located_warnings(
    corpus_build: SphinxTestApp, case: Path
) -> None:
    expected = expectations(case)
    got = warnings_by_file(corpus_build).get(case.name, [])
    assert sorted((line, kind) for line, kind, _ in got) == sorted(
        (item.line, f"cookies.{item.subtype}") for item in expected
    ), got
    for item in expected:
        place = (item.line, f"cookies.{item.subtype}")
        messages = [message for line, kind, message in got if (line, kind) == place]
        assert any(item.words in message for message in messages), (item, messages)


def test_each_warning_reads_file_line_warning_subtype(corpus_build: SphinxTestApp) -> None:
    output = strip_colors(corpus_build.warning.getvalue())
    srcdir = Path(corpus_build.srcdir)
    expected = [(case, item) for case in CASES for item in expectations(case)]
    assert expected, "no expected warning in the corpus"
    for case, item in expected:
        start = f"{srcdir / 'corpus' / case.name}:{item.line}: WARNING: "
        end = f" [cookies.{item.subtype}]"
        assert any(text.startswith(start) and text.endswith(end) for text in output.splitlines()), (
            start,
            end,
        )


def test_every_readable_file_says_what_it_publishes() -> None:
    readable = [case for case in CASES if case.read_bytes().isascii()]
    assert len(readable) >= 40
    assert [case.name for case in readable if not PUBLISHED.search(case.read_bytes())] == []
    assert sum(len(published(case)) for case in CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_each_file_publishes_every_entry_with_a_name(
    corpus_build: SphinxTestApp, case: Path
) -> None:
    page = (Path(corpus_build.outdir) / f"corpus-{case.stem}.html").read_text(encoding="utf-8")
    rows = [", ".join(names) for table in cookie_tables(page) for names in table.names]
    assert rows == published(case)


def test_the_build_has_only_cookies_warnings_and_no_traceback(
    corpus_build: SphinxTestApp,
) -> None:
    output = strip_colors(corpus_build.warning.getvalue() + corpus_build.status.getvalue())
    assert "Traceback" not in output
    assert "Exception occurred" not in output
    for text in strip_colors(corpus_build.warning.getvalue()).splitlines():
        assert text.endswith("]") and "[cookies." in text, text
    pages = sorted(Path(corpus_build.outdir).glob("corpus-*.html"))
    assert len(pages) == len(CASES)
