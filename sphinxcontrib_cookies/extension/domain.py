"""What each document shows of the inventories and links to: the slices of each file it
rendered, the cookie rows it holds and the cookie names it links to; and the build's own copy
of the files.

What each document declares is kept per document, so that ``clear_doc`` and ``merge_domaindata``
make ``-j`` builds give the same result as serial ones. Only paths, digests, ids and names are
stored there: nothing parsed. The parsed files are in :attr:`CookiesDomain.inventories`, which
belongs to this build alone (see ``store.py``).

A directive or role that renders anything from an inventory gets it with
:meth:`CookiesDomain.read_inventory`, naming the slice it shows (``InventorySlice``): the page
is read again exactly when that slice of the file changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import Any, ClassVar, TypedDict

from docutils import nodes
from docutils.nodes import Element
from docutils.parsers.rst.states import Inliner
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from ..inventory.names import name_matches
from ..inventory.slices import InventorySlice
from .building import builds_catalogs
from .config import inventory_limits
from .store import InventoryStore, LoadedFile

#: Where, in the domain's data, ``-j`` readers leave the problems of the files they parsed,
#: for the main process to report once (``events.report_inventories``).
UNREPORTED = "unreported"


class DocumentRecord(TypedDict):
    files: dict[str, str]  # path -> digest of the file's content the document was read with
    slices: dict[str, dict[str, str]]  # path -> slice key -> digest of that slice
    targets: dict[str, str]  # cookie name (patterns as written) -> row id
    references: list[str]  # the cookie names the document links to (``:cookie:``)
    tables: int  # how many cookie tables it holds


class CookieReference(XRefRole):
    """``:cookie:`NAME```, noted in the domain, so that a change of the row it leads to (a
    cookie removed or added) rewrites the page and reports a link that no longer resolves."""

    def result_nodes(
        self,
        document: nodes.document,
        env: BuildEnvironment,
        node: Element,
        is_ref: bool,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        cookies_domain(env).note_reference(env.docname, node["reftarget"])
        return super().result_nodes(document, env, node, is_ref)


class CookiesDomain(Domain):
    name = "cookies"
    label = "Cookies"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "cookie": CookieReference(innernodeclass=nodes.literal, warn_dangling=True)
    }
    initial_data: ClassVar[dict[str, Any]] = {"documents": {}}
    data_version = 2

    _index: dict[str, tuple[str, str]] | None = None
    _patterns: tuple[tuple[str, tuple[str, str]], ...] = ()

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: The inventory files this build has read, each parsed and reported on once.
        self.inventories = InventoryStore(Path(env.doctreedir))
        #: The exports made with the banner's configuration before the pages, written at the
        #: end of a build that succeeds (``site_files.py``), by their path in the output.
        self.exports: dict[str, str] = {}
        #: Where each page's links led before this build read anything (``remember_links``).
        self._links_before: dict[tuple[str, str], tuple[str, str] | None] = {}
        #: The pages this build reads.
        self._reading: frozenset[str] = frozenset()

    def load_inventory(self, path: str) -> LoadedFile:
        """The inventory at ``path`` (normalized), as this build read it."""
        config = self.env.config
        loaded = self.inventories.load(path, config.cookies_max_file_size, inventory_limits(config))
        if self.inventories.in_reader_process:
            self.data.setdefault(UNREPORTED, {}).update(self.inventories.take_unreported())
        return loaded

    def file_digest(self, path: str) -> str:
        """The digest of the file's present content (computed once in a build)."""
        return self.inventories.digest(path, self.env.config.cookies_max_file_size)

    def read_inventory(self, path: str, part: InventorySlice) -> LoadedFile:
        """The inventory at ``path``, read for the current document, which shows ``part`` of
        it: an edit of that part (by content, whatever the file's mtime) makes the document
        out of date, and no other edit does."""
        loaded = self.load_inventory(path)
        self.note_slice(self.env.docname, loaded, part)
        return loaded

    def note_slice(self, docname: str, loaded: LoadedFile, part: InventorySlice) -> None:
        """Record that ``docname`` shows ``part`` of ``loaded``. Where the build extracts
        catalogs, source lines count too."""
        if builds_catalogs(self.env) and not part.lines:
            part = dataclasses.replace(part, lines=True)
        record = self.record(docname)
        record["files"][loaded.path] = loaded.digest
        slices = record["slices"].setdefault(loaded.path, {})
        slices[part.key()] = loaded.slice_digest(part)

    @property
    def documents(self) -> dict[str, DocumentRecord]:
        documents: dict[str, DocumentRecord] = self.data["documents"]
        return documents

    def record(self, docname: str) -> DocumentRecord:
        self._index = None
        return self.documents.setdefault(
            docname,
            {
                "files": {},
                "slices": {},
                "targets": {},
                "references": [],
                "tables": 0,
            },
        )

    def note_targets(self, docname: str, targets: dict[str, str]) -> None:
        record = self.record(docname)
        for name, target_id in targets.items():
            record["targets"].setdefault(name, target_id)

    def note_tables(self, docname: str, count: int) -> None:
        """``docname`` holds ``count`` more cookie tables."""
        self.record(docname)["tables"] += count

    def note_reference(self, docname: str, name: str) -> None:
        self.record(docname)["references"].append(name)

    def paths_in_use(self) -> set[str]:
        """The inventory files that some page shows a slice of."""
        return {path for record in self.documents.values() for path in record["slices"]}

    def keep_memo(self) -> None:
        """Keep, for the next build, the slices that pages took of each file's present content,
        and its problems."""
        store = self.inventories
        paths = self.paths_in_use()
        for path in paths:
            digest = self.file_digest(path)
            facts = store.memo.of(path, digest)
            for record in self.documents.values():
                if record["files"].get(path) == digest:
                    facts.slices.update(record["slices"][path])
        store.memo.save(paths)

    def remember_links(self) -> None:
        """Where each page's ``:cookie:`` links lead, before this build reads anything."""
        self._links_before = {
            (docname, name): self.find(name, prefer=docname)
            for docname, record in self.documents.items()
            for name in record["references"]
        }

    def note_reading(self, docnames: Iterable[str]) -> None:
        self._reading = frozenset(docnames)

    def pages_to_relink(self) -> list[str]:
        """The pages this build did not read whose links now lead elsewhere, or nowhere."""
        pages = {
            docname
            for (docname, name), before in self._links_before.items()
            if docname not in self._reading
            and docname in self.documents
            and self.find(name, prefer=docname) != before
        }
        self._links_before, self._reading = {}, frozenset()
        return sorted(pages)

    def clear_doc(self, docname: str) -> None:
        self._index = None
        self.documents.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._index = None
        for docname in docnames:
            if docname in otherdata["documents"]:
                self.documents[docname] = otherdata["documents"][docname]
        self.data.setdefault(UNREPORTED, {}).update(otherdata.get(UNREPORTED, {}))

    def find(self, name: str, prefer: str | None = None) -> tuple[str, str] | None:
        """The row declaring ``name``: in document ``prefer`` if its tables declare that exact
        name, else in the first document by name; exact names before patterns (``_ga_*``), and
        among patterns, again ``prefer``'s own first."""
        own = self.documents.get(prefer) if prefer else None
        if own is not None and name in own["targets"]:
            return prefer or "", own["targets"][name]
        if self._index is None:
            index: dict[str, tuple[str, str]] = {}
            for docname in sorted(self.documents):
                for declared, target_id in self.documents[docname]["targets"].items():
                    index.setdefault(declared, (docname, target_id))
            self._index = index
            self._patterns = tuple((key, found) for key, found in index.items() if "*" in key)
        if name in self._index:
            return self._index[name]
        if own is not None and prefer:
            for declared, target_id in own["targets"].items():
                if "*" in declared and name_matches(declared, name):
                    return prefer, target_id
        for declared, found in self._patterns:
            if name_matches(declared, name):
                return found
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        found = self.find(target, prefer=fromdocname)
        if found is None:
            return None
        docname, target_id = found
        return make_refnode(builder, fromdocname, docname, target_id, contnode, target)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        reference = self.resolve_xref(env, fromdocname, builder, "cookie", target, node, contnode)
        return [("cookies:cookie", reference)] if reference is not None else []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        return iter(())


def cookies_domain(env: BuildEnvironment) -> CookiesDomain:
    """This build's ``cookies`` domain: from a directive or role ``self.env``, from an event
    handler ``app.env``."""
    domain = env.domains["cookies"]
    assert isinstance(domain, CookiesDomain)
    return domain


def cookie_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, Any] | None = None,
    content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``:cookie:`` is the domain's ``:cookies:cookie:`` under a shorter name: the same role,
    called as Sphinx calls it for the full name, so both give the same node."""
    role = cookies_domain(inliner.document.settings.env).role("cookie")
    assert role is not None
    return role(name, rawtext, text, lineno, inliner, options or {}, content)
