"""Cases 5 and 6: rebuilds without ``-E`` after one change each, counting the pages Sphinx reads
again (its ``reading sources... [ N%] docname`` lines) and whether the build parsed the
inventory (``parsing cookie inventory``, which the extension logs at ``-v``).

Each round makes every change in turn, each followed by its rebuild: no change; one purpose
edited, on a page that shows it; the inventory touched (same content, newer time); a page
without a table edited; the text of a page with a table edited (the second parse of that
content, which the build keeps beside the doctrees), and edited again (read again with the kept
parse, not parsed); a cookie that no page shows edited. Case 5 does it on a 200-page
project with the Open Cookie Database, case 6 on 100,000 cookies shown on 100 pages.
"""

from __future__ import annotations

import dataclasses
import os
import re
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import verdicts
from .baselines import COLUMNS, directive, page, toctree_page
from .harness import WORK, BuildResult, Project, Series, alternate, build, ratio_line
from .inventories import ocd_inventory
from .projects import LARGE_INVENTORIES, directive_project, regrouped
from .verdicts import Judge

READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
PARSING = "parsing cookie inventory"
FILLER = textwrap.dedent(
    """\
    This page is one of many in a documentation project that has nothing to do with cookies.

    Section
    -------

    Some text with *emphasis*, ``code`` and a list:

    - first item
    - second item

    .. note:: A note, so the page is not trivial.
    """
)
#: The purposes the changes edit: unique, so that an edit is a replacement in the file's text.
SHOWN_PURPOSE = "Benchmark purpose, shown"
UNSHOWN_PURPOSE = "Benchmark purpose, not shown"


def read_again(result: BuildResult) -> list[str]:
    return sorted(READING.findall(result.stdout))


def parsed(result: BuildResult) -> bool:
    return PARSING in result.stdout


@dataclasses.dataclass
class Change:
    """One kind of rebuild: the change made before it, the pages it must read again, and
    whether it must parse the inventory (None: either way)."""

    label: str
    make: Callable[[int], None]
    expected: frozenset[str]
    parses: bool | None


@dataclasses.dataclass
class RebuildProject:
    """A project, built once, and the changes made to it."""

    project: Project
    shown_page: str
    plain_page: str
    counts: dict[str, int] = dataclasses.field(default_factory=dict)

    @property
    def inventory(self) -> Path:
        return self.project.srcdir / "cookies.yaml"

    def replace(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise RuntimeError(f"{old!r} is not in {path}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def edit_purpose(self, purpose: str) -> Callable[[int], None]:
        def make(number: int) -> None:
            previous = self.counts.get(purpose, 0)
            self.replace(self.inventory, f"{purpose} {previous}.", f"{purpose} {number}.")
            self.counts[purpose] = number

        return make

    def touch(self, number: int) -> None:
        now = time.time_ns()
        os.utime(self.inventory, ns=(now, now))

    def edit_page(self, docname: str) -> Callable[[int], None]:
        def make(number: int) -> None:
            path = self.project.srcdir / f"{docname}.rst"
            path.write_text(path.read_text(encoding="utf-8") + f"\nEdit {number}.\n", "utf-8")

        return make

    def changes(self) -> list[Change]:
        return [
            Change("no change", lambda number: None, frozenset(), False),
            Change(
                "edit one purpose",
                self.edit_purpose(SHOWN_PURPOSE),
                frozenset({self.shown_page}),
                True,
            ),
            Change("touch the inventory", self.touch, frozenset(), False),
            Change(
                "edit a page without a table",
                self.edit_page(self.plain_page),
                frozenset({self.plain_page}),
                False,
            ),
            Change(
                "edit the text of a page with a table",
                self.edit_page(self.shown_page),
                frozenset({self.shown_page}),
                True,
            ),
            Change(
                "edit that text again",
                self.edit_page(self.shown_page),
                frozenset({self.shown_page}),
                False,
            ),
            Change(
                "edit a cookie no page shows", self.edit_purpose(UNSHOWN_PURPOSE), frozenset(), None
            ),
        ]


def mark_purposes(document: dict[str, Any], shown: str, unshown: str) -> None:
    """Give the first cookie of category ``shown`` and of ``unshown`` the purposes the changes
    edit (numbered 0)."""
    for category, purpose in ((shown, SHOWN_PURPOSE), (unshown, UNSHOWN_PURPOSE)):
        cookie = next(c for c in document["cookies"] if c["category"] == category)
        cookie["purpose"] = f"{purpose} 0."


def run_changes(judge: Judge, rebuilt: RebuildProject, case: str) -> list[Series]:
    """Build once from scratch, then every change in turn with its rebuild, ``--runs``
    rounds; judge the pages each read again and whether it parsed the inventory."""
    changes = rebuilt.changes()
    sides = [dataclasses.replace(rebuilt.project, label=change.label) for change in changes]
    by_label = {change.label: change for change in changes}
    rounds = iter(range(1, 10**6))

    def before_each(side: Project) -> None:
        by_label[side.label].make(next(rounds))

    series = alternate(
        sides, judge.runs, before_each=before_each, fresh=False, quiet=False, verbose=True
    )
    for side, change in zip(series, changes, strict=True):
        print("    " + side.describe())
        pages = [read_again(result) for result in side.results]
        parses = [parsed(result) for result in side.results]
        print(f"      pages read again per run: {pages}; inventory parsed per run: {parses}")
        right_pages = all(set(found) == change.expected for found in pages)
        right_parse = change.parses is None or all(p == change.parses for p in parses)
        expected = sorted(change.expected) or "none"
        parse_words = {None: "", True: ", parsed", False: ", not parsed"}[change.parses]
        judge.record(
            case,
            f"{change.label}: pages read again",
            f"{pages[-1] or 'none'}{', parsed' if parses[-1] else ', not parsed'} "
            f"(target: {expected}{parse_words})",
            right_pages and right_parse,
        )
    return series


# --- Case 5: 200 pages, the Open Cookie Database ----------------------------------------------

INCREMENTAL_PAGES = 200
#: The categories case 5 shows, each on one page of the project; the rest are shown nowhere.
INCREMENTAL_TABLES = {"page-050": "security", "page-150": "necessary"}


def incremental_project(document: dict[str, Any]) -> Project:
    """Many pages without cookies, two with a ``cookie-table`` of one category each."""
    names = [f"page-{index:03d}" for index in range(1, INCREMENTAL_PAGES)]
    pages = {
        name: page(
            f"Page {name[-3:]}",
            directive([INCREMENTAL_TABLES[name]], COLUMNS)
            if name in INCREMENTAL_TABLES
            else FILLER,
        )
        for name in names
    }
    pages["index"] = toctree_page("Project", names)
    compared = list(INCREMENTAL_TABLES)
    return directive_project(WORK / "case5", "incremental", document, pages, compared)


def case_incremental(judge: Judge) -> None:
    document = ocd_inventory()
    print(
        f"case 5: incremental: {INCREMENTAL_PAGES} pages, 2 of them with a cookie-table of one "
        f"category ({', '.join(INCREMENTAL_TABLES.values())}); each round makes each change "
        "and rebuilds (no -E)"
    )
    mark_purposes(document, "security", "analytics")
    project = incremental_project(document)
    first = build(project, fresh=True, quiet=False)
    print(f"    first full build: {first.wall:.2f} s wall, {first.cpu:.2f} s CPU")
    rebuilt = RebuildProject(project, shown_page="page-050", plain_page="page-100")
    series = run_changes(judge, rebuilt, "5")
    shown = f"{SHOWN_PURPOSE} {rebuilt.counts[SHOWN_PURPOSE]}."
    html = (project.outdir / "page-050.html").read_text("utf-8")
    judge.record("5", "the last edit is in the rebuilt page", repr(shown), shown in html)
    ratio_line(series[1], series[0], judge.clock)


# --- Case 6: 100,000 cookies on 100 pages -----------------------------------------------------

LARGE_PAGES = 100
LARGE_PER_PAGE = 1000


def large_project() -> Project:
    """100 pages, each a table of one category of 1,000 cookies; the database's other cookies
    are in a category that no page shows."""
    document = ocd_inventory(LARGE_PAGES * LARGE_PER_PAGE // 2263 + 1)
    groups = regrouped(document, LARGE_PAGES, LARGE_PER_PAGE, extra="not-shown")
    mark_purposes(document, groups[0], "not-shown")
    names = [f"page-{number:03d}" for number in range(1, LARGE_PAGES + 1)]
    pages = {
        name: page(f"Page {name[-3:]}", directive([group], COLUMNS))
        for name, group in zip(names, groups, strict=True)
    }
    pages["plain"] = page("Plain", FILLER)
    pages["index"] = toctree_page("Project", [*names, "plain"])
    return directive_project(
        WORK / "case6", "large", document, pages, names[:1], conf_extra=LARGE_INVENTORIES
    )


def case_large_rebuilds(judge: Judge) -> None:
    print(
        f"case 6: {LARGE_PAGES * LARGE_PER_PAGE:,} cookies on {LARGE_PAGES} pages (one category "
        f"of {LARGE_PER_PAGE:,} each): a full build, then each change and its rebuild"
    )
    project = large_project()
    size = (project.srcdir / "cookies.yaml").stat().st_size
    print(f"    inventory: {size / 2**20:.1f} MiB")
    full = build(project, fresh=True, quiet=False)
    print(
        f"    full build: {full.wall:.1f} s wall, {full.cpu:.1f} s CPU (exit {full.exit_cpu:.1f} "
        f"s), peak RSS {full.peak_rss / 2**20:.0f} MiB, {len(read_again(full))} pages read"
    )
    rebuilt = RebuildProject(project, shown_page="page-001", plain_page="plain")
    series = run_changes(judge, rebuilt, "6")
    edit = series[1].median(judge.clock)
    whole = full.cpu if judge.clock == "cpu" else full.wall
    judge.record(
        "6",
        "edit one purpose, rebuild time / full build",
        f"{edit:.1f} s / {whole:.1f} s = {edit / whole:.1%} "
        f"(target < {verdicts.LARGE_EDIT_SHARE:.0%})",
        edit / whole < verdicts.LARGE_EDIT_SHARE,
    )
