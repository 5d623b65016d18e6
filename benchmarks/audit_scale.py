"""Case 7: ``sphinx-cookies audit`` against the whole Open Cookie Database, on generated HARs of
10,000 to 376,000 seen cookies (issue 17).

Each size is one HAR of requests that set eight cookies each: a third named as the database
names them (matched by exact name), a third in the families it declares by pattern (``_ga_*``
as ``_ga_7F3K``), a third unknown, on 500 hosts of 50 sites. Every run is a fresh
``python -m sphinxcontrib_cookies audit ... --format json`` in a child process, which reads the
inventory and the HAR, matches and prints the report: the time includes all of it. An empty HAR
gives the fixed cost (interpreter, imports, the inventory), so that the time per seen cookie is
judged net of it. Sizes alternate within each round, so load drift touches them alike.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from .convert_ocd import dump_inventory
from .harness import MEASURE_CHILD, MIB, WORK, BuildFailed, child_environment, load_average
from .inventories import ocd_inventory
from .verdicts import Judge

#: Seen cookies in each HAR; 14,452 is the count of the 50,000-request HAR of issue 17.
SIZES = (0, 10_000, 14_452, 100_000, 376_000)
COOKIES_PER_REQUEST = 8
HOSTS = 500
SITES = 50
#: Targets (issue 17), judged on the clock --clock chooses.
SMALL_SIZE, SMALL_LIMIT = 14_452, 5.0
LARGE_SIZE, LARGE_LIMIT = 376_000, 60.0
#: Net time per seen cookie at the largest size over that at 10,000.
FLAT_FROM, FLAT_LIMIT = 10_000, 1.3
CASE_DIR = WORK / "case7-audit"


def seen_names(document: dict[str, Any], count: int) -> list[tuple[str, str]]:
    """``count`` distinct (name, host) pairs: declared names, pattern families, unknown names."""
    exact = [c["name"] for c in document["cookies"] if "name" in c and "*" not in c["name"]]
    prefixes = [c["name"][:-1] for c in document["cookies"] if c.get("name", "").endswith("*")]
    hosts = [f"h{number}.site{number % SITES}.example" for number in range(HOSTS)]
    pairs: list[tuple[str, str]] = []
    for number in range(count):
        step, kind = divmod(number, 3)
        if kind == 0:  # each declared name on each host in turn: no pair twice
            name = exact[step % len(exact)]
            host = hosts[(step // len(exact)) % HOSTS]
        else:
            name = f"{prefixes[step % len(prefixes)]}{number:x}" if kind == 1 else f"u_{number}"
            host = hosts[number % HOSTS]
        pairs.append((name, host))
    unique = list(dict.fromkeys(pairs))  # two prefixes may make one name: top up with others
    unique += [(f"u_extra_{n}", hosts[n % HOSTS]) for n in range(count - len(unique))]
    return unique


def har_document(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    entries = []
    for start in range(0, len(pairs), COOKIES_PER_REQUEST):
        group = pairs[start : start + COOKIES_PER_REQUEST]
        host = group[0][1]
        entries.append(
            {
                "startedDateTime": "2026-05-01T10:00:00Z",
                "request": {"url": f"https://{host}/page/{start}", "headers": []},
                "response": {
                    "headers": [
                        {"name": "Set-Cookie", "value": f"{name}=1; Domain={h}; Max-Age=3600"}
                        for name, h in group
                    ]
                },
            }
        )
    return {"log": {"version": "1.2", "entries": entries}}


@dataclasses.dataclass
class Run:
    wall: float
    cpu: float
    peak_rss: int
    observed: int


def audit_once(inventory: Path, har: Path) -> Run:
    """One audit in a fresh child; its report must be JSON (exit 0 or 1)."""
    command = [sys.executable, "-m", "sphinxcontrib_cookies", "audit", str(inventory)]
    command += ["--har", str(har), "--format", "json", "--max-file-size", "1G", "--quiet"]
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE_CHILD, *command],
        capture_output=True,
        text=True,
        cwd=CASE_DIR,
        env=child_environment(),
        check=True,
    )
    report = json.loads(completed.stdout)
    if report["returncode"] not in (0, 1):
        raise BuildFailed(f"audit exited {report['returncode']}: {report['stderr'][-2000:]}")
    observed = json.loads(report["stdout"])["observed"]
    return Run(report["wall"], report["cpu"], report["maxrss_kib"] * 1024, observed)


def prepare() -> tuple[Path, dict[int, Path]]:
    CASE_DIR.mkdir(parents=True, exist_ok=True)
    document = ocd_inventory()
    inventory = CASE_DIR / "cookies.yaml"
    inventory.write_text(dump_inventory(document), encoding="utf-8")
    hars = {}
    for size in SIZES:
        har = CASE_DIR / f"seen-{size}.har"
        if not har.exists():
            har.write_text(json.dumps(har_document(seen_names(document, size))), "utf-8")
        hars[size] = har
    return inventory, hars


def case_audit(judge: Judge) -> None:
    print(f"case 7: audit, the Open Cookie Database against HARs of {', '.join(map(str, SIZES))}")
    inventory, hars = prepare()
    runs: dict[int, list[Run]] = {size: [] for size in SIZES}
    for round_number in range(judge.runs + 1):
        for size in SIZES:
            run = audit_once(inventory, hars[size])
            if run.observed != size:
                raise BuildFailed(f"the {size} HAR shows {run.observed} cookies")
            if round_number:
                runs[size].append(run)
            label = "warm-up" if round_number == 0 else f"run {round_number}"
            print(f"    {label}: {size:>7} seen: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU")
    judge_runs(judge, runs, hars)


def judge_runs(judge: Judge, runs: dict[int, list[Run]], hars: dict[int, Path]) -> None:
    def median(size: int) -> float:
        key = "cpu" if judge.clock == "cpu" else "wall"
        return statistics.median(getattr(run, key) for run in runs[size])

    fixed = median(0)
    for size in SIZES:
        seen = runs[size]
        net = (median(size) - fixed) / size * 1e6 if size else 0.0
        print(
            f"    {size:>7} seen, HAR {hars[size].stat().st_size / MIB:5.1f} MiB: wall median "
            f"{statistics.median(r.wall for r in seen):6.2f} s, CPU median "
            f"{statistics.median(r.cpu for r in seen):6.2f} s, net {net:5.1f} us per cookie, "
            f"peak RSS {max(r.peak_rss for r in seen) / MIB:4.0f} MiB"
        )
    for size, limit in ((SMALL_SIZE, SMALL_LIMIT), (LARGE_SIZE, LARGE_LIMIT)):
        judge.record(
            "7",
            f"audit of {size:,} seen cookies",
            f"{median(size):.2f} s (target < {limit:.0f} s)",
            median(size) < limit,
        )
    growth = ((median(LARGE_SIZE) - fixed) / LARGE_SIZE) / ((median(FLAT_FROM) - fixed) / FLAT_FROM)
    judge.record(
        "7",
        f"time per seen cookie, {LARGE_SIZE:,} over {FLAT_FROM:,}, net of the fixed cost",
        f"{growth:.2f}x (fixed cost {fixed:.2f} s; target <= {FLAT_LIMIT}x); load {load_average()}",
        growth <= FLAT_LIMIT,
    )
