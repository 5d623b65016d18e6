"""Reading an inventory file into a CookieInventory, with every problem located at its line.

Entries with a problem are left out and reported; the rest of the inventory stays usable.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TypeVar

from .durations import Duration, parse_duration
from .model import (
    PARTIES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    Category,
    Cookie,
    CookieInventory,
    LocalizedText,
    Provider,
)
from .problems import MAX_PROBLEMS, InventoryError, InventoryProblem, shown, too_many_problems
from .yamltree import Mapping, Node, Refused, Scalar, Sequence, compose

#: Files larger than this are refused unless the caller allows more.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: The deepest values the reader looks into: the top level is at 0, 'cookies' at 1, an entry
#: at 2, its fields at 3 and the texts of a translated field at 4. Deeper content is checked
#: by the YAML layer but not kept.
READ_DEPTH = 4

TOP_LEVEL_KEYS = ("version", "updated", "categories", "providers", "cookies")
CATEGORY_KEYS = ("title", "description", "requires_consent")
PROVIDER_KEYS = ("name", "url", "privacy_policy")
COOKIE_KEYS = (
    "name",
    "names",
    "category",
    "purpose",
    "provider",
    "function",
    "duration",
    "party",
    "type",
    "domain",
)

#: A value starting with this is a placeholder still to be written.
TODO_MARK = "TODO"

_WHITESPACE = re.compile(r"\s")
_ID = re.compile(r"[A-Za-z0-9_-]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: An http(s) address with a host, and none of the characters that a URL cannot hold and that
#: could close an attribute or a LaTeX argument: spaces, quotes, angle brackets, braces and
#: backslashes. Invisible characters (bidirectional controls, zero-width spaces) are refused
#: apart, by ``str.isprintable``.
_URL = re.compile(r"https?://[^\s/?#@\"<>\\^`{|}]+(?:[/?#][^\s\"<>\\^`{|}]*)?", re.IGNORECASE)

T = TypeVar("T")


class _EntryInvalid(Exception):
    """The entry being read has a problem, already reported."""


class _TooManyProblems(Exception):
    """The file has MAX_PROBLEMS problems: it is read no further."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kind_of(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "text"


#: "Did you mean" hints compare a misspelt word with every word it could have meant. Each
#: comparison is cheap, but a hostile file can ask for the product of two large counts (20,000
#: misspelt references to 20,000 categories), so a file gets this many comparisons plus one per
#: SUGGESTION_BYTES of its size; hints stop when they are spent. Words longer than
#: SUGGESTION_LENGTH get no hint.
SUGGESTION_COMPARISONS = 10_000
SUGGESTION_BYTES = 50
SUGGESTION_LENGTH = 100


class _Suggestions:
    """Close matches for misspelt words, remembered per word, within a comparison budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.found: dict[tuple[str, int], str] = {}

    def __call__(self, word: str, choices: Collection[str]) -> str:
        key = (word, id(choices))
        if key in self.found:
            return self.found[key]
        if len(word) > SUGGESTION_LENGTH or len(choices) > self.budget:
            return ""
        self.budget -= len(choices)
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
        hint = f"did you mean '{shown(close[0])}'? " if close else ""
        self.found[key] = hint
        return hint


def _listed(words: Collection[str], limit: int = 20) -> str:
    """Words for a message, the first ``limit`` of them: a message stays short however large
    the file."""
    if len(words) <= limit:
        return ", ".join(map(shown, words))
    first = [shown(word) for word, _ in zip(words, range(limit), strict=False)]
    return f"{', '.join(first)} and {len(words) - limit:,} more"


class _Reader:
    def __init__(self, path: str, problems: list[InventoryProblem], size: int = 0) -> None:
        self.path = path
        self.problems = problems
        self.failed = False
        self.suggest = _Suggestions(SUGGESTION_COMPARISONS + size // SUGGESTION_BYTES)

    def report(self, line: int, kind: str, message: str) -> None:
        self.failed = True
        if len(self.problems) >= MAX_PROBLEMS:
            if len(self.problems) == MAX_PROBLEMS:
                self.problems.append(too_many_problems(self.path, line))
            raise _TooManyProblems
        self.problems.append(InventoryProblem(self.path, line, kind, message))

    def entry(self, read: Callable[[], T]) -> T | None:
        """Read one entry; None when anything in it was wrong."""
        self.failed = False
        try:
            result = read()
        except _EntryInvalid:
            return None
        return None if self.failed else result

    def refuse(self, node: Node) -> None:
        """An alias was already reported where ``node`` stands: leave its entry out quietly."""
        if isinstance(node, Refused):
            raise _EntryInvalid

    def fields(
        self,
        node: Node,
        what: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        declared_at: int | None = None,
    ) -> dict[str, tuple[Scalar, Node]]:
        """The keys and values of an entry; a missing field is reported where the entry is
        declared (``declared_at``, the line of its id), else where its mapping starts."""
        self.refuse(node)
        if not isinstance(node, Mapping):
            self.report(
                node.line,
                "structure",
                f"{what} must be a mapping of keys to values, not {_kind_of(node)}",
            )
            raise _EntryInvalid
        found: dict[str, tuple[Scalar, Node]] = {}
        for key, value in node.items:
            self.refuse(key)
            if not isinstance(key, Scalar):
                self.report(
                    key.line, "structure", f"a key in {what} must be text, not {_kind_of(key)}"
                )
                continue
            if key.value in found:
                first = found[key.value][0].line
                self.report(
                    key.line,
                    "duplicate-key",
                    f"key '{shown(key.value)}' appears twice in {what} (first at line {first}); "
                    "keep one of them",
                )
                continue
            if key.value not in allowed:
                self.report(
                    key.line,
                    "unknown-key",
                    f"unknown key '{shown(key.value)}' in {what}; "
                    f"{self.suggest(key.value, allowed)}"
                    f"the keys allowed here are: {', '.join(allowed)}",
                )
                continue
            found[key.value] = (key, value)
        for name in required:
            given = found[name][1] if name in found else None
            if given is None or (
                isinstance(given, Scalar) and (given.is_null or not given.value.strip())
            ):
                line = found[name][0].line if name in found else declared_at or node.line
                self.report(line, "missing-field", f"{what} has no '{name}'; add it")
        return found

    def note(self, line: int, kind: str, message: str) -> None:
        """A problem that leaves the entry usable (it counts towards MAX_PROBLEMS all the same)."""
        failed = self.failed
        self.report(line, kind, message)
        self.failed = failed

    def is_todo(self, text: str, line: int, what: str) -> bool:
        """A value still to be written (``TODO: ...``, as ``init`` drafts): reported, and read
        as if it were missing."""
        if not text.lstrip().startswith(TODO_MARK):
            return False
        self.note(
            line, "todo", f"{what} is still to be written ('{shown(text.strip())}'); replace it"
        )
        return True

    def value(self, node: Node, what: str) -> str | None:
        """A value written on one line; a TODO counts as not written."""
        value = self.scalar(node, what)
        if value is not None and self.is_todo(value, node.line, what):
            return None
        return value

    def scalar(self, node: Node, what: str) -> str | None:
        self.refuse(node)
        if not isinstance(node, Scalar):
            self.report(node.line, "structure", f"{what} must be text, not {_kind_of(node)}")
            return None
        if node.is_null:
            return None
        if _CONTROL.search(node.value) or "\n" in node.value or "\r" in node.value:
            self.report(
                node.line,
                "value",
                f"{what} contains a line break or control character; write it on one line",
            )
            return None
        return node.value

    def nonempty(self, node: Node, what: str) -> str | None:
        """Text that must not be empty or blank: reported once, whatever is wrong with it."""
        reported = len(self.problems)
        value = self.scalar(node, what)
        if value is not None and value.strip():
            return value.strip()
        if len(self.problems) == reported:
            self.report(node.line, "missing-field", f"{what} is empty; write it out")
        return None

    def text(self, node: Node, what: str, one_line: bool = False) -> LocalizedText | None:
        """Text, or a mapping of language codes to text; ``one_line`` joins its lines, for a
        title or a name that builders show on one line (a line break there could start a roff
        request in a man page, or end a LaTeX caption)."""
        clean = _one_line if one_line else str.strip
        self.refuse(node)
        if isinstance(node, Scalar):
            if node.is_null:
                return None
            if _CONTROL.search(node.value):
                self.report(
                    node.line,
                    "value",
                    f"{what} contains a control character; remove it",
                )
                return None
            if self.is_todo(node.value, node.line, what):
                return None
            return LocalizedText.plain(clean(node.value))
        if not isinstance(node, Mapping):
            self.report(
                node.line,
                "structure",
                f"{what} must be text, or a mapping of language codes to text, not a list",
            )
            return None
        translations: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        for key, value in node.items:
            self.refuse(key)
            language = self.nonempty(key, f"a language code in {what}")
            if language is None:
                continue
            if not _LANGUAGE.fullmatch(language):
                self.report(
                    key.line,
                    "value",
                    f"'{shown(language)}' in {what} is not a language code; use codes such as "
                    "'en', 'fr' or 'pt_BR'",
                )
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
            self.refuse(value)
            if not isinstance(value, Scalar) or value.is_null:
                self.report(
                    value.line, "structure", f"the '{shown(language)}' text of {what} must be text"
                )
                continue
            if _CONTROL.search(value.value):
                self.report(value.line, "value", f"{what} contains a control character; remove it")
                continue
            if self.is_todo(value.value, value.line, f"the '{shown(language)}' text of {what}"):
                continue
            translations.append((language, clean(value.value)))
        if not node.items:
            self.report(node.line, "value", f"{what} is an empty mapping; give at least one text")
        return LocalizedText(tuple(translations)) if translations else None

    def boolean(self, node: Node, what: str) -> bool | None:
        value = self.value(node, what)
        if value is None:
            return None
        lowered = value.lower()
        if lowered in ("true", "yes"):
            return True
        if lowered in ("false", "no"):
            return False
        self.report(node.line, "value", f"{what} must be true or false, not '{shown(value)}'")
        return None

    def url(self, node: Node, what: str) -> str | None:
        value = self.value(node, what)
        if value is None:
            return None
        if not _URL.fullmatch(value) or not value.isprintable():
            self.report(
                node.line,
                "value",
                f"{what} must be a full http:// or https:// address (without spaces, quotes, "
                f"angle brackets or braces), not '{shown(value)}'",
            )
            return None
        return value

    def choice(self, node: Node, what: str, choices: tuple[str, ...]) -> str | None:
        value = self.value(node, what)
        if value is None:
            return None
        if value not in choices:
            self.report(
                node.line,
                "value",
                f"{what} must be one of: {', '.join(choices)}, not '{shown(value)}'; "
                f"{self.suggest(value, choices)}".rstrip("; "),
            )
            return None
        return value

    def identifier(self, key: Node, what: str) -> str | None:
        value = self.nonempty(key, what)
        if value is not None and not _ID.fullmatch(value):
            self.report(
                key.line,
                "value",
                f"{what} '{shown(value)}' may hold only letters, digits, '-' and '_'",
            )
            return None
        return value


class _InventoryReader(_Reader):
    def __init__(self, path: str, size: int = 0) -> None:
        super().__init__(path, [], size)
        self.categories: dict[str, Category] = {}
        self.providers: dict[str, Provider] = {}
        self.declared_categories: set[str] = set()
        self.declared_providers: set[str] = set()
        self.cookies: list[Cookie] = []
        self.updated: date | None = None
        self.first_declared: dict[tuple[str, str | None], int] = {}

    def read(self, root: Node) -> CookieInventory:
        if isinstance(root, Refused) or not isinstance(root, Mapping):
            raise InventoryError(
                InventoryProblem(
                    self.path,
                    root.line,
                    "structure",
                    f"the top level of the inventory must be a mapping with 'categories' and "
                    f"'cookies', not {_kind_of(root)}",
                )
            )
        top = self.entry(lambda: self.fields(root, "the inventory", TOP_LEVEL_KEYS, ()))
        if top is None:  # problems with some keys: read what can be read
            top = {
                key.value: (key, value)
                for key, value in root.items
                if isinstance(key, Scalar) and key.value in TOP_LEVEL_KEYS
            }
        for name in ("categories", "cookies"):
            if name not in top:
                self.report(root.line, "missing-field", f"the inventory has no '{name}'; add it")
        if "version" in top:
            self.entry(lambda: self.version(top["version"][1]))
        if "updated" in top:
            self.updated = self.entry(lambda: self.calendar_date(top["updated"][1], "'updated'"))
        if "categories" in top:
            self.mapping_of(top["categories"][1], "'categories'", self.category)
        if "providers" in top:
            self.mapping_of(top["providers"][1], "'providers'", self.provider)
        if "cookies" in top:
            self.cookie_list(top["cookies"][1])
        return self.inventory()

    def inventory(self) -> CookieInventory:
        """What was read so far, with its problems in the order of their lines."""
        problems = tuple(sorted(self.problems, key=lambda problem: problem.line))
        return CookieInventory(
            self.path,
            self.categories,
            self.providers,
            tuple(self.cookies),
            problems,
            self.updated,
        )

    def calendar_date(self, node: Node, what: str) -> date | None:
        """A calendar date, written ``2026-11-29`` (quoted or not: YAML text either way)."""
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            if not _DATE.fullmatch(value.strip()):
                raise ValueError
            return date.fromisoformat(value.strip())
        except ValueError:
            self.report(
                node.line,
                "value",
                f"{what} must be a date written year-month-day, such as 2026-11-29, "
                f"not '{shown(value)}'",
            )
            return None

    def version(self, node: Node) -> None:
        if self.scalar(node, "'version'") != "1":
            self.report(node.line, "value", "'version' must be 1, the only format version so far")

    def mapping_of(self, node: Node, what: str, read_one: Callable[[Scalar, Node], None]) -> None:
        if isinstance(node, Refused):
            return
        if not isinstance(node, Mapping):
            self.report(
                node.line,
                "structure",
                f"{what} must be a mapping of ids to entries, not {_kind_of(node)}",
            )
            return
        seen: dict[str, int] = {}
        for key, value in node.items:
            if isinstance(key, Scalar) and key.value in seen:
                self.report(
                    key.line,
                    "duplicate-key",
                    f"'{shown(key.value)}' is declared twice in {what} (first at line "
                    f"{seen[key.value]}); keep one of them",
                )
                continue
            if isinstance(key, Scalar):
                seen[key.value] = key.line
            self.entry(lambda key=key, value=value: read_one(key, value))  # type: ignore[misc]

    def category(self, key: Node, node: Node) -> None:
        category_id = self.identifier(key, "a category id")
        if category_id is not None:
            self.declared_categories.add(category_id)
        what = f"category '{shown(category_id)}'" if category_id is not None else "a category"
        if category_id in STANDARD_CATEGORIES and isinstance(node, Scalar) and node.is_null:
            self.categories[category_id] = Category(category_id, None, None, None, key.line)
            return  # ``necessary:`` alone: every text is built in
        required = () if category_id in STANDARD_CATEGORIES else ("title", "description")
        found = self.fields(node, what, CATEGORY_KEYS, required, key.line)
        title = (
            self.text(found["title"][1], f"the title of {what}", one_line=True)
            if "title" in found
            else None
        )
        description = (
            self.text(found["description"][1], f"the description of {what}")
            if "description" in found
            else None
        )
        consent = (
            self.boolean(found["requires_consent"][1], f"'requires_consent' of {what}")
            if "requires_consent" in found
            else None
        )
        if category_id is not None and not self.failed:
            self.categories[category_id] = Category(
                category_id, title, description, consent, key.line
            )

    def provider(self, key: Node, node: Node) -> None:
        provider_id = self.identifier(key, "a provider id")
        if provider_id is not None:
            self.declared_providers.add(provider_id)
        what = f"provider '{shown(provider_id)}'" if provider_id is not None else "a provider"
        found = self.fields(node, what, PROVIDER_KEYS, ("name",), key.line)
        name = (
            self.text(found["name"][1], f"the name of {what}", one_line=True)
            if "name" in found
            else None
        )
        links = {
            field: self.url(found[field][1], f"'{field}' of {what}")
            for field in ("url", "privacy_policy")
            if field in found
        }
        if provider_id is not None and name is not None and not self.failed:
            self.providers[provider_id] = Provider(
                provider_id, name, links.get("url"), links.get("privacy_policy"), key.line
            )

    def cookie_list(self, node: Node) -> None:
        if isinstance(node, Refused):
            return
        if not isinstance(node, Sequence):
            self.report(
                node.line,
                "structure",
                f"'cookies' must be a list of entries (each starting with '- '), "
                f"not {_kind_of(node)}",
            )
            return
        for item in node.items:
            cookie = self.entry(lambda item=item: self.cookie(item))  # type: ignore[misc]
            if cookie is not None:
                self.cookies.append(cookie)

    def cookie(self, node: Node) -> Cookie | None:
        found = self.fields(node, "a cookie entry", COOKIE_KEYS, ("category", "purpose"))
        names = self.names(node, found)
        what = f"cookie '{shown(names[0])}'" if names else "this cookie entry"

        def optional(key: str, read: Callable[[Node], T]) -> T | None:
            return read(found[key][1]) if key in found else None

        category = optional("category", self.category_reference)
        purpose = optional("purpose", lambda value: self.text(value, f"the purpose of {what}"))
        provider = optional("provider", self.provider_reference)
        function = optional("function", lambda value: self.text(value, f"the function of {what}"))
        duration = optional("duration", lambda value: self.duration(value, what))
        party = optional("party", lambda value: self.choice(value, f"the party of {what}", PARTIES))
        storage = optional(
            "type", lambda value: self.choice(value, f"the type of {what}", STORAGE_TYPES)
        )
        domain = optional("domain", lambda value: self.domain(value, what))
        if self.failed or not names or category is None or purpose is None:
            return None
        line = node.line
        for name in names:
            first = self.first_declared.setdefault((name, domain), line)
            if first != line:
                self.report(
                    line,
                    "duplicate-cookie",
                    f"cookie '{shown(name)}' is already declared at line {first}; merge the two "
                    "entries, or give each its own 'domain'",
                )
                return None
        return Cookie(
            names, category, purpose, provider, function, duration, party,
            storage or "cookie", domain, line,
        )  # fmt: skip

    def names(self, node: Node, found: dict[str, tuple[Scalar, Node]]) -> tuple[str, ...]:
        if "name" in found and "names" in found:
            self.report(
                found["names"][0].line,
                "value",
                "a cookie entry has both 'name' and 'names'; keep 'name' for one cookie, "
                "or 'names' for a list",
            )
            return ()
        if "name" in found:
            name = self.nonempty(found["name"][1], "the cookie name")
            return (name,) if name else ()
        if "names" not in found:
            self.report(
                node.line,
                "missing-field",
                "a cookie entry needs 'name' (one cookie) or 'names' (a list of cookies)",
            )
            return ()
        value = found["names"][1]
        self.refuse(value)
        if not isinstance(value, Sequence) or not value.items:
            self.report(
                value.line,
                "structure",
                "'names' must be a non-empty list of cookie names; for one name use 'name'",
            )
            return ()
        names = []
        for item in value.items:
            name = self.nonempty(item, "a cookie name in 'names'")
            if name is not None:
                names.append(name)
        return tuple(dict.fromkeys(names))

    def category_reference(self, node: Node) -> str | None:
        category_id = self.value(node, "'category'")
        if category_id is None or category_id in self.categories:
            return category_id
        if category_id in self.declared_categories:  # declared, but its own entry has a problem
            raise _EntryInvalid
        declared = _listed(self.categories) or "none yet"
        self.report(
            node.line,
            "reference",
            f"category '{shown(category_id)}' is not declared under 'categories'; "
            f"{self.suggest(category_id, self.categories)}declared categories: {declared}",
        )
        return None

    def provider_reference(self, node: Node) -> Provider | None:
        value = self.value(node, "'provider'")
        if value is None:
            return None
        if value in self.providers:
            return self.providers[value]
        if value in self.declared_providers:  # declared, but its own entry has a problem
            raise _EntryInvalid
        hint = self.suggest(value, self.providers)
        if hint:
            self.report(
                node.line,
                "reference",
                f"provider '{shown(value)}' is not declared under 'providers'; {hint}"
                "(a provider that is not declared is shown as written)",
            )
            return None
        return Provider(None, LocalizedText.plain(value), None, None, node.line)

    def duration(self, node: Node, what: str) -> Duration | LocalizedText | None:
        self.refuse(node)
        if isinstance(node, Mapping):
            return self.text(node, f"the duration of {what}")
        value = self.value(node, f"the duration of {what}")
        if value is None:
            return None
        try:
            return parse_duration(value)
        except ValueError as error:
            self.report(
                node.line,
                "duration",
                f"the duration of {what}: {error}; or give a text per language, "
                "such as {en: 'until you log out'}",
            )
            return None

    def domain(self, node: Node, what: str) -> str | None:
        value = self.value(node, f"the domain of {what}")
        if value is not None and (not value.strip() or _WHITESPACE.search(value.strip())):
            self.report(
                node.line,
                "value",
                f"the domain of {what} '{shown(value)}' must be a host name such as '.example.com'",
            )
            return None
        return value.strip() if value else None


def parse_inventory(data: bytes, path: str) -> CookieInventory:
    """Read an inventory from the bytes of a file; ``path`` is used in problems only."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InventoryError(
            InventoryProblem(
                path,
                line,
                "encoding",
                f"the file is not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); "
                "save it as UTF-8",
            )
        ) from None
    root, problems = compose(text, path, keep_depth=READ_DEPTH)
    if root is None:
        raise InventoryError(
            InventoryProblem(
                path,
                1,
                "empty",
                "the inventory is empty; add at least 'categories' and 'cookies'",
            )
        )
    reader = _InventoryReader(path, len(data))
    reader.problems.extend(problems)
    try:
        return reader.read(root)
    except _TooManyProblems:
        return reader.inventory()


def load_inventory(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CookieInventory:
    """Read an inventory file; raise InventoryError when it cannot be read at all."""
    location = str(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InventoryError(
            InventoryProblem(location, 0, "file", "the inventory file does not exist")
        ) from None
    except OSError as error:
        raise InventoryError(
            InventoryProblem(location, 0, "file", f"the inventory file cannot be read: {error}")
        ) from None
    if len(data) > max_bytes:
        raise InventoryError(
            InventoryProblem(
                location,
                1,
                "limit",
                f"the file is larger than {max_bytes:,} bytes; split it, or raise the "
                "limit (cookies_max_file_size)",
            )
        )
    return parse_inventory(data, location)
