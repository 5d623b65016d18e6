"""Reading the words of a built cookie policy page, for the translation tests."""

from __future__ import annotations

from dataclasses import dataclass

from output import Element, parse_html


@dataclass(frozen=True)
class Block:
    """One piece of text on the page and where it sits, such as ("th", "Purpose") or
    ("cookie-duration/p", "13 months")."""

    place: str
    text: str


def _is_block(element: Element) -> bool:
    return element.tag in ("p", "dt") or "caption-text" in element.classes


def _place(element: Element) -> str:
    """A header cell or caption the block is in, else the first ``cookie-`` class around it."""
    for around in element.ancestors():
        if around.tag in ("th", "caption"):
            return around.tag
        named = [name for name in around.classes if name.startswith("cookie-")]
        if named:
            return f"{named[0]}/{element.tag}"
    return element.tag


def page_blocks(html: str) -> list[Block]:
    """Every paragraph, term and table caption from the page's first section on, in order (a
    block inside another is part of it)."""
    blocks: list[Block] = []
    taken: set[int] = set()
    in_body = False
    for element in parse_html(html).iter():
        in_body = in_body or element.tag == "section"
        if not in_body or not _is_block(element):
            continue
        if any(id(around) in taken for around in element.ancestors()):
            continue
        taken.add(id(element))
        blocks.append(Block(_place(element), element.text))
    return blocks
