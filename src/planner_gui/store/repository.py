"""PlanStore: every read and write of a plan file.

Each public method that changes something is one transaction, committed
before it returns, so what the window or the command line reports as done is
on disk. Methods that remove something return what they removed, in the
shape the matching restore/add method takes back: that is how undo reaches
the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from planner_gui.domain.errors import BadFileError, NotFoundError, ValidationError
from planner_gui.domain.model import (
    Area,
    Indicator,
    Milestone,
    Plan,
    PlanSettings,
    ProgressUpdate,
    Task,
)
from planner_gui.domain.validation import check_dates
from planner_gui.store import rows
from planner_gui.store.bulk import insert_rows
from planner_gui.store.connection import (
    building,
    is_read_only,
    is_replaceable_stub,
    open_database,
    take_daily_backup,
    transaction,
)
from planner_gui.store.database import PlanDatabase
from planner_gui.store.loading import (
    SharedValues,
    load_children,
    load_parts,
    load_tasks,
    load_updates,
    no_cycle_collection,
)
from planner_gui.store.schema import TABLES, rows_marked_in_bulk

# Children of up to this many tasks are asked for by id, more by a condition.
IDS_IN_QUERY_MAX = 500


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _plan_rows(plan: Plan, now: str) -> dict[str, list[dict]]:
    """Every row of ``plan``'s areas, tasks (parents first), indicators, milestones and updates."""
    tables: dict[str, list[dict]] = {name: [] for name in ("area", "task", "indicator", "milestone",
                                                          "progress_update")}

    def add_task(task: Task, area_id: str, parent_id: str | None, position: int) -> None:
        check_dates(task.start, task.due)
        tables["task"].append(rows.task_row(task, area_id, parent_id, position))
        tables["indicator"] += [rows.indicator_row(ind, task.id, i) for i, ind in enumerate(task.indicators)]
        tables["milestone"] += [rows.milestone_row(ms, task.id, i) for i, ms in enumerate(task.milestones)]
        tables["progress_update"] += [rows.update_row(u, task.id, now) for u in task.updates]
        for i, sub in enumerate(task.subtasks):
            add_task(sub, area_id, task.id, i)

    for position, area in enumerate(plan.areas):
        values = rows.convert_fields("area", {"name": area.name, "description": area.description,
                                              "weight": area.weight})
        tables["area"].append({"id": area.id, "plan_id": plan.id, "position": position, **values})
        for task_position, task in enumerate(area.tasks):
            add_task(task, area.id, None, task_position)
    # In the order of their (task_id, date) index, so it is built by appending instead of at
    # random places; the plan reads them back in that order (stable: same-day updates keep theirs).
    tables["progress_update"].sort(key=lambda row: (row["task_id"], row["date"]))
    return tables


class PlanStore:
    """One plan file. Open with :meth:`open`, make a new one with :meth:`create`."""

    def __init__(self, db: PlanDatabase, path: Path) -> None:
        self.db = db
        self.path = path
        self.read_only = False

    # --- opening --------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, daily_backup: bool = False) -> PlanStore:
        """Open an existing plan file (BadFileError if it is not one).
        ``read_only``: nothing can be written; a write raises SaveError.
        ``daily_backup``: take today's backup first if there is none (the window)."""
        db, is_new = open_database(path, create=False, read_only=read_only,
                                   daily_backup=daily_backup and not read_only)
        store = cls(db, Path(path))
        store.read_only = is_read_only(db)  # also a file this user cannot write
        if is_new:
            db.close()
            raise ValidationError("plan", f"{path} holds no plan")
        return store

    @classmethod
    def create(cls, path: Path | str, plan: Plan) -> PlanStore:
        """Make a new plan file holding ``plan``, atomically: it is built under a temporary name
        in the same folder and renamed into place when complete, so a kill or a failed import
        never leaves an empty or plan-less file under ``path``. An existing ``path`` must be
        such a file (empty, or made by this program and holding no plan); it is replaced."""
        path = Path(path)
        if str(path) == ":memory:":
            db, _ = open_database(path, create=True)
            store = cls(db, path)
            store.replace_plan(plan)
            return store
        if path.exists() and not is_replaceable_stub(path):
            raise ValidationError("plan", f"{path} already holds a plan or is not a plan file")
        with building(path) as partial:
            try:
                db, _ = open_database(partial, create=True, daily_backup=False)
            except BadFileError as exc:  # named by the file the user asked for, not the temporary one
                raise BadFileError(path, exc.reason) from None
            try:
                cls(db, partial).replace_plan(plan)
            finally:
                db.close()  # the last connection checkpoints the -wal into the file and removes it
        db, _ = open_database(path, daily_backup=False)  # nothing to back up in a new file
        store = cls(db, path)
        store.read_only = is_read_only(db)
        return store

    def close(self) -> None:
        self.db.close()

    def back_up_for_today(self) -> None:
        """Before a change from the command line: today's daily backup, unless
        there is one (a failed backup is logged and does not stop the change)."""
        if not self.read_only:
            take_daily_backup(self.db.conn, self.path)

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """Changes when another connection commits (PRAGMA data_version)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # --- reading --------------------------------------------------------

    def plan_info(self) -> Plan:
        """The plan's own fields and settings, without areas."""
        row = next(iter(self.db.select("plan")), None)
        if row is None:
            raise NotFoundError(f"{self.path} holds no plan")
        return Plan(
            id=row["id"],
            title=row["title"],
            year=row["year"],
            declared_areas=row["declared_areas"],
            declared_tasks=row["declared_tasks"],
            source=row["source"],
            settings=rows.settings_from_json(row["settings"]),
        )

    def load_plan(self, *, with_updates: bool = True) -> Plan:
        """The whole plan: areas, tasks with sub-tasks, indicators, milestones, updates.

        ``with_updates=False`` leaves every task's updates empty: the plan's
        outline, read in a tenth of the time at 200,000 updates, for a window
        that shows its tree first and reads the updates after
        (:meth:`read_updates`)."""
        plan = self.plan_info()
        plan.areas = [rows.area_from_row(r) for r in self.db.select("area", order_by="position")]
        with no_cycle_collection():
            tasks = self._load_tasks("1 = 1", [], with_updates=with_updates)
        by_area: dict[str, list[Task]] = defaultdict(list)
        for area_id, task in tasks:
            by_area[area_id].append(task)
        for area in plan.areas:
            area.tasks = by_area.get(area.id, [])
        return plan

    def get_area(self, area_id: str) -> Area:
        """One area with its tasks (and their sub-tasks, indicators, milestones, updates)."""
        return self._area_with_tasks(area_id)

    def get_task(self, task_id: str) -> Task:
        """One task with its sub-tasks, indicators, milestones and updates."""
        found = self._load_tasks(
            "id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
            "SELECT t.id FROM task t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)",
            [task_id],
            root_id=task_id,
        )
        if not found:
            raise NotFoundError(f"no task with id {task_id}")
        return found[0][1]

    def read_updates(self, task_ids: list[str],
                     shared: SharedValues | None = None) -> dict[str, list[ProgressUpdate]]:
        """The updates of these tasks (at most IDS_IN_QUERY_MAX), by task id, oldest first."""
        if not task_ids:
            return {}
        if len(task_ids) > IDS_IN_QUERY_MAX:
            raise ValueError(f"read_updates takes at most {IDS_IN_QUERY_MAX} tasks at a time")
        marks = ", ".join("?" * len(task_ids))
        with no_cycle_collection():
            return load_updates(self.db, f"task_id IN ({marks})", list(task_ids), shared)

    def reload_structure(self, known: Plan) -> Plan:
        """The whole plan after a change of its structure only (tasks or areas
        added, deleted, moved): updates are taken over from ``known`` (the plan
        as read before) for the tasks it has and read for the others. At 10,000
        tasks that is 0.2 s instead of the 1.2 s of load_plan. Should the number
        of updates not match the file's, the plan is read whole."""
        plan = self.load_plan(with_updates=False)
        self._take_updates(plan.walk_tasks(), {task.id: task.updates for task in known.walk_tasks()})
        stored = self.db.execute("SELECT count(*) FROM progress_update").fetchone()[0]
        if sum(len(task.updates) for task in plan.walk_tasks()) != stored:
            return self.load_plan()
        return plan

    def area_tasks(self, area_id: str, held: dict[str, list[ProgressUpdate]]) -> list[Task]:
        """An area's top-level tasks as stored now (after tasks were added to,
        removed from or moved into it), with their sub-tasks and parts; each
        task's updates are taken from ``held`` (task id -> updates, as read
        before) or read for a task not in it. An area of a city's plan in 10 ms,
        where re-reading the outline of the whole plan takes 170."""
        with no_cycle_collection():
            tops = [task for _, task in self._load_tasks("area_id = ?", [area_id], with_updates=False)]
        self._take_updates((task for top in tops for task in top.walk()), held)
        return tops

    def _take_updates(self, tasks: Iterable[Task], held: dict[str, list[ProgressUpdate]]) -> None:
        """Give each task its updates from ``held``, reading those of the others."""
        missing = []
        for task in tasks:
            if task.id in held:
                task.updates = held[task.id]
            else:
                missing.append(task)
        shared = SharedValues()
        for start in range(0, len(missing), IDS_IN_QUERY_MAX):
            batch = missing[start:start + IDS_IN_QUERY_MAX]
            found = self.read_updates([task.id for task in batch], shared)
            for task in batch:
                task.updates = found.get(task.id, [])

    def _load_tasks(self, where: str, params: list, root_id: str | None = None,
                    with_updates: bool = True) -> list[tuple[str, Task]]:
        """Tasks matching ``where`` assembled into trees; returns (area_id, top task) pairs."""
        found = load_tasks(self.db, where, params)
        children = self._children_of([task.id for _, _, task in found], where, params, with_updates=with_updates)
        objects: dict[str, Task] = {}
        for _, _, task in found:
            task.indicators, task.milestones, task.updates = (
                children[0].get(task.id, []),
                children[1].get(task.id, []),
                children[2].get(task.id, []),
            )
            objects[task.id] = task
        tops: list[tuple[str, Task]] = []
        for area_id, parent_id, task in found:
            parent = objects.get(parent_id) if parent_id else None
            if parent is not None and task.id != root_id:
                parent.subtasks.append(task)
            else:
                tops.append((area_id, task))
        return tops

    def _children_of(self, task_ids: list[str], task_where: str = "1 = 1",
                     task_params: list | None = None, with_updates: bool = True) -> tuple[dict, dict, dict]:
        indicators: dict[str, list[Indicator]] = defaultdict(list)
        milestones: dict[str, list[Milestone]] = defaultdict(list)
        updates: dict[str, list[ProgressUpdate]] = defaultdict(list)
        if not task_ids:
            return indicators, milestones, updates
        # A few tasks (a selection): ask by id. The whole plan: one scan. Many but
        # not all (an area of 400 tasks): by the same condition as the tasks, not a
        # scan of all 200,000 updates of a city's plan.
        if len(task_ids) <= IDS_IN_QUERY_MAX:
            marks = ", ".join("?" * len(task_ids))
            where, params = f"task_id IN ({marks})", list(task_ids)
        elif task_where == "1 = 1":
            where, params = "1 = 1", []
        else:
            where, params = f"task_id IN (SELECT id FROM task WHERE {task_where})", list(task_params or [])
        # straight from the cursor's tuples (store/loading.py): 4x faster than rows_where
        if not with_updates:
            return (*load_parts(self.db, where, params), updates)
        return load_children(self.db, where, params)

    def task_location(self, task_id: str) -> tuple[str, str | None, int]:
        """(area id, parent task id, position) of a task."""
        row = self.db.execute(
            "SELECT area_id, parent_id, position FROM task WHERE id = ?", [task_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no task with id {task_id}")
        return row[0], row[1], row[2]

    def get_row(self, table: str, item_id: str) -> dict:
        if table not in TABLES:
            raise ValueError(f"no table {table}")
        found = self.db.select(table, "id = ?", [item_id])
        if not found:
            raise NotFoundError(f"no {table} with id {item_id}")
        return found[0]

    # --- whole plan -------------------------------------------------------

    def replace_plan(self, plan: Plan) -> None:
        """Make the file hold exactly ``plan`` (used by init and import-json)."""
        with transaction(self.db), rows_marked_in_bulk(self.db):
            for table in ("progress_update", "milestone", "indicator", "task", "area", "plan"):
                self.db.execute(f"DELETE FROM {table}")
            now = _now()
            self.db["plan"].insert(
                {
                    "id": plan.id,
                    **rows.convert_fields(
                        "plan",
                        {
                            "title": plan.title,
                            "year": plan.year,
                            "declared_areas": plan.declared_areas,
                            "declared_tasks": plan.declared_tasks,
                            "source": plan.source,
                        },
                    ),
                    "settings": rows.settings_to_json(plan.settings),
                    "created": now,
                    "modified": now,
                }
            )
            # A whole plan (a 10,000-task ledger into a new file) goes in with one prepared
            # INSERT per table: row by row through sqlite-utils took 20 s at 200,000 updates.
            insert_rows(self.db, _plan_rows(plan, now))

    def update_plan(self, **fields: object) -> None:
        with transaction(self.db):
            values = rows.convert_fields("plan", fields)
            self.db.execute(
                f"UPDATE plan SET {', '.join(f'{k} = ?' for k in values)}, modified = ?",
                [*values.values(), _now()],
            )

    def update_settings(self, settings: PlanSettings) -> None:
        with transaction(self.db):
            self.db.execute("UPDATE plan SET settings = ?, modified = ?", [rows.settings_to_json(settings), _now()])

    def _touch(self) -> None:
        self.db.execute("UPDATE plan SET modified = ?", [_now()])

    # --- areas ------------------------------------------------------------

    def _insert_area(self, area: Area, plan_id: str, position: int) -> None:
        values = rows.convert_fields(
            "area", {"name": area.name, "description": area.description, "weight": area.weight}
        )
        self.db["area"].insert({"id": area.id, "plan_id": plan_id, "position": position, **values})
        for task_position, task in enumerate(area.tasks):
            self._insert_task(task, area.id, None, task_position)

    def add_area(self, area: Area, position: int | None = None) -> Area:
        """Insert an area (with any tasks it holds) at ``position`` (the end by default)."""
        with transaction(self.db):
            plan_id = self.plan_info().id
            position = self._make_room("area", "plan_id = ?", [plan_id], position)
            self._insert_area(area, plan_id, position)
            self._touch()
        return area

    def delete_area(self, area_id: str) -> tuple[Area, int]:
        """Remove an area and everything in it; returns (area, position) for undo."""
        area = self._area_with_tasks(area_id)
        position = self.get_row("area", area_id)["position"]
        with transaction(self.db):
            self.db.execute("DELETE FROM area WHERE id = ?", [area_id])
            self._close_gap("area", "1 = 1", [], position)
            self._touch()
        return area, position

    def _area_with_tasks(self, area_id: str) -> Area:
        area = rows.area_from_row(self.get_row("area", area_id))
        area.tasks = [t for _, t in self._load_tasks("area_id = ?", [area_id])]
        return area

    def move_area(self, area_id: str, position: int) -> int:
        """Move an area to ``position``; returns its old position."""
        old = self.get_row("area", area_id)["position"]
        with transaction(self.db):
            self._close_gap("area", "1 = 1", [], old)
            self.db.execute("UPDATE area SET position = -1 WHERE id = ?", [area_id])
            new = self._make_room("area", "id != ?", [area_id], position)
            self.db.execute("UPDATE area SET position = ? WHERE id = ?", [new, area_id])
            self._touch()
        return old

    # --- tasks ------------------------------------------------------------

    def _insert_task(self, task: Task, area_id: str, parent_id: str | None, position: int) -> None:
        check_dates(task.start, task.due)
        self.db["task"].insert(rows.task_row(task, area_id, parent_id, position))
        for i, ind in enumerate(task.indicators):
            self.db["indicator"].insert(rows.indicator_row(ind, task.id, i))
        for i, ms in enumerate(task.milestones):
            self.db["milestone"].insert(rows.milestone_row(ms, task.id, i))
        now = _now()
        if task.updates:
            self.db["progress_update"].insert_all(rows.update_row(u, task.id, now) for u in task.updates)
        for i, sub in enumerate(task.subtasks):
            self._insert_task(sub, area_id, task.id, i)

    def add_task(
        self, task: Task, area_id: str, parent_id: str | None = None, position: int | None = None
    ) -> Task:
        """Insert a task (and its whole subtree) under an area or a parent task."""
        self.get_row("area", area_id)
        if parent_id is not None and self.task_location(parent_id)[0] != area_id:
            raise ValidationError("parent", "the parent task belongs to another area")
        with transaction(self.db):
            position = self._make_room("task", *self._siblings(area_id, parent_id), position)
            self._insert_task(task, area_id, parent_id, position)
            self._touch()
        return task

    def delete_task(self, task_id: str) -> tuple[Task, str, str | None, int]:
        """Remove a task and its subtree; returns (task, area id, parent id, position) for undo."""
        task = self.get_task(task_id)
        area_id, parent_id, position = self.task_location(task_id)
        with transaction(self.db):
            self.db.execute("DELETE FROM task WHERE id = ?", [task_id])
            self._close_gap("task", *self._siblings(area_id, parent_id), position)
            self._touch()
        return task, area_id, parent_id, position

    def move_task(
        self, task_id: str, area_id: str, parent_id: str | None, position: int | None
    ) -> tuple[str, str | None, int]:
        """Move a task (with its subtree) under another area/parent; returns its old place."""
        old_area, old_parent, old_position = self.task_location(task_id)
        self.get_row("area", area_id)
        if parent_id is not None:
            ancestor: str | None = parent_id
            while ancestor is not None:
                if ancestor == task_id:
                    raise ValidationError("parent", "a task cannot be moved under itself")
                ancestor = self.task_location(ancestor)[1]
            if self.task_location(parent_id)[0] != area_id:
                raise ValidationError("parent", "the parent task belongs to another area")
        with transaction(self.db):
            self._close_gap("task", *self._siblings(old_area, old_parent), old_position)
            self.db.execute("UPDATE task SET position = -1, parent_id = NULL WHERE id = ?", [task_id])
            where, params = self._siblings(area_id, parent_id)
            new = self._make_room("task", where + " AND id != ?", [*params, task_id], position)
            self.db.execute(
                "UPDATE task SET area_id = ?, parent_id = ?, position = ? WHERE id = ?",
                [area_id, parent_id, new, task_id],
            )
            # the subtree follows its root into the new area
            self.db.execute(
                "WITH RECURSIVE sub(id) AS (SELECT id FROM task WHERE parent_id = ? "
                "UNION ALL SELECT t.id FROM task t JOIN sub ON t.parent_id = sub.id) "
                "UPDATE task SET area_id = ? WHERE id IN (SELECT id FROM sub)",
                [task_id, area_id],
            )
            self._touch()
        return old_area, old_parent, old_position

    @staticmethod
    def _siblings(area_id: str, parent_id: str | None) -> tuple[str, list]:
        if parent_id is None:
            return "area_id = ? AND parent_id IS NULL", [area_id]
        return "parent_id = ?", [parent_id]

    # --- generic field edits ----------------------------------------------

    def edit(self, table: str, item_id: str, **fields: object) -> dict[str, object]:
        """Change fields of an area, task, indicator, milestone or the plan;
        returns the old values (as edit() takes them) for undo."""
        if table not in rows.EDITABLE or table == "plan":
            raise ValidationError("table", f"{table} cannot be edited this way")
        values = rows.convert_fields(table, fields)
        current = self.get_row(table, item_id)
        if table == "task":
            start = rows.from_iso(values.get("start", current["start"]))  # type: ignore[arg-type]
            due = rows.from_iso(values.get("due", current["due"]))  # type: ignore[arg-type]
            check_dates(start, due)
        old = {name: rows.stored_to_python(table, name, current[name]) for name in values}
        with transaction(self.db):
            self._update_row(table, item_id, values)
            self._touch()
        return old

    def _update_row(self, table: str, item_id: str, values: dict[str, object]) -> None:
        """UPDATE one row found by id, through sqlite-utils' Database.execute.
        The table and column names are this program's own (fields that
        rows.convert_fields accepted, values already converted for storage),
        never user text. sqlite-utils' Table.update asks SQLite for the
        table's schema on every call: seven queries for one edit."""
        sets = ", ".join(f"[{name}] = ?" for name in values)
        self.db.full.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*values.values(), item_id])

    # --- indicators and milestones ------------------------------------------

    # Indicators and milestones are a task's ordered parts: one way to add and remove both.
    _PARTS = {
        "indicator": (rows.indicator_row, rows.indicator_from_row),
        "milestone": (rows.milestone_row, rows.milestone_from_row),
    }

    def add_part(self, table: str, task_id: str, item: Any, position: int | None) -> Any:
        self.task_location(task_id)
        to_row = self._PARTS[table][0]
        with transaction(self.db):
            position = self._make_room(table, "task_id = ?", [task_id], position)
            self.db[table].insert(to_row(item, task_id, position))
            self._touch()
        return item

    def delete_part(self, table: str, item_id: str) -> tuple[Any, str, int]:
        """Remove an indicator or milestone; returns (item, task id, position) for undo."""
        row = self.get_row(table, item_id)
        with transaction(self.db):
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", [item_id])
            self._close_gap(table, "task_id = ?", [row["task_id"]], row["position"])
            self._touch()
        return self._PARTS[table][1](row), row["task_id"], row["position"]

    def add_indicator(self, task_id: str, indicator: Indicator, position: int | None = None) -> Indicator:
        return self.add_part("indicator", task_id, indicator, position)

    def add_milestone(self, task_id: str, milestone: Milestone, position: int | None = None) -> Milestone:
        return self.add_part("milestone", task_id, milestone, position)

    def delete_indicator(self, indicator_id: str) -> tuple[Indicator, str, int]:
        return self.delete_part("indicator", indicator_id)

    def delete_milestone(self, milestone_id: str) -> tuple[Milestone, str, int]:
        return self.delete_part("milestone", milestone_id)

    # --- progress updates ---------------------------------------------------

    def add_update(self, task_id: str, update: ProgressUpdate) -> ProgressUpdate:
        """Append a progress update to a task's history. Readings of indicators
        also become the indicators' current values when the update is the newest."""
        task = self.get_task(task_id)
        known = {ind.name: ind for ind in task.indicators}
        unknown = [name for name in update.readings if name not in known]
        if unknown:
            raise ValidationError("readings", f"task has no indicator named {', '.join(unknown)}")
        with transaction(self.db):
            self.db["progress_update"].insert(rows.update_row(update, task_id, _now()))
            newest = self.db.execute(
                "SELECT max(date) FROM progress_update WHERE task_id = ?", [task_id]
            ).fetchone()[0]
            if newest == update.date.isoformat():
                for name, value in update.readings.items():
                    self._update_row("indicator", known[name].id, {"current": float(value)})
            self._touch()
        return update

    def delete_update(self, update_id: str) -> tuple[ProgressUpdate, str]:
        """Remove an update (undo of add_update only: history is otherwise kept)."""
        row = self.get_row("progress_update", update_id)
        with transaction(self.db):
            self.db.execute("DELETE FROM progress_update WHERE id = ?", [update_id])
            self._touch()
        return rows.update_from_row(row), row["task_id"]

    def restore_update(self, task_id: str, update: ProgressUpdate) -> None:
        with transaction(self.db):
            self.db["progress_update"].insert(rows.update_row(update, task_id, _now()))
            self._touch()

    # --- positions ------------------------------------------------------------

    def _make_room(self, table: str, where: str, params: list, position: int | None) -> int:
        """Shift siblings at or after ``position`` down one; returns the free position."""
        count = self.db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
        if position is None or position > count or position < 0:
            return count
        self.db.execute(
            f"UPDATE {table} SET position = position + 1 WHERE {where} AND position >= ?",
            [*params, position],
        )
        return position

    def _close_gap(self, table: str, where: str, params: list, position: int) -> None:
        self.db.execute(
            f"UPDATE {table} SET position = position - 1 WHERE {where} AND position > ?",
            [*params, position],
        )

    # --- counts ----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("area", "task", "indicator", "milestone", "progress_update")}

