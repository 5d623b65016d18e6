"""The third parties: each provider the cookies name, where it processes the data, what it is to
that data, the safeguard of a transfer outside the EEA, and its privacy policy."""

from __future__ import annotations

from docutils import nodes

from ...inventory import CookieInventory, Provider
from ...inventory.countries import in_eea
from ...translations import _
from ..inventory_text import keep_builtin_text_out, mark_inventory_text
from ..widths import ColumnWidth, fit_widths
from .countries import country_name
from .words import link, not_stated, role_label, transfer_label, within_eea


def named_providers(inventory: CookieInventory) -> list[Provider]:
    """The providers the cookies name: the declared ones in the file's order, then those
    named in place, each once, in the order of the cookies."""
    used = {cookie.provider.id for cookie in inventory.cookies if cookie.provider is not None}
    declared = [provider for key, provider in inventory.providers.items() if key in used]
    in_place: dict[str, Provider] = {}
    for cookie in inventory.cookies:
        provider = cookie.provider
        if provider is not None and provider.id is None:
            in_place.setdefault(provider.name.resolve(None), provider)
    return declared + list(in_place.values())


def transfer_text(provider: Provider) -> str:
    if provider.country is None:
        return ""
    if in_eea(provider.country):
        return within_eea()
    return transfer_label(provider.transfer) if provider.transfer else not_stated()


def _row(
    provider: Provider, inventory: CookieInventory, language: str | None, widths: list[ColumnWidth]
) -> nodes.row:
    name = provider.name.resolve(language)
    name_cell = nodes.paragraph()
    name_cell += link(name, provider.url) if provider.url else nodes.Text(name)
    mark_inventory_text(name_cell, provider.name, language, inventory.path, provider.line)
    country = country_name(provider.country, language) if provider.country else ""
    role = role_label(provider.role) if provider.role else ""
    policy = nodes.paragraph()
    if provider.privacy_policy:
        policy += link(provider.privacy_policy, provider.privacy_policy)
    cells = [
        name_cell,
        nodes.paragraph(country, country),
        nodes.paragraph(role, role),
        nodes.paragraph(transfer_text(provider), transfer_text(provider)),
        policy,
    ]
    row = nodes.row()
    for cell, width in zip(cells, widths, strict=True):
        width.note_text(cell.astext())
        row += nodes.entry("", cell)
    return row


def render_providers(inventory: CookieInventory, language: str | None) -> nodes.table | None:
    """A table of the providers; None when the cookies name none."""
    providers = named_providers(inventory)
    if not providers:
        return None
    labels = [
        str(_("Provider")),
        str(_("Country")),
        str(_("Role")),
        str(_("Transfer safeguard")),
        str(_("Privacy policy")),
    ]
    widths = [ColumnWidth() for _ in labels]
    head = nodes.row()
    for label, width in zip(labels, widths, strict=True):
        width.note_label(label)
        head += nodes.entry("", nodes.paragraph(label, label))
    body = nodes.tbody()
    for provider in providers:
        body += _row(provider, inventory, language, widths)
    table = nodes.table(classes=["cookie-providers", "colwidths-given"])
    group = nodes.tgroup(cols=len(labels))
    table += group
    for planned in fit_widths(widths):
        group += nodes.colspec(colwidth=planned)
    group += nodes.thead("", head)
    group += body
    keep_builtin_text_out(table)
    return table
