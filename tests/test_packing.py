"""Cookie table bodies packed between reading and writing (``render/packed.py``): every
builder writes exactly what it wrote from the nodes, and the nodes come back as they were."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.extension.transforms import cookie_tables as doctree_tables
from sphinxcontrib_cookies.extension.widths import column_hints
from sphinxcontrib_cookies.render.packed import pack_body, packed_rows, unpack
from sphinxcontrib_cookies.render.widths import PAPER, SCREEN, note_packed_rows, plan_widths

from conftest import ROOTS as ROOTS_DIR
from conftest import build_copy
from output import cookie_tables, parse_html

#: Roots whose tables hold every kind of cell: every column, names that break and long ones,
#: local storage beside names, empty cells, links, markup-like and hostile text, several
#: languages, smart quotes, MyST pages.
ROOTS = (
    "basic",
    "columns",
    "present-html",
    "present-extras",
    "present-widths",
    "reference",
    "hardening-injection",
    "smartquotes",
    "i18n-builtin",
    "myst",
    "nothing-lost",
)

#: What each builder writes that must not change, by builder.
WRITTEN = {
    "html": ("*.html", "searchindex.js"),
    "singlehtml": ("*.html",),
    "epub": ("*.xhtml",),
    "text": ("*.txt",),
    "latex": ("*.tex",),
    "man": ("*.1",),
    "gettext": ("*.pot",),
}


def build(root: str, destination: Path, builder: str, packed: bool) -> SphinxTestApp:
    return build_copy(root, destination, builder, confoverrides={"cookies_pack_tables": packed})


def warnings(app: SphinxTestApp) -> str:
    """The build's warnings, with its own folder left out."""
    return app.warning.getvalue().replace(str(Path(app.srcdir).parent), "<build>")


def written(app: SphinxTestApp, builder: str) -> dict[str, str]:
    outdir = Path(app.outdir)
    files = {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for pattern in WRITTEN[builder]
        for path in outdir.rglob(pattern)
        if "_static" not in path.parts
    }
    assert files, f"{builder} wrote nothing"
    return files


def doctrees(app: SphinxTestApp) -> dict[str, nodes.document]:
    return {
        str(path.relative_to(app.doctreedir)): pickle.loads(path.read_bytes())
        for path in Path(app.doctreedir).rglob("*.doctree")
    }


def packed_bodies(app: SphinxTestApp) -> list[packed_rows]:
    return [body for tree in doctrees(app).values() for body in tree.findall(packed_rows)]


@pytest.mark.parametrize("root", ROOTS)
def test_html_is_the_same_packed_or_not(root: str, tmp_path: Path) -> None:
    packed = build(root, tmp_path / "packed", "html", packed=True)
    nodes_kept = build(root, tmp_path / "nodes", "html", packed=False)
    assert warnings(packed) == warnings(nodes_kept)
    pages = written(packed, "html")
    assert pages == written(nodes_kept, "html")
    # Not a comparison of two unpacked builds: every table of these roots was packed.
    tables = sum(len(cookie_tables(parse_html(page))) for page in pages.values())
    assert tables > 0
    assert len(packed_bodies(packed)) == tables
    assert packed_bodies(nodes_kept) == []


@pytest.mark.parametrize("builder", [name for name in WRITTEN if name != "html"])
@pytest.mark.parametrize("root", ["basic", "hardening-injection", "present-extras"])
def test_every_builder_writes_the_same_packed_or_not(
    root: str, builder: str, tmp_path: Path
) -> None:
    packed = build(root, tmp_path / "packed", builder, packed=True)
    nodes_kept = build(root, tmp_path / "nodes", builder, packed=False)
    assert warnings(packed) == warnings(nodes_kept)
    assert written(packed, builder) == written(nodes_kept, builder)


def test_a_packed_body_unpacks_into_the_nodes_it_was(tmp_path: Path) -> None:
    packed = doctrees(build("present-extras", tmp_path / "packed", "html", packed=True))
    kept = doctrees(build("present-extras", tmp_path / "nodes", "html", packed=False))
    assert packed.keys() == kept.keys()
    for name, tree in packed.items():
        bodies = [unpack(body) for body in tree.findall(packed_rows)]
        originals = [
            body
            for body in kept[name].findall(nodes.tbody)
            if "cookie-table" in body.parent.parent["classes"]
        ]
        assert [body.pformat() for body in bodies] == [body.pformat() for body in originals]
        # What pformat leaves out: where each element comes from, which warnings and the
        # gettext builder read.
        assert origins(bodies, tmp_path / "packed") == origins(originals, tmp_path / "nodes")


def origins(bodies: list[nodes.tbody], folder: Path) -> list[tuple[str | None, int | None]]:
    return [
        (node.source and str(Path(node.source).relative_to(folder)), node.line)
        for body in bodies
        for node in body.findall(nodes.Element)
    ]


#: A theme's translator that writes table cells its own way.
THEMED = """
from sphinx.writers.html5 import HTML5Translator

class ThemedTranslator(HTML5Translator):
    def visit_entry(self, node):
        node["classes"].append("themed")
        super().visit_entry(node)

def setup(app):
    app.set_translator("html", ThemedTranslator, override=True)
    return {"parallel_read_safe": True}
"""


def test_a_theme_translator_writes_the_rows_itself(tmp_path: Path) -> None:
    builds = {}
    for packed in (True, False):
        srcdir = tmp_path / str(packed) / "src"
        shutil.copytree(ROOTS_DIR / "test-basic", srcdir)
        (srcdir / "themed.py").write_text(THEMED, encoding="utf-8")
        conf = srcdir / "conf.py"
        conf.write_text(
            conf.read_text(encoding="utf-8")
            + "\nimport os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
            + "extensions = [*extensions, 'themed']\n",
            encoding="utf-8",
        )
        builds[packed] = build("basic", tmp_path / str(packed), "html", packed=packed)
    pages = written(builds[True], "html")
    assert pages == written(builds[False], "html")
    cells = [
        cell
        for page in pages.values()
        for table in parse_html(page).find_all("table", "cookie-table")
        for cell in table.find_all("td")
    ]
    assert cells and all("themed" in cell.classes for cell in cells)
    assert packed_bodies(builds[True])  # packed, and unpacked for the theme's translator
    # the names still get their break points ("_vc_ses_*"), from the unpacked nodes
    marked = '<span class="pre">_vc_</span><wbr /><span class="pre">ses_*</span>'
    assert marked in pages["policy.html"]


def test_html_notes_what_columns_need_as_it_packs(tmp_path: Path) -> None:
    """HTML builders note what each packed body needs of its columns where the page is read
    (in a ``-j`` build's workers); builders that unpack the bodies do not."""
    html = build("present-widths", tmp_path / "html", "html", packed=True)
    bodies = packed_bodies(html)
    assert bodies and all(body.width_notes is not None for body in bodies)
    assert '<col style="width: ' in written(html, "html")["index.html"]  # the plan is written
    latex = build("present-widths", tmp_path / "latex", "latex", packed=True)
    bodies = packed_bodies(latex)
    assert bodies and all(body.width_notes is None for body in bodies)


def test_widths_planned_from_the_notes_are_those_planned_from_the_rows(tmp_path: Path) -> None:
    """The notes taken as a body is packed plan what its rows would; notes taken for another
    layout (a builder that read the page before) are left aside for the rows."""
    trees = doctrees(build("present-widths", tmp_path, "html", packed=True))
    tables = [table for tree in trees.values() for table in doctree_tables(tree)]
    assert len(tables) > 3
    for table in tables:
        hints = column_hints(table)
        for body in table.findall(packed_rows):
            assert body.width_notes == note_packed_rows(hints, SCREEN, body.rows)
        planned = {}
        for way in ("notes", "rows", "other layout", "widened"):
            copy = table.deepcopy()
            for body in copy.findall(packed_rows):
                if way == "rows":
                    body.width_notes = None
                elif way == "other layout":
                    body.width_notes = note_packed_rows(hints, PAPER, body.rows)
                elif way == "widened":  # the plan reads the notes, not the rows
                    body.width_notes = note_packed_rows(hints, SCREEN, body.rows)
                    body.width_notes[0].least = 70
            plan_widths([copy], hints, SCREEN)
            planned[way] = [colspec["colwidth"] for colspec in copy.findall(nodes.colspec)]
        assert planned["notes"] == planned["rows"] == planned["other layout"]
        assert planned["widened"][0] > planned["notes"][0]


def test_a_name_with_break_points_is_indexed_as_it_is_written(tmp_path: Path) -> None:
    """``$%#&_{}~^`` breaks after ``_`` in HTML. The search index reads the name, not the
    HTML that marks the break (where its ``&`` is ``&amp;``, and was indexed as "amp")."""
    for packed in (True, False):
        app = build("hardening-injection", tmp_path / str(packed), "html", packed)
        files = written(app, "html")
        assert (
            '<span class="pre">$%#&amp;_</span><wbr /><span class="pre">{}~^</span>'
            in files["index.html"]
        )
        index = files["searchindex.js"]
        terms = json.loads(index[len("Search.setIndex(") : -1])["terms"]
        assert "amp" not in terms
        assert len(terms) > 20  # the index was read


def body_of(*cells: nodes.Element) -> nodes.tbody:
    return nodes.tbody("", nodes.row("", *[nodes.entry("", cell) for cell in cells]))


def test_a_body_of_plain_cells_is_packed_and_unpacked_as_it_was() -> None:
    body = body_of(
        nodes.paragraph("", "", nodes.literal("_ga", "_ga", classes=["cookie-name-long"])),
        nodes.paragraph(
            "", "", nodes.reference("Acme", "Acme", refuri="https://acme.example/privacy")
        ),
        nodes.paragraph("", "plain <text> & more", nodes.inline("(x)", "(x)", classes=["c"])),
        nodes.paragraph("", "", nodes.raw("", "<wbr />", format="html")),
    )
    packed = pack_body(body)
    assert packed is not None
    assert unpack(packed).pformat() == body.pformat()
    assert packed.astext().split("\n") == ["_ga", "Acme", "plain <text> & more", "(x)", ""]


def test_the_words_of_a_body_hold_each_text_once() -> None:
    """The search index keeps the pages of each word: a text it reads twice in a page adds
    nothing the second time."""
    body = nodes.tbody(
        "",
        *[
            nodes.row(
                "",
                nodes.entry("", nodes.paragraph("", "Session")),
                nodes.entry("", nodes.paragraph("", f"cookie {number}")),
            )
            for number in (1, 2)
        ],
    )
    packed = pack_body(body)
    assert packed is not None
    assert packed.astext().split("\n") == ["Session", "cookie 1", "cookie 2"]


def test_a_loaded_body_reads_its_rows_only_when_asked() -> None:
    """In a pickle the rows are one string of bytes: loading the page makes none of their
    objects (a ``-j`` build's main process never reads them); they come back when read, and a
    body loaded and pickled again without being read keeps them."""
    body = body_of(
        nodes.paragraph("", "", nodes.literal("_ga", "_ga")),
        nodes.paragraph("", "Keeps the visit"),
    )
    packed = pack_body(body)
    assert packed is not None
    loaded = pickle.loads(pickle.dumps(packed))
    assert isinstance(loaded.__dict__["_pickled_rows"], bytes)
    assert "_rows" not in loaded.__dict__
    again = pickle.loads(pickle.dumps(loaded))
    assert loaded.astext() == again.astext() == packed.astext()
    assert again.rows == loaded.rows == packed.rows
    assert unpack(again).pformat() == body.pformat()
    assert loaded.copy().rows == packed.rows


def test_a_text_that_reads_like_attributes_is_packed_as_text() -> None:
    """Attributes are shared by their ``repr``, texts by themselves: a cell's text that reads
    like the attributes of another node stays a text."""
    body = body_of(
        nodes.paragraph("", "", nodes.inline("", "(x)", classes=["cookie-storage"])),
        nodes.paragraph("", "{'classes': ['cookie-storage']}"),
        nodes.paragraph("", "", nodes.literal("", "_ga")),
        nodes.paragraph("", "{}"),
    )
    packed = pack_body(body)
    assert packed is not None
    assert unpack(packed).pformat() == body.pformat()


@pytest.mark.parametrize(
    "cell",
    [
        nodes.paragraph("", "", nodes.emphasis("a", "a")),  # a node it does not know
        nodes.paragraph("", "a", classes=["note"]),  # a paragraph's class is written
        nodes.paragraph("", "", nodes.literal("a", "a", classes=["kbd"])),  # a key
        nodes.paragraph("", "", nodes.reference("a", "a", refuri="mailto:a@example.org")),
        nodes.paragraph("", "", nodes.reference("a", "a", refid="row")),  # a link in the page
        nodes.paragraph("", "", nodes.inline("a", "a", classes=["small"])),  # <small>
        nodes.paragraph("", "", nodes.raw("", "x", format="latex")),
        nodes.paragraph("", "", nodes.literal("a", "a", ids=["there"])),
    ],
)
def test_a_body_with_anything_else_is_left_as_nodes(cell: nodes.Element) -> None:
    assert pack_body(body_of(cell)) is None
    assert pack_body(body_of(nodes.paragraph("", "fine"))) is not None


def test_a_cell_spanning_columns_is_left_as_nodes() -> None:
    body = body_of(nodes.paragraph("", "a"))
    body[0][0]["morecols"] = 1
    assert pack_body(body) is None
