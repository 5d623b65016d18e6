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
beyond their classes and the rows' ids. A body holding anything else is left as it is.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final, TypeAlias

from docutils import nodes
from docutils.writers import html5_polyglot

#: A packed element: its kind (``_KINDS``), its attributes (without the empty lists every
#: element has), its raw source, source and line, its children, and the ``uid`` that Sphinx
#: gives a translatable element for the gettext builder (which reads all four but the kind
#: and the children); a packed text node is its string.
Packed: TypeAlias = tuple[
    str, dict[str, Any], str, str | None, int | None, tuple["Part", ...], str | None
]
Part: TypeAlias = "str | Packed"
#: Where a ``Packed`` keeps its kind, its attributes and its children.
KIND: Final = 0
ATTRIBUTES: Final = 1
CHILDREN: Final = 5

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
#: Attributes that leave a body as nodes: those that change how an element is written beyond
#: its classes, and the ids of any element but a row (the writer places a row's alone).
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
#: The classes that make docutils write an inline element as that element rather than a span.
_INLINE_ELEMENTS = frozenset(html5_polyglot.HTMLTranslator.supported_inline_tags)


class packed_rows(nodes.General, nodes.Element):  # type: ignore[misc]
    """A table body, packed (``rows``: one ``Packed`` row each). Its one child is a text
    node of the cells' words, for the search index; writers never see it.

    In a pickled doctree the rows are one string of bytes, loaded only where they are read
    (``rows``). A ``-j`` build's main process loads the doctree of every page it hands to a
    worker to write, then runs only the post-transforms and the search index, which read the
    width notes and the words: the rows, most of the page's objects, would only have made
    work for its garbage collector, with every page loaded so far still held."""

    _rows: tuple[Packed, ...] = ()
    #: The rows, pickled, until they are read.
    _pickled_rows: bytes | None = None
    #: What the cells need of their columns, noted for the builder that reads the page
    #: (``render/widths.py``, ``note_packed_rows``); None until then.
    width_notes: tuple[Any, ...] | None = None

    @property
    def rows(self) -> tuple[Packed, ...]:
        if self._pickled_rows is not None:
            self._rows = pickle.loads(self._pickled_rows)
            self._pickled_rows = None
        return self._rows

    def set_rows(self, rows: tuple[Packed, ...]) -> None:
        """Keep ``rows``, and their words for the search index: each cell's text once, as the
        index keeps a set of pages for each word, however often it is read in one."""
        self._rows, self._pickled_rows = rows, None
        self.width_notes = None
        del self[:]
        self += nodes.Text("\n".join(dict.fromkeys(words(rows))))

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        if "_rows" in state:
            state["_pickled_rows"] = pickle.dumps(state.pop("_rows"), pickle.HIGHEST_PROTOCOL)
        return state

    def copy(self) -> packed_rows:
        copied: packed_rows = super().copy()
        copied._rows, copied._pickled_rows = self._rows, self._pickled_rows
        copied.width_notes = self.width_notes
        return copied


class _Refused(Exception):
    """A node that ``pack_body`` does not pack."""


class _Packer:
    """Packs elements, one object for equal attributes and equal strings, which a pickle then
    writes once: most cells of a column have the same attributes, many the same text."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        #: By their ``repr``: apart from the texts, which may read like one.
        self.attribute_sets: dict[str, dict[str, Any]] = {}

    def text(self, text: str) -> str:
        return self.texts.setdefault(text, text)

    def attributes(self, attributes: dict[str, Any]) -> dict[str, Any]:
        kept = {name: value for name, value in attributes.items() if value != []}
        return self.attribute_sets.setdefault(repr(kept), kept)

    def element(self, node: nodes.Element, kind: str) -> Packed:
        """``node`` packed, where it is of ``kind`` (its very class: a subclass may be
        written another way) and all it holds can be packed; else ``_Refused``."""
        attributes = node.attributes
        if any(attributes.get(name) for name in _WRITTEN[kind]) or _written_another_way(node, kind):
            raise _Refused
        allowed = _CHILDREN[kind]
        children: list[Part] = []
        for child in node.children:
            if isinstance(child, nodes.Text):
                if nodes.Text not in allowed:
                    raise _Refused
                children.append(self.text(str(child)))
            elif type(child) in allowed:
                children.append(self.element(child, _KIND_OF[type(child)]))
            else:
                raise _Refused
        return (
            kind,
            self.attributes(attributes),
            self.text(node.rawsource),
            node.source,
            node.line,
            tuple(children),
            getattr(node, "uid", None),
        )


def _written_another_way(node: nodes.Element, kind: str) -> bool:
    if kind == "paragraph":
        return bool(node[_PARAGRAPH_CLASSES])
    if kind == "literal":
        return bool(_LITERAL_SPECIAL & set(node["classes"]))
    if kind == "reference":  # an email address is written cloaked
        return not node.get("refuri", "").startswith(("http://", "https://"))
    if kind == "raw":
        return bool(node["classes"]) or "html" not in node.get("format", "").split()
    if kind == "inline":  # a span, unless a class names another element
        return bool(_INLINE_ELEMENTS & set(node["classes"]))
    return False


def pack_node(node: nodes.Element) -> Packed:
    """One element packed (a row, or an element of a row); ``_Refused`` if it cannot be."""
    kind = _KIND_OF.get(type(node))
    if kind is None:
        raise _Refused
    return _Packer().element(node, kind)


def pack_body(body: nodes.tbody) -> packed_rows | None:
    """``body`` packed, or None where it holds anything that is not packed (``_WRITTEN``,
    ``_written_another_way``)."""
    if any(value != [] for value in body.attributes.values()):
        return None
    packer = _Packer()
    try:
        rows = tuple(
            packer.element(row, "row") if type(row) is nodes.row else _refuse()
            for row in body.children
        )
    except _Refused:
        return None
    packed: packed_rows = packed_rows()
    packed.set_rows(rows)
    packed.source, packed.line = body.source, body.line
    return packed


def release(body: nodes.Element) -> None:
    """Let the nodes of a body that was packed go as soon as the body is dropped: each node and
    its children refer to each other (``parent``), a cycle that only Python's collector would
    find, after walking them, and the tables of a large page are hundreds of thousands of
    objects. Emptying every element's children breaks the cycles."""
    pending: list[nodes.Element] = [body]
    while pending:
        element = pending.pop()
        pending.extend(child for child in element.children if isinstance(child, nodes.Element))
        element.children = []


def _refuse() -> Packed:
    raise _Refused


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
        elif part[KIND] == "raw":
            text = "".join(str(child) for child in part[CHILDREN])
            for pattern in _NOT_WORDS:
                text = pattern.sub("", text)
            yield text
        else:
            yield from words(part[CHILDREN])


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


def unpack(packed: packed_rows) -> nodes.tbody:
    """The body as it was packed: new nodes, equal to the old."""
    body = nodes.tbody()
    body.source, body.line = packed.source, packed.line
    body.extend([_unpack(row) for row in packed.rows])
    return body


def text_of(part: Part) -> str:
    """What ``astext()`` gives for the packed node: an entry's paragraphs are apart by a blank
    line, as docutils joins them."""
    if isinstance(part, str):
        return part
    separator = "\n\n" if part[KIND] == "entry" else ""
    return separator.join(text_of(child) for child in part[CHILDREN])


def cells(row: Packed) -> tuple[Packed, ...]:
    return row[CHILDREN]  # type: ignore[return-value]


def classes_of(part: Packed) -> list[str]:
    classes: list[str] = part[ATTRIBUTES].get("classes", [])
    return classes


def with_children(part: Packed, children: tuple[Part, ...]) -> Packed:
    kind, attributes, rawsource, source, line, _, uid = part
    return (kind, attributes, rawsource, source, line, children, uid)


def literals_of(cell: Packed) -> Iterator[str]:
    """The text of each literal of a cell (its names)."""
    for paragraph in cell[CHILDREN]:
        for part in paragraph[CHILDREN]:
            if not isinstance(part, str) and part[KIND] == "literal":
                yield text_of(part)
