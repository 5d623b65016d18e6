"""Where a provider's data goes, and with what safeguard, as each jurisdiction sees it.

A transfer is a provider processing the data in a country outside the jurisdiction's area,
for a controller established inside it (or that does not say where it is): it needs one of the
safeguards its law accepts. A controller established elsewhere collects the data from the
visitor directly, which is no transfer from the jurisdiction. The tables of adequate countries
are the ones in force when this was written (see the sources of the transfer rules); a country
added since can be declared with ``transfer: adequacy`` only once it is listed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..inventory import CookieInventory, Provider
from ..inventory.countries import EEA_COUNTRIES
from .facts import describe_provider, provider_line, third_party_providers
from .model import Check, Flaw


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Countries with an adequacy decision of the European Commission (GDPR art. 45), besides the
#: United States, whose decision covers only the companies certified under the EU-US Data
#: Privacy Framework (``transfer: dpf``).
EU_ADEQUATE = _codes("AD AR CA CH FO GB GG IL IM JE JP KR NZ UY")
#: Countries covered by the UK's adequacy regulations (Data Protection Act 2018 schedule 21,
#: and the regulations of 2022 for the Republic of Korea), besides the United States (the UK
#: Extension to the Data Privacy Framework, ``transfer: dpf``).
UK_ADEQUATE = EEA_COUNTRIES | _codes("AD AR CA CH GG GI IL IM JE JP KR NZ UY")


@dataclass(frozen=True, slots=True)
class TransferLaw:
    """What one jurisdiction accepts for a transfer."""

    #: Where data may go without a declared safeguard.
    home: frozenset[str]
    #: How the messages name ``home``.
    home_name: str
    #: The safeguards the law accepts, and, for ``adequacy``, the countries it covers.
    safeguards: frozenset[str]
    adequate: frozenset[str] | None


EU_TRANSFERS = TransferLaw(
    EEA_COUNTRIES, "the EEA", frozenset({"adequacy", "dpf", "scc", "bcr"}), EU_ADEQUATE
)
#: The UK's adequacy regulations cover the EEA, for which the format holds no ``transfer``.
UK_TRANSFERS = TransferLaw(
    EEA_COUNTRIES | {"GB"},
    "the UK and the EEA",
    frozenset({"adequacy", "dpf", "scc", "bcr"}),
    UK_ADEQUATE,
)
#: LGPD art. 33: standard or specific clauses, global corporate rules, or a country the ANPD
#: finds adequate; the Data Privacy Framework is no mechanism of Brazilian law.
BR_TRANSFERS = TransferLaw(frozenset({"BR"}), "Brazil", frozenset({"adequacy", "scc", "bcr"}), None)


def named_providers(inventory: CookieInventory) -> Iterator[tuple[Provider, int]]:
    """The providers whose place matters: those of third-party cookies, and every declared
    provider with a role (a processor or controller other than the site), each once."""
    seen: set[str] = set()
    for provider, cookie in third_party_providers(inventory):
        seen.add(describe_provider(provider))
        yield provider, provider_line(provider, cookie)
    for provider in inventory.providers.values():
        if provider.role is not None and describe_provider(provider) not in seen:
            yield provider, provider.line


def _choices(safeguards: frozenset[str]) -> str:
    ordered = sorted(safeguards)
    return ", ".join(ordered[:-1]) + " or " + ordered[-1]


def _safeguard_problem(law: TransferLaw, provider: Provider, country: str) -> str | None:
    transfer = provider.transfer
    if transfer is None:
        return (
            f"processes the data in {country}, outside {law.home_name}, and names no safeguard; "
            f"add its 'transfer', one of {_choices(law.safeguards)}"
        )
    if transfer not in law.safeguards:
        return (
            f"relies on '{transfer}' for its transfer to {country}, which this law does not "
            f"provide for; use {_choices(law.safeguards)}"
        )
    if transfer == "dpf" and country != "US":
        return f"relies on the EU-US Data Privacy Framework for {country}; it covers the US only"
    if transfer == "adequacy" and law.adequate is not None and country not in law.adequate:
        hint = "; a certified US company is covered by 'dpf'" if country == "US" else ""
        return (
            f"relies on an adequacy decision for {country}, which has none{hint}; use standard "
            "contractual clauses ('scc') or binding corporate rules ('bcr')"
        )
    return None


def safeguarded(law: TransferLaw) -> Check:
    """The check that each provider outside ``law``'s area names a safeguard it accepts."""

    def check(inventory: CookieInventory) -> Iterator[Flaw]:
        controller = inventory.controller
        if controller is not None and controller.country not in (None, *law.home):
            return  # the data is collected abroad, not sent abroad from here
        for provider, line in named_providers(inventory):
            country = provider.country
            if country is None or country in law.home:
                continue
            problem = _safeguard_problem(law, provider, country)
            if problem is not None:
                yield Flaw(line, f"{describe_provider(provider)} {problem}")

    return check


def country_given(inventory: CookieInventory) -> Iterator[Flaw]:
    """Where each third party processes the data, so that the policy can say whether it leaves
    the EEA."""
    for provider, line in named_providers(inventory):
        if provider.country is None:
            yield Flaw(
                line,
                f"{describe_provider(provider)} does not say where it processes the data; add "
                "its 'country' (an ISO 3166-1 code such as IE or US), and for a country outside "
                "the EEA its 'transfer' safeguard",
            )
