"""The cases: what each builds, and how it is judged (see benchmarks/README.md). Cases 1 to 4
are here; the rebuilds (5, 6) are in ``rebuilds.py``, the parallel builds (8) in
``parallel.py``."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import audit_scale, verdicts
from .baselines import COLUMNS, directive, hand_tables, page, toctree_page
from .compare import compare_output, table_cells
from .harness import (
    MIB,
    WORK,
    BuildResult,
    Clock,
    Project,
    Series,
    alternate,
    ratio_line,
    write_project,
)
from .inventories import ocd_inventory, split_small_categories
from .parallel import case_parallel
from .peer import ensure_peer, peer_project
from .projects import LARGE_INVENTORIES, directive_project, hand_project
from .rebuilds import case_incremental, case_large_rebuilds
from .verdicts import Judge

SMALL_CATEGORY_COUNT = 20
WHOLE_DATABASE_TITLE = "Cookie policy"
#: The sizes of case 4, in copies of the database.
SCALES = (1, 4, 10)


def whole_database_page(document: dict[str, Any], folder: str) -> Project:
    """One page rendering every cookie with ``cookie-table``: side A of cases 1 and 3."""
    return directive_project(
        WORK / folder,
        "A cookie-table",
        document,
        {"index": page(WHOLE_DATABASE_TITLE, directive(None, COLUMNS))},
    )


# --- Cases 1 to 3: one ratio each ------------------------------------------------------------


def whole_database_sides() -> tuple[Project, Project]:
    """Case 1's sides: the whole database on one page, by ``cookie-table`` and by hand."""
    document = ocd_inventory()
    categories = list(document["categories"])
    a = whole_database_page(document, "case1-directive")
    b = hand_project(
        WORK / "case1-hand",
        "B hand-written list-table",
        {"index": page(WHOLE_DATABASE_TITLE, hand_tables(document, categories, COLUMNS))},
    )
    return a, b


def case_whole_database(judge: Judge) -> None:
    count = len(ocd_inventory()["cookies"])
    print(f"case 1: one page, the whole database ({count} cookies) in 4-column tables by category")
    judge.timed_pair(*whole_database_sides(), verdicts.WHOLE_DATABASE)


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


def small_pages_sides(document: dict[str, Any], category_ids: list[str]) -> tuple[Project, Project]:
    """Case 2's sides: one page per small category, by ``cookie-table`` and by hand."""
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
    return a, b


def case_small_pages(judge: Judge) -> None:
    document = ocd_inventory()
    category_ids = split_small_categories(document, SMALL_CATEGORY_COUNT)
    sizes = [sum(c["category"] == i for c in document["cookies"]) for i in category_ids]
    print(
        f"case 2: {len(category_ids)} pages, one small category each ({min(sizes)} to "
        f"{max(sizes)} cookies, {sum(sizes)} in all) of one {len(document['cookies'])}-cookie "
        "YAML"
    )
    judge.timed_pair(*small_pages_sides(document, category_ids), verdicts.SMALL_PAGES)


def case_peer(judge: Judge) -> None:
    document = ocd_inventory()
    print(
        f"case 3: the whole database ({len(document['cookies'])} cookies) through "
        "sphinxcontrib-datatemplates and a list-table template, as users run it (PyYAML's "
        "yaml.safe_load, in Python) and with libyaml"
    )
    why = ensure_peer()
    if why:
        print(f"    the peer cannot run: {why}")
        judge.record("3", "faster than sphinxcontrib-datatemplates", "peer could not run", None)
        return
    a = whole_database_page(document, "case3-directive")
    as_run = peer_project(WORK / "case3-peer", WHOLE_DATABASE_TITLE, document)
    with_libyaml = peer_project(
        WORK / "case3-peer-libyaml", WHOLE_DATABASE_TITLE, document, libyaml=True
    )
    judge.timed_sides([a, as_run, with_libyaml], [verdicts.PEER, verdicts.PEER_LIBYAML])


# --- Case 4: scale ---------------------------------------------------------------------------


def scale_side(scale: int, document: dict[str, Any]) -> Project:
    return directive_project(
        WORK / f"case4-{scale}x-directive",
        f"A cookie-table {scale}x",
        document,
        {"index": page("Cookie policy", directive(None, COLUMNS))},
        conf_extra=LARGE_INVENTORIES,
    )


def empty_side() -> Project:
    """The fixed cost: Sphinx with the extension loaded, no inventory to parse, no table."""
    write_project(
        WORK / "case4-empty",
        extensions=["sphinxcontrib_cookies"],
        pages={"index": page("Cookie policy", "No table on this page.\n")},
    )
    return Project("C no table (fixed cost)", WORK / "case4-empty", Path(sys.executable))


def timed(result: BuildResult, clock: Clock, exit: bool = True) -> float:
    """The build's time on ``clock``; without ``exit``, until Sphinx returned."""
    if clock == "cpu":
        return result.cpu if exit else result.cpu - result.exit_cpu
    return result.wall if exit else result.wall - result.exit_wall


def net_per_cookie(
    series: Series, empty: Series, count: int, clock: Clock, exit: bool = True
) -> list[float]:
    """Per round, the build's time net of the fixed cost (measured in the same round), per
    cookie."""
    return [
        (timed(built, clock, exit) - timed(fixed, clock, exit)) / count
        for built, fixed in zip(series.results, empty.results, strict=True)
    ]


def case_scale(judge: Judge) -> None:
    print(
        "case 4: scale: the whole database at 1x, 4x and 10x on one page; every round builds "
        "every size, the hand-written 10x and the page without a table, in turn"
    )
    documents = {scale: ocd_inventory(scale) for scale in SCALES}
    counts = {scale: len(document["cookies"]) for scale, document in documents.items()}
    sides = [scale_side(scale, documents[scale]) for scale in SCALES]
    tables = hand_tables(documents[10], list(documents[10]["categories"]), COLUMNS)
    sides.append(
        hand_project(
            WORK / "case4-10x-hand", "B hand-written 10x", {"index": page("Cookie policy", tables)}
        )
    )
    sides.append(empty_side())
    series = alternate(sides, judge.runs)
    for side in series:
        print("    " + side.describe())
    by_scale = dict(zip(SCALES, series, strict=False))
    complete = all(
        len(table_cells(by_scale[scale].project).rows) == counts[scale] for scale in SCALES
    )
    complete = compare_output(by_scale[10].project, series[-2].project) and complete
    ratio_line(by_scale[10], series[-2], judge.clock)
    net = {s: net_per_cookie(by_scale[s], series[-1], counts[s], judge.clock) for s in SCALES}
    for scale in SCALES:
        print(
            f"    {scale}x ({counts[scale]} cookies): net per cookie "
            f"{statistics.median(net[scale]) * 1e3:.3f} ms (rounds: "
            + " ".join(f"{value * 1e3:.3f}" for value in net[scale])
            + ")"
        )
    rounds = [ten / one for ten, one in zip(net[10], net[1], strict=True)]
    growth = statistics.median(rounds)
    built = {
        s: net_per_cookie(by_scale[s], series[-1], counts[s], judge.clock, False) for s in (1, 10)
    }
    print(
        "    per-cookie time (net) 10x / 1x per round: "
        + " ".join(f"{value:.2f}" for value in rounds)
        + f"; median {growth:.2f}; until Sphinx returned (without the interpreter's exit): "
        + f"{statistics.median(t / o for t, o in zip(built[10], built[1], strict=True)):.2f}"
    )
    incomplete = "" if complete else "; tables incomplete"
    judge.record(
        "4",
        "per-cookie time (net of fixed cost) at 10x vs 1x, median of the rounds",
        f"{growth:.2f}x (target <= {verdicts.SCALE_GROWTH:.2f}x){incomplete}",
        growth <= verdicts.SCALE_GROWTH and complete,
    )
    ours, hand = by_scale[10].peak_rss, series[-2].peak_rss
    judge.record(
        "4",
        "peak RSS at 10x, cookie-table / hand-written",
        f"{ours / MIB:.0f} / {hand / MIB:.0f} MiB = "
        f"{ours / hand:.2f}x (target <= {verdicts.SCALE_MEMORY:.2f}x){incomplete}",
        ours / hand <= verdicts.SCALE_MEMORY and complete,
    )


CASES: Mapping[int, Callable[[Judge], None]] = MappingProxyType(
    {
        1: case_whole_database,
        2: case_small_pages,
        3: case_peer,
        4: case_scale,
        5: case_incremental,
        6: case_large_rebuilds,
        7: audit_scale.case_audit,
        8: case_parallel,
    }
)
