"""Write the inventory's JSON Schema from the format's declaration.

The fields of the format are declared once, in ``sphinxcontrib_cookies/inventory/fields.py``;
``sphinxcontrib_cookies/schema/build.py`` turns them into a JSON Schema, which this script
writes to ``sphinxcontrib_cookies/schema/cookie-inventory.schema.json`` (shipped in the wheel)::

    python scripts/generate_schema.py           # write the schema
    python scripts/generate_schema.py --check   # exit 1, showing the difference, if it is stale

Run it after changing the declaration; ``tests/test_schema_generation.py`` runs ``--check``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from sphinxcontrib_cookies.schema import SCHEMA_PATH
from sphinxcontrib_cookies.schema.build import build_schema

#: Objects and lists that fit on a line of this width are written on one line.
WIDTH = 100


def _dumped(value: Any, indent: int = 0, column: int = 0) -> str:
    """JSON as a person would lay it out: values that fit on the line from ``column`` stay on
    it, larger ones are spread out, one member a line, at ``indent``."""
    flat = json.dumps(value, ensure_ascii=False)
    if column + len(flat) <= WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    inner = indent + 2
    if isinstance(value, list):
        lines = [" " * inner + _dumped(item, inner, inner) for item in value]
    else:
        lines = []
        for key, item in value.items():
            head = " " * inner + json.dumps(key, ensure_ascii=False) + ": "
            lines.append(head + _dumped(item, inner, len(head)))
    brackets = "[]" if isinstance(value, list) else "{}"
    return brackets[0] + "\n" + ",\n".join(lines) + "\n" + " " * indent + brackets[1]


def schema_text() -> str:
    """The schema file's content, from the declaration."""
    return _dumped(build_schema()) + "\n"


def differences(path: Path = SCHEMA_PATH) -> list[str]:
    """A unified diff from the file on disk to the schema the declaration gives; [] if none."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    return list(
        difflib.unified_diff(
            current.splitlines(keepends=True),
            schema_text().splitlines(keepends=True),
            f"{path} (on disk)",
            f"{path} (from the declaration)",
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs from the declaration"
    )
    parser.add_argument("--path", type=Path, default=SCHEMA_PATH, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if not arguments.check:
        arguments.path.write_text(schema_text(), encoding="utf-8")
        return 0
    found = differences(arguments.path)
    if not found:
        return 0
    sys.stdout.writelines(found)
    print(
        f"\n{arguments.path} is not what the declaration gives; "
        "run python scripts/generate_schema.py",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
