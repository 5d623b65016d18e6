"""Auditing an inventory against captures of real visits. Plain Python: no docutils, no Sphinx."""

from .compare import audit_inventory, site_of_captures
from .consent import CONSENT_SOURCE, BeforeConsent
from .evidence import combine
from .lifetimes import FAR_FACTOR, describe_duration, describe_lifetime, lifetime_mismatch
from .report import MISMATCH_KINDS, AuditReport, Mismatch, Unseen

__all__ = [
    "CONSENT_SOURCE",
    "FAR_FACTOR",
    "MISMATCH_KINDS",
    "AuditReport",
    "BeforeConsent",
    "Mismatch",
    "Unseen",
    "audit_inventory",
    "combine",
    "describe_duration",
    "describe_lifetime",
    "lifetime_mismatch",
    "site_of_captures",
]
