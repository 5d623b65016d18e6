"""Reading the words of a built cookie policy page, for the translation tests."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Block:
    """One piece of text on the page and where it sits, such as ("th", "Purpose") or
    ("cookie-duration/p", "13 months")."""

    place: str
    text: str


class _BlockReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str]]] = []
        self.blocks: list[Block] = []
        self.current: tuple[str, int, list[str]] | None = None
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.in_body = self.in_body or tag == "section"
        self.stack.append((tag, classes))
        is_block = tag in ("p", "dt") or "caption-text" in classes
        if self.in_body and is_block and self.current is None:
            self.current = (self.place(tag), len(self.stack), [])

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if self.current is not None and len(self.stack) < self.current[1]:
            place, _, text = self.current
            self.blocks.append(Block(place, " ".join("".join(text).split())))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current[2].append(data)

    def place(self, tag: str) -> str:
        for opened, classes in reversed(self.stack):
            if opened in ("th", "caption"):
                return opened
            named = [name for name in classes if name.startswith("cookie-")]
            if named:
                return f"{named[0]}/{tag}"
        return tag


def page_blocks(html: str) -> list[Block]:
    """Every paragraph, term and table caption of the page body, in order."""
    reader = _BlockReader()
    reader.feed(html)
    return reader.blocks
