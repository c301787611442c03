"""The data behind the progress chart, without any drawing: dates as x values,
the planned and actual lines of a task, the sample dates of a roll-up, and the
background sampler that evaluates a roll-up over time.

Every value comes from planner_gui.domain.progress; these functions only
choose the dates at which the shared rules are asked.
"""

from __future__ import annotations

import calendar
import threading
from collections.abc import Callable
from datetime import date, timedelta

from planner_gui.domain.dates import month_end
from planner_gui.domain.model import Task
from planner_gui.domain.progress import (
    planned_progress,
    progress_history,
    task_progress,
    task_start,
)

MAX_SAMPLES = 24
Points = list[tuple[float, float]]


def timestamp(day: date) -> float:
    """Seconds since 1970 at midnight UTC: the x axis is a DateAxisItem with utcOffset 0."""
    return float(calendar.timegm(day.timetuple()))


def day_of(x: float) -> date:
    return date(1970, 1, 1) + timedelta(seconds=x)


def planned_points(task: Task, plan_year: int, due: date | None) -> list[tuple[date, float]]:
    """The planned line: planned_progress at its breakpoints (the start, each
    milestone's due date and the deadline ``due`` the task is judged by);
    it is straight between them."""
    if due is None:
        return []
    start = task_start(task, plan_year)
    marks = {min(start, due), due}
    for milestone in task.milestones:
        if milestone.due is not None:
            marks.add(milestone.due)
    first = min(marks)
    points = []
    for day in sorted(d for d in marks if first <= d <= max(due, first)):
        value = planned_progress(task, day, plan_year, due)
        if value is not None:
            points.append((day, value))
    return points


def actual_points(task: Task, as_of: date) -> list[tuple[date, float]]:
    """Actual progress as a step line: each reported value (progress_history)
    holds until the next update, the last one up to the as-of date. Without
    any update by then, the single as-of figure. A task with sub-tasks moves
    when they report, so their update dates count too."""
    known = progress_history(task, as_of)
    if task.subtasks:
        days = sorted({u.date for sub in task.walk() for u in sub.updates if u.date <= as_of})
        known = [(day, task_progress(task, day)) for day in days]
    if not known or as_of > known[-1][0]:
        known.append((as_of, task_progress(task, as_of)))
    steps: list[tuple[date, float]] = []
    for i, (day, value) in enumerate(known):
        if i and known[i - 1][1] != value:
            steps.append((day, known[i - 1][1]))
        steps.append((day, value))
    return steps


def sample_dates(plan_year: int, as_of: date) -> list[date]:
    """Month ends from the plan's start up to the as-of date, then the as-of date;
    thinned to at most MAX_SAMPLES."""
    dates = []
    year, month = plan_year, 1
    while True:
        end = month_end(year, month)
        if end >= as_of:
            break
        dates.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(dates) >= MAX_SAMPLES:
        step = len(dates) / (MAX_SAMPLES - 1)
        dates = [dates[int(i * step)] for i in range(MAX_SAMPLES - 1)]
    return [*dates, as_of]


class RollupSampler:
    """Evaluates a roll-up at the sample dates on a background thread, so that
    a plan of 10,000 tasks (about half a second per date) never freezes the
    window; the chart polls for what is ready. The rules are pure Python over a
    snapshot it only reads; a newer request cancels this one."""

    def __init__(self, progress_on: Callable[[date], float], counts_on: Callable[[], dict],
                 dates: list[date]) -> None:
        self._progress_on, self._counts_on, self._dates = progress_on, counts_on, dates
        self._lock = threading.Lock()
        self.points: Points = []
        self.counts: dict | None = None
        self.cancelled = self.done = False
        self._thread = threading.Thread(target=self._run, name="chart-rollup", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def snapshot(self) -> tuple[Points, dict | None, bool]:
        with self._lock:
            return list(self.points), self.counts, self.done

    def _run(self) -> None:
        try:
            counts = self._counts_on()
            with self._lock:
                self.counts = counts
            for day in self._dates:
                if self.cancelled:
                    return
                value = self._progress_on(day)
                with self._lock:
                    self.points.append((timestamp(day), value))
        except Exception:  # noqa: BLE001 - the plan changed under us: a newer request follows
            pass
        finally:
            with self._lock:
                self.done = True
