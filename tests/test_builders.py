"""Every builder renders the policy without a warning, and each keeps what matters to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp

from conftest import build_copy

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "latex",
    "text",
    "man",
    "texinfo",
    "epub",
    "gettext",
    "xml",
]
LONG_NAME = "a_rather_long_cookie_name_that_must_never_be_broken_in_text"


@pytest.fixture(scope="module", params=BUILDERS)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SphinxTestApp:
    return build_copy("basic", tmp_path_factory.mktemp(request.param), request.param)


def all_output(outdir: Path) -> str:
    """Every output file, without the break points that let names wrap: in LaTeX, and in
    HTML between the parts of a name."""
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        .replace(r"\allowbreak{}", "")
        .replace('</span><wbr /><span class="pre">', "")
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
        and path.suffix in {".html", ".xhtml", ".tex", ".txt", ".1", ".texi", ".pot", ".xml"}
    )


def test_no_warning_and_every_name_present(built: SphinxTestApp) -> None:
    assert built.statuscode == 0
    assert built.warning.getvalue() == ""
    if built.builder.name == "gettext":  # extracts the document's own text, not the tables
        return
    output = all_output(built.outdir)
    for name in ("sessionid", "2024-01-01", "_vc_ses_*", "other_cookie", LONG_NAME):
        assert escaped(name, built.builder.name) in output, name


def escaped(text: str, builder: str) -> str:
    """``text`` as each builder's writer escapes it."""
    if builder == "latex":
        return text.replace("_", r"\_").replace("-", r"\sphinxhyphen{}")
    if builder == "man":
        return text.replace("-", r"\-")
    return text


@pytest.fixture(scope="module")
def text_app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("basic", tmp_path_factory.mktemp("text"), "text")


def test_text_tables_never_break_a_name(text_app: SphinxTestApp) -> None:
    policy = (text_app.outdir / "policy.txt").read_text(encoding="utf-8")
    assert f'"{LONG_NAME}"' in policy
    table_lines = [line for line in policy.splitlines() if line.startswith(("|", "+"))]
    assert table_lines, "the text builder wrote no table"
    widths = {len(line) for line in table_lines if "Statistics" not in line}
    assert len({len(line) for line in table_lines[:3]}) == 1, widths


def test_text_table_rows_have_one_cell_per_column(text_app: SphinxTestApp) -> None:
    policy = (text_app.outdir / "options.txt").read_text(encoding="utf-8")
    border = next(line for line in policy.splitlines() if line.startswith("+-"))
    assert border.count("+") == 10  # nine columns


@pytest.fixture(scope="module")
def latex_app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("basic", tmp_path_factory.mktemp("latex"), "latex")


def test_latex_long_tables_with_wrapping_columns(latex_app: SphinxTestApp) -> None:
    tex = (latex_app.outdir / "basic.tex").read_text(encoding="utf-8")
    specs = re.findall(r"\\begin\{longtable\}(?:\[[^]]*\])?\{([^\n]*)\}\n", tex)
    assert specs, "cookie tables are not longtables"
    assert all(r"\X{" in spec for spec in specs), specs  # paragraph columns: text wraps
    assert r"\caption{Necessary cookies" in tex


def test_latex_role_targets_exist(latex_app: SphinxTestApp) -> None:
    tex = (latex_app.outdir / "basic.tex").read_text(encoding="utf-8")
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    cookie_targets = {target for target in targets if ":cookie-" in target}
    assert cookie_targets == {
        "options:cookie-sessionid",
        "options:cookie-vc-id",
        "options:cookie-on",
    }
    assert cookie_targets <= labels


def test_latex_escapes_yaml_text(latex_app: SphinxTestApp) -> None:
    tex = (latex_app.outdir / "basic.tex").read_text(encoding="utf-8")
    assert r"\sphinxcode{\sphinxupquote{\_vc\_ses\_*}}" in tex
    assert r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}" in tex


def test_xml_output_is_standard_docutils_tables(tmp_path: Path) -> None:
    app = build_copy("basic", tmp_path, "xml")
    tree = ElementTree.parse(app.outdir / "policy.xml")
    tables = [table for table in tree.iter("table") if "cookie-table" in table.get("classes", "")]
    assert len(tables) == 2
    for table in tables:
        group = table.find("tgroup")
        assert group is not None
        columns = int(group.get("cols"))
        assert len(group.findall("colspec")) == columns
        assert group.find("thead") is not None
        rows = group.find("tbody").findall("row")
        assert rows
        assert [len(row.findall("entry")) for row in rows] == [columns] * len(rows)


def test_man_and_texinfo_keep_names(tmp_path: Path) -> None:
    man = build_copy("basic", tmp_path / "man", "man")
    text = "\n".join(path.read_text() for path in man.outdir.rglob("*.1"))
    assert "sessionid" in text and LONG_NAME.replace("_", "_") in text
    texinfo = build_copy("basic", tmp_path / "texinfo", "texinfo")
    info = "\n".join(path.read_text() for path in texinfo.outdir.rglob("*.texi"))
    assert "@multitable" in info and "sessionid" in info
