"""The summary figures as plain data, shared by `planner-cli summary` and the reports."""

from __future__ import annotations

from datetime import date
from typing import Any

from planner_gui.domain.errors import NotFoundError
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.progress import STATUS_ORDER, PlanFigures, Status, evaluate_plan


def _task_entry(task: Task, figures: PlanFigures, area: str) -> dict[str, Any]:
    f = figures.tasks[task.id]
    return {
        "id": task.id,
        "title": task.title,
        "area": area,
        "leader": task.leader,
        "lead_unit": task.lead_unit,
        "due": task.due.isoformat() if task.due else None,
        # the deadline it is judged by: its own, else its parent's or the year end (implied)
        "judged_due": f.due.isoformat() if f.due else None,
        "due_implied": f.due_implied,
        "status": f.status.value,
        "progress": f.progress,
        "planned": f.planned,
        "reported": f.reported,
        "subtask": False,
    }


def summary_dict(plan: Plan, as_of: date, task_id: str | None = None) -> dict[str, Any]:
    """{"as_of", "tasks": [...], "work_items", "status": {light: count of work items}, "progress"}.

    Counts (reports/labels.py says the same): "entered_tasks" are top-level
    tasks, compared with the declared ones; "work_items" are the tasks without
    sub-tasks, which carry the lights."""
    figures = evaluate_plan(plan, as_of)
    tasks: list[dict[str, Any]] = []
    for area in plan.areas:
        for top in area.tasks:
            for task in top.walk():
                entry = _task_entry(task, figures, area.name)
                entry["subtask"] = task is not top
                tasks.append(entry)
    if task_id is not None:
        tasks = [t for t in tasks if t["id"] == task_id]
        if not tasks:
            raise NotFoundError(f"no task with id {task_id}")
    counts = figures.plan.counts
    return {
        "as_of": as_of.isoformat(),
        "plan": {
            "title": plan.title,
            "year": plan.year,
            "declared_areas": plan.declared_areas,
            "declared_tasks": plan.declared_tasks,
            "entered_areas": len(plan.areas),
            "entered_tasks": sum(len(a.tasks) for a in plan.areas),
        },
        "tasks": tasks,
        "work_items": figures.plan.leaf_tasks,
        "status": {s.value: counts[s] for s in STATUS_ORDER},
        "not_reported": figures.plan.not_reported,
        "progress": figures.plan.progress,
    }


__all__ = ["summary_dict", "Status"]
