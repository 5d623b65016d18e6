"""Values the loader must not accept, and lines it must count as an editor does.

A domain that would reach the consent banner's erase string with ``;`` or markup, figures in
other scripts than ASCII in a duration (which the JSON Schema refuses), an empty
``:categories:``, and a raw U+2028, U+2029 or U+0085 in a comment, which YAML counts as a line
break and an editor does not.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import InventoryError, parse_duration, parse_inventory

from conftest import ROOTS, build_copy, strip_colors
from output import cookie_tables

HEAD = "categories:\n  site: {title: Site, description: Needed.}\ncookies:\n"


#: Arabic-Indic, fullwidth and Devanagari digits, which ``int()`` reads and a schema does not.
OTHER_DIGITS = (
    "\u0661\u0663 months",
    "P\uff11\uff13M",
    "PT\uff13\uff10M",
    "\uff18\uff16\uff14\uff10\uff10",
    "\u0967\u0969 days",
)


@pytest.mark.parametrize("text", OTHER_DIGITS)
def test_a_duration_with_figures_other_than_ascii_digits_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)
    inventory = parse_inventory(
        (HEAD + f"  - {{name: a, category: site, purpose: p, duration: '{text}'}}\n").encode(),
        "cookies.yaml",
    )
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [(4, "duration")]


@pytest.mark.parametrize(
    "domain",
    [
        "shop.example;max-age=31536000",
        '<>"{}*',
        "shop.example, .other.example",
        "shop.example/path",
        "shop..example",
        "shop.example\u200b",
    ],
)
def test_a_domain_that_is_not_a_host_name_is_refused(domain: str) -> None:
    quoted = json.dumps(domain)
    inventory = parse_inventory(
        (HEAD + f"  - {{name: a, category: site, purpose: p, domain: {quoted}}}\n").encode(),
        "cookies.yaml",
    )
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (4, "value")
    assert "must be a host name" in problem.message


@pytest.mark.parametrize(
    "domain", [".shop.example", "shop.example", "www.bücher.example", "my_host.example", "10.0.0.1"]
)
def test_ordinary_domains_are_accepted(domain: str) -> None:
    inventory = parse_inventory(
        (HEAD + f"  - {{name: a, category: site, purpose: p, domain: {domain}}}\n").encode(),
        "cookies.yaml",
    )
    assert inventory.problems == ()
    assert inventory.cookies[0].domain == domain


def test_a_refused_domain_never_reaches_the_banners_erase_list(tmp_path: Path) -> None:
    app = build_copy("nothing-lost", tmp_path)
    config = (Path(app.outdir) / "cookieconsent-config.json").read_text(encoding="utf-8")
    script = (Path(app.outdir) / "_static" / "cookieconsent-config.js").read_text(encoding="utf-8")
    erased = json.loads(config)["categories"]["unclassified"]["autoClear"]["cookies"]
    assert [item.get("domain") for item in erased] == [None]
    assert (
        "max-age" not in json.dumps(erased)
        and "max-age=31536000" not in script.split("cookieTable")[0]
    )


# --- an empty :categories: ----------------------------------------------------------------------


def build_page(tmp_path: Path, page: str, *, myst: bool = False) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-nothing-lost", srcdir)
    (srcdir / "index.rst").unlink()
    (srcdir / ("index.md" if myst else "index.rst")).write_text(page, encoding="utf-8")
    if myst:
        conf = srcdir / "conf.py"
        conf.write_text(
            conf.read_text().replace(
                '["sphinxcontrib_cookies"]', '["myst_parser", "sphinxcontrib_cookies"]'
            )
        )
    return build_copy("nothing-lost", tmp_path, confoverrides={"cookies_export": False})


def option_warnings(app: SphinxTestApp) -> list[str]:
    return [
        line
        for line in strip_colors(app.warning.getvalue()).splitlines()
        if line.endswith("[cookies.option]")
    ]


@pytest.mark.parametrize("directive", ["cookie-table", "cookie-types"])
def test_an_empty_categories_option_warns_and_shows_them_all(
    tmp_path: Path, directive: str
) -> None:
    app = build_page(tmp_path, f"Cookies\n=======\n\n.. {directive}::\n   :categories:\n")
    [warning] = option_warnings(app)
    assert warning.startswith(f"{app.srcdir / 'index.rst'}:4: WARNING: :categories: is empty")
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    if directive == "cookie-table":
        assert len(cookie_tables(html)) == 3
    else:
        assert "Unclassified cookies" in html and "Necessary" in html


# --- line numbers as an editor counts them --------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_yaml_only_line_break_in_a_comment_does_not_move_later_lines(separator: str) -> None:
    text = (
        f"# a comment that holds a separator{separator}\n"
        "categories:\n"
        f"  site: {{title: Site, description: D.}}  # here too{separator}\n"
        "cookies:\n"
        "  - {name: a, category: site, purpose: p, party: x}\n"
    )
    inventory = parse_inventory(text.encode(), "cookies.yaml")
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [(5, "value")]


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
def test_a_syntax_error_after_a_separator_is_where_it_is_without_one(separator: str) -> None:
    def problem(text: str) -> tuple[int, str]:
        with pytest.raises(InventoryError) as raised:
            parse_inventory(text.encode(), "cookies.yaml")
        return raised.value.problem.line, raised.value.problem.message

    text = "# comment{}\ncategories:\n  a: {{title: [\n  b: c\n"
    assert problem(text.format(separator)) == problem(text.format(""))
