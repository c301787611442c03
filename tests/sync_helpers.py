"""Copies of one plan for the sync tests: an office and departments, each its own file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from planner_gui.domain.model import ProgressUpdate, Task
from planner_gui.exchange import json_format
from planner_gui.store import PlanStore
from planner_gui.sync import copies

from factories import full_plan

COMMERCE = "区商务局"  # lead unit of the full plan's top task
CULTURE = "区文旅局"  # lead unit of its sub-task


def office_file(folder: Path) -> Path:
    path = folder / "office.sqlite"
    with PlanStore.create(path, full_plan()) as store:
        copies.init_copy(store, "office")
    return path


def copy_for(source: Path, unit: str, name: str | None = None) -> Path:
    """What a user does: copy the closed file (USB stick), then name its owner."""
    target = source.with_name(name or f"{unit}.sqlite")
    shutil.copyfile(source, target)
    with PlanStore.open(target) as store:
        copies.init_copy(store, unit)
    return target


def export(path: Path, peer: str, out: Path) -> Path:
    with PlanStore.open(path) as store:
        copies.export_packet(store, peer, out)
    return out


def import_(path: Path, packet: Path, **kw) -> copies.ImportReport:
    with PlanStore.open(path) as store:
        return copies.import_packet(store, packet, **kw)


def as_json(path: Path) -> str:
    with PlanStore.open(path) as store:
        return json_format.dumps(store.load_plan())


def task_of_unit(store: PlanStore, unit: str) -> Task:
    return next(t for t in store.load_plan().walk_tasks() if t.lead_unit == unit)


def add_update(path: Path, unit: str, day: date, text: str, progress: float | None = None) -> str:
    with PlanStore.open(path) as store:
        task = task_of_unit(store, unit)
        update = store.add_update(task.id, ProgressUpdate(date=day, progress=progress, text=text,
                                                          reporter=unit))
    return update.id


def edit_task(path: Path, unit: str, **fields: object) -> None:
    with PlanStore.open(path) as store:
        store.edit("task", task_of_unit(store, unit).id, **fields)
