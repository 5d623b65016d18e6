"""Building the documentation's examples as real Sphinx projects, and reading what they show.

``docs/snippets/<group>/<name>/`` holds one example: an inventory (``cookies.yaml``), and when
the example needs them a page (``index.rst`` or ``index.md``), configuration lines (``conf.py``)
and the exact warnings it produces (``warnings.txt``). ``tests/test_docs_snippets.py`` builds
each; ``tests/test_docs_gallery.py`` builds ``docs/examples/``; ``tests/test_docs_rules.py``
checks that the docs show only such tested files.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_cookies.inventory import load_inventory
from sphinxcontrib_cookies.inventory.sites import suffix_list_version

from output import Element, Table, parse_html

REPOSITORY = Path(__file__).resolve().parent.parent
DOCS = REPOSITORY / "docs"
SNIPPETS = DOCS / "snippets"
EXAMPLES = DOCS / "examples"
UPDATE = os.environ.get("COOKIES_UPDATE_SNIPPETS") == "1"
#: The Public Suffix List version the docs' command outputs show; the run's own version stands
#: in for it, so that a new release of publicsuffixlist leaves the pages as they are.
PAGE_SUFFIX_LIST = "2026-10-22_08-36-41_UTC"
HAS_MYST = importlib.util.find_spec("myst_parser") is not None

#: Subtypes the Sphinx glue adds to the inventory's problem kinds.
GLUE_SUBTYPES = ("option", "config", "unknown-cookie", "legal", "history", "compliance", "banner")

DEFAULT_PAGE = "Cookie policy\n=============\n\n.. cookie-types::\n\n.. cookie-table::\n"


def matches_the_page(output: str, shown: Path) -> None:
    """A command's output is the one the docs show in ``shown`` (rewritten with
    ``COOKIES_UPDATE_SNIPPETS=1``), the list version aside."""
    output = output.replace(suffix_list_version(), PAGE_SUFFIX_LIST)
    if UPDATE:
        shown.write_text(output, encoding="utf-8")
    assert output == shown.read_text(encoding="utf-8")


# --- reading what a page shows ------------------------------------------------------------------


def cookie_types(page: Element) -> dict[str, str]:
    """Each category's title and the text of its explanation."""
    found = {}
    for listing in page.find_all("dl", "cookie-types"):
        terms = listing.find_all("dt")
        definitions = listing.find_all("dd")
        for term, definition in zip(terms, definitions, strict=True):
            found[term.text.replace("¶", "").strip()] = definition.text
    return found


def role_links(page: Element) -> dict[str, str]:
    """The text of each ``:cookie:`` reference and where it points."""
    return {
        link.text: link.attrs.get("href", "")
        for link in page.find_all("a", "reference")
        if "internal" in link.classes and link.find_all("code")
    }


# --- building a snippet -----------------------------------------------------------------------


@dataclass
class Built:
    source: Path
    outdir: Path
    warnings: list[str]

    def page(self, name: str = "index") -> Element:
        return parse_html((self.outdir / f"{name}.html").read_text(encoding="utf-8"))


def _normalise(text: str, source: Path) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    for prefix in {str(source.resolve()), str(source)}:
        text = text.replace(prefix + os.sep, "")
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def build_project(
    make_app: Callable[..., Any],
    source: Path,
    *,
    language: str | None = None,
    extra_conf: str = "",
    root_doc: str = "index",
) -> Built:
    """Build ``source`` (already a copy) as it is, with a test-only conf.py around its own."""
    own = source / "conf.py"
    conf = own.read_text(encoding="utf-8") if own.exists() else ""
    if "extensions" not in conf:
        markdown = any(source.rglob("*.md"))
        extensions = ["sphinxcontrib_cookies", *(["myst_parser"] if markdown else [])]
        conf = f"extensions = {extensions!r}\n{conf}"
    own.write_text(
        f"{conf}\nshow_warning_types = True\nroot_doc = {root_doc!r}\n{extra_conf}\n",
        encoding="utf-8",
    )
    if not any(source.glob(f"{root_doc}.*")):
        (source / "index.rst").write_text(DEFAULT_PAGE, encoding="utf-8")
    overrides = {"language": language} if language else {}
    app = make_app("html", srcdir=source, confoverrides=overrides, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()  # so that a second build in the same test starts from a clean registry
    return Built(source, Path(app.outdir), _normalise(app.warning.getvalue(), source))


def build_snippet(
    make_app: Callable[..., Any], tmp_path: Path, snippet: Path, **options: Any
) -> Built:
    if any(snippet.rglob("*.md")) and not HAS_MYST:
        pytest.skip("a MyST example, and myst-parser is not installed")
    source = tmp_path / "source"
    shutil.copytree(snippet, source, ignore=shutil.ignore_patterns("warnings.txt"))
    return build_project(make_app, source, **options)


def snippets() -> list[Path]:
    return sorted(path for path in SNIPPETS.glob("*/*") if path.is_dir())


def snippet_id(path: Path) -> str:
    return str(path.relative_to(SNIPPETS))


def declared_names(inventory: Path) -> list[str]:
    """The names in the order the default page shows them: by category, then as written."""
    loaded = load_inventory(inventory)
    return [
        name
        for category in loaded.categories
        for cookie in loaded.cookies_in(category)
        for name in cookie.names
    ]


def all_names(tables: list[Table]) -> list[str]:
    return [name for table in tables for row in table.names for name in row]
