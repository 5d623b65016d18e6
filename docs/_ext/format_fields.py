"""The format reference's lists of fields, read from the format's declaration (docs only).

::

    .. format-fields:: cookie

       duration
          More about the duration, in reST, shown after its declared description.

lists every field of one section of ``sphinxcontrib_cookies.inventory.fields.FORMAT``
(``inventory``, ``category``, ``provider`` or ``cookie``), in the declared order: its key, what
it holds, whether it is required, its declared description, and the text given for its key in
the directive's content, if any. A key in the content that the section does not declare is an
error, so that the page cannot describe a field that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes
from sphinx.util.typing import ExtensionMetadata

from sphinxcontrib_cookies.inventory.fields import FORMAT, Field, Kind, Section, require_every_kind

#: How the reference says what each kind of field holds, and the label of the part of the page
#: that explains it (None: nothing more to say). A choice lists its values instead.
KIND_WORDS: Mapping[Kind, tuple[str, str | None]] = MappingProxyType(
    {
        Kind.TEXT: ("text", "format-text"),
        Kind.ONE_LINE_TEXT: ("text, shown on one line", "format-text"),
        Kind.NAME: ("a cookie name", None),
        Kind.NAMES: ("a list of cookie names", None),
        Kind.URL: ("a web address", None),
        Kind.BOOLEAN: ("true or false", None),
        Kind.CHOICE: ("one of the values listed", None),
        Kind.DURATION: ("a duration", "format-durations"),
        Kind.DOMAIN: ("a host name", None),
        Kind.DATE: ("a date", None),
        Kind.COUNTRY: ("an ISO 3166-1 alpha-2 country code", None),
        Kind.EMAIL: ("an e-mail address", None),
        Kind.VERSION: ("a format version", None),
        Kind.CATEGORY_REFERENCE: ("a category id", "format-categories"),
        Kind.PROVIDER_REFERENCE: ("a provider id, or a name", "format-providers"),
        Kind.CATEGORIES: ("category id to category", "format-categories"),
        Kind.PROVIDERS: ("provider id to provider", "format-providers"),
        Kind.COOKIES: ("a list of cookie entries", "format-cookies"),
        Kind.ENTRY: ("a mapping", "format-legal"),
        Kind.ENTRIES: ("a list of mappings", "format-legal"),
    }
)
require_every_kind(KIND_WORDS, "the format reference (docs/_ext/format_fields.py)")


def _literals(words: tuple[str, ...], last: str) -> list[nodes.Node]:
    """``a``, ``b`` or ``c``."""
    result: list[nodes.Node] = []
    for index, word in enumerate(words):
        if index:
            result.append(nodes.Text(f" {last} " if index == len(words) - 1 else ", "))
        result.append(nodes.literal(word, word))
    return result


def _what_it_holds(field: Field) -> list[nodes.Node]:
    if field.kind is Kind.CHOICE:
        return _literals(field.choices, "or")
    words, label = KIND_WORDS[field.kind]
    if label is None:
        return [nodes.Text(words)]
    reference = addnodes.pending_xref(
        "", nodes.inline(words, words), refdomain="std", reftype="ref", reftarget=label
    )
    reference["refexplicit"] = True
    reference["refwarn"] = True
    return [reference]


def _presence(field: Field, section: Section[object]) -> list[nodes.Node]:
    if field.key in section.one_of:
        return [nodes.Text("exactly one of "), *_literals(section.one_of, "and")]
    if field.key in section.any_of:
        return [nodes.Text("at least one of "), *_literals(section.any_of, "and")]
    if field.required and section.standard_ids:
        return [nodes.Text(f"required except for a standard {section.name}")]
    if field.required:
        return [nodes.Text("required")]
    if field.default is not None:
        return [nodes.Text("optional, default "), nodes.literal(field.default, field.default)]
    return [nodes.Text("optional")]


def field_list(
    section: Section[object], extras: Mapping[str, list[nodes.Node]]
) -> nodes.definition_list:
    """Every field of ``section``, with the ``extras`` given for some of their keys."""
    fields = nodes.definition_list(classes=["format-fields"])
    for field in section.fields:
        term = nodes.term("", "", nodes.literal(field.key, field.key), nodes.Text(" ("))
        term += _what_it_holds(field)
        term += nodes.Text("; ")
        term += _presence(field, section)
        term += nodes.Text(")")
        paragraph = nodes.paragraph(field.description, field.description)
        more = list(extras.get(field.key, []))
        if more and isinstance(more[0], nodes.paragraph):  # one paragraph: the sentence goes on
            paragraph += [nodes.Text(" "), *more.pop(0).children]
        fields += nodes.definition_list_item("", term, nodes.definition("", paragraph, *more))
    return fields


class FormatFields(SphinxDirective):
    """``.. format-fields:: <section>``, with more text per key as a definition list."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        names = [section.name for section in FORMAT.sections]
        if self.arguments[0] not in names:
            raise self.error(f"no section '{self.arguments[0]}'; use one of {', '.join(names)}")
        section: Section[object] = FORMAT.section(self.arguments[0])
        return [field_list(section, self.extras(section))]

    def extras(self, section: Section[object]) -> dict[str, list[nodes.Node]]:
        """The content's text for each key, checked against the declared keys."""
        extras: dict[str, list[nodes.Node]] = {}
        parsed = nested_parse_to_nodes(self.state, self.content, offset=self.content_offset)
        for block in parsed:
            if not isinstance(block, nodes.definition_list):
                raise self.error("the content is a definition list of keys and their text")
            for item in block.children:
                key = item[0].astext()
                if key not in section.keys:
                    raise self.error(
                        f"'{key}' is not a field of {section.name}; "
                        f"its fields are: {', '.join(section.keys)}"
                    )
                extras[key] = list(item[-1].children)
        return extras


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("format-fields", FormatFields)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
