"""Reading indicators, milestones and progress updates in bulk, fast.

Opening a city's plan reads 200,000 updates. Going through sqlite-utils'
``rows_where`` builds a dict per row and ``rows.update_from_row`` parses
JSON for every row; together that was 1.5 s of the 2 s an open took. Here
the cursor's tuples are unpacked straight into the domain objects, the
many empty ``{}`` readings skip the JSON parser, and values that repeat by
nature (the 365 dates of a year, the few reporters of a unit) are shared
instead of held once per update, which also keeps memory down.

The objects are the same as :mod:`planner_gui.store.rows` builds from a
row; tests/test_store_loading.py compares the two paths.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from planner_gui.domain.fields import TASK_FIELDS
from planner_gui.domain.model import Indicator, Milestone, ProgressUpdate, Task
from planner_gui.store.database import PlanDatabase

_UPDATE_COLUMNS = "task_id, id, date, progress, text, problems, next_steps, reporter, highlight, readings"
_INDICATOR_COLUMNS = "task_id, id, name, unit, comparator, baseline, target, current, due"
_MILESTONE_COLUMNS = "task_id, id, title, due, done_on"
# The task fields load_tasks unpacks by name (the fast path); a field declared
# later (domain/fields.py) is read after them through its declaration.
_FAST_TASK_FIELDS = ("title", "description", "leader", "lead_unit", "co_units", "start", "due", "deadline_text",
                     "municipal", "source", "source_text", "progress", "done_on", "weight")
_MORE_TASK_FIELDS = tuple(f for f in TASK_FIELDS if f.name not in _FAST_TASK_FIELDS)
_TASK_COLUMNS = ", ".join(("id", "area_id", "parent_id", *_FAST_TASK_FIELDS, *(f.name for f in _MORE_TASK_FIELDS)))


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Build a million objects without the cyclic garbage collector running.

    Loading a plan creates objects only (no garbage, no cycles), yet every
    700 allocations the collector looks at the young ones and now and then at
    all of them: a quarter of load_plan's time at 200,000 updates. Reference
    counting still frees everything as usual; the collector's state is
    restored afterwards. (Freezing the loaded plan out of the collector's
    sight with gc.freeze was tried and dropped: reference cycles in the window
    that still pointed at the previous plan were frozen too, so every
    re-opened file kept one old plan in memory.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_what_is_read:
            gc.freeze()
        if was_enabled:
            gc.enable()


_freeze_what_is_read = False


@contextlib.contextmanager
def freezing_what_is_read() -> Iterator[None]:
    """For a command that reads a plan, works once and exits (``planner-cli ...``).

    Objects built with the collector paused all land in its youngest
    generation; once it runs again it walks the million objects of a city's
    plan there, again when they move up a generation, and again in the next
    full collection: 0.15-0.25 s of `planner-cli summary` and 0.5 s of
    `planner-cli import-xlsx` at 10,000 tasks, for objects that will live until
    the command exits anyway. Inside this block each plan read is moved to
    the collector's permanent generation (``gc.freeze``) as soon as it is
    built; garbage made afterwards is collected as usual. The window does
    not use this: it opens one plan after another, and a frozen plan would
    never be collected. ``gc.unfreeze`` at the end, so an in-process caller
    (the tests) gets its collector back as it was.
    """
    global _freeze_what_is_read
    _freeze_what_is_read = True
    try:
        yield
    finally:
        _freeze_what_is_read = False
        gc.unfreeze()


class SharedValues:
    """One object per distinct date or short repeated text."""

    def __init__(self) -> None:
        self.dates: dict[str, date] = {}
        self.texts: dict[str, str] = {}

    def day(self, text: str | None) -> date | None:
        if not text:
            return None
        found = self.dates.get(text)
        if found is None:
            found = self.dates[text] = date.fromisoformat(text)
        return found

    def text(self, value: str) -> str:
        return self.texts.setdefault(value, value)


def load_tasks(db: PlanDatabase, where: str, params: list) -> list[tuple[str, str | None, Task]]:
    """(area id, parent task id, task) of the tasks matching ``where``, in stored
    order, without their parts (the same objects as rows.task_from_row makes;
    straight from the cursor's tuples: a third of the time at 10,000 tasks)."""
    shared = SharedValues()
    day, loads = shared.day, json.loads
    found = []
    for (id_, area_id, parent_id, title, description, leader, lead_unit, co_units, start, due, deadline_text,
         municipal, source, source_text, progress, done_on, weight, *more) in db.execute(
            f"SELECT {_TASK_COLUMNS} FROM task WHERE {where} ORDER BY position", params):
        task = Task(
            id=id_, title=title, description=description, leader=leader, lead_unit=lead_unit,
            co_units=loads(co_units) if co_units and co_units != "[]" else [],
            start=day(start), due=day(due), deadline_text=deadline_text or "", municipal=bool(municipal),
            source=source or "", source_text=source_text, progress=progress, done_on=day(done_on),
            weight=weight)
        for declared, value in zip(_MORE_TASK_FIELDS, more, strict=True):
            setattr(task, declared.name, declared.from_row(value))
        found.append((area_id, parent_id, task))
    return found


def load_children(
    db: PlanDatabase, where: str, params: list
) -> tuple[dict[str, list[Indicator]], dict[str, list[Milestone]], dict[str, list[ProgressUpdate]]]:
    """Indicators, milestones and updates of the tasks matching ``where``
    (a condition on ``task_id``), grouped by task id, in stored order."""
    indicators, milestones = load_parts(db, where, params)
    return indicators, milestones, load_updates(db, where, params)


def load_parts(
    db: PlanDatabase, where: str, params: list
) -> tuple[dict[str, list[Indicator]], dict[str, list[Milestone]]]:
    """Indicators and milestones of the tasks matching ``where``, by task id."""
    shared = SharedValues()
    indicators: dict[str, list[Indicator]] = defaultdict(list)
    milestones: dict[str, list[Milestone]] = defaultdict(list)
    for task_id, id_, name, unit, comparator, baseline, target, current, due in db.execute(
        f"SELECT {_INDICATOR_COLUMNS} FROM indicator WHERE {where} ORDER BY task_id, position", params
    ):
        indicators[task_id].append(
            Indicator(id=id_, name=name, unit=unit, comparator=comparator, baseline=baseline,
                      target=target, current=current, due=shared.day(due))
        )
    for task_id, id_, title, due, done_on in db.execute(
        f"SELECT {_MILESTONE_COLUMNS} FROM milestone WHERE {where} ORDER BY task_id, position", params
    ):
        milestones[task_id].append(
            Milestone(id=id_, title=title, due=shared.day(due), done_on=shared.day(done_on))
        )
    return indicators, milestones


def load_updates(db: PlanDatabase, where: str, params: list,
                 shared: SharedValues | None = None) -> dict[str, list[ProgressUpdate]]:
    """Progress updates of the tasks matching ``where``, by task id, oldest
    first. ``shared``: the date and reporter caches to use across calls (the
    window reads a big plan's updates in slices)."""
    shared = shared or SharedValues()
    updates: dict[str, list[ProgressUpdate]] = defaultdict(list)
    # The hot loop (200,000 rows): lookups bound to locals, the date and
    # reporter caches inlined rather than called.
    dates, texts, parse_day, loads = shared.dates, shared.texts, date.fromisoformat, json.loads
    current_task, bucket = None, []  # rows come grouped by task
    for (task_id, id_, when, progress, note, problems, next_steps, reporter, highlight,
         readings) in db.execute(
        # Same-day updates in the order they were written (rowid): the index on
        # (task_id, date) gives that order without a sort (was: by `created`,
        # text to the second, which needed a sort and could not tell apart
        # updates written in the same second).
        f"SELECT {_UPDATE_COLUMNS} FROM progress_update WHERE {where} "
        "ORDER BY task_id, date, rowid", params
    ):
        if task_id != current_task:
            current_task, bucket = task_id, updates[task_id]
        day = dates.get(when)
        if day is None:
            day = dates[when] = parse_day(when)
        bucket.append(
            ProgressUpdate(
                id=id_,
                date=day,
                progress=progress,
                text=note,
                problems=problems,
                next_steps=next_steps,
                reporter=texts.setdefault(reporter, reporter),
                highlight=bool(highlight),
                readings=loads(readings) if readings and readings != "{}" else {},
            )
        )
    return updates
