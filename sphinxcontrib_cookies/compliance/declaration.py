"""Every compliance rule, declared once: its id, its jurisdiction, what it checks, the texts it
rests on, and its check. The build, the command line and the docs' table of rules all read
``RULES``; a rule whose id does not start with its jurisdiction, an unknown jurisdiction or
source, or an id declared twice fails at import.
"""

from __future__ import annotations

from .consent_checks import (
    advertising_asks_consent,
    misclassified,
    sharing_can_be_refused,
    third_party_analytics_ask_consent,
)
from .cookie_checks import (
    at_most_13_months,
    duration_given,
    party_given,
    specific_purpose,
    third_party_named,
    third_party_privacy_policy,
)
from .jurisdictions import BY_CODE
from .model import Check, Rule
from .policy_checks import last_updated
from .sources import SOURCES


class RuleDeclarationError(Exception):
    """The declaration of rules contradicts itself."""


def rule(rule_id: str, summary: str, sources: tuple[str, ...], check: Check) -> Rule:
    jurisdiction = next(
        (code for code in sorted(BY_CODE, key=len, reverse=True) if rule_id.startswith(code + "-")),
        None,
    )
    if jurisdiction is None:
        raise RuleDeclarationError(f"rule {rule_id!r} does not start with a jurisdiction code")
    unknown = [key for key in sources if key not in SOURCES]
    if unknown or not sources:
        raise RuleDeclarationError(f"rule {rule_id!r} names unknown sources {unknown}")
    return Rule(rule_id, jurisdiction, summary, tuple(SOURCES[key] for key in sources), check)


def _unique(*rules: Rule) -> tuple[Rule, ...]:
    ids = [declared.id for declared in rules]
    twice = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if twice:
        raise RuleDeclarationError(f"rules declared twice: {twice}")
    return rules


_TRACKING = frozenset({"Analytics", "Marketing"})
_MARKETING = frozenset({"Marketing"})

#: Every rule, by jurisdiction in the order of ``JURISDICTIONS``.
RULES = _unique(
    rule(
        "eu-specific-purpose",
        "Each cookie's purpose says what it does, in more than a word or two.",
        ("eprivacy-5-3", "gdpr-13-1-c", "edpb-consent"),
        specific_purpose,
    ),
    rule(
        "eu-cookie-duration",
        "Each cookie says how long it lasts.",
        ("gdpr-13-2-a",),
        duration_given,
    ),
    rule(
        "eu-third-party-named",
        "Each third-party cookie names its provider.",
        ("gdpr-13-1-e", "eprivacy-5-3"),
        third_party_named,
    ),
    rule(
        "eu-third-party-privacy-policy",
        "Each provider of third-party cookies links to its privacy policy.",
        ("gdpr-13-1-e",),
        third_party_privacy_policy,
    ),
    rule(
        "eu-advertising-consent",
        "A marketing or advertising category asks for consent.",
        ("eprivacy-5-3",),
        advertising_asks_consent,
    ),
    rule(
        "eu-misclassified-cookie",
        "No cookie that the Open Cookie Database knows as analytics or marketing is in a "
        "category set without consent.",
        ("eprivacy-5-3",),
        misclassified(_TRACKING),
    ),
    rule(
        "fr-max-13-months",
        "Cookies that need consent last at most 13 months.",
        ("cnil-2020-092-art-5",),
        at_most_13_months,
    ),
    rule(
        "de-third-party-analytics",
        "Audience measurement by a third party (a statistics or analytics category) asks for "
        "consent.",
        ("tdddg-25",),
        third_party_analytics_ask_consent,
    ),
    rule(
        "es-cookie-party",
        "Each cookie says whether the site or a third party sets it.",
        ("lssi-22-2", "aepd-guide"),
        party_given,
    ),
    rule(
        "uk-specific-purpose",
        "Each cookie's purpose says what it does, in more than a word or two.",
        ("pecr-6", "ico-storage"),
        specific_purpose,
    ),
    rule(
        "uk-cookie-duration",
        "Each cookie says how long it lasts.",
        ("ico-storage",),
        duration_given,
    ),
    rule(
        "uk-third-party-named",
        "Each third-party cookie names its provider.",
        ("pecr-6", "ico-storage"),
        third_party_named,
    ),
    rule(
        "uk-advertising-consent",
        "A marketing or advertising category asks for consent.",
        ("pecr-6", "ico-storage"),
        advertising_asks_consent,
    ),
    rule(
        "uk-misclassified-cookie",
        "No cookie that the Open Cookie Database knows as marketing is in a category set "
        "without consent (analytics may use PECR's statistical exception).",
        ("pecr-6",),
        misclassified(_MARKETING),
    ),
    rule(
        "us-ca-last-updated",
        "The policy says when it was last updated.",
        ("ccpa-7011",),
        last_updated,
    ),
    rule(
        "us-ca-opt-out-sharing",
        "Third-party advertising cookies are in a category the visitor can refuse, so that "
        "'Do Not Sell or Share' and Global Privacy Control can turn them off.",
        ("ccpa-7026", "ccpa-7025"),
        sharing_can_be_refused,
    ),
    rule(
        "br-specific-purpose",
        "Each cookie's purpose says what it does, in more than a word or two.",
        ("lgpd-9",),
        specific_purpose,
    ),
    rule(
        "br-cookie-duration",
        "Each cookie says how long it lasts.",
        ("lgpd-9",),
        duration_given,
    ),
    rule(
        "br-shared-use",
        "Each third-party cookie names its provider.",
        ("lgpd-9",),
        third_party_named,
    ),
)

BY_ID = {declared.id: declared for declared in RULES}
