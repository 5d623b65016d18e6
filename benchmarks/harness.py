"""Building a generated project in a fresh child process, and timing the sides of a case in turn.

Each build is ``python -m sphinx -b html`` run from a child that reports the build's wall time,
CPU time (user + system) and peak RSS; the sides of a case alternate A B A B, after one uncounted
warm-up round.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
MIB = 1024 * 1024

#: The clock targets are judged by: "cpu" (user + system time of the build) is steady when other
#: work shares the machine; "wall" is what a user waits on an idle one.
Clock = Literal["cpu", "wall"]

# Runs one command in this fresh child and reports its wall time and peak RSS. A fresh child per
# build keeps RUSAGE_CHILDREN to that one build (it is a high-water mark over all reaped children).
MEASURE_CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
completed = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss,
           "returncode": completed.returncode, "stdout": completed.stdout,
           "stderr": completed.stderr}, sys.stdout)
"""


@dataclasses.dataclass
class Project:
    """A generated Sphinx project, and the Python that builds it."""

    label: str
    srcdir: Path
    python: Path
    # Documents whose HTML the checks compare (tables, rows, cells).
    compared_docs: list[str] = dataclasses.field(default_factory=lambda: ["index"])
    #: The Sphinx builder (``html`` unless a case measures another).
    builder: str = "html"

    @property
    def outdir(self) -> Path:
        return self.srcdir / "_build" / self.builder


@dataclasses.dataclass
class BuildResult:
    wall: float
    cpu: float
    peak_rss: int
    stdout: str
    stderr: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if "WARNING" in line or "ERROR" in line]


class BuildFailed(RuntimeError):
    pass


def write_project(
    directory: Path,
    *,
    extensions: Sequence[str],
    pages: dict[str, str],
    files: dict[str, str] | None = None,
    conf_extra: str = "",
) -> None:
    """Write a small Sphinx project from scratch: conf.py, the pages and any extra files."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    conf = f"project = 'cookie benchmark'\nextensions = {list(extensions)!r}\n{conf_extra}"
    (directory / "conf.py").write_text(conf, encoding="utf-8")
    for docname, text in pages.items():
        path = directory / f"{docname}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in (files or {}).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def child_environment() -> dict[str, str]:
    environment = dict(os.environ)
    # Build with this worktree's package, whatever the current directory.
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [environment.get("PYTHONPATH")])]
    )
    environment.pop("SPHINXOPTS", None)
    return environment


def build(project: Project, *, fresh: bool = True, quiet: bool = True) -> BuildResult:
    """Build the project in a fresh child; from scratch (-E, empty output) when fresh."""
    if fresh and project.outdir.exists():
        shutil.rmtree(project.outdir)
    command = [str(project.python), "-m", "sphinx", "-b", project.builder]
    if fresh:
        command.append("-E")
    if quiet:
        command.append("-q")
    command += [str(project.srcdir), str(project.outdir)]
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE_CHILD, *command],
        capture_output=True,
        text=True,
        cwd=project.srcdir,
        env=child_environment(),
        check=True,
    )
    report = json.loads(completed.stdout)
    if report["returncode"] != 0:
        raise BuildFailed(
            f"{project.label}: sphinx-build exited {report['returncode']}\n"
            + report["stderr"][-3000:]
        )
    return BuildResult(
        wall=report["wall"],
        cpu=report["cpu"],
        peak_rss=report["maxrss_kib"] * 1024,
        stdout=report["stdout"],
        stderr=report["stderr"],
    )


@dataclasses.dataclass
class Series:
    """The counted builds of one side."""

    project: Project
    results: list[BuildResult] = dataclasses.field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [result.wall for result in self.results]

    @property
    def cpus(self) -> list[float]:
        return [result.cpu for result in self.results]

    @property
    def wall_median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpus)

    def median(self, clock: Clock) -> float:
        """The median on the clock that targets are judged by (see --clock)."""
        return self.cpu_median if clock == "cpu" else self.wall_median

    @property
    def peak_rss(self) -> int:
        return max(result.peak_rss for result in self.results)

    def describe(self) -> str:
        walls = " ".join(f"{wall:.2f}" for wall in self.walls)
        cpus = " ".join(f"{cpu:.2f}" for cpu in self.cpus)
        warnings = len(self.results[-1].warnings)
        return (
            f"{self.project.label:<30} wall median {self.wall_median:7.2f} s [{walls}]  "
            f"CPU median {self.cpu_median:7.2f} s [{cpus}]  "
            f"peak RSS {self.peak_rss / MIB:4.0f} MiB  warnings {warnings}"
        )


def alternate(
    projects: Sequence[Project],
    runs: int,
    *,
    before_each: Callable[[Project], None] | None = None,
    fresh: bool = True,
    quiet: bool = True,
) -> list[Series]:
    """Build the sides in turn (A B A B ...): one uncounted warm-up round, then `runs` rounds."""
    series = [Series(project) for project in projects]
    for round_number in range(runs + 1):
        for side in series:
            if before_each:
                before_each(side.project)
            result = build(side.project, fresh=fresh, quiet=quiet)
            if round_number > 0:
                side.results.append(result)
            print(
                f"    {'warm-up' if round_number == 0 else f'run {round_number}'}: "
                f"{side.project.label} {result.wall:.2f} s wall, {result.cpu:.2f} s CPU",
                flush=True,
            )
    for side in series:
        for warning in side.results[-1].warnings[:5]:
            print(f"    ! {side.project.label}: {warning}")
    return series


def ratio_line(a: Series, b: Series, clock: Clock) -> float:
    """Print the ratio of medians on both clocks; return it on the judged clock."""
    wall = a.wall_median / b.wall_median
    cpu = a.cpu_median / b.cpu_median
    print(
        f"    {a.project.label} / {b.project.label}: "
        f"wall {wall:.2f} ({a.wall_median:.2f} s / {b.wall_median:.2f} s), "
        f"CPU {cpu:.2f} ({a.cpu_median:.2f} s / {b.cpu_median:.2f} s), "
        f"peak RSS {a.peak_rss / MIB:.0f} / {b.peak_rss / MIB:.0f} MiB"
    )
    return cpu if clock == "cpu" else wall


def extension_available() -> bool:
    """Whether this tree's package is a Sphinx extension yet (it has a setup())."""
    probe = subprocess.run(
        [sys.executable, "-c", "import sphinxcontrib_cookies as p; print(hasattr(p, 'setup'))"],
        capture_output=True,
        text=True,
        cwd=WORK,
        env=child_environment(),
    )
    return probe.stdout.strip() == "True"


def load_average() -> str:
    """Other work on the machine skews wall times; the load says how much there was."""
    return " ".join(f"{load:.1f}" for load in os.getloadavg())
