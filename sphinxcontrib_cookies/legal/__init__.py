"""The legal facts a policy page states beyond the inventory: the supervisory authorities of the
EEA and the UK, and the inventory's history read from git. Plain Python: no docutils, no Sphinx."""

from .authorities import AUTHORITIES, SupervisoryAuthority, authority_for
from .differences import InventoryChange, Moved, Replaced, compare_inventories
from .history import HistoryError, Revision, history_changes, read_revisions

__all__ = [
    "AUTHORITIES",
    "HistoryError",
    "InventoryChange",
    "Moved",
    "Replaced",
    "Revision",
    "SupervisoryAuthority",
    "authority_for",
    "compare_inventories",
    "history_changes",
    "read_revisions",
]
