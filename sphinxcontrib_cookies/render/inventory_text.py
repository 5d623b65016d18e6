"""Marks on the nodes that hold the inventory's own text, for a project's gettext catalogs.

Sphinx's gettext builder extracts every text element whose ``source`` is set, its ``rawsource``
being the message; so these nodes carry the inventory's path and line. Built-in words (labels,
formatted durations, default explanations) are kept out (``builtin``): our own catalogs
translate them. Each text element is marked one way or the other when it is made, so that no
pass over the finished tables is needed. The Sphinx glue (``extension/project_catalogs.py``)
translates the marked nodes as plain text.
"""

from __future__ import annotations

from typing import TypeVar

from docutils import nodes

from ..inventory import LocalizedText

#: The attribute naming where a marked node's text comes from.
ORIGIN = "cookies-text"
#: The text may be translated by the project's catalogs.
FOR_CATALOG = "catalog"
#: The inventory gave the text in the build language: it wins over any catalog.
GIVEN = "given"

NodeT = TypeVar("NodeT", bound=nodes.Element)


def mark_inventory_text(
    node: NodeT, text: LocalizedText, language: str | None, path: str, line: int
) -> NodeT:
    node.source = path
    node.line = line
    node[ORIGIN] = GIVEN if text.get(language) is not None else FOR_CATALOG
    node.attributes.pop("translatable", None)
    return node


def builtin(node: NodeT) -> NodeT:
    """Keep a text element of our own words out of the project's catalogs: our catalogs
    translate them, and docutils gives a directive's top-level nodes a source, which would
    otherwise make Sphinx extract them. (Inline elements are never extracted alone.)"""
    node["translatable"] = False
    return node


def keep_builtin_text_out(root: nodes.Element) -> None:
    """``builtin`` for every unmarked text element under ``root``: one pass over a small
    structure made in one piece (the controller, the rights). The cookie tables, which can
    hold thousands of cells, mark each element as they make it instead."""
    for node in root.findall(nodes.TextElement):
        if ORIGIN not in node and not isinstance(node, nodes.Inline):
            builtin(node)
