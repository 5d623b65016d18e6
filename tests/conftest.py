"""Sphinx test fixtures: each ``tests/roots/test-<name>/`` is a small real documentation project."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from io import StringIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from fuzzing import LONG_RUN

pytest_plugins = ("sphinx.testing.fixtures",)


ROOTS = Path(__file__).parent / "roots"


def load_module(path: Path) -> ModuleType:
    """A script or a docs extension of the repository, which is not a package, as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def build_copy(
    root: str, destination: Path, buildername: str = "html", **options: Any
) -> SphinxTestApp:
    """Copy test root ``root`` to ``destination`` and build it there, once."""
    srcdir = destination / "src"
    if not srcdir.exists():
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=destination / "build",
        status=StringIO(),
        warning=StringIO(),
        **options,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def basic_html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("basic", tmp_path_factory.mktemp("basic"))


def run_cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """``sphinx-cookies ARGUMENTS`` in process: its exit status, standard output and error."""
    from sphinxcontrib_cookies.cli import main

    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def pytest_configure(config: pytest.Config) -> None:
    """The tests read console messages word for word, in English; Sphinx shows them (its own
    and the extension's) in the language of the user's locale, which gettext reads from
    ``LANGUAGE`` first (tests/test_i18n_durations.py runs a French user's build).
    ``-m fuzz`` selects the long fuzzing run (see ``tests/fuzzing.py``)."""
    os.environ["LANGUAGE"] = "en"
    expression = str(config.getoption("markexpr", "") or "")
    if "fuzz" in expression and "not fuzz" not in expression:
        os.environ[LONG_RUN] = "1"
