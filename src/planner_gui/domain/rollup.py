"""Progress of an area or the whole plan at many dates at once (the chart's
roll-up over time).

evaluate_plan answers everything for one date: at 10,000 tasks about 0.15 s,
so the chart's 24 sample dates cost 3.6 s of CPU. The roll-up needs only the
progress figures, and a task's updates can be walked once for all dates
together, so this takes a few hundred milliseconds for all 24. The numbers
are the same as ``evaluate_plan(plan, day).plan.progress`` and
``evaluate_area(area, day, plan, {}).progress`` (tests/test_rollup.py): the
same rules in the same order (progress.py's module docstring), the same
rounding of task and area figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner_gui.domain.model import Area, Plan, Task
from planner_gui.domain.progress import derived_progress, weighted_mean


def task_progress_series(task: Task, days: Sequence[date]) -> list[float]:
    """task_progress(task, day) for each of ``days`` (ascending)."""
    # rule 1: the latest update with a progress figure; of equal dates the later in the list
    reported = sorted(
        (u.date, index, float(u.progress))
        for index, u in enumerate(task.updates)
        if u.progress is not None
    )
    subs = [(task_progress_series(sub, days), sub.weight) for sub in task.subtasks]
    values: list[float] = []
    next_report, latest = 0, None
    for i, day in enumerate(days):
        while next_report < len(reported) and reported[next_report][0] <= day:
            latest = reported[next_report][2]
            next_report += 1
        if latest is not None:
            values.append(latest)
        elif task.done_on is not None and task.done_on <= day:
            values.append(100.0)
        elif subs:
            values.append(weighted_mean((series[i], weight) for series, weight in subs))
        else:
            derived = derived_progress(task, day)
            if derived is not None:
                values.append(derived)
            else:
                values.append(float(task.progress) if task.progress is not None else 0.0)
    return values


def _area_series(area: Area, days: Sequence[date]) -> list[float]:
    tops = [([round(v, 2) for v in task_progress_series(t, days)], t.weight) for t in area.tasks]
    return [round(weighted_mean((series[i], weight) for series, weight in tops), 2)
            for i in range(len(days))]


def _ascending(days: Sequence[date]) -> tuple[list[date], list[int]]:
    order = sorted(range(len(days)), key=lambda i: days[i])
    return [days[i] for i in order], order


def _in_given_order(values: list[float], order: list[int]) -> list[float]:
    out = [0.0] * len(values)
    for position, index in enumerate(order):
        out[index] = values[position]
    return out


def area_progress_series(area: Area, days: Sequence[date]) -> list[float]:
    """An area's progress (as evaluate_area gives it) at each of ``days``."""
    ascending, order = _ascending(days)
    return _in_given_order(_area_series(area, ascending), order)


def plan_progress_series(plan: Plan, days: Sequence[date]) -> list[float]:
    """The plan's progress (as evaluate_plan gives it) at each of ``days``."""
    ascending, order = _ascending(days)
    areas = [(_area_series(a, ascending), a.weight) for a in plan.areas if a.tasks]
    values = [round(weighted_mean((series[i], weight) for series, weight in areas), 2)
              for i in range(len(ascending))]
    return _in_given_order(values, order)
