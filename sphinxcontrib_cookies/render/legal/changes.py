"""The history of the cookies, in words: for each change, its date and what changed (GDPR
article 13 asks for none, but the CCPA regulations ask for a last-updated date, and a visitor
deserves to see what changed since they consented)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date
from docutils import nodes

from ...inventory import Change, Duration, LocalizedText, Provider
from ...legal import InventoryChange
from ...translations import _
from ..durations import babel_locale, format_duration
from ..inventory_text import keep_builtin_text_out, mark_inventory_text
from ..tables import category_title
from ..text import paragraphs
from .words import filled, literals, not_stated


def long_date(day: date, language: str | None) -> str:
    return format_date(day, format="long", locale=babel_locale(language))


def render_last_updated(day: date, language: str | None) -> nodes.paragraph:
    template = str(_("Last updated: %s."))
    paragraph = nodes.paragraph("", "", *filled(template, value=long_date(day, language)))
    paragraph["classes"].append("cookie-last-updated")
    keep_builtin_text_out(paragraph)
    return paragraph


def _duration(duration: Duration | LocalizedText | None, language: str | None) -> str:
    if duration is None:
        return not_stated()
    if isinstance(duration, Duration):
        return format_duration(duration, language)
    return duration.resolve(language)


def _provider(provider: Provider | None, language: str | None) -> str:
    return provider.name.resolve(language) if provider is not None else not_stated()


def _sentences(change: InventoryChange, language: str | None) -> list[list[nodes.Node]]:
    """One sentence for each kind of change, one per cookie for lifetimes and providers."""
    found: list[list[nodes.Node]] = []
    if change.first:
        found.append([nodes.Text(str(_("First version of this policy.")))])
    if change.added:
        found.append(filled(str(_("Added: %s.")), value=literals(change.added)))
    if change.removed:
        found.append(filled(str(_("Removed: %s.")), value=literals(change.removed)))
    for moved in change.moved:
        found.append(
            filled(
                str(_("Moved from %(old)s to %(new)s: %(cookies)s.")),
                old=category_title(moved.old, language),
                new=category_title(moved.new, language),
                cookies=literals(moved.names),
            )
        )
    for lifetime in change.durations:
        found.append(
            filled(
                str(_("Duration of %(cookie)s changed from %(old)s to %(new)s.")),
                cookie=literals((lifetime.name,)),
                old=_duration(lifetime.old, language),
                new=_duration(lifetime.new, language),
            )
        )
    for provider in change.providers:
        found.append(
            filled(
                str(_("Provider of %(cookie)s changed from %(old)s to %(new)s.")),
                cookie=literals((provider.name,)),
                old=_provider(provider.old, language),
                new=_provider(provider.new, language),
            )
        )
    return found


def _entry(day: date, language: str | None, content: list[nodes.Element]) -> nodes.Element:
    term = long_date(day, language)
    return nodes.definition_list_item("", nodes.term(term, term), nodes.definition("", *content))


def render_history(
    changes: Sequence[InventoryChange], language: str | None
) -> nodes.definition_list:
    """The changes read from git, newest first."""
    listing = nodes.definition_list(classes=["cookie-changes"])
    for change in changes:
        items = nodes.bullet_list()
        for sentence in _sentences(change, language):
            items += nodes.list_item("", nodes.paragraph("", "", *sentence))
        listing += _entry(change.date, language, [items])
    keep_builtin_text_out(listing)
    return listing


def render_written_changes(
    changes: Sequence[Change], language: str | None, path: str
) -> nodes.definition_list:
    """The changes the inventory lists under ``changes:``, as written."""
    listing = nodes.definition_list(classes=["cookie-changes"])
    for change in changes:
        content: list[nodes.Element] = [
            mark_inventory_text(paragraph, change.description, language, path, change.line)
            for paragraph in paragraphs(change.description.resolve(language))
        ]
        listing += _entry(change.date, language, content)
    keep_builtin_text_out(listing)
    return listing
