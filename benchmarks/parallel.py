"""Case 8: parallel builds. 200 pages, each a table of one category of 20 cookies (4,000 in all),
built from scratch with ``-j 1, 4, 8, 16`` (``--jobs``), against the same pages hand-written,
in the same run. Judged on wall time, which is what ``-j`` shortens: the extension at most 0.8x
the hand-written build at every ``-j``, and its speed-up from the fewest to the most jobs at
least that of the hand-written pages. Every page the extension builds with more jobs must be
byte for byte what it builds with ``-j 1``.

The figures mean something only on a machine with at least as many idle cores as the largest
``-j``; on fewer, the case still runs, and says how many cores it had.
"""

from __future__ import annotations

import dataclasses
import filecmp
import os
import statistics

from . import verdicts
from .baselines import COLUMNS, directive, hand_tables, page, toctree_page
from .compare import compare_output
from .harness import WORK, Project, Series, alternate
from .inventories import ocd_inventory
from .projects import directive_project, hand_project, regrouped
from .verdicts import Judge

PARALLEL_PAGES = 200
PARALLEL_PER_PAGE = 20
#: The -j values of the case, unless ``--jobs`` names others.
DEFAULT_JOBS = (1, 4, 8, 16)


def parallel_sides() -> tuple[Project, Project]:
    document = ocd_inventory(2)
    groups = regrouped(document, PARALLEL_PAGES, PARALLEL_PER_PAGE)
    names = [f"page-{number:03d}" for number in range(1, PARALLEL_PAGES + 1)]
    ours = {
        name: page(f"Page {name[-3:]}", directive([group], COLUMNS))
        for name, group in zip(names, groups, strict=True)
    }
    hand = {
        name: page(f"Page {name[-3:]}", hand_tables(document, [group], COLUMNS))
        for name, group in zip(names, groups, strict=True)
    }
    ours["index"] = hand["index"] = toctree_page("Project", names)
    return (
        directive_project(WORK / "case8-directive", "A cookie-table", document, ours, names),
        hand_project(WORK / "case8-hand", "B hand-written", hand, names),
    )


def with_jobs(project: Project, jobs: int) -> Project:
    return dataclasses.replace(
        project,
        label=f"{project.label} -j {jobs}",
        options=("-j", str(jobs)),
        output=f"html-j{jobs}",
    )


def same_pages(first: Project, other: Project) -> bool:
    """Whether every page of ``other`` is byte for byte the page of ``first``."""
    pages = sorted(path.name for path in first.outdir.glob("*.html"))
    _, mismatch, errors = filecmp.cmpfiles(first.outdir, other.outdir, pages, shallow=False)
    if mismatch or errors:
        print(
            f"    {other.label}: {len(mismatch) + len(errors)} pages differ from -j 1: "
            f"{(mismatch + errors)[:5]}"
        )
    return not mismatch and not errors and len(pages) > PARALLEL_PAGES


def wall(series: Series) -> float:
    return statistics.median(series.walls)


def main_cpu(series: Series) -> float:
    return statistics.median(result.main_cpu for result in series.results)


def case_parallel(judge: Judge) -> None:
    jobs = judge.jobs or DEFAULT_JOBS
    cores = os.cpu_count() or 1
    print(
        f"case 8: parallel builds: {PARALLEL_PAGES} pages of {PARALLEL_PER_PAGE} cookies, "
        f"-j {', '.join(map(str, jobs))}, on {cores} cores; judged on wall time"
    )
    if max(jobs) > cores:
        print(f"    only {cores} cores: the figures for -j above {cores} mean little")
    ours, hand = parallel_sides()
    sides = [with_jobs(side, count) for count in jobs for side in (ours, hand)]
    series = alternate(sides, judge.runs)
    for side in series:
        print("    " + side.describe())
    by_jobs = {count: (series[2 * i], series[2 * i + 1]) for i, count in enumerate(jobs)}
    same = compare_output(*(side.project for side in by_jobs[jobs[0]]))
    for count in jobs:
        a, b = by_jobs[count]
        identical = count == jobs[0] or same_pages(by_jobs[jobs[0]][0].project, a.project)
        ratio = wall(a) / wall(b)
        cpu = a.cpu_median / b.cpu_median
        print(
            f"    -j {count}: CPU of Sphinx's main process (with -j, the serial part): "
            f"cookie-table {main_cpu(a):.2f} s, hand-written {main_cpu(b):.2f} s"
        )
        judge.record(
            "8",
            f"-j {count}: cookie-table / hand-written, wall time",
            f"{wall(a):.2f} s / {wall(b):.2f} s = {ratio:.2f}x, CPU {cpu:.2f}x "
            f"(target <= {verdicts.PARALLEL_RATIO:.2f}x)"
            f"{'' if identical else '; pages differ from -j 1'}"
            f"{'' if same else '; the sides built different tables'}",
            ratio <= verdicts.PARALLEL_RATIO and identical and same,
        )
    low, high = jobs[0], jobs[-1]
    ours_speedup = wall(by_jobs[low][0]) / wall(by_jobs[high][0])
    hand_speedup = wall(by_jobs[low][1]) / wall(by_jobs[high][1])
    judge.record(
        "8",
        f"speed-up from -j {low} to -j {high}",
        f"cookie-table {ours_speedup:.2f}x, hand-written {hand_speedup:.2f}x "
        "(target: at least the hand-written one)",
        ours_speedup >= hand_speedup,
    )
