"""Backing up, restoring and checking a plan file: `planner-cli backup`, `backups`, `restore`
and `check`, and File > Back up now, Save a copy as…, Restore from backup… and Tools > Check
file call these, so the refusals and the safety copy exist once.

The copies themselves are made, named and rotated by store.backups; the callers only ask,
print and show. Messages here are plain English, as in the other services: a caller that
words a refusal its own way catches the error's class (:class:`PlanFileAsCopyError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.store import PlanStore, backups
from planner_gui.store.backups import BEFORE_IMPORT, Backup, backup_folder
from planner_gui.store.connection import SaveError, backup_copy, check_file

__all__ = ["BEFORE_IMPORT", "Backup", "PlanFileAsCopyError", "RestoreResult", "back_up",
           "backup_folder", "check", "list_backups", "restore"]

MANUAL = "manual"


class PlanFileAsCopyError(BadFileError):
    """A copy was aimed at the plan file itself: copying it onto itself would lose it."""


def refuse_plan_file(plan_path: Path | str, target: Path | str) -> None:
    """PlanFileAsCopyError when ``target`` is the plan file (under any spelling of its path)."""
    if Path(target).resolve() == Path(plan_path).resolve():
        raise PlanFileAsCopyError(target, "is the plan file itself; choose another file for the copy")


def back_up(store: PlanStore, target: Path | str | None = None) -> Path:
    """Copy the open plan now; returns where the copy is.

    Without ``target``: a manual backup in the plan's backup folder (rotated with the others,
    listed by :func:`list_backups`). With one: a whole copy at ``target`` (replaced only once
    the copy is complete), never the plan file itself."""
    if target is None:
        return backups.backup_before(store, MANUAL).path
    refuse_plan_file(store.path, target)
    return backup_copy(store.db.conn, Path(target))


def list_backups(plan_path: Path | str) -> list[Backup]:
    """Every backup of the plan file at ``plan_path``, newest first."""
    return backups.list_backups(plan_path)


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the backup whose content the plan now holds
    safety: Path  # the copy of the content before the restore (restoring it undoes the restore)
    areas: int
    tasks: int


def restore(store: PlanStore, backup_path: Path | str) -> RestoreResult:
    """Put a backup's content into the open plan file.

    The backup is checked first (BadFileError naming it, and the plan is not touched), then the
    current content is backed up ("before-restore"), then replaced."""
    backup_path = Path(backup_path)
    backups.check_backup(backup_path)  # refuse a bad backup before touching anything
    if store.read_only:  # else the safety copy would be taken and the write then refused
        raise SaveError(store.path, "is open read-only; nothing was changed")
    safety = backups.restore_backup(store, backup_path)
    counts = store.counts()
    return RestoreResult(backup_path, safety.path, counts["area"], counts["task"])


def check(path: Path | str, full: bool = False) -> list[str]:
    """The problems of the plan file at ``path``, without changing it (empty: sound).

    The quick check, or with ``full`` every page, index and reference. BadFileError when the
    file cannot be a plan at all (not a database, not ours, missing)."""
    return check_file(path, full=full)
