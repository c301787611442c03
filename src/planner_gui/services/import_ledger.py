"""Importing a ledger, CSV or filled report form: `planner-cli import-xlsx`, File > Import
ledger… and File > New from Ledger… call these, so the steps exist once.

:func:`prepare` reads the file (exchange.ledger_import), works out the change set and the
resulting plan in a throw-away in-memory copy, and changes nothing; :func:`apply` backs the
plan file up (store.backups.backup_before_import, the one import backup) and writes every
change in one transaction, or creates the new file whole.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date
from pathlib import Path

from planner_gui.domain.errors import BadFileError, FormatError, PlannerError
from planner_gui.domain.model import Plan
from planner_gui.exchange.ledger_import import (
    ImportPreview,
    counted,
    read_changes,
    without_cyclic_gc,
)
from planner_gui.exchange.ledger_merge import ChangeSet
from planner_gui.replacing import replacing
from planner_gui.store import PlanStore
from planner_gui.store.backups import backup_before_import
from planner_gui.store.ledger_apply import apply_changes, memory_copy, memory_store


def is_empty_plan(store: PlanStore) -> bool:
    """Whether the file's plan has no areas (and so no tasks or updates) yet."""
    return store.db.execute("SELECT 1 FROM area LIMIT 1").fetchone() is None


def prepare(file: Path | str, store: PlanStore | None, today: date | None = None,
            accept_new_rows: bool | Collection[str] = False) -> ImportPreview:
    """Read ``file`` and work out what importing it into ``store`` (None: a new file) would do;
    nothing is written anywhere.

    ``accept_new_rows``: rows a department added to a report form become new tasks — all (True)
    or those at the given places ("Sheet row N"); the others are only listed, as
    ``changes.proposed_tasks``."""
    with without_cyclic_gc():
        return _prepare(Path(file), store, today or date.today(), accept_new_rows)


def _prepare(file: Path, store: PlanStore | None, today: date,
             accept_new_rows: bool | Collection[str]) -> ImportPreview:
    if store is not None and is_empty_plan(store):
        # An empty plan (File ▸ New ▸ empty) holds nothing a ledger could be merged with:
        # the ledger makes the plan as it would in a new file, with its title and year.
        preview = _prepare(file, None, today, accept_new_rows)
        preview.new_file, preview.replaces_empty = False, True
        return preview
    ledger, start, changes = read_changes(file, store.load_plan() if store is not None else None,
                                          today, accept_new_rows)
    if changes.is_empty():
        # Nothing to write: the result is the plan as read (the merge changes none of its objects),
        # without copying the file and reading it again (3 s at 200,000 updates); for a new file,
        # our own ledger unedited: the plan it recorded, as it is.
        return ImportPreview(file, ledger, changes, start, new_file=store is None)
    scratch = memory_copy(store) if store is not None else memory_store(start)
    with scratch:
        try:
            _write_changes(scratch, changes)
        except sqlite3.Error as exc:  # a safety net: the merge should have caught it, with a place
            raise FormatError(str(file), f"cannot be imported ({exc})") from None
        result = scratch.load_plan()
    return ImportPreview(file, ledger, changes, result, new_file=store is None)


def _write_changes(store: PlanStore, changes: ChangeSet) -> None:
    apply_changes(
        store,
        new_areas=changes.new_areas,
        new_tasks=[(n.task, n.area_id, n.parent_id) for n in changes.new_tasks],
        edits=[(c.table, c.item_id or c.task_id, c.edit) for c in changes.field_changes],
        updates=[(u.task_id, u.update) for u in changes.new_updates],
    )


def _create_whole(path: Path, plan: Plan) -> None:
    """A new plan file at ``path``, complete or not at all: it is written next to it and then
    renamed, so a failure (a disk full, a row the file refuses) leaves no half-made plan file."""
    if path.exists() and path.stat().st_size > 0:
        raise BadFileError(path, "already exists; choose another file name")
    with replacing(path) as partial:
        try:
            PlanStore.create(partial, plan).close()
        except BaseException:
            for suffix in ("-wal", "-shm", "-journal"):
                partial.with_name(partial.name + suffix).unlink(missing_ok=True)
            raise


def apply(path: Path | str, store: PlanStore | None, preview: ImportPreview) -> str:
    """Write what ``preview`` showed: into ``store``, or a new file at ``path``. Returns one line."""
    with without_cyclic_gc():
        return _apply(path, store, preview)


def _apply(path: Path | str, store: PlanStore | None, preview: ImportPreview) -> str:
    counts = preview.changes.counts()
    if store is None:
        _create_whole(Path(path), preview.result)
        tasks = sum(1 for _ in preview.result.walk_tasks())
        return f"created {path} from {preview.file}: {len(preview.result.areas)} areas, {tasks} tasks"
    if preview.replaces_empty:
        if not is_empty_plan(store):
            raise PlannerError(f"{path}: the plan is no longer empty; import {preview.file.name} again")
        backup_before_import(store)  # File > Restore from backup takes it back
        store.replace_plan(preview.result)
        tasks = sum(1 for _ in preview.result.walk_tasks())
        return (f"imported {preview.file.name} into the empty plan in {path}: {preview.result.title} "
                f"({preview.result.year}), {counted(len(preview.result.areas), 'area')}, {counted(tasks, 'task')}")
    if preview.changes.is_empty():
        return f"nothing imported into {path}"
    backup_before_import(store)  # File > Restore from backup takes it back
    _write_changes(store, preview.changes)
    return (f"imported {preview.file.name} into {path}: {counted(counts['new_tasks'], 'new task')}, "
            f"{counted(counts['changed_fields'], 'changed field')}, {counted(counts['new_updates'], 'new update')}"
            + (f"; {counted(counts['conflicts'], 'conflict')} left as they were" if counts["conflicts"] else ""))
