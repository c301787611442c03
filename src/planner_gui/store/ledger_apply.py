"""Applying an imported ledger's changes to a plan file in ONE transaction.

Either everything the preview showed is written, or (on any error) nothing:
the transaction is rolled back and the file is as it was. ``memory_copy``
gives a throw-away in-memory copy of a plan file, so a dry run or a preview
can apply the very same changes and show the resulting plan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from planner_gui.domain.model import Area, Plan, ProgressUpdate, Task
from planner_gui.store.connection import transaction
from planner_gui.store.database import PlanDatabase
from planner_gui.store.repository import PlanStore

MEMORY = Path(":memory:")


def apply_changes(
    store: PlanStore,
    *,
    new_areas: Iterable[Area] = (),
    new_tasks: Iterable[tuple[Task, str, str | None]] = (),
    edits: Iterable[tuple[str, str, dict[str, object]]] = (),
    updates: Iterable[tuple[str, ProgressUpdate]] = (),
) -> None:
    """Add areas (with their tasks), tasks under existing areas/parents, field
    edits (table, id, fields) and progress updates, all or nothing."""
    with transaction(store.db):
        for area in new_areas:
            store.add_area(area)
        for task, area_id, parent_id in new_tasks:
            store.add_task(task, area_id, parent_id)
        for table, item_id, fields in edits:
            store.edit(table, item_id, **fields)
        for task_id, update in updates:
            store.add_update(task_id, update)


def _memory_database() -> PlanDatabase:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return PlanDatabase(conn)


def memory_copy(store: PlanStore) -> PlanStore:
    """An in-memory copy of an open plan file (changes to it touch nothing on disk)."""
    db = _memory_database()
    store.db.conn.backup(db.conn)
    return PlanStore(db, MEMORY)


def memory_store(plan: Plan) -> PlanStore:
    """A new in-memory plan file holding ``plan``."""
    return PlanStore.create(MEMORY, plan)
