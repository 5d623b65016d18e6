"""``python -m benchmarks.own_share``: how much of cases 1 and 2 is the extension's own work.

Each round builds side A of the case with ``share_probe`` loaded (which times the extension's
import, parsing, tables, directives, transforms and handlers) and side B as the case does, in
turn, after a warm-up round. It prints the median of each part, and what the ratio A/B would be
if the extension's own work took no time at all: the floor that no change to the extension can
go below, since the rest of A is Sphinx and docutils working on the same tree as B.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys

from . import verdicts
from .cases import SMALL_CATEGORY_COUNT, small_pages_sides, whole_database_sides
from .harness import WORK, BuildResult, Project, alternate, compile_package
from .inventories import ocd_inventory, split_small_categories
from .share_probe import MARK, PACKAGE


def probed(project: Project) -> Project:
    extensions = f"extensions=benchmarks.share_probe,{PACKAGE}"
    return dataclasses.replace(project, options=(*project.options, "-D", extensions))


def parts_of(result: BuildResult) -> dict[str, float]:
    line = next(line for line in result.stderr.splitlines() if line.startswith(MARK))
    parts: dict[str, float] = json.loads(line.removeprefix(MARK))
    return parts


def sides(case: int) -> tuple[Project, Project, verdicts.RatioTarget]:
    if case == 1:
        return (*whole_database_sides(), verdicts.WHOLE_DATABASE)
    document = ocd_inventory()
    categories = split_small_categories(document, SMALL_CATEGORY_COUNT)
    return (*small_pages_sides(document, categories), verdicts.SMALL_PAGES)


def share(case: int, runs: int) -> None:
    a, b, target = sides(case)
    print(f"case {case}: {a.label} (with the probe) against {b.label}")
    with_probe, by_hand = alternate([probed(a), b], runs)
    reports = [parts_of(result) for result in with_probe.results]
    names = sorted({name for report in reports for name in report})
    medians = {
        name: statistics.median(report.get(name, 0.0) for report in reports) for name in names
    }
    ours = statistics.median(sum(report.values()) for report in reports)
    for name, seconds in sorted(medians.items(), key=lambda item: -item[1]):
        print(f"    {name:<32} {seconds:6.3f} s")
    total, baseline = with_probe.cpu_median, by_hand.cpu_median
    print(
        f"    {'the extension, in all':<32} {ours:6.3f} s of {total:.2f} s "
        f"({ours / total:.0%}); {b.label}: {baseline:.2f} s\n"
        f"    A/B {total / baseline:.2f}x; with none of the extension's own work "
        f"{(total - ours) / baseline:.2f}x; the target ({target.limit:.2f}x) allows the "
        f"extension {max(0.0, target.limit * baseline - (total - ours)):.3f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.own_share", description=__doc__)
    parser.add_argument("--case", type=int, action="append", choices=(1, 2))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    compile_package()
    for case in args.case or (1, 2):
        share(case, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
