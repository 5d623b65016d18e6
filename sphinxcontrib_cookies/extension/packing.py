"""Cookie table bodies packed once a page is read, and written or unpacked for each builder.

See ``render/packed.py`` for why. A body is packed by the last of the read-time transforms,
after the page was translated and its quotes made typographic, so that what is packed is what
would have been written. Every builder that does not write HTML gets the body back as the
nodes it was, before any post-transform (``UnpackTableBodies``). For the HTML builders, what
the cells need of their columns is noted as the body is packed (``render/widths.py``), and
the writer writes the rows in one pass (``visit_packed_rows``) exactly as Sphinx's HTML5
translator would write the nodes, names with their break points (``presentation.py``); where
the translator is not Sphinx's own (a theme's may write tables its own way), the body is
unpacked there and the translator writes the nodes. Both happen where a ``-j`` build works
in parallel (reading, writing), not in its main process, which runs the post-transforms of
one page after another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from ..inventory.collector import collector_paused
from ..render.packed import (
    ATTRIBUTES,
    CHILDREN,
    KIND,
    Packed,
    Part,
    classes_of,
    pack_body,
    packed_rows,
    release,
    text_of,
    unpack,
)
from .presentation import NAME_CELL, mark_names, marked_name
from .transforms import builder_class, cookie_tables, table_bodies
from .widths import note_packed_widths


class PackTableBodies(SphinxTransform):
    """Packs the body of every cookie table that ``pack_body`` accepts; the ids of its rows
    now name the packed body, which is where the rows are until they are unpacked."""

    default_priority = 999  # the last of the read-time transforms: after Sphinx's at 999

    def apply(self, **kwargs: Any) -> None:
        if not self.config.cookies_pack_tables:
            return
        with collector_paused():
            self.pack()

    def pack(self) -> None:
        noted = writes_packed(self.env)
        for table in cookie_tables(self.document):
            for body in table_bodies(table):
                packed = pack_body(body)
                if packed is None:
                    continue
                if noted:
                    note_packed_widths(self.env, table, packed)
                body.replace_self(packed)
                for row in body.children:
                    for row_id in row["ids"]:
                        self.document.ids[row_id] = packed
                release(body)


def writes_packed(env: BuildEnvironment) -> bool:
    """Whether the build's builder writes packed bodies as they are: those that write HTML,
    but for EPUB (``UnpackTableBodies``)."""
    from sphinx.builders._epub_base import EpubBuilder

    builder = builder_class(env)
    return builder.format == "html" and not issubclass(builder, EpubBuilder)


def unpack_in_place(packed: packed_rows) -> nodes.tbody:
    body = unpack(packed)
    packed.replace_self(body)
    document = body.document
    if document is not None:
        for row in body.children:
            for row_id in row["ids"]:
                document.ids[row_id] = row
    return body


class UnpackTableBodies(SphinxPostTransform):
    """Every builder but HTML's gets the tables' bodies back as nodes, before any other
    post-transform reads them; so do the EPUB builders, which write HTML but walk the nodes
    of a page first (to show link addresses, and to rewrite ids)."""

    default_priority = 1

    def is_supported(self) -> bool:
        return not writes_packed(self.env)

    def run(self, **kwargs: Any) -> None:
        for packed in list(self.document.findall(packed_rows)):
            unpack_in_place(packed)


#: The methods of Sphinx's HTML5 translator that ``visit_packed_rows`` does the work of.
_STAND_INS = (
    *(
        f"{step}_{kind}"
        for kind in ("tbody", "row", "entry", "paragraph", "literal", "reference", "inline")
        for step in ("visit", "depart")
    ),
    "visit_raw",
    "visit_Text",
    "starttag",
    "encode",
)


def writes_as_sphinx(translator: nodes.NodeVisitor) -> bool:
    """Whether ``translator`` writes these nodes with Sphinx's own methods (a theme's
    translator may override them; a project may have registered its own handlers)."""
    for name in _STAND_INS:
        method = getattr(translator, name, None)
        if getattr(method, "__func__", None) is not getattr(HTML5Translator, name, None):
            return False
    return True


def _can_write_packed(translator: HTML5Translator, node: packed_rows) -> bool:
    stubs = getattr(node.parent, "stubs", None)
    return (
        writes_as_sphinx(translator)
        and stubs is not None
        and not any(stubs)
        and not translator.protect_literal_text
        and not translator.in_mailto
    )


class _Writer:
    """Writes packed rows as ``HTML5Translator`` writes their nodes: the start tags by the
    translator's own ``starttag``, once for each set of classes; the rows by its own
    ``visit_row``, which numbers them."""

    def __init__(self, translator: HTML5Translator) -> None:
        self.translator = translator
        self.body = translator.body
        self.encode: Callable[[str], str] = translator.encode
        self.tags: dict[tuple[str, tuple[str, ...]], str] = {}
        self.paragraph = translator.starttag(nodes.paragraph(), "p", "")

    def tag(self, kind: str, classes: list[str], make: Callable[[list[str]], str]) -> str:
        key = (kind, tuple(classes))
        tag = self.tags.get(key)
        if tag is None:
            tag = self.tags[key] = make(list(classes))
        return tag

    def row(self, packed: Packed) -> None:
        row = nodes.row()
        for name, value in packed[ATTRIBUTES].items():
            row[name] = list(value) if isinstance(value, list) else value
        self.translator.visit_row(row)
        for cell in packed[CHILDREN]:
            self.cell(cell)  # type: ignore[arg-type]
        self.translator.depart_row(row)

    def cell(self, cell: Packed) -> None:
        starttag = self.translator.starttag
        classes = classes_of(cell)
        self.body.append(
            self.tag("td", classes, lambda c: starttag(nodes.entry(classes=c), "td", ""))
        )
        names = NAME_CELL in classes
        paragraphs = cell[CHILDREN]
        end = "</p>" if len(paragraphs) == 1 else "</p>\n"
        for paragraph in paragraphs:
            self.body.append(self.paragraph)
            for part in paragraph[CHILDREN]:
                if names and self.name(part):
                    continue
                self.part(part)
            self.body.append(end)
        self.body.append("</td>\n")

    def name(self, part: Part) -> bool:
        """Writes a name with its break points (``presentation.add_break_points``), if
        ``part`` is a name that has any."""
        if isinstance(part, str) or part[KIND] != "literal" or classes_of(part):
            return False
        marked = marked_name(text_of(part))
        if marked is not None:
            self.body.append(marked)
        return marked is not None

    def part(self, part: Part) -> None:
        if isinstance(part, str):
            self.body.append(self.encode(part))
            return
        kind, children = part[KIND], part[CHILDREN]
        starttag = self.translator.starttag
        if kind == "literal":
            self.body.append(
                self.tag(
                    "code",
                    classes_of(part),
                    lambda c: starttag(
                        nodes.literal(classes=c), "code", "", CLASS="docutils literal notranslate"
                    ),
                )
            )
            for text in children:
                self.literal_text(str(text))
            self.body.append("</code>")
        elif kind == "reference":
            self.reference(part)
        elif kind == "inline":  # a span (``pack_body`` packs no other)
            self.body.append(
                self.tag(
                    "span",
                    classes_of(part),
                    lambda c: starttag(nodes.inline(classes=c), "span", ""),
                )
            )
            self.body.extend(self.encode(str(text)) for text in children)
            self.body.append("</span>")
        else:  # raw HTML, without classes (``pack_body`` packs no other)
            self.body.extend(str(text) for text in children)

    def reference(self, part: Packed) -> None:
        """As ``HTML5Translator`` writes a link to a web address (``pack_body`` packs no
        other)."""
        self.body.append(
            self.translator.starttag(
                nodes.reference(classes=list(classes_of(part))),
                "a",
                "",
                CLASS="reference external",
                href=part[ATTRIBUTES]["refuri"],
            )
        )
        self.body.extend(self.encode(str(text)) for text in part[CHILDREN])
        self.body.append("</a>")

    def literal_text(self, text: str) -> None:
        """As ``HTML5Translator.visit_Text`` writes the text of a literal."""
        for token in self.translator.words_and_spaces.findall(self.encode(text)):
            if token.strip():
                self.body.append(f'<span class="pre">{token}</span>')
            elif token in {" ", "\n"}:
                self.body.append(token)
            else:
                self.body.append("&#160;" * (len(token) - 1) + " ")


def visit_packed_rows(translator: HTML5Translator, node: packed_rows) -> None:
    if not _can_write_packed(translator, node):
        body = unpack(node)
        body.parent, body.document = node.parent, node.document
        mark_names(body)
        body.walkabout(translator)
        raise nodes.SkipNode
    body = nodes.tbody()
    translator.visit_tbody(body)
    writer = _Writer(translator)
    for row in node.rows:
        writer.row(row)
    translator.depart_tbody(body)
    raise nodes.SkipNode


def setup_packing(app: Sphinx) -> None:
    app.add_node(packed_rows, html=(visit_packed_rows, None))
    app.add_transform(PackTableBodies)
    app.add_post_transform(UnpackTableBodies)
