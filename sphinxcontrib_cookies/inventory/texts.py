"""Text read from located YAML nodes: on one line or in paragraphs, or a mapping of language
codes to text, within the text limit; and what a page shows of a value that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Callable

from .limits import cut
from .model import LANGUAGE_CODE, LocalizedText
from .problems import shown
from .reader import CONTROL_CHARACTERS, TODO_MARK, TypedReader
from .yamltree import Mapping, Node, Scalar


def _joined_lines(text: str) -> str:
    return " ".join(text.split())


def _escape(found: re.Match[str]) -> str:
    return repr(found.group())[1:-1]


def visible(text: str, one_line: bool = False) -> str:
    """Text as written, safe to show: each control character written as its escape
    (``\\x1b``), and for ``one_line`` its lines joined."""
    shown_text = CONTROL_CHARACTERS.sub(_escape, text)
    return _joined_lines(shown_text) if one_line else shown_text.strip()


class TextReader(TypedReader):
    """The readers of texts, and of values as written."""

    def as_written(self, node: Node, one_line: bool = True) -> str | None:
        """The text of ``node`` as written, safe to show (and within the text limit): what a
        page shows of a value that could not be read. None for a value that is not text,
        empty, or a TODO (which counts as not written)."""
        if not isinstance(node, Scalar) or node.is_null:
            return None
        if node.value.lstrip().startswith(TODO_MARK):
            return None
        return cut(visible(node.value, one_line), self.limits.text_length) or None

    def within_limit(self, text: str, line: int, what: str) -> str:
        """A text, cut short (and reported) when it is longer than the limit."""
        limit = self.limits.text_length
        if len(text) <= limit:
            return text
        self.report(
            line,
            "limit",
            f"{what} is {len(text):,} characters long, more than {limit:,}; it is cut short. "
            "Shorten it, or raise cookies_max_text_length",
        )
        return cut(text, limit)

    def text(self, node: Node, what: str, one_line: bool = False) -> LocalizedText | None:
        """Text, or a mapping of language codes to text; ``one_line`` joins its lines, for a
        title or a name that builders show on one line (a line break there could start a roff
        request in a man page, or end a LaTeX caption)."""
        clean = _joined_lines if one_line else str.strip
        if self.refused(node):
            return None
        if isinstance(node, Scalar):
            if node.is_null:
                return None
            if CONTROL_CHARACTERS.search(node.value):
                self.report(
                    node.line,
                    "value",
                    f"{what} contains a control character; remove it",
                )
                shown_text = self.as_written(node, one_line)
                return LocalizedText.plain(shown_text) if shown_text else None
            if self.is_todo(node.value, node.line, what):
                return None
            return LocalizedText.plain(self.within_limit(clean(node.value), node.line, what))
        if not isinstance(node, Mapping):
            self.report(
                node.line,
                "structure",
                f"{what} must be text, or a mapping of language codes to text, not a list",
            )
            return None
        translations = self.translations(node, what, clean)
        if not node.items:
            self.report(node.line, "value", f"{what} is an empty mapping; give at least one text")
        return LocalizedText(translations) if translations else None

    def translations(
        self, node: Mapping, what: str, clean: Callable[[str], str]
    ) -> tuple[tuple[str, str], ...]:
        """The texts of a mapping of language codes to text, each problem reported. A text under
        a code that is not a language code is kept: the build language never picks it, but it
        is shown when it is the only one."""
        translations: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        for key, value in node.items:
            if self.refused(key):
                continue
            language = self.nonempty(key, f"a language code in {what}")
            if language is None:
                continue
            if not LANGUAGE_CODE.fullmatch(language):
                self.report(
                    key.line,
                    "value",
                    f"'{shown(language)}' in {what} is not a language code; use codes such as "
                    "'en', 'fr' or 'pt_BR'",
                )
                kept = self.as_written(value, clean is _joined_lines)
                if kept and language not in seen:
                    seen[language] = key.line
                    translations.append((language, kept))
                continue
            if language in seen:
                self.report(
                    key.line,
                    "duplicate-key",
                    f"language '{shown(language)}' appears twice in {what} (first at line "
                    f"{seen[language]}); keep one of them",
                )
                continue
            seen[language] = key.line
            if self.refused(value):
                continue
            if not isinstance(value, Scalar) or value.is_null:
                self.report(
                    value.line, "structure", f"the '{shown(language)}' text of {what} must be text"
                )
                continue
            if CONTROL_CHARACTERS.search(value.value):
                self.report(value.line, "value", f"{what} contains a control character; remove it")
                shown_text = self.as_written(value, clean is _joined_lines)
                if shown_text:
                    translations.append((language, shown_text))
                continue
            if self.is_todo(value.value, value.line, f"the '{shown(language)}' text of {what}"):
                continue
            translations.append((language, self.within_limit(clean(value.value), value.line, what)))
        return tuple(translations)
