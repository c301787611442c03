"""What a timeline of the plan shows, as plain data (no Qt): shared by the
window's Timeline view and the summary's timeline pages and "upcoming
milestones" section, so the screen and the paper cannot disagree.

A task's bar runs from its start (default 1 January of the plan's year) to its
deadline; its filled part is the actual progress and a thin mark the planned
progress (序时进度), both as worked out by :mod:`planner_gui.domain.progress`
(the figures are passed in, never derived here). Milestones are marks on the
bar: done (by the as-of date), pending, or missed (due before the as-of date
and not done by it). Dates map to a 0..1 position within a span of days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from planner_gui.domain.dates import month_end
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.progress import Status, TaskFigures, task_start


class MarkState(str, Enum):
    DONE = "done"
    PENDING = "pending"
    MISSED = "missed"


@dataclass(frozen=True)
class MilestoneMark:
    day: date
    title: str
    state: MarkState


@dataclass(frozen=True)
class Bar:
    """One task's bar as of a date. ``open_end``: the task states no deadline of its
    own: the bar runs to the one it is judged by (its parent's or 31 December,
    domain/deadlines.py), drawn dashed."""

    task_id: str
    title: str
    start: date
    end: date
    progress: float  # 0..100, actual
    planned: float | None  # 0..100, 序时进度
    status: Status | None  # None while the figures are not known yet
    open_end: bool
    milestones: tuple[MilestoneMark, ...]

    @property
    def days(self) -> int:
        """The bar's length: from the start of its first day to the end of its deadline's."""
        return (self.end - self.start).days + 1

    def offset(self, percent: float) -> float:
        """Days from the bar's start to the point ``percent`` of the way along it."""
        return self.days * max(0.0, min(100.0, percent)) / 100

    @property
    def filled_until(self) -> date:
        """The day the filled part (the actual progress) reaches into."""
        return self.start + timedelta(days=min(self.days - 1, int(self.offset(self.progress))))

    @property
    def planned_at(self) -> date | None:
        """The day the planned mark (序时进度) falls on."""
        if self.planned is None:
            return None
        return self.start + timedelta(days=min(self.days - 1, int(self.offset(self.planned))))


def milestone_state(done_on: date | None, due: date, as_of: date) -> MarkState:
    if done_on is not None and done_on <= as_of:
        return MarkState.DONE
    return MarkState.MISSED if due < as_of else MarkState.PENDING


def task_bar(task: Task, figures: TaskFigures | None, plan_year: int, as_of: date) -> Bar:
    """The bar of ``task`` as of ``as_of`` from its figures (None: not known yet)."""
    start = task_start(task, plan_year)
    # the deadline the rules judge the task by (its own, its parent's or the year's end)
    due = figures.due if figures is not None else task.due
    implied = figures.due_implied if figures is not None else task.due is None
    end = due or date(plan_year, 12, 31)
    if end < start:  # a deadline typed before the start: a bar of one day at the deadline
        start = end
    marks = tuple(
        MilestoneMark(ms.due, ms.title, milestone_state(ms.done_on, ms.due, as_of))
        for ms in sorted((m for m in task.milestones if m.due is not None), key=lambda m: m.due)
    )
    return Bar(
        task_id=task.id, title=task.title, start=start, end=end,
        progress=figures.progress if figures is not None else 0.0,
        planned=figures.planned if figures is not None else None,  # whatever the rules say
        status=figures.status if figures is not None else None,
        open_end=implied or due is None, milestones=marks,
    )


# --- the span shown and its gridlines ------------------------------------------


@dataclass(frozen=True)
class Span:
    """The days shown, first and last inclusive."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def position(self, day: date) -> float:
        """0.0 at the start of ``first``, 1.0 at the end of ``last``; outside the span beyond."""
        return (day - self.first).days / self.days

    def day_at(self, position: float) -> date:
        """The day at a 0..1 position (clamped to the span)."""
        offset = int(max(0.0, min(1.0, position)) * self.days)
        return min(self.last, self.first + timedelta(days=offset))


ZOOMS = ("year", "quarter", "month")


def zoom_span(zoom: str, plan_year: int, around: date) -> Span:
    """The plan's year, or the quarter or month of ``around`` (the as-of date; the
    plan's year's first quarter or month when the date is in another year)."""
    if zoom not in ZOOMS:
        raise ValueError(f"zoom must be one of {', '.join(ZOOMS)}")
    if around.year != plan_year:
        around = date(plan_year, 1, 1) if around.year < plan_year else date(plan_year, 12, 31)
    if zoom == "year":
        return Span(date(plan_year, 1, 1), date(plan_year, 12, 31))
    if zoom == "quarter":
        first_month = 3 * ((around.month - 1) // 3) + 1
        return Span(date(plan_year, first_month, 1), month_end(plan_year, first_month + 2))
    return Span(around.replace(day=1), month_end(around.year, around.month))


@dataclass(frozen=True)
class Gridline:
    day: date  # where the line is: the first day of a month
    label: str  # the label of the month (or day) that starts here
    quarter: bool  # a quarter starts here: drawn stronger
    quarter_label: str = ""  # 三季度 / Q3, on a year's span only


def gridlines(span: Span, lang: str) -> list[Gridline]:
    """A line at the start of every month in the span (stronger at quarters),
    labelled 1月 … 12月 / Jan … Dec, and 一季度 / Q1 at each quarter's first month
    when the span is longer than a quarter; for a month's span, a line every
    week (Mondays)."""
    lines: list[Gridline] = []
    if span.days <= 31:
        day = span.first
        while day <= span.last:
            if day.weekday() == 0 or day == span.first:
                words = f"{day.day}日" if lang == "zh" else f"{day.day} {_MONTHS_EN[day.month - 1]}"
                lines.append(Gridline(day, words, day.day == 1))
            day += timedelta(days=1)
        return lines
    year, month = span.first.year, span.first.month
    while date(year, month, 1) <= span.last:
        first = date(year, month, 1)
        quarter = month % 3 == 1
        words = f"{month}月" if lang == "zh" else _MONTHS_EN[month - 1]
        quarter_words = ""
        if quarter and span.days > 100:
            q = (month - 1) // 3
            quarter_words = _QUARTERS_ZH[q] if lang == "zh" else f"Q{q + 1}"
        if first >= span.first:
            lines.append(Gridline(first, words, quarter, quarter_words))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return lines


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS_ZH = ("一季度", "二季度", "三季度", "四季度")


# --- due soon ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """A milestone or a task's deadline that falls due soon or was missed."""

    day: date
    task_id: str
    task_title: str
    unit: str  # the lead unit (a sub-task without one works under its parent's)
    milestone: str  # the milestone's title; "" for the task's deadline
    missed: bool

    @property
    def is_deadline(self) -> bool:
        return not self.milestone


def due_soon(plan: Plan, figures: dict[str, TaskFigures], as_of: date, window_days: int | None = None,
             task_ids: Iterable[str] | None = None) -> list[DueItem]:
    """Milestones and deadlines due from the as-of date to ``window_days`` after it
    (the plan's due-soon window by default), and those due before it and not done
    by it (missed), of the tasks in ``task_ids`` (all by default). Done tasks owe
    nothing. Sorted by unit (in the plan's order of first appearance), then day."""
    window = plan.settings.due_soon_days if window_days is None else window_days
    horizon = as_of + timedelta(days=window)
    wanted = set(task_ids) if task_ids is not None else None
    found: list[DueItem] = []
    unit_order: dict[str, int] = {}

    def visit(task: Task, unit: str) -> None:
        unit = task.lead_unit or unit
        unit_order.setdefault(unit, len(unit_order))
        f = figures.get(task.id)
        open_task = f is not None and f.status is not Status.DONE
        if open_task and (wanted is None or task.id in wanted):
            for ms in task.milestones:
                if ms.due is None or ms.due > horizon:
                    continue
                state = milestone_state(ms.done_on, ms.due, as_of)
                if state is not MarkState.DONE:
                    found.append(DueItem(ms.due, task.id, task.title, unit, ms.title,
                                         state is MarkState.MISSED))
            due = f.due  # the deadline the task is judged by (its own or implied)
            if due is not None and due <= horizon:
                found.append(DueItem(due, task.id, task.title, unit, "", due < as_of))
        for sub in task.subtasks:
            visit(sub, unit)

    for area in plan.areas:
        for task in area.tasks:
            visit(task, "")
    found.sort(key=lambda item: (unit_order[item.unit], item.day, item.task_title, item.milestone))
    return found


def group_by_unit(items: Iterable[DueItem], also: Iterable[str] = ()
                  ) -> list[tuple[str, list[DueItem]]]:
    """(unit, its items) in the order the items come (due_soon sorts them by unit);
    then the units of ``also`` that have no item, with none."""
    groups: dict[str, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.unit, []).append(item)
    for unit in also:
        groups.setdefault(unit, [])
    return list(groups.items())
