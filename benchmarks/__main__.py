"""``python -m benchmarks``: run the cases, print each verdict and a summary."""

from __future__ import annotations

import argparse
import sys
import time

from . import __doc__ as package_doc
from .cases import CASES
from .harness import WORK, BuildFailed, compile_package, extension_available, load_average
from .verdicts import Judge


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(package_doc or "").split("\n\n")[0]
    )
    parser.add_argument(
        "--case",
        type=int,
        action="append",
        choices=sorted(CASES),
        help="run only this case (repeatable); default: all",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="counted runs per side after the warm-up (default 3)"
    )
    parser.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="judge time targets by CPU time (default; steady on a shared machine) or wall time",
    )
    parser.add_argument(
        "--jobs",
        type=jobs_list,
        default=(),
        help="the -j values of case 8, such as 1,2 (default 1,4,8,16)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def jobs_list(text: str) -> tuple[int, ...]:
    values = tuple(int(value) for value in text.split(","))
    if not values or min(values) < 1 or list(values) != sorted(set(values)):
        raise argparse.ArgumentTypeError("a rising list of counts of at least 1, such as 1,2")
    return values


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    judge = Judge(clock=args.clock, runs=args.runs, jobs=args.jobs)
    WORK.mkdir(parents=True, exist_ok=True)
    if not extension_available():
        print("sphinxcontrib_cookies has no Sphinx extension in this tree yet: nothing to compare")
        return 2
    compile_package()
    started = time.perf_counter()
    print(f"time targets judged on {judge.clock} time; load average {load_average()}")
    failed_to_run = False
    for number in args.case or sorted(CASES):
        print()
        try:
            CASES[number](judge)
        except BuildFailed as error:
            failed_to_run = True
            print(f"    BUILD FAILED: {error}")
            judge.record(str(number), "builds", "a build failed", False)
    print(
        f"\nsummary ({time.perf_counter() - started:.0f} s, {args.runs} counted runs per side, "
        f"time judged on {judge.clock} time, load average now {load_average()}):"
    )
    for result in judge.verdicts:
        print(result.line())
    return 1 if failed_to_run or judge.failed else 0


if __name__ == "__main__":
    sys.exit(main())
