"""A cookie table's body kept as plain data between reading a page and writing it.

A table of the whole Open Cookie Database is some 34,000 docutils nodes. Once the page is read
(translated, its quotes made typographic), Sphinx pickles the tree, loads it again to write
the page, runs every post-transform over it and walks it once more to index its words: work on
nodes that will not change again, which made up most of a build of such a page. A body packed
here is tuples and strings, which pickle and load in a fraction of the time, and which
``extension/packing.py`` writes to HTML in one pass, or unpacks into the very same nodes for
any other builder.

Only what a cookie table's body holds is packed: rows of cells of paragraphs of text,
literals, links, spans and raw HTML, with no attribute that changes how they are written
beyond their ids and classes. A body holding anything else is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

from docutils import nodes

#: A packed element: its kind (``_KINDS``), its attributes (without the empty lists every
#: element has), its raw source, source and line, its children, and the ``uid`` that Sphinx
#: gives a translatable element for the gettext builder (which reads all four but the kind
#: and the children); a packed text node is its string.
Packed: TypeAlias = tuple[
    str, dict[str, Any], str, str | None, int | None, tuple["Part", ...], str | None
]
Part: TypeAlias = "str | Packed"

_KINDS: Mapping[str, type[nodes.Element]] = MappingProxyType(
    {
        "row": nodes.row,
        "entry": nodes.entry,
        "paragraph": nodes.paragraph,
        "literal": nodes.literal,
        "reference": nodes.reference,
        "inline": nodes.inline,
        "raw": nodes.raw,
    }
)
_KIND_OF = MappingProxyType({cls: kind for kind, cls in _KINDS.items()})
#: What each kind may hold.
_CHILDREN: Mapping[str, tuple[type[nodes.Node], ...]] = MappingProxyType(
    {
        "row": (nodes.entry,),
        "entry": (nodes.paragraph,),
        "paragraph": (nodes.Text, nodes.literal, nodes.reference, nodes.inline, nodes.raw),
        "literal": (nodes.Text,),
        "reference": (nodes.Text,),
        "inline": (nodes.Text,),
        "raw": (nodes.Text,),
    }
)
#: Attributes that change how a kind is written to HTML, beyond ids and classes (which every
#: kind may have, but a paragraph): a body with one of them is not packed.
_WRITTEN: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "row": frozenset(),
        "entry": frozenset({"ids", "morerows", "morecols"}),
        "paragraph": frozenset({"ids"}),
        "literal": frozenset({"ids", "language"}),
        "reference": frozenset(
            {"ids", "refid", "internal", "reftitle", "target", "rel", "secnumber"}
        ),
        "inline": frozenset({"ids"}),
        "raw": frozenset({"ids"}),
    }
)
#: A paragraph's classes would be written too.
_PARAGRAPH_CLASSES = "classes"
#: The literal classes Sphinx writes another way (a key, highlighted code).
_LITERAL_SPECIAL = frozenset({"kbd", "code"})


class packed_rows(nodes.General, nodes.Element):  # type: ignore[misc]
    """A table body, packed (``rows``: one ``Packed`` row each). Its one child is a text
    node of the cells' words, for the search index; writers never see it."""

    rows: tuple[Packed, ...] = ()

    def set_rows(self, rows: tuple[Packed, ...]) -> None:
        """Keep ``rows``, and their words for the search index."""
        self.rows = rows
        del self[:]
        self += nodes.Text("\n".join(words(rows)))

    def copy(self) -> packed_rows:
        copied: packed_rows = super().copy()
        copied.rows = self.rows
        return copied


def _is_packable(node: nodes.Node, kind: str) -> bool:
    """Whether ``node``, of ``kind`` (its very class: a subclass may be written another way),
    and all it holds can be packed."""
    if type(node) is not _KINDS[kind]:
        return False
    written = _WRITTEN[kind]
    if any(node.get(name) for name in written):
        return False
    if kind == "paragraph" and node[_PARAGRAPH_CLASSES]:
        return False
    if kind == "literal" and _LITERAL_SPECIAL & set(node["classes"]):
        return False
    if kind == "reference" and not node.get("refuri", "").startswith(("http://", "https://")):
        return False  # (an email address is written cloaked, another way)
    if kind == "raw" and (node["classes"] or "html" not in node.get("format", "").split()):
        return False
    allowed = _CHILDREN[kind]
    for child in node.children:
        if isinstance(child, nodes.Text):
            if nodes.Text not in allowed:
                return False
        elif type(child) not in allowed or not _is_packable(child, _KIND_OF[type(child)]):
            return False
    return True


class _Shared(dict[object, Any]):
    """One object for equal attributes and strings, which a pickle then writes once: most
    cells of a column have the same attributes, many the same text."""

    def attributes(self, node: nodes.Element) -> dict[str, Any]:
        attributes = {name: value for name, value in node.attributes.items() if value != []}
        key = repr(attributes)
        return self.setdefault(key, attributes)  # type: ignore[no-any-return]

    def text(self, text: str) -> str:
        return self.setdefault(text, text)  # type: ignore[no-any-return]


def pack_node(node: nodes.Node, shared: _Shared | None = None) -> Part:
    shared = _Shared() if shared is None else shared
    if isinstance(node, nodes.Text):
        return shared.text(str(node))
    assert isinstance(node, nodes.Element)
    children = tuple(pack_node(child, shared) for child in node.children)
    rawsource = shared.text(node.rawsource)
    return (
        _KIND_OF[type(node)],
        shared.attributes(node),
        rawsource,
        node.source,
        node.line,
        children,
        getattr(node, "uid", None),
    )


def pack_body(body: nodes.tbody) -> packed_rows | None:
    """``body`` packed, or None where it holds anything ``_is_packable`` refuses."""
    if any(value != [] for value in body.attributes.values()):
        return None
    if not all(_is_packable(row, "row") for row in body.children):
        return None
    packed: packed_rows = packed_rows()
    shared = _Shared()
    packed.rows = tuple(pack_node(row, shared) for row in body.children)  # type: ignore[misc]
    packed.source, packed.line = body.source, body.line
    packed += nodes.Text("\n".join(words(packed.rows)))
    return packed


#: What Sphinx's search index leaves out of raw HTML: the elements that are not text, then
#: every tag (``sphinx.search``).
_NOT_WORDS = (
    re.compile(r"<style.*?</style>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<script.*?</script>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<[^<]+?>"),
)


def words(parts: tuple[Part, ...]) -> Iterator[str]:
    """The text that Sphinx's search index would read in the nodes of ``parts``."""
    for part in parts:
        if isinstance(part, str):
            yield part
        elif part[0] == "raw":
            text = "".join(str(child) for child in part[5])
            for pattern in _NOT_WORDS:
                text = pattern.sub("", text)
            yield text
        else:
            yield from words(part[5])


def _unpack(part: Part) -> nodes.Node:
    if isinstance(part, str):
        return nodes.Text(part)
    kind, attributes, rawsource, source, line, children, uid = part
    element = _KINDS[kind](rawsource)
    for name, value in attributes.items():
        element[name] = list(value) if isinstance(value, list) else value
    element.source, element.line = source, line
    if uid is not None:
        element.uid = uid
    element.extend([_unpack(child) for child in children])
    return element


def unpack_rows(rows: tuple[Packed, ...]) -> list[nodes.row]:
    """The rows as they were packed: new nodes, equal to the old."""
    return [_unpack(row) for row in rows]


def unpack(packed: packed_rows) -> nodes.tbody:
    body = nodes.tbody()
    body.source, body.line = packed.source, packed.line
    body.extend(unpack_rows(packed.rows))
    return body


def text_of(part: Part) -> str:
    """What ``astext()`` gives for the packed node: an entry's paragraphs are apart by a blank
    line, as docutils joins them."""
    if isinstance(part, str):
        return part
    separator = "\n\n" if part[0] == "entry" else ""
    return separator.join(text_of(child) for child in part[5])


def cells(row: Packed) -> tuple[Packed, ...]:
    return row[5]  # type: ignore[return-value]


def classes_of(part: Packed) -> list[str]:
    classes: list[str] = part[1].get("classes", [])
    return classes


def with_children(part: Packed, children: tuple[Part, ...]) -> Packed:
    return (*part[:5], children, part[6])


def literals_of(cell: Packed) -> Iterator[str]:
    """The text of each literal of a cell (its names)."""
    for paragraph in cell[5]:
        for part in paragraph[5]:
            if not isinstance(part, str) and part[0] == "literal":
                yield text_of(part)
