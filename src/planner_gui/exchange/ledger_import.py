"""Reading a ledger, CSV or filled report form for an import: what it would change.

:func:`read_changes` reads the file and merges it with a plan (or starts a new
one from it); :class:`ImportPreview` is what the user is shown. Nothing here
writes a plan file: services.import_ledger prepares the preview (the resulting
plan, worked out in a throw-away in-memory copy) and applies it.
"""

from __future__ import annotations

import contextlib
import gc
import re
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


@contextlib.contextmanager
def without_cyclic_gc() -> Iterator[None]:
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


def read_changes(file: Path | str, plan: Plan | None, today: date,
                 accept_new_rows: bool | Collection[str] = False) -> tuple[Ledger, Plan, ChangeSet]:
    """Read ``file`` and merge it with ``plan`` (None: a new plan, started from the ledger's
    own record or title): the ledger, the plan merged into and the changes it would make.
    Nothing is written; services.import_ledger applies the changes.

    ``accept_new_rows``: rows a department added to a report form become new tasks — all (True)
    or those at the given places ("Sheet row N"); the others are only listed, as
    ``changes.proposed_tasks``."""
    file = Path(file)
    if plan is not None:
        ledger = read_ledger(file, plan.year, today)
        return ledger, plan, _merge(plan, ledger, today, accept_new_rows)
    ledger = read_ledger(file, None, today)
    if ledger.kind == "form":
        raise PlannerError(f"{file}: a report form can only be imported into the plan it was made from")
    start = base_plan(ledger)
    return ledger, start, _merge(start, ledger, today)
