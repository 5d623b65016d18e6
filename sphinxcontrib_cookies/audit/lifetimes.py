"""Declared durations against observed lifetimes, and both in plain English for reports.

A declared length is "far" from the observed one when the observed lifetime is more than twice
the declared length, or less than half of it. The margin absorbs what makes an observation
inexact (an ``Expires`` date counted from the moment of the request, browsers that cap cookies at
400 days, months of 28 to 31 days) while still catching a "30 days" cookie that lives a year.
"""

from __future__ import annotations

from ..captures import Lifetime
from ..inventory import Duration

#: Observed more than FAR_FACTOR times the declared length, or less than 1/FAR_FACTOR of it.
FAR_FACTOR = 2.0


def describe_duration(duration: Duration) -> str:
    if duration.kind != "period":
        return duration.kind
    return ", ".join(
        f"{amount} {unit}{'' if amount == 1 else 's'}" for unit, amount in duration.parts
    )


def describe_seconds(seconds: int) -> str:
    """A lifetime rounded to the unit people would use: seconds, minutes, hours, then days."""
    for unit, size, up_to in (("second", 1, 120), ("minute", 60, 7200), ("hour", 3600, 172800)):
        if seconds < up_to:
            amount = round(seconds / size)
            return f"{amount} {unit}{'' if amount == 1 else 's'}"
    days = round(seconds / 86400)
    return f"{days} days"


def describe_lifetime(lifetime: Lifetime) -> str:
    if lifetime.kind != "persistent":
        return lifetime.kind
    if lifetime.seconds is None:
        return f"persistent ({lifetime.source})"
    return f"{describe_seconds(lifetime.seconds)} ({lifetime.source})"


def lifetime_mismatch(declared: Duration, observed: Lifetime) -> str | None:
    """Why the observed lifetime does not fit the declared duration; None when it fits or the
    capture cannot tell."""
    if observed.kind == "unknown":
        return None
    said = f"the inventory says {describe_duration(declared)}"
    if declared.kind == "session":
        if observed.kind == "persistent":
            return f"lives {describe_lifetime(observed)}, but {said}"
        return None
    if observed.kind == "session":
        return f"is a session cookie, but {said}"
    declared_seconds = declared.seconds
    if declared_seconds is None or observed.seconds is None:
        return None
    if observed.seconds > declared_seconds * FAR_FACTOR:
        return f"lives {describe_lifetime(observed)}, more than twice as long as {said}"
    if observed.seconds * FAR_FACTOR < declared_seconds:
        return f"lives {describe_lifetime(observed)}, less than half as long as {said}"
    return None
