"""Keeping the window's in-memory plan in step with the file after one change.

An edit reports what it changed (PlanEvents.item_changed/updates_changed);
re-reading just that item from the store is far cheaper than reloading a
plan of 10,000 tasks and 200,000 updates.
"""

from __future__ import annotations

from planner_gui.domain.model import Plan, Task
from planner_gui.store import PlanStore


def refresh_item(plan: Plan, store: PlanStore, table: str, item_id: str) -> Plan:
    """The plan with one item re-read from the file (NotFoundError if it is gone).
    Returns a new Plan object only when the plan's own fields changed."""
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
        return refresh_item(plan, store, "task", store.get_row(table, item_id)["task_id"])
    elif table == "task":
        replace_task(plan, store.get_task(item_id))
    return plan


def replace_task(plan: Plan, fresh: Task) -> bool:
    """Put a re-read task (with its subtree) where the old one was."""
    def replace_in(tasks: list[Task]) -> bool:
        for i, task in enumerate(tasks):
            if task.id == fresh.id:
                tasks[i] = fresh
                return True
            if replace_in(task.subtasks):
                return True
        return False

    return any(replace_in(area.tasks) for area in plan.areas)
