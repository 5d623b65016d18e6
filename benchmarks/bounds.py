"""Build time and peak memory against the size of the inventory, for the shapes that cost the
builders most per byte, in html, latex and text.

Usage::

    python -m benchmarks.bounds [--shape NAME]... [--builder NAME]... [--kilobytes 100]
                                [--factor 4] [--runs 1]

Each shape is an inventory within the default limits (``InventoryLimits``), built at about
``--kilobytes`` and at ``--factor`` times that; a one-entry inventory gives each builder's fixed
cost. The figures are per megabyte of YAML, net of that fixed cost: processor seconds (user +
system, steady on a shared machine) and MiB of peak RSS. A shape passes when, in each builder,

* its cost per megabyte at the larger size is at most ``LINEAR`` times that at the smaller one:
  work in proportion to the input grows by 1 (a little more, as Python's garbage collector
  scans more objects), work in proportion to its square by the factor, 4; a net cost under
  ``NOISE`` seconds is too small to judge; and
* both stay within ``BOUNDS``: the constants ``docs/security.rst`` states.

The exit status is 0 when every shape passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .harness import MIB, WORK, BuildResult, Project, build, load_average, write_project

MB = 1_000_000
BUILDERS = ("html", "latex", "text")
#: The largest growth of the cost per megabyte, from one size to ``--factor`` times it.
LINEAR = 2.0
#: Net processor seconds (or MiB) below which a growth is not judged: the noise of a build.
NOISE = 1.0
#: The most a build may cost per megabyte of inventory, above its fixed cost: processor
#: seconds, and MiB of peak memory (about 1,000 times the inventory's size).
BOUNDS = (120.0, 1_000.0)
HEAD = "categories:\n  site: {title: Site, description: What the site needs.}\ncookies:\n"


def _entries(size: int, entry: Callable[[int], str]) -> str:
    parts, total, number = [HEAD], len(HEAD), 0
    while total < size:
        parts.append(entry(number))
        total += len(parts[-1])
        number += 1
    return "".join(parts)


def long_names(size: int) -> str:
    """Names as long as the limit allows (256 characters), one per entry."""
    return _entries(
        size, lambda n: f"  - {{name: {f'n{n}_'.ljust(256, 'x')}, category: site, purpose: p}}\n"
    )


def many_entries(size: int) -> str:
    """The smallest entries there are: the most rows per byte."""
    return _entries(size, lambda n: f"  - {{name: c{n}, category: site, purpose: p}}\n")


def many_names(size: int) -> str:
    """Entries of 100 names each, the limit."""
    return _entries(
        size,
        lambda n: (
            "  - category: site\n    purpose: p\n    names: ["
            + ", ".join(f"e{n}_name_{k}" for k in range(100))
            + "]\n"
        ),
    )


def wide_text(size: int) -> str:
    """Purposes of 5,000 characters, the limit, each one word (the hardest to wrap)."""
    return _entries(
        size, lambda n: f"  - {{name: w{n}, category: site, purpose: w{n}{'w' * 4_990}}}\n"
    )


SHAPES: Mapping[str, Callable[[int], str]] = MappingProxyType(
    {
        "long-names": long_names,
        "many-entries": many_entries,
        "many-names": many_names,
        "wide-text": wide_text,
    }
)


@dataclass(frozen=True)
class Cost:
    """A build of a shape at a size, net of the builder's fixed cost, per megabyte."""

    size: int
    result: BuildResult
    fixed: BuildResult

    @property
    def cpu_per_mb(self) -> float:
        return (self.result.cpu - self.fixed.cpu) / (self.size / MB)

    @property
    def memory_per_mb(self) -> float:
        return (self.result.peak_rss - self.fixed.peak_rss) / MIB / (self.size / MB)


def project(label: str, inventory: str, builder: str) -> Project:
    srcdir = WORK / "bounds" / f"{label}-{builder}"
    write_project(
        srcdir,
        extensions=["sphinxcontrib_cookies"],
        pages={"index": "Cookies\n=======\n\n.. cookie-table::\n"},
        files={"cookies.yaml": inventory},
        conf_extra='latex_documents = [("index", "bounds.tex", "Bounds", "B", "manual")]\n',
    )
    return Project(label, srcdir, Path(sys.executable), builder=builder)


def cheapest(target: Project, runs: int) -> BuildResult:
    """The build with the least processor time of ``runs``."""
    results = [build(target) for _ in range(runs)]
    return min(results, key=lambda result: result.cpu)


def measure(shape: str, builder: str, sizes: tuple[int, int], runs: int) -> tuple[Cost, Cost]:
    make = SHAPES[shape]
    fixed = cheapest(project("fixed", many_entries(len(HEAD) + 1), builder), runs)
    costs = []
    for size in sizes:
        inventory = make(size)
        result = cheapest(project(f"{shape}-{size}", inventory, builder), runs)
        if result.warnings:
            print(f"    ! {result.warnings[0]}")
        costs.append(Cost(len(inventory.encode()), result, fixed))
    return costs[0], costs[1]


def verdict(small: Cost, large: Cost) -> tuple[bool, str]:
    growth = large.cpu_per_mb / max(small.cpu_per_mb, 1e-9)
    memory_growth = large.memory_per_mb / max(small.memory_per_mb, 1e-9)
    net_cpu = large.result.cpu - large.fixed.cpu
    net_memory = (large.result.peak_rss - large.fixed.peak_rss) / MIB
    linear = (growth <= LINEAR or net_cpu < NOISE) and (
        memory_growth <= LINEAR or net_memory < 10 * NOISE
    )
    bounded = all(
        cost.cpu_per_mb <= BOUNDS[0] and cost.memory_per_mb <= BOUNDS[1] for cost in (small, large)
    )
    line = (
        f"{small.size / 1000:6.0f} kB: {small.cpu_per_mb:6.1f} s/MB {small.memory_per_mb:6.0f} "
        f"MiB/MB | {large.size / 1000:6.0f} kB: {large.cpu_per_mb:6.1f} s/MB "
        f"{large.memory_per_mb:6.0f} MiB/MB | growth {growth:.2f} (memory {memory_growth:.2f}) | "
        f"{large.result.cpu:.1f} s, {large.result.peak_rss / MIB:.0f} MiB"
    )
    return linear and bounded, line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", action="append", choices=list(SHAPES))
    parser.add_argument("--builder", action="append", choices=list(BUILDERS))
    parser.add_argument("--kilobytes", type=int, default=100)
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1)
    arguments = parser.parse_args(argv)
    sizes = (arguments.kilobytes * 1000, arguments.kilobytes * 1000 * arguments.factor)
    print(f"load average at start: {load_average()}")
    passed = True
    for shape in arguments.shape or list(SHAPES):
        for builder in arguments.builder or list(BUILDERS):
            ok, line = verdict(*measure(shape, builder, sizes, arguments.runs))
            passed = passed and ok
            print(f"{shape:<13} {builder:<6} {'pass' if ok else 'FAIL'}  {line}", flush=True)
    print(f"load average at end: {load_average()}")
    print(f"linear within {LINEAR}x; bounds {BOUNDS[0]:.0f} s and {BOUNDS[1]:.0f} MiB per MB")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
