"""The compliance guide's tables and examples, read from the rule declaration (docs only).

* ``.. compliance-jurisdictions::`` -- a table of the jurisdictions: code, name, laws, and
  the jurisdictions whose rules apply as well.
* ``.. compliance-rules::`` -- a table of every rule of
  ``sphinxcontrib_cookies.compliance.RULES``: its id (a link to its example), jurisdiction,
  what it checks, and its sources (links where they have an address).
* ``.. compliance-examples::`` -- a section per rule with its tested example, the folder
  ``docs/snippets/compliance/<rule-id>/`` (its ``conf.py``, its ``cookies.yaml`` with the
  lines named in the warnings highlighted, its page for a rule about pages, and
  ``warnings.txt``), which
  ``tests/test_docs_snippets.py`` builds. A rule without its folder is an error, so that the
  page cannot leave a rule without an example.
* ``.. compliance-sources::`` -- every source once: its citation, full title and address.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.directives.code import container_wrapper
from sphinx.util.docutils import SphinxDirective

from sphinxcontrib_cookies.compliance import BY_ID, JURISDICTIONS, RULES, SOURCES, Rule, Source

EXAMPLES = Path(__file__).resolve().parent.parent / "snippets" / "compliance"
#: The files of an example, in the order shown, with their language; the page is shown for the
#: rules about what the pages say (the other examples' pages only render the inventory).
EXAMPLE_FILES = (
    ("conf.py", "python"),
    ("cookies.yaml", "yaml"),
    ("index.rst", "rst"),
    ("warnings.txt", "text"),
)
_WARNED_LINE = re.compile(r"^cookies\.yaml:(\d+): ", re.MULTILINE)
_NAMES = {jurisdiction.code: jurisdiction.name for jurisdiction in JURISDICTIONS}


def anchor(rule: Rule) -> str:
    return f"compliance-{rule.id}"


def _row(*cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        row += nodes.entry("", nodes.paragraph("", "", *content))
    return row


def _table(
    classes: str, title: str, widths: tuple[int, ...], headers: tuple[str, ...]
) -> tuple[nodes.table, nodes.tbody]:
    table = nodes.table(classes=[classes])
    table += nodes.title("", title)
    group = nodes.tgroup(cols=len(widths))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", _row(*([nodes.Text(header)] for header in headers)))
    body = nodes.tbody()
    group += body
    return table, body


def _source(source: Source, text: str) -> nodes.Node:
    if source.url is None:
        return nodes.Text(text)
    return nodes.reference(text, text, refuri=source.url)


def _sources(rule: Rule) -> list[nodes.Node]:
    found: list[nodes.Node] = []
    for index, source in enumerate(rule.sources):
        if index:
            found.append(nodes.Text("; "))
        found.append(_source(source, source.citation))
    return found


class ComplianceSources(SphinxDirective):
    """Every source, once: how the messages cite it, its full title, and its address."""

    def run(self) -> list[nodes.Node]:
        listing = nodes.definition_list(classes=["compliance-sources"])
        for source in SOURCES.values():
            term = nodes.term("", source.citation)
            definition = nodes.paragraph("", source.title)
            if source.url is not None:
                definition += [nodes.Text(": "), _source(source, source.url)]
            listing += nodes.definition_list_item("", term, nodes.definition("", definition))
        self.set_source_info(listing)
        return [listing]


class ComplianceJurisdictions(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        table, body = _table(
            "compliance-jurisdictions",
            "The jurisdictions",
            (10, 25, 50, 15),
            ("Code", "Jurisdiction", "Its rules come from", "Also checks"),
        )
        for jurisdiction in JURISDICTIONS:
            body += _row(
                [nodes.literal(jurisdiction.code, jurisdiction.code)],
                [nodes.Text(jurisdiction.name)],
                [nodes.Text(jurisdiction.laws)],
                [nodes.literal(code, code) for code in jurisdiction.includes],
            )
        self.set_source_info(table)
        return [table]


class ComplianceRules(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        table, body = _table(
            "compliance-rules",
            "The rules",
            (25, 10, 40, 25),
            ("Rule", "Jurisdiction", "What it checks", "Source"),
        )
        for rule in RULES:
            link = nodes.reference("", "", nodes.literal(rule.id, rule.id), refid=anchor(rule))
            body += _row(
                [link],
                [nodes.Text(rule.jurisdiction)],
                [nodes.Text(rule.summary)],
                _sources(rule),
            )
        self.set_source_info(table)
        return [table]


class ComplianceExamples(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        missing = [rule.id for rule in RULES if not (EXAMPLES / rule.id).is_dir()]
        extra = sorted(path.name for path in EXAMPLES.iterdir() if path.name not in BY_ID)
        if missing or extra:
            raise self.error(
                f"rules without an example folder in {EXAMPLES}: {missing}; "
                f"folders that are no rule: {extra}"
            )
        return [self.example(rule) for rule in RULES]

    def example(self, rule: Rule) -> nodes.section:
        section = nodes.section(ids=[anchor(rule)])
        section += nodes.title("", "", nodes.literal(rule.id, rule.id))
        lead = f"{_NAMES[rule.jurisdiction]}. {rule.summary} Source: "
        section += nodes.paragraph("", "", nodes.Text(lead), *_sources(rule))
        folder = EXAMPLES / rule.id
        warned = sorted(
            {int(line) for line in _WARNED_LINE.findall(self.read(folder / "warnings.txt"))}
        )
        for name, language in EXAMPLE_FILES:
            if name == "index.rst" and not rule.on_pages:
                continue
            text = self.read(folder / name)
            block = nodes.literal_block(text, text, language=language)
            if name == "cookies.yaml":
                block["linenos"] = True
                block["highlight_args"] = {"hl_lines": warned}
            caption = "The build says" if name == "warnings.txt" else name
            section += container_wrapper(self, block, caption)
        self.set_source_info(section)
        return section

    def read(self, path: Path) -> str:
        self.env.note_dependency(str(path))
        return path.read_text(encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("compliance-jurisdictions", ComplianceJurisdictions)
    app.add_directive("compliance-rules", ComplianceRules)
    app.add_directive("compliance-examples", ComplianceExamples)
    app.add_directive("compliance-sources", ComplianceSources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
