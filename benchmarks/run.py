"""Benchmark sphinxcontrib-cookies against hand-written tables and its nearest peer.

Each case builds two (or more) sides in turn, A B A B, from scratch in a fresh child process,
after one uncounted warm-up round, and prints medians, their ratio, peak memory and whether the
case meets its target. See benchmarks/README.md.

Usage::

    python benchmarks/run.py [--case N]... [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import html.parser
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_ocd import build_inventory, check_inventory, dump_inventory, read_rows

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
PEER_VENV = WORK / "peer-venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
PEER_PACKAGES = ["sphinx==9.0.4", "sphinxcontrib-datatemplates", "pyyaml"]
OCD_CSV = ROOT / "sphinxcontrib_cookies" / "data" / "open-cookie-database.csv"

COLUMNS = ["name", "provider", "purpose", "duration"]
COLUMN_TITLES = {
    "name": "Cookie name(s)",
    "provider": "Provider",
    "function": "Function",
    "purpose": "Purpose",
    "duration": "Duration",
    "party": "Party",
    "type": "Type",
    "domain": "Domain",
    "category": "Category",
}
SMALL_CATEGORY_COUNT = 20
INCREMENTAL_PAGES = 200
MIB = 1024 * 1024
# The 10x inventory (5.6 MB) is over the extension's default limit of 5 MiB.
LARGE_INVENTORIES = "cookies_max_file_size = 64 * 1024 * 1024\n"

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


# --- Projects and builds --------------------------------------------------------------------------


@dataclasses.dataclass
class Project:
    """A generated Sphinx project, and the Python that builds it."""

    label: str
    srcdir: Path
    python: Path
    # Documents whose HTML the checks compare (tables, rows, cells).
    compared_docs: list[str] = dataclasses.field(default_factory=lambda: ["index"])

    @property
    def outdir(self) -> Path:
        return self.srcdir / "_build" / "html"


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
    """Build the project's HTML in a fresh child; from scratch (-E, empty output) when fresh."""
    if fresh and project.outdir.exists():
        shutil.rmtree(project.outdir)
    command = [str(project.python), "-m", "sphinx", "-b", "html"]
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

    @property
    def median(self) -> float:
        """The median on the clock that targets are judged by (see --clock)."""
        return self.cpu_median if CLOCK == "cpu" else self.wall_median

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


# --- Targets --------------------------------------------------------------------------------------


@dataclasses.dataclass
class Verdict:
    case: str
    what: str
    figure: str
    passed: bool | None  # None: could not be measured

    def line(self) -> str:
        status = {True: "PASS", False: "FAIL", None: "N/A "}[self.passed]
        return f"  {status}  case {self.case}: {self.what}: {self.figure}"


VERDICTS: list[Verdict] = []
# The clock targets are judged by: "cpu" (user + system time of the build) is steady when other
# work shares the machine; "wall" is what a user waits on an idle one.
CLOCK = "cpu"


def verdict(case: str, what: str, figure: str, passed: bool | None) -> None:
    result = Verdict(case, what, figure, passed)
    VERDICTS.append(result)
    print(result.line())


# --- Comparing what the sides built ---------------------------------------------------------------


class TableCells(html.parser.HTMLParser):
    """Collects the text of every table body cell, row by row, and the external links in them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links = 0
        self.captions: list[str] = []
        self._depth = 0  # inside <tbody>
        self._caption: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self._depth += 1
        elif tag == "caption":
            self._caption = []
        elif self._depth and tag == "tr":
            self.rows.append([])
        elif self._depth and tag == "td":
            self._cell = []
        elif (
            self._cell is not None
            and tag == "a"
            and any(name == "href" and value and "://" in value for name, value in attrs)
        ):
            self.links += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._depth -= 1
        elif tag == "caption" and self._caption is not None:
            self.captions.append(" ".join("".join(self._caption).split()))
            self._caption = None
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def table_cells(project: Project) -> TableCells:
    parser = TableCells()
    for docname in project.compared_docs:
        parser.feed((project.outdir / f"{docname}.html").read_text(encoding="utf-8"))
    return parser


def compare_output(first: Project, second: Project) -> bool:
    """Print whether two sides built the same tables; True when titles and cells are identical.

    Links are reported but not required to match: reST makes a link of a bare URL in a purpose,
    where the extension shows the text as written.
    """
    a, b = table_cells(first), table_cells(second)
    same = a.rows == b.rows and a.captions == b.captions
    print(
        f"    output: {first.label}: {len(a.rows)} rows, {a.links} links; "
        f"{second.label}: {len(b.rows)} rows, {b.links} links; "
        f"titles {'identical' if a.captions == b.captions else 'DIFFER'}, "
        f"cells {'identical' if a.rows == b.rows else 'DIFFER'}, "
        f"links {'identical' if a.links == b.links else 'DIFFER'}"
    )
    if a.rows != b.rows:
        differing = [(x, y) for x, y in zip(a.rows, b.rows, strict=False) if x != y]
        for x, y in differing[:3]:
            print(f"      {first.label}: {x}\n      {second.label}: {y}")
        compared = min(len(a.rows), len(b.rows))
        print(f"      ({len(differing)} differing rows among the first {compared})")
    return same


# --- Inventories ----------------------------------------------------------------------------------


def ocd_inventory(scale: int = 1) -> dict[str, Any]:
    document = build_inventory(read_rows(OCD_CSV), scale)
    problems = check_inventory(document)
    if problems:
        raise SystemExit(f"the converted inventory is invalid: {problems[:5]}")
    return document


def split_small_categories(document: dict[str, Any], count: int) -> list[str]:
    """Move the cookies of `count` mid-sized platforms into categories of their own.

    The Open Cookie Database has six categories, two of them huge; pages in real projects show
    small ones. Returns the new category ids, which the inventory now lists first.
    """
    sizes: dict[str, int] = {}
    for cookie in document["cookies"]:
        platform = cookie.get("function")
        if platform:
            sizes[platform] = sizes.get(platform, 0) + 1
    chosen = sorted(
        (platform for platform, size in sizes.items() if 8 <= size <= 30),
        key=lambda platform: (-sizes[platform], platform),
    )[:count]
    if len(chosen) < count:
        raise SystemExit(f"only {len(chosen)} platforms of 8 to 30 cookies, need {count}")
    ids = {
        platform: "platform-" + re.sub(r"[^a-z0-9]+", "-", platform.lower()).strip("-")
        for platform in chosen
    }
    new_categories = {
        ids[platform]: {
            "title": f"Cookies set by {platform}",
            "description": f"What {platform} stores in the browser, and why.",
            "requires_consent": True,
        }
        for platform in chosen
    }
    document["categories"] = {**new_categories, **document["categories"]}
    for cookie in document["cookies"]:
        if cookie.get("function") in ids:
            cookie["category"] = ids[cookie["function"]]
    return [ids[platform] for platform in chosen]


# --- Hand-written reStructuredText ----------------------------------------------------------------

_INLINE_SPECIALS = re.compile(r"([\\`*_|<>\[\]])")
_BLOCK_START = re.compile(r"^(\w+[.)]\s|[^\w\s])")


def rest_text(text: Any) -> str:
    """Escape inline markup, and a start that docutils would read as a list, comment or field."""
    if isinstance(text, dict):
        text = text.get("en") or next(iter(text.values()))
    escaped = _INLINE_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))
    if _BLOCK_START.match(escaped) and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    return escaped


def duration_words(duration: Any) -> str:
    """Durations as a reader sees them: "Session", "Persistent", "2 years", or the given text."""
    if duration is None:
        return ""
    if isinstance(duration, dict):
        return rest_text(duration)
    if duration == "session":
        return "Session"
    if duration == "persistent":
        return "Persistent"
    count, _, unit = str(duration).partition(" ")
    if count.isdigit():  # "1440 minutes" reads "1,440 minutes", as Babel writes it in English
        return f"{int(count):,} {unit}"
    return rest_text(duration)


def provider_cell(cookie: dict[str, Any], providers: dict[str, Any]) -> str:
    provider_id = cookie.get("provider")
    if provider_id is None:
        return ""
    provider = providers.get(provider_id)
    if provider is None:
        return rest_text(provider_id)
    if provider.get("privacy_policy"):
        return f"`{rest_text(provider['name'])} <{provider['privacy_policy']}>`__"
    return rest_text(provider["name"])


def name_cell(cookie: dict[str, Any]) -> str:
    names = cookie["names"] if "names" in cookie else [cookie["name"]]
    return ", ".join(f"``{name}``" for name in names)


def hand_cell(column: str, cookie: dict[str, Any], document: dict[str, Any]) -> str:
    if column == "name":
        return name_cell(cookie)
    if column == "provider":
        return provider_cell(cookie, document.get("providers", {}))
    if column == "duration":
        return duration_words(cookie.get("duration"))
    if column == "category":
        return rest_text(document["categories"][cookie["category"]]["title"])
    value = cookie.get(column)
    return "" if value is None else rest_text(value)


def hand_tables(document: dict[str, Any], category_ids: Iterable[str], columns: list[str]) -> str:
    """The list-tables a writer would type for these categories: one per category, titled."""
    by_category: dict[str, list[dict[str, Any]]] = {}
    for cookie in document["cookies"]:
        by_category.setdefault(cookie["category"], []).append(cookie)
    lines: list[str] = []
    for category_id in category_ids:
        cookies = by_category.get(category_id)
        if not cookies:
            continue
        category = document["categories"][category_id]
        lines += [f".. list-table:: {rest_text(category['title'])}", "   :header-rows: 1", ""]
        lines += [
            f"   {'*' if index == 0 else ' '} - {COLUMN_TITLES[column]}"
            for index, column in enumerate(columns)
        ]
        for cookie in cookies:
            for index, column in enumerate(columns):
                cell = hand_cell(column, cookie, document)
                lines.append(f"   {'*' if index == 0 else ' '} - {cell}".rstrip())
        lines.append("")
    return "\n".join(lines) + "\n"


def directive(category_ids: Sequence[str] | None, columns: list[str]) -> str:
    lines = [".. cookie-table::", f"   :columns: {', '.join(columns)}", "   :group-by: category"]
    if category_ids is not None:
        lines.insert(1, f"   :categories: {', '.join(category_ids)}")
    return "\n".join(lines) + "\n"


def page(title: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{body}"


# --- The peer: sphinxcontrib-datatemplates --------------------------------------------------------

PEER_TEMPLATE = r"""
{%- macro esc(text) -%}
\ {{ text|replace('\\', '\\\\')|replace('`', '\\`')|replace('*', '\\*')|replace('_', '\\_')
      |replace('|', '\\|')|replace('<', '\\<')|replace('>', '\\>')|replace('[', '\\[')
      |replace(']', '\\]') }}
{%- endmacro -%}
{%- macro words(text) -%}
{{ text if text is string else (text.en or text.values()|first) }}
{%- endmacro -%}
{% for category_id, category in data.categories.items() %}
{%- set cookies = data.cookies|selectattr('category', 'equalto', category_id)|list %}
{%- if cookies %}
.. list-table:: {{ esc(words(category.title)) }}
   :header-rows: 1

   * - Cookie name(s)
     - Provider
     - Purpose
     - Duration
{%- for cookie in cookies %}
{%- set provider = data.providers[cookie.provider] if cookie.provider in data.providers else none %}
   * - {% for name in (cookie.names or [cookie.name]) -%}
         ``{{ name }}``{{ ", " if not loop.last }}
       {%- endfor %}
     - {% if provider and provider.privacy_policy -%}
         `{{ esc(words(provider.name)) }} <{{ provider.privacy_policy }}>`__
       {%- elif provider %}{{ esc(words(provider.name)) }}
       {%- elif cookie.provider %}{{ esc(cookie.provider) }}{% endif %}
     - {{ esc(words(cookie.purpose)) }}
     - {% if cookie.duration == 'session' %}Session
       {%- elif cookie.duration == 'persistent' %}Persistent
       {%- elif cookie.duration is string and cookie.duration.split(' ')[0].isdigit() -%}
         {%- set count, unit = cookie.duration.split(' ', 1) -%}
         {{ '{:,}'.format(count|int) }} {{ unit }}
       {%- elif cookie.duration %}{{ esc(words(cookie.duration)) }}{% endif %}
{%- endfor %}
{% endif %}
{%- endfor %}
"""


def ensure_peer() -> str | None:
    """Install the peer into its own venv when missing; return why it cannot run, or None."""
    if not PEER_PYTHON.exists():
        print(f"    creating {PEER_VENV} with {' '.join(PEER_PACKAGES)}")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
            subprocess.run(
                [str(PEER_PYTHON), "-m", "pip", "install", "-q", *PEER_PACKAGES],
                check=True,
                capture_output=True,
                text=True,
            )
        except subprocess.CalledProcessError as error:
            return f"could not install {PEER_PACKAGES}: {(error.stderr or '')[-500:]}"
    probe = subprocess.run(
        [
            str(PEER_PYTHON),
            "-c",
            "import sphinx, importlib.metadata as m; "
            "print(sphinx.__version__, m.version('sphinxcontrib-datatemplates'))",
        ],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"the peer venv cannot import Sphinx or datatemplates: {probe.stderr[-500:]}"
    sphinx_version, peer_version = probe.stdout.split()
    print(f"    peer: sphinxcontrib-datatemplates {peer_version} on Sphinx {sphinx_version}")
    return None


# --- Cases ----------------------------------------------------------------------------------------


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


def timed_pair(
    a: Project, b: Project, runs: int, case: str, what: str, target: float, inclusive: bool
) -> None:
    """Build A and B in turn, print both, and judge A/B against ``target``; a pair that built
    different tables fails whatever its ratio."""
    series = alternate([a, b], runs)
    for side in series:
        print("    " + side.describe())
    same = compare_output(a, b)
    ratio = ratio_line(*series)
    sign = "<=" if inclusive else "<"
    within = ratio <= target if inclusive else ratio < target
    verdict(
        case,
        what,
        f"{ratio:.2f}x (target {sign} {target:.2f}x)"
        f"{'' if same else '; the sides built different tables'}",
        within and same,
    )


def ratio_line(a: Series, b: Series) -> float:
    """Print the ratio of medians on both clocks; return it on the judged clock."""
    wall = a.wall_median / b.wall_median
    cpu = a.cpu_median / b.cpu_median
    print(
        f"    {a.project.label} / {b.project.label}: "
        f"wall {wall:.2f} ({a.wall_median:.2f} s / {b.wall_median:.2f} s), "
        f"CPU {cpu:.2f} ({a.cpu_median:.2f} s / {b.cpu_median:.2f} s), "
        f"peak RSS {a.peak_rss / MIB:.0f} / {b.peak_rss / MIB:.0f} MiB"
    )
    return cpu if CLOCK == "cpu" else wall


WHOLE_DATABASE_TITLE = "Cookie policy"


def whole_database_page(document: dict[str, Any], folder: str) -> Project:
    """One page rendering every cookie with ``cookie-table``: side A of cases 1 and 3."""
    return directive_project(
        WORK / folder,
        "A cookie-table",
        document,
        {"index": page(WHOLE_DATABASE_TITLE, directive(None, COLUMNS))},
    )


def case_whole_database(runs: int) -> None:
    document = ocd_inventory()
    count = len(document["cookies"])
    print(f"case 1: one page, the whole database ({count} cookies) in 4-column tables by category")
    categories = list(document["categories"])
    title = WHOLE_DATABASE_TITLE
    a = whole_database_page(document, "case1-directive")
    b = hand_project(
        WORK / "case1-hand",
        "B hand-written list-table",
        {"index": page(title, hand_tables(document, categories, COLUMNS))},
    )
    timed_pair(a, b, runs, "1", "one page, whole database, A/B time", 0.8, inclusive=True)


def small_category_pages(
    document: dict[str, Any], category_ids: list[str], body: Callable[[str], str]
) -> dict[str, str]:
    names = [f"category-{index:02d}" for index in range(1, len(category_ids) + 1)]
    pages = {
        name: page(document["categories"][category_id]["title"], body(category_id))
        for name, category_id in zip(names, category_ids, strict=True)
    }
    pages["index"] = page(
        "Cookies", ".. toctree::\n   :maxdepth: 1\n\n" + "".join(f"   {n}\n" for n in names)
    )
    return pages


def case_small_pages(runs: int) -> None:
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
    timed_pair(a, b, runs, "2", "20 small-category pages, A/B time", 1.1, inclusive=True)


def case_peer(runs: int) -> None:
    document = ocd_inventory()
    print(
        f"case 3: the whole database ({len(document['cookies'])} cookies) through "
        "sphinxcontrib-datatemplates and a list-table template"
    )
    why = ensure_peer()
    if why:
        print(f"    the peer cannot run: {why}")
        verdict("3", "faster than sphinxcontrib-datatemplates", "peer could not run", None)
        return
    title = WHOLE_DATABASE_TITLE
    a = whole_database_page(document, "case3-directive")
    peer_dir = WORK / "case3-peer"
    write_project(
        peer_dir,
        extensions=["sphinxcontrib.datatemplates"],
        pages={
            "index": page(
                title, ".. datatemplate:yaml:: cookies.yaml\n   :template: cookies.tmpl\n"
            )
        },
        files={
            "cookies.yaml": dump_inventory(document),
            "_templates/cookies.tmpl": PEER_TEMPLATE.lstrip(),
        },
        conf_extra="templates_path = ['_templates']\n",
    )
    b = Project("B datatemplates", peer_dir, PEER_PYTHON)
    timed_pair(a, b, runs, "3", "cookie-table / datatemplates time", 1.0, inclusive=False)


def case_scale(runs: int) -> None:
    print("case 4: scale: the whole database at 1x, 4x and 10x on one page")
    # The fixed cost: Sphinx with the extension loaded, no inventory to parse, no table.
    write_project(
        WORK / "case4-empty",
        extensions=["sphinxcontrib_cookies"],
        pages={"index": page("Cookie policy", "No table on this page.\n")},
    )
    empty = Project("C no table (fixed cost)", WORK / "case4-empty", Path(sys.executable))
    per_cookie: dict[int, tuple[float, float]] = {}
    complete = True  # every table built, with every cookie
    memory: tuple[Series, Series] | None = None
    for scale in (1, 4, 10):
        document = ocd_inventory(scale)
        count = len(document["cookies"])
        print(f"  {scale}x: {count} cookies")
        a = directive_project(
            WORK / f"case4-{scale}x-directive",
            f"A cookie-table {scale}x",
            document,
            {"index": page("Cookie policy", directive(None, COLUMNS))},
            conf_extra=LARGE_INVENTORIES,
        )
        sides = [a, empty]
        if scale == 10:
            sides.insert(
                1,
                hand_project(
                    WORK / "case4-10x-hand",
                    "B hand-written 10x",
                    {
                        "index": page(
                            "Cookie policy",
                            hand_tables(document, list(document["categories"]), COLUMNS),
                        )
                    },
                ),
            )
        series = alternate(sides, runs)
        for side in series:
            print("    " + side.describe())
        rows = len(table_cells(a).rows)
        print(f"    output: {a.label}: {rows} rows of {count} cookies")
        complete = complete and rows == count
        fixed = series[-1].median
        raw = series[0].median / count
        net = (series[0].median - fixed) / count
        per_cookie[scale] = (raw, net)
        print(
            f"    per cookie: {raw * 1e3:.3f} ms raw, {net * 1e3:.3f} ms net of the "
            f"{fixed:.2f} s fixed cost"
        )
        if scale == 10:
            complete = compare_output(series[0].project, series[1].project) and complete
            ratio_line(series[0], series[1])
            memory = (series[0], series[1])
    growth = per_cookie[10][1] / per_cookie[1][1]
    print(
        f"    per-cookie time (net) 10x / 1x: {growth:.2f}; 4x / 1x: "
        f"{per_cookie[4][1] / per_cookie[1][1]:.2f}"
    )
    verdict(
        "4",
        "per-cookie time (net of fixed cost) at 10x vs 1x",
        f"{growth:.2f}x (target <= 1.20x){'' if complete else '; tables incomplete'}",
        growth <= 1.2 and complete,
    )
    assert memory is not None
    memory_ratio = memory[0].peak_rss / memory[1].peak_rss
    verdict(
        "4",
        "peak RSS at 10x, cookie-table / hand-written",
        f"{memory[0].peak_rss / MIB:.0f} / {memory[1].peak_rss / MIB:.0f} MiB = "
        f"{memory_ratio:.2f}x (target <= 1.50x){'' if complete else '; tables incomplete'}",
        memory_ratio <= 1.5 and complete,
    )


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


def case_incremental(runs: int) -> None:
    document = ocd_inventory()
    used = ["security", "necessary"]
    print(
        f"case 5: incremental: {INCREMENTAL_PAGES} pages, 2 of them with a cookie-table; "
        "edit one purpose in the YAML and rebuild (no -E)"
    )
    names = [f"page-{index:03d}" for index in range(1, INCREMENTAL_PAGES)]
    with_tables = {names[49]: used[0], names[149]: used[1]}
    pages = {
        name: page(
            f"Page {name[-3:]}",
            directive([with_tables[name]], COLUMNS) if name in with_tables else FILLER,
        )
        for name in names
    }
    pages["index"] = page(
        "Project", ".. toctree::\n   :maxdepth: 1\n\n" + "".join(f"   {n}\n" for n in names)
    )
    project = directive_project(WORK / "case5", "incremental", document, pages, list(with_tables))
    edited = next(cookie for cookie in document["cookies"] if cookie["category"] == used[0])
    original_purpose = edited["purpose"]
    edit_count = 0

    edit_side = Project(
        "A edit one purpose, rebuild", project.srcdir, project.python, project.compared_docs
    )
    same_side = Project(
        "B no change, rebuild", project.srcdir, project.python, project.compared_docs
    )

    def before_each(side: Project) -> None:
        nonlocal edit_count
        if side is edit_side:
            edit_count += 1
            edited["purpose"] = f"{original_purpose} (edit {edit_count})"
            (project.srcdir / "cookies.yaml").write_text(dump_inventory(document), "utf-8")

    first = build(project, fresh=True, quiet=False)
    print(
        f"    first full build: {first.wall:.2f} s, {len(READING.findall(first.stdout))} pages read"
    )
    series = alternate(
        [edit_side, same_side], runs, before_each=before_each, fresh=False, quiet=False
    )
    for side in series:
        reread = [sorted(READING.findall(result.stdout)) for result in side.results]
        written = [sorted(WRITING.findall(result.stdout)) for result in side.results]
        print("    " + side.describe())
        print(
            f"      pages re-read per run: {[len(r) for r in reread]} {reread[-1]}; "
            f"pages written per run: {[len(w) for w in written]} {written[-1]}"
        )
    shown = edited["purpose"] in (project.outdir / f"{names[49]}.html").read_text("utf-8")
    print(f"    the last edit is {'in' if shown else 'NOT in'} the rebuilt page")
    ratio_line(*series)
    reread_counts = {len(READING.findall(r.stdout)) for r in series[0].results}
    unchanged_counts = {len(READING.findall(r.stdout)) for r in series[1].results}
    verdict(
        "5",
        "pages re-read after a YAML edit",
        f"{sorted(reread_counts)} per run, {sorted(unchanged_counts)} with no change "
        "(target exactly 2, edit shown)",
        reread_counts == {2} and shown,
    )


CASES: dict[int, Callable[[int], None]] = {
    1: case_whole_database,
    2: case_small_pages,
    3: case_peer,
    4: case_scale,
    5: case_incremental,
}


def load_average() -> str:
    """Other work on the machine skews wall times; the load says how much there was."""
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    global CLOCK
    CLOCK = args.clock
    WORK.mkdir(parents=True, exist_ok=True)
    if not extension_available():
        print("sphinxcontrib_cookies has no Sphinx extension in this tree yet: nothing to compare")
        return 2
    started = time.perf_counter()
    print(f"time targets judged on {CLOCK} time; load average {load_average()}")
    failed_to_run = False
    for number in args.case or sorted(CASES):
        print()
        try:
            CASES[number](args.runs)
        except BuildFailed as error:
            failed_to_run = True
            print(f"    BUILD FAILED: {error}")
            verdict(str(number), "builds", "a build failed", False)
    print(
        f"\nsummary ({time.perf_counter() - started:.0f} s, {args.runs} counted runs per side, "
        f"time judged on {CLOCK} time, load average now {load_average()}):"
    )
    for result in VERDICTS:
        print(result.line())
    if failed_to_run or any(result.passed is False for result in VERDICTS):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
