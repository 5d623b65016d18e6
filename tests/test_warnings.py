"""Every problem is a located ``cookies`` warning; the build goes on, and -W fails it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build_copy, strip_colors
from output import cookie_tables


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy("warnings", tmp_path_factory.mktemp("warnings"))


def warnings_of(app: SphinxTestApp) -> list[tuple[str, int, str, str]]:
    """(file name, line, message, subtype) of each warning, with the source folder removed."""
    found = []
    pattern = re.compile(r"^(.+?):(\d+): WARNING: (.*) \[cookies\.([a-z-]+)\]$")
    for line in strip_colors(app.warning.getvalue()).splitlines():
        match = pattern.match(line)
        assert match, f"not a located cookies warning: {line!r}"
        path, number, message, subtype = match.groups()
        found.append((Path(path).name, int(number), message, subtype))
    return found


EXPECTED = [
    ("entries.yaml", 8, "value", "'url' of provider 'portal' must be a full http:// or https://"),
    ("entries.yaml", 16, "missing-field", "cookie 'no_purpose' has no 'purpose'; add it"),
    ("entries.yaml", 21, "unknown-key", "unknown key 'purpse' in cookie 'misspelt'; did you mean"),
    ("entries.yaml", 23, "reference", "category 'necesary' is not declared under 'categories'"),
    ("entries.yaml", 27, "reference", "provider 'countr' is not declared under 'providers'; did"),
    ("entries.yaml", 32, "duplicate-key", "key 'purpose' appears twice in cookie 'duplicate_key'"),
    ("entries.yaml", 36, "duration", "the duration of cookie 'bad_duration': '13 moons' is not"),
    ("entries.yaml", 37, "yaml", "anchor '&anchor' is not allowed in an inventory"),
    ("entries.yaml", 39, "yaml", "alias '*anchor' is not allowed in an inventory"),
    ("entries.yaml", 43, "value", "the party of cookie 'bad_party' must be one of: first, third"),
    ("entries.yaml", 45, "value", "a cookie entry has both 'name' and 'names'; keep"),
    ("entries.yaml", 48, "duplicate-cookie", "cookie 'kept' is already declared at line 12"),
    (
        "entries.yaml",
        53,
        "unknown-key",
        "unknown key 'purpsoe' in cookie 'misspelt_required', which has no 'purpose': did you "
        "mean 'purpose'? rename the key",
    ),
    (
        "entries.yaml",
        57,
        "value",
        "the party of cookie 'third_written_3rd' must be one of: first, third, not '3rd'; did "
        "you mean 'third'?",
    ),
    (
        "entries.yaml",
        61,
        "duration",
        "the duration of cookie 'misspelt_unit': '13 monts' is not a duration; did you mean "
        "'13 months'?",
    ),
    (
        "entries.yaml",
        65,
        "duration",
        "the duration of cookie 'fraction': '1.5 years' is not a duration; whole numbers only: "
        "write '18 months'",
    ),
    (
        "syntax.yaml",
        5,
        "yaml",
        "YAML syntax error: while parsing a flow sequence (begun at line 4)",
    ),
    ("latin1.yaml", 3, "encoding", "the file is not UTF-8 (byte 0xe9 at offset 31)"),
    ("empty.yaml", 1, "empty", "the inventory is empty"),
    ("shape.yaml", 6, "structure", "'cookies' must be a list of entries"),
    ("index.rst", 14, "file", "the cookie inventory 'missing.yaml' does not exist"),
    ("index.rst", 16, "option", "unknown option :colums: of cookie-table; did you mean :columns:?"),
    ("index.rst", 16, "option", "unknown column 'purpos' in :columns:"),
    ("index.rst", 16, "option", "category 'statistic' in :categories: is not in the inventory"),
    ("index.rst", 16, "option", ":group-by: must be 'category' or 'none', not 'nothing'"),
    ("index.rst", 22, "option", "category 'unknown' in :categories: is not in the inventory"),
    ("index.rst", 25, "unknown-cookie", "no cookie table declares 'undeclared_cookie'"),
]


def test_each_problem_is_one_located_warning(warned: SphinxTestApp) -> None:
    found = warnings_of(warned)
    assert len(found) == len(EXPECTED), "\n".join(map(str, found))
    for (name, line, subtype, start), (got_name, got_line, message, got_subtype) in zip(
        EXPECTED, found, strict=True
    ):
        assert (got_name, got_line, got_subtype) == (name, line, subtype), message
        assert message.startswith(start), message


def test_messages_say_how_to_fix(warned: SphinxTestApp) -> None:
    for _, _, message, _ in warnings_of(warned):
        assert any(
            hint in message
            for hint in (
                "add",
                "did you mean",
                "keep",
                "write",
                "save",
                "give",
                "must",
                "check",
                "merge",
                "remove",
                "correct",
                "its ",
                "the columns are",
            )
        ), message


def test_build_goes_on_and_every_entry_with_a_name_renders(warned: SphinxTestApp) -> None:
    """Nothing is lost: each entry with a problem is published with what can be shown, a
    cookie whose category is unknown in the built-in "Unclassified" table."""
    assert warned.statuscode == 0
    html = (warned.outdir / "index.html").read_text(encoding="utf-8")
    necessary, unclassified, with_bad_options = cookie_tables(html)
    published = [
        "kept", "no_purpose", "misspelt", "close_provider", "duplicate_key", "bad_duration",
        "aliased", "bad_party", "both", "kept", "misspelt_required", "third_written_3rd",
        "misspelt_unit", "fraction",
    ]  # fmt: skip
    assert [cell.codes for cell in necessary.column("Cookie name(s)")] == [[n] for n in published]
    assert unclassified.caption == "Unclassified cookies"
    assert [cell.codes for cell in unclassified.column("Cookie name(s)")] == [
        ["undeclared_category"]
    ]
    # The table with bad options shows its one category.
    assert [cell.codes for cell in with_bad_options.column("Cookie name(s)")] == [
        [n] for n in published
    ]
    rows = {row.cells[0].codes[0]: row.texts for row in necessary.body[1:]}
    assert rows["bad_duration"][3] == "13 moons"  # the duration as written
    assert rows["no_purpose"][2] == ""  # a missing purpose is an empty cell
    assert rows["close_provider"][1] == "countr"  # the provider as written
    assert rows["aliased"][2] == ""  # the purpose was an alias: left out
    assert (warned.outdir / "other.html").exists()


@pytest.mark.parametrize("directive", ["cookie-table", "cookie-types"])
@pytest.mark.parametrize("markup", ["rst", "myst"])
def test_a_class_that_cannot_be_a_class_name_warns_and_the_directive_renders(
    tmp_path: Path, directive: str, markup: str
) -> None:
    """docutils' converter refused ``:class: ***`` with an error that dropped the whole
    directive, and MyST's ``class: 42`` with one of its own: now each word that cannot be a
    class name is a located ``cookies.option`` warning, and the rest of the directive renders,
    with the classes that can be."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-audit", srcdir)
    (srcdir / "index.rst").unlink()
    if markup == "rst":
        page = f"Cookies\n=======\n\n.. {directive}::\n   :class: *** compact 42 wide\n"
        (srcdir / "index.rst").write_text(page)
        bad = ["***", "42"]
    else:
        page = f"# Cookies\n\n```{{{directive}}}\n---\nclass: 42\n---\n```\n\n"
        page += f"```{{{directive}}}\n:class: compact wide\n```\n"
        (srcdir / "index.md").write_text(page)
        (srcdir / "conf.py").write_text(
            (srcdir / "conf.py")
            .read_text()
            .replace('"sphinxcontrib_cookies"', '"myst_parser", "sphinxcontrib_cookies"')
        )
        bad = ["42"]
    app = build_copy("audit", tmp_path, confoverrides={"cookies_audit": None})
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    assert [line.split("WARNING: ")[1] for line in warnings] == [
        f":class: {word!r} cannot be a class name (one starts with a letter and holds letters, "
        "digits and '-'); it is left out [cookies.option]"
        for word in bad
    ]
    assert all(f"index.{'rst' if markup == 'rst' else 'md'}:" in line for line in warnings)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    if directive == "cookie-table":
        tables = cookie_tables(html)
        assert tables and {"compact", "wide"} <= set(tables[-1].classes)
    else:
        assert 'cookie-types compact wide"' in html


@pytest.mark.slow  # two sphinx-build processes
def test_dash_w_fails_the_build(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-warnings", tmp_path / "src")
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    paths = [str(tmp_path / "src"), str(tmp_path / "out")]
    relaxed = subprocess.run(command + paths, capture_output=True, text=True, check=False)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "Traceback" not in relaxed.stderr
    strict = subprocess.run(
        [*command, "-W", "-E", *paths], capture_output=True, text=True, check=False
    )
    assert strict.returncode != 0
    assert "[cookies." in strict.stderr and "Traceback" not in strict.stderr


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    confoverrides={
        "cookies_columns": ["name", "nme"],
        "cookies_column_labels": {"purpos": "Why"},
        "cookies_file": "",
        "cookies_max_file_size": -1,
    },
)
def test_bad_configuration_warns_and_falls_back(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "cookies_columns has unknown columns 'nme'" in warnings
    assert "cookies_column_labels has unknown columns 'purpos'" in warnings
    assert "cookies_file must be a path to a YAML file" in warnings
    assert "cookies_max_file_size must be a positive number of bytes" in warnings
    assert warnings.count("[cookies.config]") == 4
    html = (app.outdir / "policy.html").read_text(encoding="utf-8")
    assert cookie_tables(html)[0].headers == ["Cookie name(s)", "Provider", "Purpose", "Duration"]


@pytest.mark.sphinx(
    "html", testroot="basic", confoverrides={"suppress_warnings": ["cookies.unknown-cookie"]}
)
def test_a_subtype_can_be_silenced(app: SphinxTestApp) -> None:
    (app.srcdir / "roles.rst").write_text("Roles\n=====\n\n:cookie:`nothing_declares_this`\n")
    app.build()
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"cookies_max_file_size": 100})
def test_file_size_limit(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "cookies.yaml:1: WARNING: the file is larger than 100 bytes" in warnings
    assert "[cookies.limit]" in warnings
