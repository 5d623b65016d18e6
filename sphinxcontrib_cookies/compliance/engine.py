"""Checking an inventory against the rules of the selected jurisdictions."""

from __future__ import annotations

from collections.abc import Iterable

from ..inventory import CookieInventory
from .declaration import RULES
from .jurisdictions import CODES, applicable
from .model import STATEMENTS, Finding, Rule


def rules_for(codes: Iterable[str]) -> tuple[Rule, ...]:
    """The rules that apply when ``codes`` are selected (``fr`` brings ``eu``), in the order of
    the declaration. Raise ``UnknownJurisdiction`` for a code that is not one."""
    selected = applicable(codes)
    return tuple(declared for declared in RULES if declared.jurisdiction in selected)


def check_inventory(inventory: CookieInventory, codes: Iterable[str]) -> tuple[Finding, ...]:
    """Every finding of the rules of ``codes`` in ``inventory``, by line, then in the order of
    the rules. Each rule reads the inventory once: the work is linear in its size."""
    findings = [
        Finding(declared, inventory.path, flaw.line, flaw.message)
        for declared in rules_for(codes)
        if declared.check is not None
        for flaw in declared.check(inventory)
    ]
    order = {declared.id: index for index, declared in enumerate(RULES)}
    findings.sort(key=lambda finding: (finding.line, order[finding.rule.id]))
    return tuple(findings)


def check_pages(document: str, shown: frozenset[str], codes: Iterable[str]) -> tuple[Finding, ...]:
    """Every finding of the page rules of ``codes``, for the pages that use an inventory and
    together make the statements ``shown`` (see ``STATEMENTS``); each located at ``document``,
    the first of those pages."""
    unknown = shown - set(STATEMENTS)
    if unknown:
        raise ValueError(f"unknown statements {sorted(unknown)}; they are: {STATEMENTS}")
    return tuple(
        Finding(declared, document, 0, message)
        for declared in rules_for(codes)
        if declared.page_check is not None
        for message in declared.page_check(shown)
    )


__all__ = ["CODES", "check_inventory", "check_pages", "rules_for"]
