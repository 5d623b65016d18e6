"""How long the inventory loader takes on adversarial inputs, in seconds per megabyte.

The loader must never take much more than a second per megabyte of input, whatever the input: a
pull request that adds a hostile inventory must not hang the documentation build. Each case below
builds one file of about the given size that aims at one possible weakness, parses it with
``parse_inventory`` (the best of a few runs), and prints the time, the rate and how many problems
were found. Not a test: run it by hand and read the figures.

Usage::

    python -m benchmarks.loader_limits [--megabytes 4] [--runs 3] [--case NAME]...
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType

from sphinxcontrib_cookies.inventory import InventoryError, parse_inventory
from sphinxcontrib_cookies.inventory.yamltree import MAX_DEPTH

MB = 1024 * 1024
HEADER = "categories:\n  necessary: {title: Necessary, description: Needed.}\n"


def _repeat_to(size: int, head: str, item: Callable[[int], str], tail: str = "") -> str:
    """``head`` then ``item(0)``, ``item(1)``... until the text reaches ``size`` characters."""
    parts = [head]
    total = len(head) + len(tail)
    index = 0
    while total < size:
        piece = item(index)
        parts.append(piece)
        total += len(piece)
        index += 1
    parts.append(tail)
    return "".join(parts)


def huge_flat(size: int) -> str:
    """A valid inventory with as many cookies as fit: the common case, only larger."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: (
            f"  - name: cookie_{i}\n    category: necessary\n    purpose: Keeps thing {i}.\n"
            f"    duration: P{i % 24 + 1}M\n    party: first\n"
        ),
    )


def flow_nesting(size: int) -> str:
    """Many values nested one level short of the limit, in flow style (``[[[...]]]``)."""
    depth = MAX_DEPTH - 3
    deep = "[" * depth + "x" + "]" * depth
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: f"  - {{name: c{i}, category: necessary, x: {deep}}}\n",
    )


def block_nesting(size: int) -> str:
    """One deeply indented block mapping after another, one level short of the limit."""
    depth = MAX_DEPTH - 3

    def item(index: int) -> str:
        lines = [f"  - name: c{index}\n    category: necessary\n    x:\n"]
        lines.extend(f"{'  ' * (level + 3)}k{level}:\n" for level in range(depth))
        lines.append(f"{'  ' * (depth + 3)}leaf\n")
        return "".join(lines)

    return _repeat_to(size, HEADER + "cookies:\n", item)


def too_deep(size: int) -> str:
    """Nesting past the limit at the very end of a large file: refused, after reading it all."""
    filler = huge_flat(size - 4 * MAX_DEPTH)
    return filler + "  - " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"


def long_line(size: int) -> str:
    """One purpose of several megabytes on a single line."""
    purpose = "word " * (size // 5)
    return HEADER + f"cookies:\n  - name: a\n    category: necessary\n    purpose: {purpose}\n"


def long_key(size: int) -> str:
    """One unknown key of several megabytes (its warning must not echo it all)."""
    key = "k" * size
    return (
        HEADER + f"cookies:\n  - name: a\n    category: necessary\n    purpose: p\n    {key}: 1\n"
    )


def long_reference(size: int) -> str:
    """A category reference of several megabytes, close to nothing declared."""
    return HEADER + f"cookies:\n  - name: a\n    category: {'n' * size}\n    purpose: p\n"


def duplicate_keys(size: int) -> str:
    """One cookie entry whose key ``purpose`` is repeated until the file is full."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n  - name: a\n    category: necessary\n",
        lambda i: "    purpose: p\n",
    )


def duplicate_ids(size: int) -> str:
    """The same category id declared over and over."""
    return _repeat_to(
        size, "cookies: []\ncategories:\n", lambda i: "  same: {title: T, description: D}\n"
    )


def duplicate_cookies(size: int) -> str:
    """The same cookie name declared over and over."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: "  - {name: same, category: necessary, purpose: p}\n",
    )


def misspelt_keys(size: int) -> str:
    """Cookie entries whose keys are all close misspellings of the allowed keys."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: (
            f"  - {{nmae: c{i}, categroy: necessary, purpsoe: p, provdier: x, "
            f"duraiton: P1M, prty: first, tpye: cookie, domian: d}}\n"
        ),
    )


def misspelt_references(size: int) -> str:
    """As many declared categories as fit, and 900 cookies (fewer than the problems that stop
    the checking of a file) that each name a category misspelt.

    Each misspelt reference is compared with every declared id for a suggestion: without a
    bound, the work grows with the product of the two counts.
    """
    cookies = "".join(
        f"  - {{name: c{i}, category: categroy_{i:06d}, purpose: p}}\n" for i in range(900)
    )
    return _repeat_to(
        size,
        f"cookies:\n{cookies}categories:\n",
        lambda i: f"  category_{i:06d}: {{title: T, description: D}}\n",
    )


def aliases(size: int) -> str:
    """A "billion laughs": each list holds ten aliases of the one before."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    lines.extend(f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]\n" for n in range(1, 10))
    head = "".join(lines)
    return _repeat_to(size, head, lambda i: f"x{i}: [{', '.join(['*lol9'] * 10)}]\n")


def dense_scalars(size: int) -> str:
    """As many values per byte as YAML allows: one cookie with a flow list of short names."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n  - {category: necessary, purpose: p, names: [",
        lambda i: f"{i:x},",
        "x]}\n",
    )


def dense_lists(size: int) -> str:
    """As many collections per byte as YAML allows, where the reader looks: every name in
    ``names`` an empty list, each one a problem."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n  - {category: necessary, purpose: p, names: [",
        lambda i: "[],",
        "x]}\n",
    )


def dense_languages(size: int) -> str:
    """One purpose translated into the same language over and over."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n  - name: a\n    category: necessary\n    purpose:\n",
        lambda i: "      en: p\n",
    )


def many_problems(size: int) -> str:
    """Every cookie entry has several problems: a flood of located warnings."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: (
            f"  - {{name: 'bad name {i}', category: nowhere, purpose: [x], "
            f"duration: forever, party: fourth, type: jar}}\n"
        ),
    )


def control_characters(size: int) -> str:
    """Escaped control characters in every value (refused, each with a warning)."""
    return _repeat_to(
        size,
        HEADER + "cookies:\n",
        lambda i: f'  - {{name: "c\\x1b[31m{i}", category: necessary, purpose: "p\\x07"}}\n',
    )


CASES: Mapping[str, Callable[[int], str]] = MappingProxyType(
    {
        "huge-flat": huge_flat,
        "flow-nesting": flow_nesting,
        "block-nesting": block_nesting,
        "too-deep": too_deep,
        "long-line": long_line,
        "long-key": long_key,
        "long-reference": long_reference,
        "duplicate-keys": duplicate_keys,
        "duplicate-ids": duplicate_ids,
        "duplicate-cookies": duplicate_cookies,
        "misspelt-keys": misspelt_keys,
        "misspelt-references": misspelt_references,
        "aliases": aliases,
        "dense-scalars": dense_scalars,
        "dense-lists": dense_lists,
        "dense-languages": dense_languages,
        "many-problems": many_problems,
        "control-characters": control_characters,
    }
)


def measure(data: bytes, runs: int) -> tuple[float, float, int, str]:
    """The best CPU and wall times of ``runs`` parses, the number of problems, and how it ended.

    CPU time is the figure to compare: on a shared machine the wall time also counts the time
    other processes held the processor.
    """
    best_cpu = best_wall = float("inf")
    problems, outcome = 0, "loaded"
    for _ in range(runs):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        try:
            inventory = parse_inventory(data, "bench.yaml")
        except InventoryError as error:
            problems, outcome = 1, f"refused ({error.problem.kind}, line {error.problem.line})"
        else:
            problems, outcome = len(inventory.problems), f"{len(inventory.cookies)} cookies"
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        best_wall = min(best_wall, time.perf_counter() - start_wall)
    return best_cpu, best_wall, problems, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0, help="size of each input")
    parser.add_argument("--runs", type=int, default=3, help="parses per case; the best counts")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only these")
    arguments = parser.parse_args()
    size = int(arguments.megabytes * MB)
    header = f"{'case':<22}{'MB':>6}{'cpu s':>8}{'wall s':>8}{'cpu s/MB':>10}{'problems':>10}"
    print(header + "  outcome")
    worst = 0.0
    for name in arguments.case or CASES:
        data = CASES[name](size).encode("utf-8")
        cpu, wall, problems, outcome = measure(data, arguments.runs)
        megabytes = len(data) / MB
        rate = cpu / megabytes
        worst = max(worst, rate)
        print(
            f"{name:<22}{megabytes:>6.2f}{cpu:>8.3f}{wall:>8.3f}{rate:>10.3f}{problems:>10}"
            f"  {outcome}"
        )
    print(f"worst: {worst:.3f} CPU s/MB (target: about 1 s/MB or less)")
    return 0 if worst <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
