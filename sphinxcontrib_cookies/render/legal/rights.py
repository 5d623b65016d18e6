"""How to change one's choice, and the visitor's rights: withdrawing consent as easily as it was
given (GDPR article 7(3)), how long the choice is kept, the rights of articles 15 to 21, and the
right to lodge a complaint with a supervisory authority (articles 13(2)(b) and (d), 77)."""

from __future__ import annotations

from docutils import nodes

from ...inventory import Duration, LocalizedText
from ...legal import SupervisoryAuthority
from ...translations import _
from ..durations import format_duration
from ..inventory_text import keep_builtin_text_out
from .words import filled, link


def _paragraph(text: str, classes: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=[classes])


def render_withdrawal(
    consent_lifetime: Duration | LocalizedText | None, language: str | None
) -> list[nodes.Element]:
    """That consent can be withdrawn as easily as it was given, and how long it is kept."""
    result = [
        _paragraph(
            str(
                _(
                    "You can withdraw your consent at any time, as easily as you gave it, by "
                    "changing your choice in this site's cookie settings. Withdrawing it does "
                    "not affect what was done with your consent before. You can also delete "
                    "cookies, or block them, in your browser's settings."
                )
            ),
            "cookie-withdrawal",
        )
    ]
    if consent_lifetime is not None:
        lasting = (
            format_duration(consent_lifetime, language)
            if isinstance(consent_lifetime, Duration)
            else consent_lifetime.resolve(language)
        )
        template = str(_("We keep your choice for %s; after that, we ask you again."))
        result.append(
            nodes.paragraph(
                "", "", *filled(template, value=lasting), classes=["cookie-consent-lifetime"]
            )
        )
    for node in result:
        keep_builtin_text_out(node)
    return result


def render_rights(authority: SupervisoryAuthority | None) -> list[nodes.Element]:
    """The visitor's rights, and the supervisory authority to complain to, if one is known."""
    result = [
        _paragraph(
            str(
                _(
                    "Under the General Data Protection Regulation, you have the right of access "
                    "to your personal data, the right to rectification and to erasure, the "
                    "right to restriction of processing, the right to object to processing and "
                    "the right to data portability."
                )
            ),
            "cookie-rights",
        ),
        _paragraph(
            str(
                _(
                    "You have the right to lodge a complaint with a supervisory authority, in "
                    "particular in the Member State where you live, where you work or where you "
                    "believe the law was infringed."
                )
            ),
            "cookie-complaint",
        ),
    ]
    if authority is not None:
        template = str(_("Our supervisory authority: %s."))
        result.append(
            nodes.paragraph(
                "",
                "",
                *filled(template, value=link(authority.name, authority.url)),
                classes=["cookie-authority"],
            )
        )
    for node in result:
        keep_builtin_text_out(node)
    return result
