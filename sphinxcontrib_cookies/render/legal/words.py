"""The words of the legal parts of the page, all translatable. The legal terms follow the text
of the GDPR in each language (controller, processor, data protection officer, supervisory
authority, legal basis, standard data protection clauses, binding corporate rules...)."""

from __future__ import annotations

import re

from docutils import nodes

from ...translations import _


def legal_basis_label(basis: str) -> str:
    labels = {
        "consent": _("Consent"),
        "exempt": _("Exempt from consent (strictly necessary)"),
        "legitimate-interest": _("Legitimate interests"),
        "contract": _("Performance of a contract"),
        "legal-obligation": _("Compliance with a legal obligation"),
    }
    return str(labels[basis])


def role_label(role: str) -> str:
    labels = {
        "processor": _("Processor"),
        "controller": _("Controller"),
        "joint-controller": _("Joint controller"),
    }
    return str(labels[role])


def transfer_label(transfer: str) -> str:
    labels = {
        "adequacy": _("Adequacy decision"),
        "dpf": _("EU-US Data Privacy Framework"),
        "scc": _("Standard data protection clauses"),
        "bcr": _("Binding corporate rules"),
    }
    return str(labels[transfer])


def not_stated() -> str:
    return str(_("Not stated"))


def within_eea() -> str:
    return str(_("None needed (within the EEA)"))


def part_title(part: str) -> str:
    """The heading of one part of ``cookie-policy``."""
    titles = {
        "controller": _("Who is responsible for your data"),
        "intro": _("What is a cookie?"),
        "types": _("The kinds of cookies we use"),
        "tables": _("The cookies we use"),
        "providers": _("Third parties and transfers"),
        "choice": _("How to change your choice"),
        "rights": _("Your rights"),
        "changes": _("Changes to this policy"),
    }
    return str(titles[part])


_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%s")


def filled(template: str, **values: nodes.Node | str) -> list[nodes.Node]:
    """A translated sentence with nodes (a link, a name in literal style) in its placeholders:
    ``%s`` takes ``value``, ``%(name)s`` takes ``name``. Linear in the sentence."""
    result: list[nodes.Node] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            result.append(nodes.Text(template[position : match.start()]))
        value = values[match.group(1) or "value"]
        result.append(nodes.Text(value) if isinstance(value, str) else value)
        position = match.end()
    if position < len(template):
        result.append(nodes.Text(template[position:]))
    return result


def link(text: str, uri: str) -> nodes.reference:
    return nodes.reference(text, text, refuri=uri)


def literals(names: tuple[str, ...]) -> nodes.inline:
    """Cookie names in literal style, separated by commas."""
    joined = nodes.inline()
    for index, name in enumerate(names):
        if index:
            joined += nodes.Text(", ")
        joined += nodes.literal(name, name)
    return joined
