"""What each document declares: the inventory files it read and the cookie rows it holds; and
the build's own copy of those files.

What each document declares is kept per document, so that ``clear_doc`` and ``merge_domaindata``
make ``-j`` builds give the same result as serial ones. Only paths, digests and ids are stored
there: nothing parsed. The parsed files are in :attr:`CookiesDomain.inventories`, which belongs
to this build alone (see ``store.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
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
from .config import inventory_limits
from .store import InventoryStore, LoadedFile


class DocumentRecord(TypedDict):
    files: dict[str, str]  # path -> content digest
    targets: dict[str, str]  # cookie name (patterns as written) -> row id


class CookiesDomain(Domain):
    name = "cookies"
    label = "Cookies"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "cookie": XRefRole(innernodeclass=nodes.literal, warn_dangling=True)
    }
    initial_data: ClassVar[dict[str, Any]] = {"documents": {}}
    data_version = 1

    _index: dict[str, tuple[str, str]] | None = None
    _patterns: tuple[tuple[str, tuple[str, str]], ...] = ()

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: The inventory files this build has read, each parsed and reported on once.
        self.inventories = InventoryStore()
        #: The exports made with the banner's configuration before the pages, written at the
        #: end of a build that succeeds (``site_files.py``), by their path in the output.
        self.exports: dict[str, str] = {}

    def load_inventory(self, path: str) -> LoadedFile:
        """The inventory at ``path`` (normalized), as this build read it."""
        config = self.env.config
        return self.inventories.load(path, config.cookies_max_file_size, inventory_limits(config))

    def read_inventory(self, path: str) -> LoadedFile:
        """The inventory at ``path``, read for the current document: an edit of the file (by
        content, whatever its mtime) makes the document out of date."""
        loaded = self.load_inventory(path)
        self.env.note_dependency(path)
        self.note_file(self.env.docname, path, loaded.digest)
        return loaded

    @property
    def documents(self) -> dict[str, DocumentRecord]:
        documents: dict[str, DocumentRecord] = self.data["documents"]
        return documents

    def record(self, docname: str) -> DocumentRecord:
        self._index = None
        return self.documents.setdefault(docname, {"files": {}, "targets": {}})

    def note_file(self, docname: str, path: str, digest: str) -> None:
        self.record(docname)["files"][path] = digest

    def note_targets(self, docname: str, targets: dict[str, str]) -> None:
        record = self.record(docname)
        for name, target_id in targets.items():
            record["targets"].setdefault(name, target_id)

    def clear_doc(self, docname: str) -> None:
        self._index = None
        self.documents.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._index = None
        for docname in docnames:
            if docname in otherdata["documents"]:
                self.documents[docname] = otherdata["documents"][docname]

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
