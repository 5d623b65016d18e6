"""What a build makes of an inventory stays in proportion to it, in every builder.

The limits on names, texts, names per entry and entries per file are located ``cookies.limit``
warnings that keep what fits. Past them (with the limits raised), the shapes that made builders
take time or space out of proportion are checked on the document each writer is given: LaTeX
gets one node for a long name, not one per character; the text writer gets no run of characters
wider than its column and no table of more than ``ROWS_PER_TABLE`` rows; and a text file is
not padded to its longest name. Time and memory are measured by ``benchmarks/bounds.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import DEFAULT_LIMITS, InventoryLimits, parse_inventory
from sphinxcontrib_cookies.inventory.limits import CUT_MARK

from conftest import build_copy, strip_colors

HEAD = "categories:\n  site: {title: Site, description: Needed.}\ncookies:\n"

#: An extension that records, for each document as its writer receives it, the shape of the
#: cookie tables: the longest run of characters without a space, the nodes, the rows.
PROBE = """
import json, re
from pathlib import Path
from docutils import nodes
from sphinxcontrib_cookies.render.packed import packed_rows, unpack

def record(app, doctree, docname):
    # An HTML writer receives the tables' bodies packed (render/packed.py): the nodes they
    # stand for are what is measured.
    for packed in list(doctree.findall(packed_rows)):
        packed.replace_self(unpack(packed))
    shapes = []
    for table in doctree.findall(nodes.table):
        if "cookie-table" not in table["classes"]:
            continue
        texts = [str(text) for text in table.findall(nodes.Text)]
        runs = [len(run) for text in texts for run in re.findall(r"\\S+", text)]
        shapes.append({
            "nodes": sum(1 for _ in table.findall()),
            "longest_run": max(runs, default=0),
            "rows": sum(1 for body in table.findall(nodes.tbody) for _ in body.children),
            "widths": [spec["colwidth"] for spec in table.findall(nodes.colspec)],
            "text": sum(map(len, texts)),
        })
    Path(app.outdir, "shapes.json").write_text(json.dumps(shapes))

def setup(app):
    app.connect("doctree-resolved", record)
    return {"parallel_read_safe": True}
"""

RAISED = {
    "cookies_max_file_size": 50_000_000,
    "cookies_max_name_length": 10_000_000,
    "cookies_max_text_length": 10_000_000,
    "cookies_max_names_per_entry": 1_000_000,
    "cookies_max_entries": 1_000_000,
}


def build(
    tmp_path: Path, inventory: str, builder: str = "html", **confoverrides: object
) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        'extensions = ["sphinxcontrib_cookies", "probe"]\n'
        'latex_documents = [("index", "cost.tex", "Cost", "Tests", "manual")]\n'
    )
    (srcdir / "probe.py").write_text(PROBE)
    (srcdir / "index.rst").write_text("Cookies\n=======\n\n.. cookie-table::\n")
    (srcdir / "cookies.yaml").write_text(HEAD + inventory, encoding="utf-8")
    return build_copy("unused", tmp_path, builder, confoverrides=confoverrides)


def shapes(app: SphinxTestApp) -> list[dict[str, int]]:
    found: list[dict[str, int]] = json.loads((Path(app.outdir) / "shapes.json").read_text())
    assert found, "no cookie table was written"
    return found


def limit_warnings(app: SphinxTestApp) -> list[str]:
    return [
        line
        for line in strip_colors(app.warning.getvalue()).splitlines()
        if line.endswith("[cookies.limit]")
    ]


# --- the limits ---------------------------------------------------------------------------------


def test_the_default_limits() -> None:
    assert (
        InventoryLimits(name_length=256, text_length=5_000, names_per_entry=100, entries=10_000)
        == DEFAULT_LIMITS
    )


def test_a_name_over_the_limit_is_cut_short_and_reported() -> None:
    limits = InventoryLimits(name_length=10)
    text = HEAD + "  - {name: abcdefghijklmnop, category: site, purpose: p}\n"
    inventory = parse_inventory(text.encode(), "c.yaml", limits=limits)
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (4, "limit")
    assert "more than 10; it is cut short" in problem.message
    assert "cookies_max_name_length" in problem.message
    assert inventory.cookies[0].names == ("abcdefghij" + CUT_MARK,)


def test_a_text_over_the_limit_is_cut_short_and_reported() -> None:
    limits = InventoryLimits(text_length=7)
    text = HEAD + "  - {name: a, category: site, purpose: {en: abcdefghij, fr: abc}}\n"
    inventory = parse_inventory(text.encode(), "c.yaml", limits=limits)
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (4, "limit")
    assert "cookies_max_text_length" in problem.message
    purpose = inventory.cookies[0].purpose
    assert purpose is not None
    assert dict(purpose.translations) == {"en": "abcdefg" + CUT_MARK, "fr": "abc"}


def test_names_over_the_limit_are_left_out_and_reported() -> None:
    limits = InventoryLimits(names_per_entry=2)
    text = (
        HEAD + "  - category: site\n    purpose: p\n    names:\n      - a\n      - b\n      - c\n"
    )
    inventory = parse_inventory(text.encode(), "c.yaml", limits=limits)
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (9, "limit")
    assert "cookies_max_names_per_entry" in problem.message
    assert inventory.cookies[0].names == ("a", "b")


def test_entries_over_the_limit_are_left_out_and_reported(tmp_path: Path) -> None:
    entries = "".join(f"  - {{name: c{i}, category: site, purpose: p}}\n" for i in range(5))
    app = build(tmp_path, entries, cookies_max_entries=3)
    [warning] = limit_warnings(app)
    assert warning.startswith(f"{app.srcdir / 'cookies.yaml'}:7: WARNING: 'cookies' has more")
    assert "cookies_max_entries" in warning
    assert shapes(app)[0]["rows"] == 3


@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_a_limit_that_is_not_a_positive_number_falls_back(tmp_path: Path, value: object) -> None:
    app = build(tmp_path, "  - {name: a, category: site, purpose: p}\n", cookies_max_entries=value)
    warnings = strip_colors(app.warning.getvalue())
    assert "cookies_max_entries must be a positive whole number; using the default 10000" in (
        warnings
    )


# --- the shapes each writer is given --------------------------------------------------------------


def test_latex_gets_one_node_for_a_long_name_not_one_per_character(tmp_path: Path) -> None:
    name = "n" * 20_000
    app = build(tmp_path, f"  - {{name: {name}, category: site, purpose: p}}\n", "latex", **RAISED)
    [table] = shapes(app)
    assert table["nodes"] < 100
    tex = (Path(app.outdir) / "cost.tex").read_text(encoding="utf-8")
    assert "n\\allowbreak{}n\\allowbreak{}n" in tex  # still free to break anywhere


def test_the_text_writer_gets_no_long_run_of_characters(tmp_path: Path) -> None:
    from sphinxcontrib_cookies.extension.screen import LONG_RUN

    inventory = (
        f"  - {{name: {'n' * 5000}, category: site, purpose: {'w' * 30_000}}}\n"
        f"  - {{name: b, category: site, purpose: 'see {'x' * 200} and more'}}\n"
    )
    app = build(tmp_path, inventory, "text", **RAISED)
    [table] = shapes(app)
    assert table["longest_run"] == LONG_RUN
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "w" * 10 in text and text.count("w") == 30_000  # every character is there


def test_a_text_file_is_not_padded_to_its_longest_name(tmp_path: Path) -> None:
    inventory = f"  - {{name: {'n' * 20_000}, category: site, purpose: p}}\n" + "".join(
        f"  - {{name: c{i}, category: site, purpose: p}}\n" for i in range(300)
    )
    app = build(tmp_path, inventory, "text", **RAISED)
    written = (Path(app.outdir) / "index.txt").stat().st_size
    assert written < 5 * len(inventory)  # padded to the name, it was 300 times its size


def test_a_long_table_is_given_to_the_text_writer_in_parts(tmp_path: Path) -> None:
    from sphinxcontrib_cookies.extension.screen import ROWS_PER_TABLE

    count = ROWS_PER_TABLE * 2 + 5
    entries = "".join(f"  - {{name: c{i}, category: site, purpose: p}}\n" for i in range(count))
    app = build(tmp_path, entries, "text")
    assert [table["rows"] for table in shapes(app)] == [ROWS_PER_TABLE, ROWS_PER_TABLE, 5]
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert text.count("Provider") == 3 and text.count("Site") == 1
    assert all(f'"c{i}"' in text for i in range(count))
