"""Markup in an inventory comes out as text in every builder, and unsafe addresses are refused.

The test-hardening-injection project puts HTML, JavaScript, reST, MyST, LaTeX, roff and Texinfo
into every text field of its inventory and builds it with each builder. The assertions read the
files each builder wrote: the markup must be there, escaped, and must not have been interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import parse_inventory

from conftest import build_copy, strip_colors
from output import Element, parse_html

BUILDERS = ("html", "latex", "text", "man", "texinfo", "epub", "xml")
PAYLOADS = (
    "<script>alert('name')</script>",
    "<img src=x onerror=alert('purpose')>",
    "<script>alert('duration')</script>",
    "</a><script>alert('provider')</script>",
    ".. raw:: html",
    ":raw-html:`<b>role</b>`",
    "{eval-rst}`x`",
)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], SphinxTestApp]:
    """The injection project built with a builder, once per builder."""
    apps: dict[str, SphinxTestApp] = {}

    def built_with(builder: str) -> SphinxTestApp:
        if builder not in apps:
            destination = tmp_path_factory.mktemp(f"injection-{builder}")
            apps[builder] = build_copy("hardening-injection", destination, builder)
        return apps[builder]

    return built_with


def plain_quotes(text: str) -> str:
    """Text with Sphinx's smart quotes (applied to inventory text too) made straight again."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def output_of(app: SphinxTestApp, pattern: str) -> str:
    files = sorted(Path(app.outdir).rglob(pattern))
    assert files, f"no {pattern} in {app.outdir}"
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_only_warnings_are_the_refused_addresses(
    build: Callable[[str], SphinxTestApp], builder: str
) -> None:
    built = build(builder)
    lines = strip_colors(built.warning.getvalue()).splitlines()
    assert "Traceback" not in built.status.getvalue()
    refused = [line for line in lines if "refused.yaml:" in line]
    assert [line.split("refused.yaml:")[1].split(":")[0] for line in refused] == [
        "5",
        "6",
        "7",
        "8",
        "9",
    ]
    assert all(line.endswith("[cookies.value]") for line in refused)
    # A domain with markup is no host name: refused too, and shown as written (escaped).
    domain = [line for line in lines if "cookies.yaml:40: WARNING: the domain of cookie" in line]
    assert len(domain) == 1 and domain[0].endswith("[cookies.value]")
    assert len(lines) == len(refused) + 1, lines


# --- HTML and ePub ------------------------------------------------------------------------


def in_main_content(element: Element) -> bool:
    """Whether the element is in the page's main content (the theme's ``body`` or ``main``)."""
    return any(
        around.tag in ("div", "section")
        and (around.attrs.get("role") == "main" or "body" in around.classes)
        for around in element.ancestors()
    )


def main_content_text(page: Element) -> str:
    """The words of the page's main content, leaving out scripts and style sheets."""
    mains = [element for element in page.find_all() if in_main_content(element)]
    outermost = [element for element in mains if not in_main_content(element.parent or page)]
    assert outermost, "no main content on the page"
    words = (
        "".join(main.strings(lambda element: element.tag in ("script", "style")))
        for main in outermost
    )
    return " ".join(" ".join(words).split())


def html_pages(app: SphinxTestApp) -> list[str]:
    pattern = "*.xhtml" if app.builder.name == "epub" else "*.html"
    pages = [path for path in Path(app.outdir).glob(pattern) if path.stem in ("index", "myst")]
    assert len(pages) == 2
    return [page.read_text(encoding="utf-8") for page in pages]


@pytest.mark.parametrize("builder", ["html", "epub"])
def test_html_holds_the_markup_as_text_and_no_element_from_it(
    build: Callable[[str], SphinxTestApp], builder: str
) -> None:
    built = build(builder)
    for page in map(parse_html, html_pages(built)):
        text = plain_quotes(main_content_text(page))
        for payload in PAYLOADS:
            assert payload in text, payload  # shown, so escaped rather than dropped
        assert not any("alert" in script.raw_text for script in page.find_all("script"))
        for element in page.descendants():
            tag, attributes = element.tag, element.attrs
            assert tag not in ("img", "b", "i", "iframe", "object", "embed"), (tag, attributes)
            assert not any(name.startswith("on") for name in attributes), (tag, attributes)
            if tag == "script":
                assert not in_main_content(element), attributes
            for name in ("href", "src", "action"):
                value = attributes.get(name, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), attributes


def test_html_links_only_to_accepted_addresses(build: Callable[[str], SphinxTestApp]) -> None:
    built = build("html")
    index = (Path(built.outdir) / "index.html").read_text(encoding="utf-8")
    links = [link.attrs.get("href", "") for link in parse_html(index).find_all("a")]
    assert "https://acme.example/privacy?q=%22%3E%3Cscript%3E" in links
    assert not any("q.example" in link for link in links)  # the quoted address was refused
    # The refused providers' cookies are published, their providers named without a link.
    assert 'id="cookie-kept"' in index
    assert 'id="cookie-refused-js"' in index and 'id="cookie-refused-quote"' in index


# --- LaTeX --------------------------------------------------------------------------------


def test_latex_escapes_every_special_character(build: Callable[[str], SphinxTestApp]) -> None:
    built = build("latex")
    # Between the characters of long words in narrow columns, the extension lets LaTeX break
    # lines (\allowbreak{}); taken out, the text reads as the writer escaped it.
    tex = output_of(built, "injection.tex").replace("\\allowbreak{}", "")
    assert "\\input{/etc/passwd}" not in tex
    assert "\\write18" not in tex
    assert "\\def\\x" not in tex
    assert tex.count("\\end{document}") == 1
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in tex
    assert "\\textbackslash{}write18\\{id\\}" in tex
    specials = "\\$\\%\\#\\&\\_\\{\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
    assert specials in tex
    assert "\\textless{}script\\textgreater{}alert(" in tex
    assert "\\sphinxhref{https://acme.example/privacy?q=\\%22\\%3E\\%3Cscript\\%3E}" in tex
    # A line break in a title cannot end the caption's argument: titles are one line.
    assert "\\caption{Line one .so /etc/passwd \\textbackslash{}end\\{document\\}" in tex


# --- plain text ---------------------------------------------------------------------------


def test_text_output_holds_the_markup_as_written(build: Callable[[str], SphinxTestApp]) -> None:
    built = build("text")
    text = plain_quotes(unwrap_text_tables(output_of(built, "*.txt")))
    for payload in (*PAYLOADS, "\\input{/etc/passwd} \\write18{id}", ".. include:: /etc/passwd"):
        assert "".join(payload.split()) in text, payload


def unwrap_text_tables(text: str) -> str:
    """The text without any whitespace, each grid table cell's lines joined up again (the text
    builder wraps a cell's words, and long words too, across lines)."""
    out: list[str] = []
    cells: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            pieces = [piece.strip() for piece in line.strip().strip("|").split("|")]
            if len(cells) != len(pieces):
                cells = [""] * len(pieces)
            cells = [cell + piece for cell, piece in zip(cells, pieces, strict=True)]
            continue
        out.extend(cells)
        cells = []
        if not line.startswith("+"):
            out.append(line)
    out.extend(cells)
    return "".join("".join(out).split())


# --- man pages ----------------------------------------------------------------------------


def test_man_pages_start_no_roff_request_from_the_inventory(
    build: Callable[[str], SphinxTestApp],
) -> None:
    built = build("man")
    man = output_of(built, "*.1")
    for line in man.splitlines():
        if line.startswith((".", "'")):
            assert not re.match(r"^[.']\s*(so|mso|sy|pso|open|opena|pi|cf|trf|nx)\b", line), line
            assert not line.startswith(".. "), line
    assert "\\&.so /etc/passwd" in man  # a text starting with '.' is escaped
    assert "\\input" not in man  # every backslash from the inventory is written \e
    assert "\\einput{/etc/passwd}" in man
    assert "\\(aqso y" in man
    # Each table's title is kept, as escaped text, not on a .SH request line.
    assert "\\fBLine one .so /etc/passwd \\eend{document}\\fP" in man
    assert not any(line.startswith((".SH <", ".SH Line")) for line in man.splitlines())


# --- Texinfo ------------------------------------------------------------------------------


def test_texinfo_escapes_at_signs_and_braces(build: Callable[[str], SphinxTestApp]) -> None:
    built = build("texinfo")
    texi = output_of(built, "*.texi")
    assert re.search(r"(?<!@)@(include|verbatiminclude)\b", texi) is None
    assert "@@include /etc/passwd" in texi
    assert "@@code@{x@}" in texi
    assert "\\input@{/etc/passwd@}" in texi


# --- docutils XML -------------------------------------------------------------------------


def test_xml_has_no_raw_node_and_the_markup_in_text(build: Callable[[str], SphinxTestApp]) -> None:
    built = build("xml")
    paths = sorted(Path(built.outdir).glob("*.xml"))
    assert {"index.xml", "myst.xml"} <= {path.name for path in paths}
    for path in paths:
        tree = ElementTree.parse(path)
        assert tree.find(".//raw") is None
        assert tree.find(".//substitution_reference") is None
        text = plain_quotes(" ".join(" ".join(tree.getroot().itertext()).split()))
        for payload in PAYLOADS:
            assert payload in text, (path.name, payload)


# --- addresses ----------------------------------------------------------------------------

REFUSED_ADDRESSES = (
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript://acme.example/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://acme.example/",
    "//acme.example/",
    "http:/acme.example",
    "https:acme.example",
    "https://",
    "https:///path",
    "https://user@acme.example/",
    'https://acme.example/"onmouseover="alert(1)',
    "https://acme.example/'><script>",
    "https://acme.example/<script>",
    "https://acme.example/ onclick=alert(1)",
    "https://acme.example/{x}",
    "https://acme.example/a|b",
    "https://acme.example\\@evil.example/",
    "https://acme.example/`x`",
    "https://acme.example/\u202egnp.exe",
    "https://acme\u200b.example/",
    "https://acme.example/\u00a0x",
)
ESCAPED_ADDRESSES = (
    "https://acme.example/\\x01",
    "https://acme.example/\\t",
    "https://acme.example/\\n",
)
ACCEPTED_ADDRESSES = (
    "https://acme.example/",
    "HTTP://ACME.EXAMPLE",
    "https://acme.example:8443/a/b?c=d&e=%22f%22#g",
    "https://xn--bcher-kva.example/",
    "https://bücher.example/pfad",
    "https://acme.example/it's",
)


def provider_with(address: str, *, escaped: bool = False) -> bytes:
    quoted = f'"{address}"' if escaped else "'" + address.replace("'", "''") + "'"
    return (
        "categories:\n  necessary: {title: T, description: D}\n"
        f"providers:\n  acme:\n    name: Acme\n    url: {quoted}\n    privacy_policy: {quoted}\n"
        "cookies: []\n"
    ).encode()


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
def test_unsafe_addresses_are_refused_in_url_and_privacy_policy(address: str) -> None:
    inventory = parse_inventory(provider_with(address), "links.yaml")
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [
        (6, "value"),
        (7, "value"),
    ]
    provider = inventory.providers["acme"]  # kept, with its name, never linked
    assert (provider.name.resolve(None), provider.url, provider.privacy_policy) == (
        "Acme",
        None,
        None,
    )


@pytest.mark.parametrize("address", ESCAPED_ADDRESSES)
def test_addresses_with_control_characters_are_refused(address: str) -> None:
    inventory = parse_inventory(provider_with(address, escaped=True), "links.yaml")
    assert [(problem.line, problem.kind) for problem in inventory.problems] == [
        (6, "value"),
        (7, "value"),
    ]


@pytest.mark.parametrize("address", ACCEPTED_ADDRESSES)
def test_ordinary_addresses_are_accepted(address: str) -> None:
    inventory = parse_inventory(provider_with(address), "links.yaml")
    assert inventory.problems == ()
    assert inventory.providers["acme"].url == address
