"""Every example in the documentation is built as a real Sphinx project.

``docs/snippets/<group>/<name>/`` holds one example: an inventory (``cookies.yaml``), and when
the example needs them a page (``index.rst`` or ``index.md``), configuration lines (``conf.py``)
and the exact warnings it produces (``warnings.txt``). The documentation shows these files with
``literalinclude``; this test copies each folder into a fresh source directory, builds it, and
checks that it gives exactly the warnings in ``warnings.txt`` (none when there is no such file)
and renders what the documentation says it renders.

The gallery pages in ``docs/examples/`` are built the same way, as one project.

To regenerate the ``warnings.txt`` files after changing a message, run the tests with
``COOKIES_UPDATE_SNIPPETS=1`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_cookies.inventory import PROBLEM_KINDS, load_inventory
from sphinxcontrib_cookies.schema import SCHEMA_PATH

REPOSITORY = Path(__file__).resolve().parent.parent
DOCS = REPOSITORY / "docs"
SNIPPETS = DOCS / "snippets"
EXAMPLES = DOCS / "examples"
UPDATE = os.environ.get("COOKIES_UPDATE_SNIPPETS") == "1"
HAS_MYST = importlib.util.find_spec("myst_parser") is not None

#: Subtypes the Sphinx glue adds to the inventory's problem kinds.
GLUE_SUBTYPES = ("option", "config", "unknown-cookie")

DEFAULT_PAGE = "Cookie policy\n=============\n\n.. cookie-types::\n\n.. cookie-table::\n"


# --- reading the HTML -------------------------------------------------------------------------

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        parts = [child if isinstance(child, str) else child.text for child in self.children]
        return " ".join("".join(parts).split())

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str, class_: str | None = None) -> list[Element]:
        return [
            element
            for element in self.iter()
            if element.tag == tag and (class_ is None or class_ in element.classes)
        ]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


@dataclass
class Table:
    caption: str
    ids: list[str]
    classes: list[str]
    headers: list[str]
    rows: list[list[str]]
    row_ids: list[str]
    names: list[list[str]]  # the literal names in each row's name cell
    links: list[list[str]]  # the link targets in each row

    def column(self, header: str) -> list[str]:
        index = self.headers.index(header)
        return [row[index] for row in self.rows]


def cookie_tables(page: Element) -> list[Table]:
    tables = []
    for table in page.find_all("table", "cookie-table"):
        captions = table.find_all("caption")
        body_rows = [row for body in table.find_all("tbody") for row in body.find_all("tr")]
        tables.append(
            Table(
                caption=captions[0].text.replace("¶", "").strip() if captions else "",
                ids=[table.attrs["id"]] if "id" in table.attrs else [],
                classes=table.classes,
                headers=[cell.text for cell in table.find_all("th")],
                rows=[[cell.text for cell in row.find_all("td")] for row in body_rows],
                row_ids=[row.attrs.get("id", "") for row in body_rows],
                names=[
                    [
                        code.text
                        for cell in row.find_all("td", "cookie-name")
                        for code in cell.find_all("code")
                    ]
                    for row in body_rows
                ],
                links=[
                    [link.attrs.get("href", "") for link in row.find_all("a")] for row in body_rows
                ],
            )
        )
    return tables


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
        return parse_html(self.outdir / f"{name}.html")


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


def _snippet_id(path: Path) -> str:
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


def _all_names(tables: list[Table]) -> list[str]:
    return [name for table in tables for row in table.names for name in row]


# --- what each snippet must render ------------------------------------------------------------

Check = Callable[[Built, Callable[..., Built]], None]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


@check("quickstart/example")
def _quickstart(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    tables = cookie_tables(page)
    assert [table.caption for table in tables] == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    assert tables[0].headers == ["Cookie name(s)", "Provider", "Purpose", "Duration"]
    assert tables[0].column("Duration") == ["Session", "1 year"]
    assert tables[1].names == [["_pk_id.*", "_pk_ses.*"]]
    assert tables[1].column("Duration") == ["13 months"]
    assert (
        "These cookies do not require your consent."
        in cookie_types(page)["Strictly necessary cookies"]
    )
    assert role_links(page)["sessionid"] == f"#{tables[0].row_ids[0]}"


@check("format/top-level")
def _top_level(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.column("Provider") == ["Example Shop"]
    assert table.links == [["https://shop.example/"]]


@check("format/categories")
def _categories(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    kinds = cookie_types(page)
    assert list(kinds) == [
        "Strictly necessary cookies",
        "Advertising cookies",
        "Preference cookies",
    ]
    necessary = page.find_all("dl", "cookie-types")[0].find_all("dd")[0].find_all("p")
    assert len(necessary) == 3  # two paragraphs of description, then the consent sentence
    assert kinds["Advertising cookies"].endswith("These cookies are set only with your consent.")
    assert "consent" not in kinds["Preference cookies"]
    # a category without cookies is explained, but gets no table
    assert [table.caption for table in cookie_tables(page)] == ["Strictly necessary cookies"]


@check("format/providers")
def _providers(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.column("Provider") == ["Example Analytics Ltd", "Example Video", "Heatmaps & Co"]
    assert table.links == [
        ["https://analytics.example/privacy"],
        ["https://video.example/"],
        [],
    ]


@check("format/cookies")
def _cookies(built: Built, rebuild: Callable[..., Built]) -> None:
    source = built.source
    (source / "index.rst").write_text(
        "Policy\n======\n\n.. cookie-table::\n"
        "   :columns: name, provider, function, purpose, duration, party, type, domain\n"
        "   :group-by: none\n",
        encoding="utf-8",
    )
    (table,) = cookie_tables(rebuild(source).page())
    assert table.names == [["sessionid"], ["_ga", "_ga_*"], ["basket_backup"]]
    assert table.column("Type") == ["Cookie", "Cookie", "Local storage"]
    assert table.column("Party") == ["First party", "Third party", "First party"]
    assert table.column("Domain") == ["shop.example", ".shop.example", ""]
    assert table.column("Duration") == ["Session", "2 years", "Persistent"]
    assert table.column("Function")[0] == "Sign-in (shop and back office)"


@check("format/text")
def _text(built: Built, rebuild: Callable[..., Built]) -> None:
    def shown(language: str | None) -> tuple[str, str]:
        page = (rebuild(built.source, language=language) if language else built).page()
        (table,) = cookie_tables(page)
        return table.caption, table.rows[0][2]  # default columns: name, provider, purpose...

    assert shown(None) == ("Strictly necessary cookies", "Remembers the language you picked.")
    assert shown("fr") == (
        "Cookies strictement nécessaires",
        "Mémorise la langue que vous avez choisie.",
    )
    assert shown("fr_CA") == (
        "Cookies strictement nécessaires",  # no fr_CA title: the base language's
        "Retient la langue que vous avez choisie.",
    )
    assert shown("de")[1] == "Remembers the language you picked."  # no German: English


@check("format/durations")
def _durations(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    shown = dict(zip(_all_names([table]), table.column("Duration"), strict=True))
    assert shown == {
        "until_closed": "Session",
        "no_end": "Persistent",
        "iso_months": "13 months",
        "iso_mixed": "1 year, 6 months",
        "iso_time": "1 day, 12 hours",
        "iso_minutes": "30 minutes",
        "in_seconds": "1 day",
        "odd_seconds": "1 day, 1 hour, 1 minute, 1 second",
        "in_words": "13 months",
        "singular": "1 year",
        "any_case": "2 weeks",
        "as_text": "until you sign out",
    }
    french = cookie_tables(rebuild(built.source, language="fr").page())[0]
    assert french.rows[2][-1] == "13 mois"  # the duration column, whatever its label


@check("format/scalars")
def _scalars(built: Built, rebuild: Callable[..., Built]) -> None:
    assert _all_names(cookie_tables(built.page())) == ["on", "no", "2024-01-01", "1:30"]


@check("directives/cookie-table")
def _cookie_table(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    first, second, advertising = cookie_tables(page)
    assert [first.caption, second.caption] == [
        "Audience measurement cookies",
        "Strictly necessary cookies",
    ]
    assert first.headers == ["Cookie name(s)", "Purpose", "Duration", "Party"]
    assert "compact" in first.classes and "compact" in second.classes
    assert first.ids == ["main-cookies"] and "main-cookies" not in second.ids
    assert role_links(page) == {} and "#main-cookies" in {
        link.attrs.get("href") for link in page.find_all("a")
    }
    assert advertising.caption == ""
    assert advertising.headers == ["Cookie name(s)", "Provider", "Purpose"]
    assert advertising.names == [["ad_profile"]]


@check("directives/cookie-types")
def _cookie_types(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    assert list(cookie_types(page)) == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    (listing,) = page.find_all("dl", "cookie-types")
    assert listing.attrs.get("id") == "kinds-of-cookies"


@check("directives/role")
def _role(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    necessary, statistics = cookie_tables(page)
    links = role_links(page)
    assert links["sessionid"] == f"#{necessary.row_ids[0]}"
    assert links["_ga_2XK4LQ"] == f"#{statistics.row_ids[0]}"  # matched by the wildcard
    assert links["the visit counter"] == f"#{statistics.row_ids[0]}"


@check("directives/path-argument")
def _path_argument(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    assert list(cookie_types(page)) == ["Strictly necessary cookies"]
    assert _all_names(cookie_tables(page)) == ["sessionid"]


@check("directives/myst")
def _myst(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    (table,) = cookie_tables(page)
    assert table.headers == ["Cookie name(s)", "Purpose"]
    assert len(cookie_types(page)) == 2
    assert role_links(page)["_ga"] == f"#{table.row_ids[0]}"


@check("config/cookies-file")
def _cookies_file(built: Built, rebuild: Callable[..., Built]) -> None:
    assert _all_names(cookie_tables(built.page())) == ["sessionid"]


@check("config/columns")
def _columns(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.headers == ["Cookie name(s)", "Purpose", "Duration", "Party"]


@check("config/column-labels")
def _column_labels(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    assert table.headers == [
        "Service provider\u2019s name",  # Sphinx's smart quotes apply to labels too
        "Function and location",
        "Cookie name(s)",
        "Purposes",
    ]


@check("format/standard-categories")
def _standard_categories(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    kinds = cookie_types(page)
    # built-in titles where the inventory gives none; the inventory's own title wins
    assert list(kinds) == ["Necessary cookies", "Visit counting", "Unclassified cookies"]
    assert all(len(text) > 40 for text in kinds.values())  # a built-in description each
    assert [table.caption for table in cookie_tables(page)] == [
        "Necessary cookies",
        "Visit counting",
    ]


@check("translation/language")
def _language(built: Built, rebuild: Callable[..., Built]) -> None:
    (table,) = cookie_tables(built.page())
    english = ["Cookie name(s)", "Provider", "Purpose", "Duration"]
    assert len(table.headers) == 4
    assert not set(table.headers) & set(english[1:])  # the extension's words, in German
    assert table.rows[1][-1] == "13 Monate"


@check("translation/explanations")
def _explanations(built: Built, rebuild: Callable[..., Built]) -> None:
    page = built.page()
    (intro,) = page.find_all("p", "cookie-intro")
    assert "cookie" in intro.text.lower()
    (parties,) = page.find_all("dl", "cookie-parties")
    assert [term.text.replace("¶", "").strip() for term in parties.find_all("dt")] == [
        "First-party cookies",
        "Third-party cookies",
    ]


@check("export/turn-on")
def _export_turn_on(built: Built, rebuild: Callable[..., Built]) -> None:
    """The build writes the three files, and cookies.json is the one the guide shows."""
    assert (built.outdir / "cookieconsent-config.json").is_file()
    assert (built.outdir / "_static" / "cookieconsent-config.js").is_file()
    written = json.loads((built.outdir / "cookies.json").read_text(encoding="utf-8"))
    shown_file = SNIPPETS / "export" / "turn-on" / "built" / "cookies.json"
    if UPDATE:
        shown_file.write_text(json.dumps(written, ensure_ascii=False, indent=2) + "\n")
    shown = json.loads(shown_file.read_text(encoding="utf-8"))
    assert shown.pop("generator").startswith("sphinxcontrib-cookies ")
    assert written.pop("generator").startswith("sphinxcontrib-cookies ")
    assert written == shown


def _scripts(page: Element) -> list[str]:
    return [
        script.attrs["src"].split("?")[0]
        for script in page.find_all("script")
        if "src" in script.attrs
    ]


@check("export/banner")
@check("export/banner-options")
def _export_banner(built: Built, rebuild: Callable[..., Built]) -> None:
    """The page loads cookieconsent, then the generated configuration, then the start-up script."""
    scripts = _scripts(built.page())
    loaded = [
        scripts.index(f"_static/{name}")
        for name in ("cookieconsent.umd.js", "cookieconsent-config.js", "consent.js")
    ]
    assert loaded == sorted(loaded)
    generated = (built.outdir / "_static" / "cookieconsent-config.js").read_text(encoding="utf-8")
    assert "window.sphinxCookiesConsentConfig" in generated
    assert "sphinxCookiesConsentConfig" in (built.outdir / "_static" / "consent.js").read_text(
        encoding="utf-8"
    )


@check("warnings/silence")
def _silence(built: Built, rebuild: Callable[..., Built]) -> None:
    """Silencing hides the warning; the entry with the problem is still left out."""
    assert _all_names(cookie_tables(built.page())) == ["sessionid"]


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("snippet", snippets(), ids=_snippet_id)
def test_snippet_builds_as_documented(
    snippet: Path, make_app: Callable[..., Any], tmp_path: Path
) -> None:
    built = build_snippet(make_app, tmp_path, snippet)
    expected_file = snippet / "warnings.txt"
    wants_file = expected_file.exists() or snippet.parent.name == "warnings"
    if UPDATE and wants_file and built.warnings:
        expected_file.write_text("\n".join(built.warnings) + "\n", encoding="utf-8")
    expected = (
        expected_file.read_text(encoding="utf-8").splitlines() if expected_file.exists() else []
    )
    assert built.warnings == expected

    name = _snippet_id(snippet)
    if snippet.parent.name == "warnings" and snippet.name != "silence":
        # an example of a warning gives that warning, and no other
        assert expected, f"{name} shows no warning; add warnings.txt"
        assert all(line.endswith(f"[cookies.{snippet.name}]") for line in expected), expected
        return
    if not (snippet / "index.rst").exists() and not (snippet / "index.md").exists():
        # the default page shows every declared cookie
        inventory = snippet / "cookies.yaml"
        if inventory.exists():
            assert _all_names(cookie_tables(built.page())) == declared_names(inventory)

    def rebuild(source: Path, **options: Any) -> Built:
        copy = tmp_path / f"rebuild-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(source, copy)
        return build_project(make_app, copy, **options)

    if name in CHECKS:
        CHECKS[name](built, rebuild)


@pytest.mark.parametrize(
    "snippet",
    [path for path in snippets() if (path / "warnings.txt").exists()],
    ids=_snippet_id,
)
def test_each_warning_can_be_silenced(
    snippet: Path, make_app: Callable[..., Any], tmp_path: Path
) -> None:
    """The documented way to silence a warning, ``suppress_warnings``, silences it."""
    subtype = snippet.name
    built = build_snippet(
        make_app, tmp_path, snippet, extra_conf=f"suppress_warnings = ['cookies.{subtype}']"
    )
    assert built.warnings == []


def test_every_check_names_a_snippet() -> None:
    assert set(CHECKS) <= {_snippet_id(path) for path in snippets()}


def _documented_subtypes() -> list[str]:
    text = (DOCS / "guide" / "warnings.rst").read_text(encoding="utf-8")
    return re.findall(r"^   \* - ``cookies\.([a-z-]+)``$", text, flags=re.MULTILINE)


def test_every_warning_subtype_has_an_example_and_a_section() -> None:
    """The warnings reference lists every subtype the code gives, and shows each one happen."""
    documented = _documented_subtypes()
    assert set(PROBLEM_KINDS) | set(GLUE_SUBTYPES) <= set(documented)
    examples = {path.name for path in (SNIPPETS / "warnings").iterdir() if path.is_dir()}
    missing = sorted(set(documented) - examples)
    assert not missing, (
        f"no example for {missing}: add docs/snippets/warnings/<subtype>/ with the files that "
        "cause it, run this test with COOKIES_UPDATE_SNIPPETS=1 to write warnings.txt, and "
        "include them in docs/guide/warnings.rst"
    )
    text = (DOCS / "guide" / "warnings.rst").read_text(encoding="utf-8")
    for subtype in documented:
        assert f".. _warning-{subtype}:" in text
        assert f"snippets/warnings/{subtype}/warnings.txt" in text
        assert f'suppress_warnings = ["cookies.{subtype}"]' in text


def _doc_sources() -> list[Path]:
    return sorted(
        path
        for pattern in ("*.rst", "*.md")
        for path in DOCS.rglob(pattern)
        if SNIPPETS not in path.parents and "_build" not in path.parts
    )


def test_every_snippet_is_shown_in_the_docs() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in _doc_sources())
    for snippet in snippets():
        assert f"snippets/{_snippet_id(snippet)}/" in text, f"{snippet} is never shown"


_INLINE_EXAMPLE = re.compile(
    r"^\s*(?:\.\. (?:code-block|code|sourcecode)::|```\{?(?:code-block\}?)?)\s*"
    r"(yaml|yml|rst|restructuredtext|md|markdown|myst|python|py)\s*$",
    re.MULTILINE,
)


def test_examples_in_the_docs_come_from_tested_files() -> None:
    """A YAML, reST, Markdown or conf.py example written inline could drift from the code:
    examples are files under docs/snippets/ (or docs/examples/), shown with literalinclude."""
    offenders = [
        f"{path.relative_to(DOCS)}: {match.group(0).strip()}"
        for path in _doc_sources()
        for match in _INLINE_EXAMPLE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "move these examples to files under docs/snippets/<group>/<name>/ and show them with "
        f"literalinclude: {offenders}"
    )


def test_the_documented_command_prints_the_schema_path() -> None:
    command = (SNIPPETS / "editors" / "print-schema-path.sh").read_text(encoding="utf-8")
    arguments = shlex.split(command.strip())
    assert arguments[0] == "python"
    result = subprocess.run(
        [sys.executable, *arguments[1:]], capture_output=True, text=True, check=True
    )
    assert Path(result.stdout.strip()) == SCHEMA_PATH


def test_the_modeline_example_points_at_the_shipped_schema() -> None:
    example = SNIPPETS / "editors" / "modeline" / "cookies.yaml"
    first_line = example.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (example.parent / match.group(1)).resolve() == SCHEMA_PATH.resolve()


# --- the gallery ------------------------------------------------------------------------------


def _gallery_pages() -> list[str]:
    return sorted(
        path.stem
        for path in EXAMPLES.iterdir()
        if path.suffix in (".rst", ".md")
        and path.stem != "index"
        and (HAS_MYST or path.suffix != ".md")
    )


def build_gallery(make_app: Callable[..., Any], tmp_path: Path, **options: Any) -> Built:
    """docs/examples/ without its index (which links to the rest of the docs), as one project
    whose conf.py is the bare minimum a reader would write."""
    source = tmp_path / "gallery"
    ignored = ("index.rst",) if HAS_MYST else ("index.rst", "*.md")
    shutil.copytree(EXAMPLES, source, ignore=shutil.ignore_patterns(*ignored))
    pages = "\n".join(f"   {page}" for page in _gallery_pages())
    (source / "contents.rst").write_text(
        f"Gallery\n=======\n\n.. toctree::\n\n{pages}\n", encoding="utf-8"
    )
    return build_project(make_app, source, root_doc="contents", **options)


def test_gallery_builds_without_warnings(make_app: Callable[..., Any], tmp_path: Path) -> None:
    assert build_gallery(make_app, tmp_path).warnings == []


def test_gallery_policy_has_the_reference_page_shape(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    """The example policy rebuilds the reference page: categories with consent, then per
    category a table of provider, function, name(s) and purpose."""
    page = build_gallery(make_app, tmp_path).page("policy")
    kinds = cookie_types(page)
    assert list(kinds) == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
        "Advertising cookies",
    ]
    assert "do not require your consent" in kinds["Strictly necessary cookies"]
    assert "only with your consent" in kinds["Audience measurement cookies"]
    necessary, statistics = cookie_tables(page)  # no advertising cookies: no table
    assert necessary.headers == ["Provider", "Function", "Cookie name(s)", "Purpose", "Duration"]
    assert _all_names([necessary]) == [
        "sessionid",
        "django_language",
        "csrftoken",
        "cookies_preferences",
    ]
    assert set(necessary.column("Provider")) == {"Harbour Data"}
    assert statistics.names == [["_pk_id.*", "_pk_ses.*"]]
    links = role_links(page)
    # the role links to the row on this very page, even though the MyST example page renders
    # the same cookie too
    assert links["sessionid"] == f"#{necessary.row_ids[0]}"
    assert links["_pk_id.3f2a"] == f"#{statistics.row_ids[0]}"


def test_gallery_bilingual_policy_in_english_and_french(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    english = build_gallery(make_app, tmp_path / "en").page("bilingual")
    french_build = build_gallery(make_app, tmp_path / "fr", language="fr")
    assert french_build.warnings == []
    french = french_build.page("bilingual")
    english_tables, french_tables = cookie_tables(english), cookie_tables(french)
    assert [table.caption for table in english_tables] == [
        "Strictly necessary cookies",
        "Audience measurement cookies",
    ]
    assert [table.caption for table in french_tables] == [
        "Cookies strictement nécessaires",
        "Cookies de mesure d\u2019audience",  # Sphinx's smart quotes
    ]
    assert _all_names(english_tables) == _all_names(french_tables)
    assert french_tables[0].headers != english_tables[0].headers  # the extension's catalogs
    english_purposes = english_tables[0].column("Purpose")
    french_purposes = french_tables[0].column(french_tables[0].headers[2])
    assert english_purposes[0].startswith("Keeps you signed in")
    assert french_purposes[0].startswith("Vous garde connecté")
    assert "13 months" in english_tables[1].rows[0]
    assert "13 mois" in french_tables[1].rows[0]


@pytest.mark.skipif(not HAS_MYST, reason="myst-parser is not installed")
def test_gallery_myst_page(make_app: Callable[..., Any], tmp_path: Path) -> None:
    page = build_gallery(make_app, tmp_path).page("myst-page")
    (table,) = cookie_tables(page)
    assert table.headers == ["Cookie name(s)", "Purpose", "Duration"]
    assert _all_names([table]) == declared_names(EXAMPLES / "cookies.yaml")[:4]
    assert role_links(page)["csrftoken"] == f"#{table.row_ids[2]}"
