"""Matching ledger rows to a plan and working out what an import would change.

A row is the task with its id (the hidden id column), else the task with the
same title in the same area, else a new task. For a matched task:

- a field (title, leader, units, deadline) that differs becomes a change;
  when the ledger was exported by planner-gui, the hidden sheet says what the
  row showed at export, so a field changed both in the file and in the plan
  since the export (differently) is a Conflict: listed, never applied;
- a changed progress figure or progress text becomes a NEW dated update
  (dated the file's as-of date, else today), never an overwrite of history.

Nothing the plan already holds is added again, so importing the same file
twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from planner_gui.domain.fields import LEDGER_TASK_KEYS, LEDGER_TEXT_FIELDS
from planner_gui.domain.model import Area, Plan, ProgressUpdate, Task
from planner_gui.domain.progress import PlanFigures, evaluate_plan
from planner_gui.domain.rounding import shown_progress
from planner_gui.exchange.ledger_read import TEXT_KEYS, Ledger, LedgerRow
from planner_gui.exchange.ledger_values import Problem
from planner_gui.exchange.safe_cells import shown_text

TASK_FIELDS = LEDGER_TASK_KEYS
REPORT_FIELDS = ("progress", "text", "problems", "next_steps")
# Where new tasks of a ledger without section rows go.
FALLBACK_AREA = "导入的任务"


@dataclass
class FieldChange:
    task_id: str
    title: str
    field: str
    old: Any
    new: Any
    where: str
    edit: dict[str, Any]
    table: str = "task"
    item_id: str = ""  # the indicator's id when table is "indicator"

    def __str__(self) -> str:
        return f"{self.where}: change {self.title!r} — {self.field}: {self.old!r} → {self.new!r}"


@dataclass
class NewUpdate:
    task_id: str
    title: str
    update: ProgressUpdate
    where: str

    def __str__(self) -> str:
        u = self.update
        figure = "" if u.progress is None else f" progress {u.progress:g}%"
        text = f" “{u.text[:40]}”" if u.text else ""
        return f"{self.where}: new update for {self.title!r} dated {u.date.isoformat()}:{figure}{text}"


@dataclass
class NewTask:
    task: Task
    area_id: str
    parent_id: str | None
    where: str

    def __str__(self) -> str:
        return f"{self.where}: new task {self.task.title!r}"


@dataclass
class Conflict:
    task_id: str
    title: str
    field: str
    exported: Any
    database: Any
    file: Any
    where: str

    def __str__(self) -> str:
        return (f"{self.where}: conflict on {self.title!r} — {self.field}: the file says {self.file!r}, "
                f"the plan was changed to {self.database!r} since the export (was {self.exported!r}); "
                "the plan's value is kept")


@dataclass
class ChangeSet:
    new_areas: list[Area] = field(default_factory=list)
    new_tasks: list[NewTask] = field(default_factory=list)
    field_changes: list[FieldChange] = field(default_factory=list)
    new_updates: list[NewUpdate] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # rows a form's department added: listed for the office to accept (then new tasks) or reject
    proposed_tasks: list[NewTask] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.new_areas or self.new_tasks or self.field_changes or self.new_updates)

    def counts(self) -> dict[str, int]:
        new_area_tasks = sum(1 for a in self.new_areas for _ in a.walk_tasks())
        return {
            "new_areas": len(self.new_areas),
            "new_tasks": new_area_tasks + sum(1 for n in self.new_tasks for _ in n.task.walk()),
            "changed_fields": len(self.field_changes),
            "new_updates": len(self.new_updates) + sum(
                len(t.updates) for a in self.new_areas for t in a.walk_tasks()
            ) + sum(len(t.updates) for n in self.new_tasks for t in n.task.walk()),
            "conflicts": len(self.conflicts),
            "problems": len(self.problems),
            "proposed_tasks": len(self.proposed_tasks),
        }


def _norm(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return (value or "").strip() if isinstance(value, str) or value is None else value


def task_shown(task: Task, figures: PlanFigures) -> dict[str, Any]:
    """The plan's values in the form a ledger row shows them (texts as a cell holds them and the
    reader reads them back: a control character or a trailing space is no edit)."""
    return {k: _norm(shown_text(v)) if isinstance(v, str) else v for k, v in _task_values(task, figures).items()}


def _task_values(task: Task, figures: PlanFigures) -> dict[str, Any]:
    fig = figures.tasks[task.id]
    latest = fig.latest
    return {
        **{f.ledger_key: getattr(task, f.name) for f in LEDGER_TEXT_FIELDS},
        "co_units": "、".join(task.co_units),
        "deadline": task.deadline_text or (task.due.isoformat() if task.due else ""),
        "progress": shown_progress(fig.progress),
        "text": latest.text if latest else "", "problems": latest.problems if latest else "",
        "next_steps": latest.next_steps if latest else "",
    }


def row_shown(row: LedgerRow) -> dict[str, Any]:
    v = row.values
    shown = {k: _norm(v[k]) for k in TEXT_KEYS if k in v}
    if "co_units" in v:
        shown["co_units"] = "、".join(v["co_units"])
    if "deadline_text" in v:
        shown["deadline"] = v["deadline_text"] or (v["due"].isoformat() if v["due"] else "")
    if "progress" in v:
        # compared as shown (a whole percent, the one rule): 62.5 typed where 63 % shows is no change
        shown["progress"] = None if v["progress"] is None else shown_progress(v["progress"])
    return shown


class _Merger:
    def __init__(self, plan: Plan, ledger: Ledger, today: date) -> None:
        self.plan, self.ledger = plan, ledger
        self.as_of = ledger.as_of or today
        self.figures = evaluate_plan(plan, self.as_of)
        self.changes = ChangeSet(problems=list(ledger.problems))
        self.tasks = {t.id: t for t in plan.walk_tasks()}
        self.area_of = {t.id: a for a in plan.areas for t in a.walk_tasks()}
        self.baselines = ledger.meta.tasks if ledger.meta else {}
        if ledger.meta and ledger.meta.plan.get("id") not in (None, plan.id):
            self.changes.notes.append("this ledger was exported from another plan file; rows are matched by title")
            self.baselines = {}
        self.area: Area | None = None
        self.area_label = ""
        self.area_is_new = False
        self.fallback: Area | None = None
        # every id in the plan; a row's own id is only taken for a new object when it is still free
        self.used_ids = {a.id for a in plan.areas} | {
            item.id for t in plan.walk_tasks() for item in (t, *t.indicators, *t.milestones, *t.updates)}
        self.numbers: dict[str, Task] = {}
        self.seen: dict[str, str] = {}

    def run(self) -> ChangeSet:
        for row in self.ledger.rows:
            if row.kind == "area":
                self._enter_area(row)
            elif row.values.get("title"):
                if row.area and row.area != self.area_label:
                    # tasks of a sheet without section rows: the area is named after the sheet
                    self._enter_area(LedgerRow(row.sheet, row.row, "area", row.area))
                self._task_row(row)
        self._history()
        self._indicators()
        return self.changes

    def _enter_area(self, row: LedgerRow) -> None:
        self.numbers = {}
        self.area_label = row.area
        found = next((a for a in self.plan.areas if a.id == row.id), None) or next(
            (a for a in self.plan.areas if a.name.strip() == row.area), None) or next(
            (a for a in self.changes.new_areas if a.name == row.area), None)
        self.area_is_new = found is None or found in self.changes.new_areas
        if found is None:
            found = Area(name=row.area)
            self._adopt_id(found, row.id)
            self.changes.new_areas.append(found)
        self.area = found

    def _match(self, row: LedgerRow) -> Task | None:
        if row.id and row.id in self.tasks:
            return self.tasks[row.id]
        title = row.values["title"]
        if self.area is not None:
            pool = [] if self.area_is_new else list(self.area.walk_tasks())
        else:
            pool = list(self.plan.walk_tasks())
        same = [t for t in pool if t.title.strip() == title]
        return same[0] if len(same) == 1 else None

    def _task_row(self, row: LedgerRow) -> None:
        task = self._match(row)
        if task is not None and task.id in self.seen:
            self.changes.problems.append(Problem(row.sheet, row.row, "", f"same task as {self.seen[task.id]}; row skipped"))
            return
        if task is None:
            task = self._new_task(row)
        else:
            self._compare(task, row)
        self.seen[task.id] = row.where()
        if row.number:
            self.numbers[row.number] = task

    def _new_task(self, row: LedgerRow) -> Task:
        v = row.values
        task = Task(**{f.name: v.get(f.ledger_key, "") for f in LEDGER_TEXT_FIELDS},
                    co_units=list(v.get("co_units", [])), deadline_text=v.get("deadline_text", ""),
                    due=v.get("due"))
        self._adopt_id(task, row.id)
        self._check_deadline(row)
        if self.ledger.meta is None:
            # another office's ledger: targets in the title (新增就业岗位不少于800个) are read
            # by the text intake's own rules (imported here: our own ledgers never need it)
            from planner_gui.exchange.intake.indicators import find_indicators

            for found in find_indicators(task.title):
                found.indicator.due = task.due
                task.indicators.append(found.indicator)
        report = {k: v.get(k) for k in REPORT_FIELDS}
        if _reported(report):
            task.updates.append(ProgressUpdate(date=self.as_of, progress=report["progress"],
                                               text=report["text"] or "", problems=report["problems"] or "",
                                               next_steps=report["next_steps"] or ""))
        parent = self._parent(row)
        if parent is not None and parent.id not in self.tasks:
            parent.subtasks.append(task)  # under a parent that is new too: added with it
        elif parent is not None:
            self.changes.new_tasks.append(NewTask(task, self.area_of[parent.id].id, parent.id, row.where()))
        else:
            area, is_new = self._target_area()
            if is_new:
                area.tasks.append(task)
            else:
                self.changes.new_tasks.append(NewTask(task, area.id, None, row.where()))
        return task

    def _target_area(self) -> tuple[Area, bool]:
        """The area new top-level tasks go to: the current section, else one for unsorted tasks."""
        if self.area is not None:
            return self.area, self.area_is_new
        if self.fallback is None:
            existing = next((a for a in self.plan.areas if a.name == FALLBACK_AREA), None)
            self.fallback = existing or Area(name=FALLBACK_AREA)
            if existing is None:
                self.changes.new_areas.append(self.fallback)
        return self.fallback, self.fallback in self.changes.new_areas

    def _adopt_id(self, item: Area | Task, row_id: str | None) -> None:
        """Keep the id a row carries (a ledger of another copy of the plan) when it is free."""
        if row_id and row_id not in self.used_ids:
            item.id = row_id
        self.used_ids.add(item.id)

    def _check_deadline(self, row: LedgerRow) -> None:
        text = row.values.get("deadline_text")
        if text and row.values.get("due") is None:
            self.changes.problems.append(Problem(
                row.sheet, row.row, row.headings.get("deadline", "deadline"),
                f"{text!r} is not a deadline that can be read; kept as text without a date"))

    def _parent(self, row: LedgerRow) -> Task | None:
        number = row.number.replace("-", ".").rstrip(".")
        if "." not in number:
            return None
        return self.numbers.get(number.rsplit(".", 1)[0])

    def _compare(self, task: Task, row: LedgerRow) -> None:
        file = row_shown(row)
        db = task_shown(task, self.figures)
        record = self.baselines.get(task.id)
        base = {k: _norm(v) for k, v in record["shown"].items()} if record else None
        if base is not None and isinstance(base.get("progress"), (int, float)):
            base["progress"] = shown_progress(base["progress"])  # exported before the one rule
        for key in TASK_FIELDS:
            if key not in file:
                continue
            verdict = _judge(file[key], db[key], None if base is None else base.get(key))
            if verdict == "change":
                if key == "title" and not file[key]:
                    continue
                edit = self._edit(key, row)
                heading = row.headings.get(key, key)
                if key == "deadline":
                    self._check_deadline(row)
                due = edit.get("due")
                if due is not None and task.start is not None and due < task.start:
                    self.changes.problems.append(Problem(
                        row.sheet, row.row, heading,
                        f"deadline {due.isoformat()} is before the task's start {task.start.isoformat()}; not changed"))
                    continue
                self.changes.field_changes.append(FieldChange(
                    task.id, task.title, heading, db[key], file[key], row.where(), edit))
            elif verdict == "conflict":
                self._conflict(task, key, base, db, file, row)
        self._report(task, row, file, db, base)

    def _edit(self, key: str, row: LedgerRow) -> dict[str, Any]:
        v = row.values
        if key == "deadline":
            edit: dict[str, Any] = {"deadline_text": v["deadline_text"]}
            if v["due"] is not None or not v["deadline_text"]:
                edit["due"] = v["due"]
            return edit
        return {key: v[key]}

    def _conflict(self, task: Task, key: str, base: dict | None, db: dict, file: dict, row: LedgerRow) -> None:
        self.changes.conflicts.append(Conflict(task.id, task.title, row.headings.get(key, key),
                                               (base or {}).get(key), db[key], file[key], row.where()))

    def _report(self, task: Task, row: LedgerRow, file: dict, db: dict, base: dict | None) -> None:
        present = [k for k in REPORT_FIELDS if k in file]
        changed = [k for k in present if file[k] not in (None, "") and file[k] != db[k]
                   and (base is None or file[k] != base.get(k))]
        if not changed:
            return
        if base is not None:
            clashes = [k for k in changed if db[k] != base.get(k)]
            if clashes:
                for key in clashes:
                    self._conflict(task, key, base, db, file, row)
                return
        values = row.values
        update = ProgressUpdate(
            date=self.as_of,
            progress=values.get("progress") if "progress" in changed else None,
            text=values.get("text", ""), problems=values.get("problems", ""),
            next_steps=values.get("next_steps", ""),
        )
        self.changes.new_updates.append(NewUpdate(task.id, task.title, update, row.where()))

    def _history(self) -> None:
        """Updates in the history sheet that the plan does not hold yet (by id). The rows' fields are
        read as attributes: ``item["…"]`` is a Python method call each, for 200,000 rows."""
        for item in self.ledger.history:
            task = self.tasks.get(item.task_id)
            if task is None or item.id in self.used_ids:  # held already, or twice in the file
                continue
            update = ProgressUpdate(date=item.date, progress=item.progress, text=item.text,
                                    problems=item.problems, next_steps=item.next_steps,
                                    reporter=item.reporter, highlight=item.highlight,
                                    readings={k: v for k, v in item.readings.items()
                                              if any(i.name == k for i in task.indicators)})
            if item.id and item.id not in self.used_ids:
                update.id = item.id
            self.used_ids.add(update.id)
            self.changes.new_updates.append(NewUpdate(task.id, task.title, update, item.where))


    def _indicators(self) -> None:
        """Target and current values edited in the indicator sheet."""
        for item in self.ledger.indicators:
            task = self.tasks.get(item["task_id"])
            indicator = next((i for i in task.indicators if i.id == item["id"]), None) if task else None
            if task is None or indicator is None:
                continue
            record = self.baselines.get(task.id) or {}
            exported = next((i for i in record.get("indicators", []) if i.get("id") == indicator.id), None)
            for key in ("target", "current"):
                if key not in item:
                    continue
                file, db = item[key], getattr(indicator, key)
                label = f"{indicator.name} {key}"
                if exported is None:
                    verdict = "change" if file is not None and file != db else None
                else:
                    verdict = _judge(file, db, exported.get(key), known=True)
                if verdict == "change":
                    self.changes.field_changes.append(FieldChange(
                        task.id, task.title, label, db, file, item["where"], {key: file},
                        table="indicator", item_id=indicator.id))
                elif verdict == "conflict":
                    self.changes.conflicts.append(Conflict(task.id, task.title, label, exported.get(key),
                                                           db, file, item["where"]))


def _reported(report: dict[str, Any]) -> bool:
    """Whether a new row reports anything: a bare 0 % (the figure of a task nobody has reported
    on) with no text is no report, and no update is made up for it."""
    if any(report.get(k) for k in ("text", "problems", "next_steps")):
        return True
    return report.get("progress") not in (None, 0, 0.0)


def _judge(file: Any, db: Any, base: Any, known: bool = False) -> str | None:
    """'change', 'conflict' or None for one field, given what it was at export (``base``)."""
    if file == db:
        return None
    if base is None and not known:
        # no record of the export: an empty cell means "not given", not "clear it"
        return "change" if file not in (None, "") else None
    if file == base:
        return None
    return "change" if db == base else "conflict"


def merge_ledger(plan: Plan, ledger: Ledger, today: date) -> ChangeSet:
    """What importing ``ledger`` into ``plan`` would add and change (the plan is not modified)."""
    return _Merger(plan, ledger, today).run()
