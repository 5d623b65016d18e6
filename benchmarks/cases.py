"""The five cases: what each builds, and how it is judged (see benchmarks/README.md)."""

from __future__ import annotations

import dataclasses
import re
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import audit_scale, verdicts
from .baselines import COLUMNS, directive, hand_tables, page, toctree_page
from .compare import compare_output, table_cells
from .convert_ocd import dump_inventory
from .harness import MIB, WORK, Project, Series, alternate, build, ratio_line, write_project
from .inventories import ocd_inventory, split_small_categories
from .peer import ensure_peer, peer_project
from .verdicts import Judge

SMALL_CATEGORY_COUNT = 20
INCREMENTAL_PAGES = 200
WHOLE_DATABASE_TITLE = "Cookie policy"
# The 10x inventory (5.6 MB) is over the extension's default limit of 5 MiB.
LARGE_INVENTORIES = "cookies_max_file_size = 64 * 1024 * 1024\n"


def directive_project(
    directory: Path,
    label: str,
    document: dict[str, Any],
    pages: dict[str, str],
    compared: list[str] | None = None,
    conf_extra: str = "",
) -> Project:
    write_project(
        directory,
        extensions=["sphinxcontrib_cookies"],
        pages=pages,
        files={"cookies.yaml": dump_inventory(document)},
        conf_extra=conf_extra,
    )
    return Project(label, directory, Path(sys.executable), compared or ["index"])


def hand_project(
    directory: Path, label: str, pages: dict[str, str], compared: list[str] | None = None
) -> Project:
    write_project(directory, extensions=[], pages=pages)
    return Project(label, directory, Path(sys.executable), compared or ["index"])


def whole_database_page(document: dict[str, Any], folder: str) -> Project:
    """One page rendering every cookie with ``cookie-table``: side A of cases 1 and 3."""
    return directive_project(
        WORK / folder,
        "A cookie-table",
        document,
        {"index": page(WHOLE_DATABASE_TITLE, directive(None, COLUMNS))},
    )


# --- Cases 1 to 3: one ratio each ------------------------------------------------------------


def case_whole_database(judge: Judge) -> None:
    document = ocd_inventory()
    count = len(document["cookies"])
    print(f"case 1: one page, the whole database ({count} cookies) in 4-column tables by category")
    categories = list(document["categories"])
    a = whole_database_page(document, "case1-directive")
    b = hand_project(
        WORK / "case1-hand",
        "B hand-written list-table",
        {"index": page(WHOLE_DATABASE_TITLE, hand_tables(document, categories, COLUMNS))},
    )
    judge.timed_pair(a, b, verdicts.WHOLE_DATABASE)


def small_category_pages(
    document: dict[str, Any], category_ids: list[str], body: Callable[[str], str]
) -> dict[str, str]:
    names = [f"category-{index:02d}" for index in range(1, len(category_ids) + 1)]
    pages = {
        name: page(document["categories"][category_id]["title"], body(category_id))
        for name, category_id in zip(names, category_ids, strict=True)
    }
    pages["index"] = toctree_page("Cookies", names)
    return pages


def case_small_pages(judge: Judge) -> None:
    document = ocd_inventory()
    category_ids = split_small_categories(document, SMALL_CATEGORY_COUNT)
    sizes = [sum(c["category"] == i for c in document["cookies"]) for i in category_ids]
    print(
        f"case 2: {len(category_ids)} pages, one small category each ({min(sizes)} to "
        f"{max(sizes)} cookies, {sum(sizes)} in all) of one {len(document['cookies'])}-cookie "
        "YAML"
    )
    compared = [f"category-{index:02d}" for index in range(1, len(category_ids) + 1)]
    a = directive_project(
        WORK / "case2-directive",
        "A cookie-table",
        document,
        small_category_pages(document, category_ids, lambda c: directive([c], COLUMNS)),
        compared,
    )
    b = hand_project(
        WORK / "case2-hand",
        "B hand-written list-table",
        small_category_pages(document, category_ids, lambda c: hand_tables(document, [c], COLUMNS)),
        compared,
    )
    judge.timed_pair(a, b, verdicts.SMALL_PAGES)


def case_peer(judge: Judge) -> None:
    document = ocd_inventory()
    print(
        f"case 3: the whole database ({len(document['cookies'])} cookies) through "
        "sphinxcontrib-datatemplates and a list-table template"
    )
    why = ensure_peer()
    if why:
        print(f"    the peer cannot run: {why}")
        judge.record("3", "faster than sphinxcontrib-datatemplates", "peer could not run", None)
        return
    a = whole_database_page(document, "case3-directive")
    b = peer_project(WORK / "case3-peer", WHOLE_DATABASE_TITLE, document)
    judge.timed_pair(a, b, verdicts.PEER)


# --- Case 4: scale ---------------------------------------------------------------------------


@dataclasses.dataclass
class ScaleMeasure:
    """One size of case 4: the time per cookie, raw and net of the fixed cost, and whether the
    table showed every cookie (and, at 10x, the same cells as the hand-written side)."""

    raw: float
    net: float
    complete: bool
    series: list[Series]


def scale_sides(scale: int, document: dict[str, Any], empty: Project) -> list[Project]:
    """The cookie-table page at this size, the page without a table, and at 10x hand-written."""
    a = directive_project(
        WORK / f"case4-{scale}x-directive",
        f"A cookie-table {scale}x",
        document,
        {"index": page("Cookie policy", directive(None, COLUMNS))},
        conf_extra=LARGE_INVENTORIES,
    )
    if scale != 10:
        return [a, empty]
    tables = hand_tables(document, list(document["categories"]), COLUMNS)
    hand = hand_project(
        WORK / "case4-10x-hand", "B hand-written 10x", {"index": page("Cookie policy", tables)}
    )
    return [a, hand, empty]


def measure_scale(judge: Judge, scale: int, empty: Project) -> ScaleMeasure:
    document = ocd_inventory(scale)
    count = len(document["cookies"])
    print(f"  {scale}x: {count} cookies")
    sides = scale_sides(scale, document, empty)
    series = alternate(sides, judge.runs)
    for side in series:
        print("    " + side.describe())
    rows = len(table_cells(sides[0]).rows)
    print(f"    output: {sides[0].label}: {rows} rows of {count} cookies")
    complete = rows == count
    fixed = series[-1].median(judge.clock)
    raw = series[0].median(judge.clock) / count
    net = (series[0].median(judge.clock) - fixed) / count
    print(
        f"    per cookie: {raw * 1e3:.3f} ms raw, {net * 1e3:.3f} ms net of the "
        f"{fixed:.2f} s fixed cost"
    )
    if scale == 10:
        complete = compare_output(series[0].project, series[1].project) and complete
        ratio_line(series[0], series[1], judge.clock)
    return ScaleMeasure(raw, net, complete, series)


def case_scale(judge: Judge) -> None:
    print("case 4: scale: the whole database at 1x, 4x and 10x on one page")
    # The fixed cost: Sphinx with the extension loaded, no inventory to parse, no table.
    write_project(
        WORK / "case4-empty",
        extensions=["sphinxcontrib_cookies"],
        pages={"index": page("Cookie policy", "No table on this page.\n")},
    )
    empty = Project("C no table (fixed cost)", WORK / "case4-empty", Path(sys.executable))
    measures = {scale: measure_scale(judge, scale, empty) for scale in (1, 4, 10)}
    complete = all(measure.complete for measure in measures.values())
    incomplete = "" if complete else "; tables incomplete"
    growth = measures[10].net / measures[1].net
    print(
        f"    per-cookie time (net) 10x / 1x: {growth:.2f}; 4x / 1x: "
        f"{measures[4].net / measures[1].net:.2f}"
    )
    judge.record(
        "4",
        "per-cookie time (net of fixed cost) at 10x vs 1x",
        f"{growth:.2f}x (target <= {verdicts.SCALE_GROWTH:.2f}x){incomplete}",
        growth <= verdicts.SCALE_GROWTH and complete,
    )
    ours, hand = (series.peak_rss for series in measures[10].series[:2])
    judge.record(
        "4",
        "peak RSS at 10x, cookie-table / hand-written",
        f"{ours / MIB:.0f} / {hand / MIB:.0f} MiB = "
        f"{ours / hand:.2f}x (target <= {verdicts.SCALE_MEMORY:.2f}x){incomplete}",
        ours / hand <= verdicts.SCALE_MEMORY and complete,
    )


# --- Case 5: incremental ---------------------------------------------------------------------

READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
WRITING = re.compile(r"writing output\.\.\. \[\s*\d+%\] (\S+)")
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
#: The categories case 5 shows, each on one page of the project.
INCREMENTAL_TABLES: Mapping[str, str] = MappingProxyType(
    {"page-050": "security", "page-150": "necessary"}
)


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


@dataclasses.dataclass
class PurposeEdit:
    """Before each build of the edit side, change one purpose in the YAML (a new text each
    time)."""

    project: Project
    edit_side: Project
    document: dict[str, Any]
    cookie: dict[str, Any]
    original: str
    count: int = 0

    def __call__(self, side: Project) -> None:
        if side is self.edit_side:
            self.count += 1
            self.cookie["purpose"] = f"{self.original} (edit {self.count})"
            text = dump_inventory(self.document)
            (self.project.srcdir / "cookies.yaml").write_text(text, "utf-8")


def print_rebuilds(series: list[Series]) -> None:
    for side in series:
        reread = [sorted(READING.findall(result.stdout)) for result in side.results]
        written = [sorted(WRITING.findall(result.stdout)) for result in side.results]
        print("    " + side.describe())
        print(
            f"      pages re-read per run: {[len(r) for r in reread]} {reread[-1]}; "
            f"pages written per run: {[len(w) for w in written]} {written[-1]}"
        )


def case_incremental(judge: Judge) -> None:
    document = ocd_inventory()
    print(
        f"case 5: incremental: {INCREMENTAL_PAGES} pages, 2 of them with a cookie-table; "
        "edit one purpose in the YAML and rebuild (no -E)"
    )
    project = incremental_project(document)
    edited_page, edited_category = next(iter(INCREMENTAL_TABLES.items()))
    edited = next(c for c in document["cookies"] if c["category"] == edited_category)
    sides = [
        dataclasses.replace(project, label="A edit one purpose, rebuild"),
        dataclasses.replace(project, label="B no change, rebuild"),
    ]
    edit = PurposeEdit(project, sides[0], document, edited, edited["purpose"])
    first = build(project, fresh=True, quiet=False)
    print(
        f"    first full build: {first.wall:.2f} s, {len(READING.findall(first.stdout))} pages read"
    )
    series = alternate(sides, judge.runs, before_each=edit, fresh=False, quiet=False)
    print_rebuilds(series)
    shown = edited["purpose"] in (project.outdir / f"{edited_page}.html").read_text("utf-8")
    print(f"    the last edit is {'in' if shown else 'NOT in'} the rebuilt page")
    ratio_line(series[0], series[1], judge.clock)
    reread_counts = {len(READING.findall(r.stdout)) for r in series[0].results}
    unchanged_counts = {len(READING.findall(r.stdout)) for r in series[1].results}
    judge.record(
        "5",
        "pages re-read after a YAML edit",
        f"{sorted(reread_counts)} per run, {sorted(unchanged_counts)} with no change "
        f"(target exactly {verdicts.INCREMENTAL_REREAD}, edit shown)",
        reread_counts == {verdicts.INCREMENTAL_REREAD} and shown,
    )


CASES: Mapping[int, Callable[[Judge], None]] = MappingProxyType(
    {
        1: case_whole_database,
        2: case_small_pages,
        3: case_peer,
        4: case_scale,
        5: case_incremental,
        7: audit_scale.case_audit,
    }
)
