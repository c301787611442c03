"""Every import's backup, in one place: a rotated backup in the data folder
(store/backups.py), the same from the command line and from the window, so a
plan in a read-only folder can be imported into and File > Restore from
backup (`planner-cli restore`) finds the copy."""

from __future__ import annotations

from planner_gui.store import PlanStore
from planner_gui.store.backups import Backup, backup_before

BEFORE_IMPORT = "before-import"


def backup_before_import(store: PlanStore) -> Backup:
    """Back up the open plan before an import changes it."""
    return backup_before(store, BEFORE_IMPORT)
