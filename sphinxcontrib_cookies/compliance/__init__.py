"""Checking a cookie policy against what the law of each jurisdiction asks of it.

Plain Python, like the model it reads: no docutils, no Sphinx, so that the command line uses it
as the build does. ``RULES`` (``declaration.py``) declares every rule once; ``check_inventory``
runs those of the selected jurisdictions. None of this is legal advice: a rule checks what an
inventory can show, and says which text it rests on.
"""

from .declaration import BY_ID, RULES, RuleDeclarationError
from .engine import check_inventory, check_pages, rules_for
from .jurisdictions import CODES, JURISDICTIONS, Jurisdiction, UnknownJurisdiction, parse_codes
from .model import STATEMENTS, Finding, Flaw, Rule
from .sources import SOURCES, Source

__all__ = [
    "BY_ID",
    "CODES",
    "JURISDICTIONS",
    "RULES",
    "SOURCES",
    "STATEMENTS",
    "Finding",
    "Flaw",
    "Jurisdiction",
    "Rule",
    "RuleDeclarationError",
    "Source",
    "UnknownJurisdiction",
    "check_inventory",
    "check_pages",
    "parse_codes",
    "rules_for",
]
