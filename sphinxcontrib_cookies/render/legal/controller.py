"""Who is responsible for the visitors' data, and how to reach them: the controller, its data
protection officer and its representative in the Union (GDPR article 13(1)(a) and (b))."""

from __future__ import annotations

from docutils import nodes

from ...inventory import Controller, DataProtectionOfficer, LocalizedText, Representative
from ...translations import _
from ..inventory_text import keep_builtin_text_out, mark_inventory_text
from .words import filled, link


class _Contact:
    """The paragraphs of one party, its text marked for the project's catalogs."""

    def __init__(self, language: str | None, path: str, line: int) -> None:
        self.language, self.path, self.line = language, path, line
        self.nodes: list[nodes.Element] = []

    def name(self, text: LocalizedText | None) -> None:
        if text is not None:
            written = text.resolve(self.language)
            paragraph = nodes.paragraph(written, "", nodes.strong(written, written))
            self.nodes.append(mark_inventory_text(paragraph, text, self.language, *self.where))

    def address(self, text: LocalizedText | None) -> None:
        if text is None:
            return
        lines = nodes.line_block()
        for line in text.resolve(self.language).splitlines():
            if line.strip():
                lines += nodes.line(line.strip(), line.strip())
        self.nodes.append(lines)

    def reach(self, email: str | None, contact_url: str | None) -> None:
        if email:
            template = str(_("E-mail: %s"))
            self.nodes.append(
                nodes.paragraph("", "", *filled(template, value=link(email, f"mailto:{email}")))
            )
        if contact_url:
            template = str(_("Contact page: %s"))
            self.nodes.append(
                nodes.paragraph("", "", *filled(template, value=link(contact_url, contact_url)))
            )

    @property
    def where(self) -> tuple[str, int]:
        return self.path, self.line


def _item(term: str, contact: _Contact, classes: str) -> nodes.definition_list_item:
    return nodes.definition_list_item(
        "",
        nodes.term(term, term),
        nodes.definition("", *contact.nodes),
        classes=[classes],
    )


def _dpo(dpo: DataProtectionOfficer, language: str | None, path: str) -> _Contact:
    contact = _Contact(language, path, dpo.line)
    contact.name(dpo.name)
    contact.reach(dpo.email, dpo.contact_url)
    return contact


def _representative(representative: Representative, language: str | None, path: str) -> _Contact:
    contact = _Contact(language, path, representative.line)
    contact.name(representative.name)
    contact.address(representative.address)
    contact.reach(representative.email, representative.contact_url)
    return contact


def render_controller(
    controller: Controller, language: str | None, path: str
) -> nodes.definition_list:
    """The controller, then its DPO and its representative where the inventory names them."""
    listing = nodes.definition_list(classes=["cookie-controller"])
    contact = _Contact(language, path, controller.line)
    contact.name(controller.name)
    contact.address(controller.address)
    contact.reach(controller.email, controller.contact_url)
    listing += _item(str(_("Controller")), contact, "cookie-controller-controller")
    if controller.dpo is not None:
        listing += _item(
            str(_("Data protection officer")),
            _dpo(controller.dpo, language, path),
            "cookie-controller-dpo",
        )
    if controller.representative is not None:
        listing += _item(
            str(_("Representative in the European Union")),
            _representative(controller.representative, language, path),
            "cookie-controller-representative",
        )
    keep_builtin_text_out(listing)
    return listing
