"""The legal parts of a policy page as standard docutils nodes: the controller, the third
parties and transfers, withdrawal and rights, the history of the cookies."""

from .changes import render_history, render_last_updated, render_written_changes
from .controller import render_controller
from .countries import country_name
from .providers import named_providers, render_providers
from .rights import render_rights, render_withdrawal
from .words import legal_basis_label, part_title

__all__ = [
    "country_name",
    "legal_basis_label",
    "named_providers",
    "part_title",
    "render_controller",
    "render_history",
    "render_last_updated",
    "render_providers",
    "render_rights",
    "render_withdrawal",
    "render_written_changes",
]
