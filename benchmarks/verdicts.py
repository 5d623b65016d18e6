"""The targets of the cases, and judging a run against them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .compare import compare_output
from .harness import Clock, Project, alternate, ratio_line


@dataclasses.dataclass(frozen=True)
class Verdict:
    case: str
    what: str
    figure: str
    passed: bool | None  # None: could not be measured

    def line(self) -> str:
        status = {True: "PASS", False: "FAIL", None: "N/A "}[self.passed]
        return f"  {status}  case {self.case}: {self.what}: {self.figure}"


@dataclasses.dataclass(frozen=True)
class RatioTarget:
    """A time ratio A/B that a case must stay within (``<=`` when inclusive, else ``<``)."""

    case: str
    what: str
    limit: float
    inclusive: bool

    def holds(self, ratio: float) -> bool:
        return ratio <= self.limit if self.inclusive else ratio < self.limit

    def describe(self) -> str:
        return f"target {'<=' if self.inclusive else '<'} {self.limit:.2f}x"


WHOLE_DATABASE = RatioTarget("1", "one page, whole database, A/B time", 0.62, inclusive=True)
SMALL_PAGES = RatioTarget("2", "20 small-category pages, A/B time", 0.95, inclusive=True)
PEER = RatioTarget(
    "3", "cookie-table / datatemplates as users run it (Python YAML)", 1.0, inclusive=False
)
PEER_LIBYAML = RatioTarget("3", "cookie-table / datatemplates with libyaml", 1.0, inclusive=False)
#: Case 4: per-cookie time (net of the fixed cost) at 10x over that at 1x.
SCALE_GROWTH = 1.2
#: Case 4: peak RSS at 10x, cookie-table over hand-written.
SCALE_MEMORY = 1.5
#: Case 6: an edit of one purpose, rebuilt, against the full build (time).
LARGE_EDIT_SHARE = 0.10
#: Case 8: cookie-table over hand-written at every -j (wall time).
PARALLEL_RATIO = 0.8


@dataclasses.dataclass
class Judge:
    """The verdicts of one run of the benchmark, and the clock its time targets are judged on."""

    clock: Clock
    runs: int
    verdicts: list[Verdict] = dataclasses.field(default_factory=list)
    #: The -j values of case 8 (``--jobs``); empty: its default.
    jobs: tuple[int, ...] = ()

    def record(self, case: str, what: str, figure: str, passed: bool | None) -> None:
        result = Verdict(case, what, figure, passed)
        self.verdicts.append(result)
        print(result.line())

    def timed_pair(self, a: Project, b: Project, target: RatioTarget) -> None:
        """Build A and B in turn, print both, and judge A/B against ``target``; a pair that built
        different tables fails whatever its ratio."""
        self.timed_sides([a, b], [target])

    def timed_sides(self, sides: Sequence[Project], targets: Sequence[RatioTarget]) -> None:
        """Build the sides in turn (A B C A B C ...) and judge A against each other side, each
        against its target."""
        series = alternate(sides, self.runs)
        for side in series:
            print("    " + side.describe())
        for other, target in zip(series[1:], targets, strict=True):
            same = compare_output(sides[0], other.project)
            ratio = ratio_line(series[0], other, self.clock)
            self.record(
                target.case,
                target.what,
                f"{ratio:.2f}x ({target.describe()})"
                f"{'' if same else '; the sides built different tables'}",
                target.holds(ratio) and same,
            )

    @property
    def failed(self) -> bool:
        return any(result.passed is False for result in self.verdicts)
