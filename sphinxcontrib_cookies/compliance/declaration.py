"""Every compliance rule, declared once: its id, its jurisdiction, what it checks, the texts it
rests on, and its check. The build, the command line and the docs' table of rules all read
``RULES``; a rule whose id does not start with its jurisdiction, an unknown jurisdiction or
source, or an id declared twice fails at import.
"""

from __future__ import annotations

from types import MappingProxyType

from .consent_checks import (
    advertising_asks_consent,
    misclassified,
    sharing_can_be_refused,
    third_party_analytics_ask_consent,
)
from .controller_checks import (
    basis_allows_cookies,
    controller_given,
    encarregado_given,
    legal_basis_given,
    representative_given,
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
from .model import Check, PageCheck, Rule
from .page_checks import rights_stated, withdrawal_stated
from .policy_checks import consent_lifetime, last_updated
from .sources import SOURCES
from .transfers import BR_TRANSFERS, EU_TRANSFERS, UK_TRANSFERS, country_given, safeguarded


class RuleDeclarationError(Exception):
    """The declaration of rules contradicts itself."""


def rule(
    rule_id: str,
    summary: str,
    sources: tuple[str, ...],
    check: Check | None = None,
    page_check: PageCheck | None = None,
) -> Rule:
    if (check is None) == (page_check is None):
        raise RuleDeclarationError(f"rule {rule_id!r} needs a check or a page check, not both")
    jurisdiction = next(
        (code for code in sorted(BY_CODE, key=len, reverse=True) if rule_id.startswith(code + "-")),
        None,
    )
    if jurisdiction is None:
        raise RuleDeclarationError(f"rule {rule_id!r} does not start with a jurisdiction code")
    unknown = [key for key in sources if key not in SOURCES]
    if unknown or not sources:
        raise RuleDeclarationError(f"rule {rule_id!r} names unknown sources {unknown}")
    found = tuple(SOURCES[key] for key in sources)
    return Rule(rule_id, jurisdiction, summary, found, check, page_check)


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
        "eu-controller",
        "The policy names who is responsible for the visitors' data, and how to reach them.",
        ("gdpr-13-1-a",),
        controller_given,
    ),
    rule(
        "eu-representative",
        "A controller established outside the EEA names its representative in the Union.",
        ("gdpr-13-1-a", "gdpr-27"),
        representative_given,
    ),
    rule(
        "eu-legal-basis",
        "Each category that holds cookies says on what legal basis they are set.",
        ("gdpr-13-1-c",),
        legal_basis_given,
    ),
    rule(
        "eu-consent-exemption",
        "Cookies are set with consent or as strictly necessary (exempt), not on another basis.",
        ("eprivacy-5-3",),
        basis_allows_cookies,
    ),
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
        "eu-provider-country",
        "Each third party says in which country it processes the data.",
        ("gdpr-13-1-f",),
        country_given,
    ),
    rule(
        "eu-transfer-safeguard",
        "Each provider outside the EEA names a safeguard the GDPR accepts for its country: "
        "adequacy, the Data Privacy Framework (US), standard clauses or binding rules.",
        ("gdpr-13-1-f", "gdpr-44-49", "eu-adequacy"),
        safeguarded(EU_TRANSFERS),
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
        "eu-withdraw-consent",
        "A page that uses the inventory says how to withdraw consent, as easily as it was "
        "given (checked in the build, on the pages).",
        ("gdpr-7-3",),
        page_check=withdrawal_stated,
    ),
    rule(
        "eu-rights-complaint",
        "A page that uses the inventory states the visitor's rights and names the supervisory "
        "authority to complain to (checked in the build, on the pages).",
        ("gdpr-13-2-b-d",),
        page_check=rights_stated,
    ),
    rule(
        "fr-max-13-months",
        "Cookies that need consent last at most 13 months.",
        ("cnil-2020-092-art-5",),
        at_most_13_months,
    ),
    rule(
        "fr-consent-lifetime",
        "The visitor's choice is kept for a limited time: 6 months at most (consent_lifetime).",
        ("cnil-2020-092-choice",),
        consent_lifetime(6, at_most=True, why="the CNIL's reference is to keep it for 6 months"),
    ),
    rule(
        "de-third-party-analytics",
        "Audience measurement by a third party (a statistics or analytics category) asks for "
        "consent.",
        ("tdddg-25",),
        third_party_analytics_ask_consent,
    ),
    rule(
        "it-consent-lifetime",
        "The visitor is not asked again before 6 months have passed (consent_lifetime).",
        ("garante-2021",),
        consent_lifetime(
            6,
            at_most=False,
            why="the Garante asks that the banner is not shown again within 6 months",
        ),
    ),
    rule(
        "es-cookie-party",
        "Each cookie says whether the site or a third party sets it.",
        ("lssi-22-2", "aepd-guide"),
        party_given,
    ),
    rule(
        "uk-controller",
        "The policy names who is responsible for the visitors' data, and how to reach them.",
        ("uk-gdpr-13-1-a",),
        controller_given,
    ),
    rule(
        "uk-consent-exemption",
        "Cookies are set with consent or under an exception of PECR (exempt), not on another "
        "basis.",
        ("pecr-6",),
        basis_allows_cookies,
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
        "uk-transfer-safeguard",
        "Each provider outside the UK names a safeguard UK law accepts for its country: "
        "adequacy regulations, the UK Extension to the Data Privacy Framework (US), the IDTA or "
        "Addendum (scc), or binding corporate rules.",
        ("uk-gdpr-44-49",),
        safeguarded(UK_TRANSFERS),
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
        "uk-withdraw-consent",
        "A page that uses the inventory says how to withdraw consent, as easily as it was "
        "given (checked in the build, on the pages).",
        ("uk-gdpr-7-3",),
        page_check=withdrawal_stated,
    ),
    rule(
        "uk-rights-complaint",
        "A page that uses the inventory states the visitor's rights and names the supervisory "
        "authority to complain to (checked in the build, on the pages).",
        ("uk-gdpr-13-2-b-d",),
        page_check=rights_stated,
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
        "br-controller",
        "The policy names the controller and how to reach it.",
        ("lgpd-9",),
        controller_given,
    ),
    rule(
        "br-encarregado",
        "The controller publishes its data protection officer (encarregado) and their contact.",
        ("lgpd-41",),
        encarregado_given,
    ),
    rule(
        "br-legal-basis",
        "Each category that holds cookies says on what legal basis they are set.",
        ("lgpd-7",),
        legal_basis_given,
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
    rule(
        "br-transfer-safeguard",
        "Each provider outside Brazil names a safeguard of LGPD art. 33: adequacy, standard "
        "clauses or global corporate rules (the Data Privacy Framework is none).",
        ("lgpd-33",),
        safeguarded(BR_TRANSFERS),
    ),
)

BY_ID = MappingProxyType({declared.id: declared for declared in RULES})
