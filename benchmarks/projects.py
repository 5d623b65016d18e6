"""The projects the cases build: a side with the ``cookie-table`` directive, a side with the
same tables hand-written, and inventories reshaped into many small categories."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .convert_ocd import dump_inventory
from .harness import Project, write_project

#: The larger inventories are over the extension's default limits of 5 MiB and 10,000 entries.
LARGE_INVENTORIES = "cookies_max_file_size = 64 * 1024 * 1024\ncookies_max_entries = 1_000_000\n"


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


def regrouped(
    document: dict[str, Any], groups: int, per_group: int, extra: str | None = None
) -> list[str]:
    """Put the first ``groups * per_group`` cookies of ``document`` into ``groups`` categories
    of ``per_group`` each (``group-001``...), in place; the rest, if any, into category
    ``extra``. Returns the group ids, in order."""
    ids = [f"group-{number:03d}" for number in range(1, groups + 1)]
    cookies = document["cookies"]
    if len(cookies) < groups * per_group:
        raise SystemExit(f"only {len(cookies)} cookies, need {groups * per_group}")
    categories = {
        group: {
            "title": f"Group {number}",
            "description": f"The cookies of group {number}.",
            "requires_consent": True,
        }
        for number, group in enumerate(ids, 1)
    }
    for index, cookie in enumerate(cookies):
        cookie["category"] = ids[index // per_group] if index < groups * per_group else extra
    if extra is not None and len(cookies) > groups * per_group:
        categories[extra] = {"title": "Not shown", "description": "Shown on no page."}
    else:
        del cookies[groups * per_group :]
    document["categories"] = categories
    return ids
