"""Every example in the documentation is built as a real Sphinx project.

``docs/snippets/<group>/<name>/`` holds one example: an inventory (``cookies.yaml``), and when
the example needs them a page (``index.rst`` or ``index.md``), configuration lines (``conf.py``)
and the exact warnings it produces (``warnings.txt``). The documentation shows these files with
``literalinclude``; this test copies each folder into a fresh source directory, builds it, and
checks that it gives exactly the warnings in ``warnings.txt`` (none when there is no such file)
and renders what the documentation says it renders.

The gallery pages in ``docs/examples/`` are built the same way, as one project
(``tests/test_docs_gallery.py``). What each example must render is in ``tests/snippet_checks.py``.

To regenerate the ``warnings.txt`` files after changing a message, run the tests with
``COOKIES_UPDATE_SNIPPETS=1`` and review the diff.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from output import cookie_tables
from snippet_checks import CHECKS
from snippets import (
    UPDATE,
    Built,
    all_names,
    build_project,
    build_snippet,
    declared_names,
    snippet_id,
    snippets,
)


@pytest.mark.parametrize("snippet", snippets(), ids=snippet_id)
def test_snippet_builds_as_documented(
    snippet: Path, make_app: Callable[..., Any], tmp_path: Path
) -> None:
    built = build_snippet(make_app, tmp_path, snippet)
    expected_file = snippet / "warnings.txt"
    wants_file = expected_file.exists() or snippet.parent.name in ("warnings", "compliance")
    if UPDATE and wants_file and built.warnings:
        expected_file.write_text("\n".join(built.warnings) + "\n", encoding="utf-8")
    expected = (
        expected_file.read_text(encoding="utf-8").splitlines() if expected_file.exists() else []
    )
    assert built.warnings == expected

    name = snippet_id(snippet)
    if snippet.parent.name == "warnings" and snippet.name != "silence":
        # an example of a warning gives that warning, and no other
        assert expected, f"{name} shows no warning; add warnings.txt"
        assert all(line.endswith(f"[cookies.{snippet.name}]") for line in expected), expected
        return
    if snippet.parent.name == "compliance":
        # an example of a compliance rule breaks that rule, and no other
        assert expected, f"{name} breaks no rule; add warnings.txt"
        ending = f"[{snippet.name}] [cookies.compliance]"
        assert all(line.endswith(ending) for line in expected), expected
    if not (snippet / "index.rst").exists() and not (snippet / "index.md").exists():
        # the default page shows every declared cookie
        inventory = snippet / "cookies.yaml"
        if inventory.exists():
            assert all_names(cookie_tables(built.page())) == declared_names(inventory)

    def rebuild(source: Path, **options: Any) -> Built:
        copy = tmp_path / f"rebuild-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(source, copy)
        return build_project(make_app, copy, **options)

    if name in CHECKS:
        CHECKS[name](built, rebuild)


@pytest.mark.parametrize(
    "snippet",
    [path for path in snippets() if (path / "warnings.txt").exists()],
    ids=snippet_id,
)
def test_each_warning_can_be_silenced(
    snippet: Path, make_app: Callable[..., Any], tmp_path: Path
) -> None:
    """The documented way to silence a warning, ``suppress_warnings``, silences it."""
    # the examples of the compliance rules are all ``cookies.compliance``
    subtype = "compliance" if snippet.parent.name == "compliance" else snippet.name
    built = build_snippet(
        make_app, tmp_path, snippet, extra_conf=f"suppress_warnings = ['cookies.{subtype}']"
    )
    assert built.warnings == []


def test_every_check_names_a_snippet() -> None:
    assert CHECKS, "no check registered: is tests/snippet_checks.py imported?"
    assert set(CHECKS) <= {snippet_id(path) for path in snippets()}
