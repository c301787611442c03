"""Keeping the window's in-memory plan in step with the file after one change.

An edit reports what it changed (an ItemEdited of ui/changes.py);
re-reading just that item from the store is far cheaper than reloading a
plan of 10,000 tasks and 200,000 updates.
"""

from __future__ import annotations

from planner_gui.domain.model import Plan, Task
from planner_gui.store import PlanStore


def refresh_item(plan: Plan, store: PlanStore, table: str, item_id: str, area_id: str | None = None) -> Plan:
    """The plan with one item re-read from the file (NotFoundError if it is gone).
    Returns a new Plan object only when the plan's own fields changed.
    ``area_id``: the area holding the item, when the caller knows it (searched first)."""
    if table == "plan":
        info = store.plan_info()
        info.areas = plan.areas
        return info
    if table == "area":
        fresh = store.get_row("area", item_id)
        for area in plan.areas:
            if area.id == item_id:
                area.name, area.description, area.weight = fresh["name"], fresh["description"], fresh["weight"]
    elif table in ("indicator", "milestone"):
        return refresh_item(plan, store, "task", store.get_row(table, item_id)["task_id"], area_id)
    elif table == "task":
        replace_task(plan, store.get_task(item_id), area_id)
    return plan


def replace_task(plan: Plan, fresh: Task, area_id: str | None = None) -> bool:
    """Put a re-read task (with its subtree) where the old one was; looked for
    in area ``area_id`` first (a few hundred of a city's 10,000 tasks: a walk
    of them all at every edit cost 5-10 ms once the plan had gone cold in the
    processor's caches), then everywhere."""
    def replace_in(tasks: list[Task]) -> bool:
        for i, task in enumerate(tasks):
            if task.id == fresh.id:
                tasks[i] = fresh
                return True
            if task.subtasks and replace_in(task.subtasks):
                return True
        return False

    first = [area for area in plan.areas if area.id == area_id]
    return any(replace_in(area.tasks) for area in first) or any(
        replace_in(area.tasks) for area in plan.areas if area.id != area_id)
