"""Building a generated project in a fresh child process, and timing the sides of a case in turn.

Each build is Sphinx's command line (what ``python -m sphinx -b html`` runs) in a child that
reports the build's wall time, CPU time (user + system) and peak RSS, and how much of both
clocks the interpreter's exit took after Sphinx returned; the sides of a case alternate A B A B,
after one uncounted warm-up round.
"""

from __future__ import annotations

import compileall
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

#: Sphinx's command line (``python -m sphinx``), which also says, on its last line of standard
#: error, the CPU time (its own and its ``-j`` workers') and the time of day when Sphinx returned,
#: and its own CPU time alone (with ``-j``, the part of the build that is not parallel); what the
#: process takes after Sphinx returned is the interpreter's exit.
SPHINX_MAIN = r"""
import resource, sys, time
from sphinx.cmd.build import main
status = main(sys.argv[1:])
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
own = time.process_time()
print(f"\n@@built {own + workers.ru_utime + workers.ru_stime!r} {time.time()!r} {own!r}",
      file=sys.stderr, flush=True)
sys.exit(status)
"""

# Runs one command in this fresh child and reports its wall time and peak RSS. A fresh child per
# build keeps RUSAGE_CHILDREN to that one build (it is a high-water mark over all reaped children).
MEASURE_CHILD = r"""
import json, resource, subprocess, sys, time
start, started = time.perf_counter(), time.time()
completed = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
stderr, _, mark = completed.stderr.rpartition("\n@@built ")
built_cpu, built_at, own = (float(v) for v in mark.split()) if _ else (cpu, started + wall, cpu)
json.dump({"wall": wall, "cpu": cpu, "maxrss_kib": usage.ru_maxrss, "main_cpu": own,
           "exit_wall": max(0.0, started + wall - built_at), "exit_cpu": max(0.0, cpu - built_cpu),
           "returncode": completed.returncode, "stdout": completed.stdout,
           "stderr": stderr if _ else completed.stderr}, sys.stdout)
"""


@dataclasses.dataclass
class Project:
    """A generated Sphinx project, and the Python that builds it."""

    label: str
    srcdir: Path
    python: Path
    # Documents whose HTML the checks compare (tables, rows, cells).
    compared_docs: list[str] = dataclasses.field(default_factory=lambda: ["index"])
    #: The Sphinx builder (``html`` unless a case measures another), more options for
    #: sphinx-build (``-j 4``), and the output folder under ``_build`` (the builder's name
    #: unless given).
    builder: str = "html"
    options: tuple[str, ...] = ()
    output: str = ""

    @property
    def outdir(self) -> Path:
        return self.srcdir / "_build" / (self.output or self.builder)


@dataclasses.dataclass
class BuildResult:
    wall: float
    cpu: float
    peak_rss: int
    stdout: str
    stderr: str
    #: Of ``wall`` and ``cpu``, what the interpreter's exit took after Sphinx returned.
    exit_wall: float = 0.0
    exit_cpu: float = 0.0
    #: The CPU time of Sphinx's own process until it returned: with ``-j``, the serial part.
    main_cpu: float = 0.0

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


def compile_package() -> None:
    """Compile this tree's package as installing it would: where ``PYTHONDONTWRITEBYTECODE`` is
    set, every build would otherwise compile it again, a cost users never pay."""
    compileall.compile_dir(ROOT / "sphinxcontrib_cookies", quiet=1)


def build(
    project: Project, *, fresh: bool = True, quiet: bool = True, verbose: bool = False
) -> BuildResult:
    """Build the project in a fresh child; from scratch (-E, empty output) when fresh;
    ``verbose`` (-v) logs each inventory the build parses."""
    if fresh and project.outdir.exists():
        shutil.rmtree(project.outdir)
    command = [str(project.python), "-c", SPHINX_MAIN, "-b", project.builder, *project.options]
    if fresh:
        command.append("-E")
    if quiet:
        command.append("-q")
    if verbose:
        command.append("-v")
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
        exit_wall=report["exit_wall"],
        exit_cpu=report["exit_cpu"],
        main_cpu=report["main_cpu"],
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

    @property
    def exit_cpu_median(self) -> float:
        return statistics.median(result.exit_cpu for result in self.results)

    @property
    def exit_wall_median(self) -> float:
        return statistics.median(result.exit_wall for result in self.results)

    def describe(self) -> str:
        walls = " ".join(f"{wall:.2f}" for wall in self.walls)
        cpus = " ".join(f"{cpu:.2f}" for cpu in self.cpus)
        warnings = len(self.results[-1].warnings)
        return (
            f"{self.project.label:<30} wall median {self.wall_median:7.2f} s [{walls}]  "
            f"CPU median {self.cpu_median:7.2f} s [{cpus}]  "
            f"of which exit {self.exit_wall_median:.2f} s wall, {self.exit_cpu_median:.2f} s CPU  "
            f"peak RSS {self.peak_rss / MIB:4.0f} MiB  warnings {warnings}"
        )


def alternate(
    projects: Sequence[Project],
    runs: int,
    *,
    before_each: Callable[[Project], None] | None = None,
    fresh: bool = True,
    quiet: bool = True,
    verbose: bool = False,
) -> list[Series]:
    """Build the sides in turn (A B A B ...): one uncounted warm-up round, then `runs` rounds."""
    series = [Series(project) for project in projects]
    for round_number in range(runs + 1):
        for side in series:
            if before_each:
                before_each(side.project)
            result = build(side.project, fresh=fresh, quiet=quiet, verbose=verbose)
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
    built_cpu = (a.cpu_median - a.exit_cpu_median) / (b.cpu_median - b.exit_cpu_median)
    print(
        f"    {a.project.label} / {b.project.label}: "
        f"wall {wall:.2f} ({a.wall_median:.2f} s / {b.wall_median:.2f} s), "
        f"CPU {cpu:.2f} ({a.cpu_median:.2f} s / {b.cpu_median:.2f} s; without the "
        f"interpreter's exit {built_cpu:.2f}), "
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
