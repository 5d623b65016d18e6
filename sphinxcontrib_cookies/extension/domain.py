"""What each document declares: the inventory files it read and the cookie rows it holds.

Kept per document, so that ``clear_doc`` and ``merge_domaindata`` make ``-j`` builds give the
same result as serial ones. Only paths, digests and ids are stored: nothing parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from fnmatch import fnmatchcase
from typing import Any, ClassVar, TypedDict

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction


class DocumentRecord(TypedDict):
    files: dict[str, str]  # path -> content digest
    targets: dict[str, str]  # cookie name (patterns as written) -> row id


class CookieRole(XRefRole):
    """``:cookie:`NAME```: NAME in literal style, linked to the row that declares it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.name = "cookies:cookie"  # the same role whether called as cookie or cookies:cookie
        return super().run()


class CookiesDomain(Domain):
    name = "cookies"
    label = "Cookies"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "cookie": CookieRole(innernodeclass=nodes.literal, warn_dangling=True)
    }
    initial_data: ClassVar[dict[str, Any]] = {"documents": {}}
    data_version = 1

    _index: dict[str, tuple[str, str]] | None = None
    _patterns: tuple[tuple[str, tuple[str, str]], ...] = ()

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

    def documents_using(self, paths: Iterable[str]) -> set[str]:
        wanted = set(paths)
        return {doc for doc, record in self.documents.items() if wanted & record["files"].keys()}

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
                if "*" in declared and fnmatchcase(name, declared):
                    return prefer, target_id
        for declared, found in self._patterns:
            if fnmatchcase(name, declared):
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
