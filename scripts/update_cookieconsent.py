"""Refresh the copy of vanilla-cookieconsent that the package ships, from the npm registry, and
check that the shipped files are the ones recorded.

The consent banner (``cookies_banner``) runs the library's browser files, shipped in
``sphinxcontrib_cookies/static_banner/`` so that no build and no page view needs the network.
Which release they come from is recorded in one place,
``sphinxcontrib_cookies/data/cookieconsent.json``: its version, the integrity hash npm gives for
its tarball (checked when the tarball is fetched), and the SHA-256 of each file kept from it::

    python scripts/update_cookieconsent.py                   # fetch the recorded version again
    python scripts/update_cookieconsent.py --version 3.1.1   # move to another release
    python scripts/update_cookieconsent.py --check           # the shipped files match the record

Fetching needs ``npm`` and the registry; ``--check`` needs neither, and runs as a test
(``tests/test_banner_assets.py``). Review the library's changelog before moving to a release,
and run the browser tests (``tests/test_banner_browser.py``) after.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "sphinxcontrib_cookies"
RECORD = PACKAGE_DIR / "data" / "cookieconsent.json"
FILES_DIR = PACKAGE_DIR / "static_banner"
NPM_PACKAGE = "vanilla-cookieconsent"
#: The files kept, by their name in the tarball and the name they ship under.
KEPT = {
    "package/dist/cookieconsent.umd.js": "cookieconsent.umd.js",
    "package/dist/cookieconsent.css": "cookieconsent.css",
    "package/LICENSE": "cookieconsent.LICENSE",
}


def sri(data: bytes, algorithm: str) -> str:
    """A Subresource Integrity value, ``sha512-<base64>``, as npm records a tarball's."""
    digest = hashlib.new(algorithm, data).digest()
    return f"{algorithm}-{base64.b64encode(digest).decode('ascii')}"


def read_record(path: Path = RECORD) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def problems(record: dict[str, Any], folder: Path = FILES_DIR) -> list[str]:
    """How the shipped files differ from the record; [] when they match."""
    found = []
    for name, expected in record["files"].items():
        path = folder / name
        if not path.is_file():
            found.append(f"{path} is missing")
        elif sri(path.read_bytes(), "sha256") != expected:
            found.append(f"{path} is not the file of {NPM_PACKAGE} {record['version']}")
    if set(record["files"]) != set(KEPT.values()):
        found.append(f"the record lists {sorted(record['files'])}, not {sorted(KEPT.values())}")
    return found


def _npm(*arguments: str, cwd: Path) -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed: it fetches the package from the registry")
    done = subprocess.run(
        [npm, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"npm {' '.join(arguments)} failed:\n{done.stderr.strip()}")
    return done.stdout


def fetch(version: str, folder: Path = FILES_DIR, record_path: Path = RECORD) -> dict[str, Any]:
    """Fetch ``version`` with npm, check its tarball against the registry's integrity hash,
    and write the kept files and the record."""
    with tempfile.TemporaryDirectory() as work:
        here = Path(work)
        spec = f"{NPM_PACKAGE}@{version}"
        integrity = json.loads(_npm("view", spec, "dist.integrity", "--json", cwd=here))
        _npm("pack", spec, "--silent", cwd=here)
        (tarball,) = here.glob(f"{NPM_PACKAGE}-*.tgz")
        if sri(tarball.read_bytes(), "sha512") != integrity:
            raise SystemExit(f"{tarball.name} does not match the registry's integrity {integrity}")
        kept: dict[str, bytes] = {}
        with tarfile.open(tarball) as archive:
            for member, name in KEPT.items():
                extracted = archive.extractfile(member)
                if extracted is None:
                    raise SystemExit(f"{tarball.name} has no file {member}")
                kept[name] = extracted.read()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in kept.items():
        (folder / name).write_bytes(data)
    record = {
        "package": NPM_PACKAGE,
        "version": version,
        "integrity": integrity,
        "files": {name: sri(data, "sha256") for name, data in kept.items()},
    }
    record_path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", help="the release to ship (default: the recorded one)")
    parser.add_argument(
        "--check", action="store_true", help="check the shipped files; fetch nothing"
    )
    parser.add_argument("--record", type=Path, default=RECORD, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, default=FILES_DIR, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.check:
        found = problems(read_record(options.record), options.folder)
        for problem in found:
            print(problem, file=sys.stderr)
        if found:
            print("run python scripts/update_cookieconsent.py", file=sys.stderr)
        return 1 if found else 0
    version = options.version or read_record(options.record)["version"]
    record = fetch(version, options.folder, options.record)
    print(f"{NPM_PACKAGE} {record['version']}: {', '.join(record['files'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
