"""Importing a ledger, CSV or filled report form: preview first, then apply.

The command line and the window both call :func:`prepare_import` (reads the
file, works out the change set and the resulting plan, changes nothing) and
:func:`apply_import` (backs the plan file up if the reliability hook exists,
then writes every change in one transaction, or creates the new file).
"""

from __future__ import annotations

import contextlib
import gc
import re
import sqlite3
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner_gui.domain.errors import BadFileError, FormatError, PlannerError, ValidationError
from planner_gui.domain.model import Plan, ProgressUpdate
from planner_gui.domain.validation import check_number
from planner_gui.exchange import json_format
from planner_gui.exchange.ledger_merge import ChangeSet, merge_ledger
from planner_gui.exchange.ledger_read import Ledger, read_ledger
from planner_gui.exchange.ledger_values import Problem
from planner_gui.replacing import replacing
from planner_gui.store import PlanStore
from planner_gui.store.backups import backup_before_import
from planner_gui.store.ledger_apply import apply_changes, memory_copy, memory_store


def counted(count: int, word: str) -> str:
    """"1 new update", "2 new updates": the command line's counts read as English."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass
class ImportPreview:
    file: Path
    ledger: Ledger
    changes: ChangeSet
    result: Plan  # the plan as it would be after the import
    new_file: bool
    # The plan file held an empty plan: the import makes the plan from the ledger exactly as
    # into a new file, and applying it replaces the empty plan (its title, year, …) with it.
    replaces_empty: bool = False

    def describe(self) -> list[str]:
        """Every addition, change, conflict and problem, one line each."""
        c = self.changes
        counts = c.counts()
        if self.new_file or self.replaces_empty:
            r = self.result
            updates = sum(len(t.updates) for t in r.walk_tasks())
            return [f"{self.file}: a new plan {r.title!r} ({r.year}) with {counted(len(r.areas), 'area')}, "
                    f"{counted(sum(1 for _ in r.walk_tasks()), 'task')}, {counted(updates, 'update')}"] + [
                f"problem: {p}" for p in c.problems]
        lines = [f"{self.file}: {counted(counts['new_areas'], 'new area')}, {counted(counts['new_tasks'], 'new task')}, "
                 f"{counted(counts['changed_fields'], 'changed field')}, {counted(counts['new_updates'], 'new update')}, "
                 f"{counted(counts['conflicts'], 'conflict')}, {counted(counts['problems'], 'problem')}"]
        lines += [f"note: {n}" for n in c.notes]
        lines += [f"new area: {a.name} ({sum(1 for _ in a.walk_tasks())} tasks)" for a in c.new_areas]
        lines += [str(x) for x in (*c.new_tasks, *c.field_changes, *c.new_updates)]
        lines += [f"{n.where}: new row {n.task.title!r} — not added unless accepted (--accept-new-rows)"
                  for n in c.proposed_tasks]
        lines += [str(x) for x in c.conflicts]
        lines += [f"problem: {p}" for p in c.problems]
        if c.is_empty() and not c.proposed_tasks:
            lines.append("nothing to import: the plan already holds everything in this file")
        return lines

    def summary_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.file), "kind": self.ledger.kind, **self.changes.counts(),
            "conflicts_list": [str(x) for x in self.changes.conflicts],
            "problems_list": [str(p) for p in self.changes.problems],
        }


_LEDGER_WORDS = re.compile(r"(?:推进|落实|工作)?(?:情况)?(?:台账|统计表|一览表|进度表|\s*—\s*ledger)$")


def base_plan(ledger: Ledger) -> Plan:
    """The plan a new file starts from: what a planner-gui ledger recorded, else an empty plan
    titled and dated from the ledger's title row (and its as-of row for the year)."""
    if ledger.meta is None or ledger.meta.kind != "ledger":
        from planner_gui.exchange.intake.parse import declared_totals

        title = _LEDGER_WORDS.sub("", ledger.title).strip()
        areas, tasks = declared_totals(ledger.title)
        return Plan(title=title or f"{ledger.year}年度重点工作任务", year=ledger.year,
                    declared_areas=areas, declared_tasks=tasks)
    meta = ledger.meta
    shown_ids = {r.id for r in ledger.rows if r.id}
    history = _history_updates(ledger)
    tasks: dict[str, dict[str, Any]] = {}
    areas: dict[str, dict[str, Any]] = {}
    for area_id, record in meta.areas.items():
        areas[area_id] = {**record, "id": area_id, "tasks": []}
    for task_id, record in meta.tasks.items():
        if task_id not in shown_ids:
            continue  # the row was deleted from the sheet
        tasks[task_id] = {k: v for k, v in record.items() if k not in ("area_id", "parent_id", "shown")}
        tasks[task_id].update(subtasks=[], updates=[])
    for task_id, record in meta.tasks.items():
        if task_id not in tasks:
            continue
        parent = tasks.get(record.get("parent_id") or "")
        if parent is not None:
            parent["subtasks"].append(tasks[task_id])
        elif record.get("area_id") in areas:
            areas[record["area_id"]]["tasks"].append(tasks[task_id])
    kept = [a for a_id, a in areas.items() if a["tasks"] or a_id in shown_ids]
    try:
        plan = json_format.plan_from_dict({"format": json_format.FORMAT, "plan": meta.plan, "areas": kept})
    except FormatError as exc:
        raise BadFileError(ledger.path, f"its hidden record of the export is damaged ({exc})") from None
    for task in plan.walk_tasks():
        task.updates = history.get(task.id, [])
    return plan


def _history_updates(ledger: Ledger) -> dict[str, list[ProgressUpdate]]:
    """The history sheet's updates (those with an id) per task id. The reader has already read
    each field (dates, figures 0..100, text), so they are made here directly: through the JSON
    format's checks again they took 4 s at 200,000 updates (fields as attributes, not
    ``item["…"]``: a method call each)."""
    history: dict[str, list[ProgressUpdate]] = {}
    seen: set[str] = set()
    for item in ledger.history:
        if not item.id:
            continue
        if item.id in seen:  # a copied row: the first is kept, as a merge does
            ledger.problems.append(Problem(item.where, None, "", "the same update id as an earlier row; "
                                                                     "row skipped"))
            continue
        seen.add(item.id)
        readings = {}
        for name, value in item.readings.items():
            try:
                number = check_number(value, name)
            except ValidationError as exc:
                raise BadFileError(ledger.path, f"{item.where}: reading {name!r} {exc.reason}") from None
            if number is not None:
                readings[name] = number
        history.setdefault(item.task_id, []).append(ProgressUpdate(
            date=item.date, progress=item.progress, text=item.text, problems=item.problems,
            next_steps=item.next_steps, reporter=item.reporter, highlight=item.highlight,
            readings=readings, id=item.id))
    return history


def _merge(plan: Plan, ledger: Ledger, today: date, accept_new_rows: bool | Collection[str] = False) -> ChangeSet:
    if ledger.kind == "form":
        from planner_gui.exchange.report_forms import merge_form

        return merge_form(plan, ledger, today, accept_new_rows)
    return merge_ledger(plan, ledger, today)


def _apply(store: PlanStore, changes: ChangeSet) -> None:
    apply_changes(
        store,
        new_areas=changes.new_areas,
        new_tasks=[(n.task, n.area_id, n.parent_id) for n in changes.new_tasks],
        edits=[(c.table, c.item_id or c.task_id, c.edit) for c in changes.field_changes],
        updates=[(u.task_id, u.update) for u in changes.new_updates],
    )


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Millions of objects (rows, tasks, updates) are made and none forms a reference cycle; the
    cyclic collector looking at them again and again cost 10 % of a 10,000-task import (as in
    read_ledger). Reference counting frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare_import(file: Path | str, store: PlanStore | None, today: date | None = None,
                   accept_new_rows: bool | Collection[str] = False) -> ImportPreview:
    """Read ``file`` and work out what importing it would do; nothing is written anywhere.

    ``accept_new_rows``: rows a department added to a report form become new tasks — all (True)
    or those at the given places ("Sheet row N"); the others are only listed, as
    ``changes.proposed_tasks``."""
    with _without_cyclic_gc():
        return _prepare(Path(file), store, today or date.today(), accept_new_rows)


def _prepare(file: Path, store: PlanStore | None, today: date,
             accept_new_rows: bool | Collection[str]) -> ImportPreview:
    if store is not None and is_empty_plan(store):
        # An empty plan (File ▸ New ▸ empty) holds nothing a ledger could be merged with:
        # the ledger makes the plan as it would in a new file, with its title and year.
        preview = _prepare(file, None, today, accept_new_rows)
        preview.new_file, preview.replaces_empty = False, True
        return preview
    if store is not None:
        plan = store.load_plan()
        ledger = read_ledger(file, plan.year, today)
        changes = _merge(plan, ledger, today, accept_new_rows)
        if changes.is_empty():
            # Nothing to write: the result is the plan as read (the merge changes none of its
            # objects), without copying the file and reading it again (3 s at 200,000 updates).
            return ImportPreview(file, ledger, changes, plan, new_file=False)
        scratch = memory_copy(store)
    else:
        ledger = read_ledger(file, None, today)
        if ledger.kind == "form":
            raise PlannerError(f"{file}: a report form can only be imported into the plan it was made from")
        start = base_plan(ledger)
        changes = _merge(start, ledger, today)
        if changes.is_empty():  # our own ledger, unedited: the plan it recorded, as it is
            return ImportPreview(file, ledger, changes, start, new_file=True)
        scratch = memory_store(start)
    with scratch:
        try:
            _apply(scratch, changes)
        except sqlite3.Error as exc:  # a safety net: the merge should have caught it, with a place
            raise FormatError(str(file), f"cannot be imported ({exc})") from None
        result = scratch.load_plan()
    return ImportPreview(file, ledger, changes, result, new_file=store is None)


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


def is_empty_plan(store: PlanStore) -> bool:
    """Whether the file's plan has no areas (and so no tasks or updates) yet."""
    return store.db.execute("SELECT 1 FROM area LIMIT 1").fetchone() is None


def apply_import(path: Path | str, store: PlanStore | None, preview: ImportPreview) -> str:
    """Write what ``preview`` showed: into ``store``, or a new file at ``path``. Returns one line."""
    with _without_cyclic_gc():
        return _apply_preview(path, store, preview)


def _apply_preview(path: Path | str, store: PlanStore | None, preview: ImportPreview) -> str:
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
    _apply(store, preview.changes)
    return (f"imported {preview.file.name} into {path}: {counted(counts['new_tasks'], 'new task')}, "
            f"{counted(counts['changed_fields'], 'changed field')}, {counted(counts['new_updates'], 'new update')}"
            + (f"; {counted(counts['conflicts'], 'conflict')} left as they were" if counts["conflicts"] else ""))
