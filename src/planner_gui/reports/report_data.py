"""The summary as plain data: what every report format prints.

Built once from :func:`planner_gui.domain.progress.evaluate_plan` (the rules
the tree, the chart and ``planner-cli summary`` share) and narrowed to a scope
(an area, a leader, a unit or a list of task ids). The PDF, the HTML and the
letter only lay this out; none of them computes a figure of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from planner_gui.domain.dates import format_date_words, month_end
from planner_gui.domain.deadlines import implied_deadline_words
from planner_gui.domain.errors import NotFoundError, PlannerError
from planner_gui.domain.fields import REPORT_FIELDS
from planner_gui.domain.model import COMPARATOR_WORDS, Area, Plan, Task
from planner_gui.domain.progress import (
    STATUS_ORDER,
    PlanFigures,
    Status,
    TaskFigures,
    evaluate_plan,
    planned_progress,
    weighted_mean,
)
from planner_gui.domain.rollup import plan_progress_series, task_progress_series
from planner_gui.domain.timeline import Bar, DueItem, due_soon, task_bar
from planner_gui.reports.labels import check_language, label

# progress(fraction 0..1, message) -> False to cancel
ProgressCallback = Callable[[float, str], bool]


class ReportCancelled(PlannerError):
    """The user cancelled a report while it was being made."""

    def __init__(self) -> None:
        super().__init__("export cancelled")


@dataclass(frozen=True)
class Scope:
    """Which tasks a report covers; all fields empty means the whole plan."""

    area: str | None = None
    leader: str | None = None
    unit: str | None = None
    task_ids: tuple[str, ...] | None = None

    def is_whole_plan(self) -> bool:
        return not (self.area or self.leader or self.unit or self.task_ids is not None)

    def describe(self, lang: str, work_items: int | None = None) -> str:
        """The scope in words; ``work_items``: the count a task-list scope is
        described by (the report's own count, not the ids' number)."""
        parts = []
        if self.area:
            parts.append(label(lang, "scope_area", self.area))
        if self.leader:
            parts.append(label(lang, "scope_leader", self.leader))
        if self.unit:
            parts.append(label(lang, "scope_unit", self.unit))
        if self.task_ids is not None:
            parts.append(label(lang, "scope_tasks", len(self.task_ids) if work_items is None else work_items))
        return "; ".join(parts) if parts else label(lang, "scope_all")


@dataclass
class TaskRow:
    number: str
    task_id: str
    title: str
    leader: str
    lead_unit: str
    deadline: str
    progress: float
    status: Status
    depth: int
    latest_date: date | None = None
    latest_text: str = ""
    problems: str = ""
    # problems reported on this task's sub-tasks (by the as-of date): (sub-task, problems)
    problems_below: list[tuple[str, str]] = field(default_factory=list)
    next_steps: str = ""
    targets: list[str] = field(default_factory=list)
    is_leaf: bool = True
    reported: bool = True
    # declared fields shown under the title (domain/fields.py REPORT_FIELDS): "督办级别：市级"
    details: tuple[str, ...] = ()


@dataclass
class AreaSection:
    name: str
    progress: float
    rows: list[TaskRow]
    counts: dict[Status, int]


@dataclass
class Highlight:
    day: date
    task_title: str
    area: str
    text: str


@dataclass
class ReportData:
    title: str
    year: int
    as_of: date
    generated: date
    lang: str
    scope: Scope
    counts: dict[Status, int]
    progress: float
    not_reported: int
    declared_areas: int | None
    declared_tasks: int | None
    entered_areas: int
    entered_tasks: int
    areas: list[AreaSection]
    attention: list[tuple[str, TaskRow]]  # (area name, row)
    highlights: list[Highlight]
    # (month end, planned %, actual %) from January to the as-of date
    history: list[tuple[date, float | None, float]]
    # 近期时间节点: milestones and deadlines due soon or missed, sorted by unit
    upcoming: list[DueItem] = field(default_factory=list)
    # per unit, how many were missed before the window (due_soon_days before the
    # as-of date): counted, not listed (at a city's size they run into thousands)
    older_missed: dict[str, int] = field(default_factory=dict)
    due_soon_days: int = 30
    # per area, the bars of its tasks in scope (only when timeline pages were asked for)
    timelines: list[tuple[str, list[Bar]]] = field(default_factory=list)

    @property
    def leaf_count(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> Iterator[TaskRow]:
        for section in self.areas:
            yield from section.rows


def short_date(day: date | None, plan_year: int, lang: str) -> str:
    """A date without the plan's own year (12月31日), with any other year (2025年8月31日)."""
    if day is None:
        return ""
    if day.year != plan_year:
        return format_date_words(day, lang)
    return f"{day.month}月{day.day}日" if lang == "zh" else format_date_words(day, lang)[:-5]


def deadline_words(task: Task, plan_year: int, lang: str, figures: TaskFigures | None = None) -> str:
    """The deadline as the plan wrote it (10月底前), else the resolved date; a
    deadline the task works to without stating it (figures.due_implied) as
    年底（默认） or the parent's date."""
    if task.deadline_text and lang == "zh":
        return task.deadline_text
    stated = short_date(task.due, plan_year, lang) or task.deadline_text
    if not stated and figures is not None and figures.due is not None and figures.due_implied:
        return implied_deadline_words(figures.due, plan_year, lang)
    return stated


def target_lines(task: Task, lang: str) -> list[str]:
    """Indicators (新引进企业不少于50家) and milestones (6月底前 开工建设) of a task."""
    lines = []
    for ind in task.indicators:
        if ind.target is None:
            lines.append(ind.name)
            continue
        target = f"{ind.target:g}"
        if lang == "zh":
            lines.append(f"{ind.name}{COMPARATOR_WORDS[ind.comparator]}{target}{ind.unit}")
        else:
            lines.append(f"{ind.name} {ind.comparator} {target} {ind.unit}".rstrip())
    for ms in task.milestones:
        due = format_date_words(ms.due, lang)
        lines.append(f"{ms.title}（{due}）" if due and lang == "zh" else
                     f"{ms.title} ({due})" if due else ms.title)
    return lines


def _effective(task: Task, parent_value: str, attr: str) -> str:
    return getattr(task, attr) or parent_value


def _check_scope(plan: Plan, scope: Scope) -> None:
    """Unknown names are a user error (exit 1 on the command line)."""
    def known(values: set[str], what: str, name: str) -> None:
        if name not in values:
            sample = "、".join(sorted(v for v in values if v)[:5])
            hint = f"e.g. {sample}" if sample else f"the plan names no {what} yet"
            raise NotFoundError(f"no {what} named {name!r} in the plan ({hint})")

    if scope.area:
        known({a.name for a in plan.areas}, "area", scope.area)
    tasks = list(plan.walk_tasks())
    if scope.leader:
        known({t.leader for t in tasks}, "leader", scope.leader)
    if scope.unit:
        known({t.lead_unit for t in tasks} | {u for t in tasks for u in t.co_units},
              "unit", scope.unit)


def _matches(task: Task, leader: str, unit: str, scope: Scope, wanted_ids: set[str] | None) -> bool:
    if scope.leader and leader != scope.leader:
        return False
    if scope.unit and unit != scope.unit and scope.unit not in task.co_units:
        return False
    return wanted_ids is None or task.id in wanted_ids


class _Collector:
    """Walks one area and turns the tasks in scope into numbered rows."""

    def __init__(self, figures: PlanFigures, scope: Scope, lang: str, year: int) -> None:
        self.figures = figures
        self.year = year
        self.scope = scope
        self.lang = lang
        self.wanted = set(scope.task_ids) if scope.task_ids is not None else None
        self.roots: list[Task] = []  # the highest tasks taken in, for the progress roll-up

    def area_rows(self, area: Area) -> list[TaskRow]:
        rows: list[TaskRow] = []
        counter = [0]
        for task in area.tasks:
            self._walk(task, "", "", "", 0, False, counter, rows)
        return rows

    def _walk(self, task: Task, leader: str, unit: str, prefix: str, depth: int,
              parent_in: bool, counter: list[int], rows: list[TaskRow]) -> None:
        # A sub-task without its own leader or unit works under its parent's.
        leader = _effective(task, leader, "leader")
        unit = _effective(task, unit, "lead_unit")
        included = _matches(task, leader, unit, self.scope, self.wanted)
        number = prefix
        shown_depth = depth if parent_in else 0
        if included:
            if not parent_in:
                self.roots.append(task)
            counter[0] += 1
            number = f"{prefix}.{counter[0]}" if prefix and parent_in else str(counter[0])
            rows.append(self._row(task, leader, unit, number, shown_depth))
        child_counter = [0] if included else counter
        for sub in task.subtasks:
            self._walk(sub, leader, unit, number if included else prefix,
                       shown_depth + 1, included, child_counter, rows)

    def _problems_below(self, task: Task) -> list[tuple[str, str]]:
        found = []
        for sub in task.walk():
            if sub is task:
                continue
            latest = self.figures.tasks[sub.id].latest
            if latest is not None and latest.problems:
                found.append((sub.title, latest.problems))
        return found

    def _details(self, task: Task) -> tuple[str, ...]:
        colon = "：" if self.lang == "zh" else ": "
        return tuple(f"{f.label(self.lang)}{colon}{getattr(task, f.name)}" for f in REPORT_FIELDS
                     if getattr(task, f.name))

    def _row(self, task: Task, leader: str, unit: str, number: str, depth: int) -> TaskRow:
        f = self.figures.tasks[task.id]
        latest = f.latest
        return TaskRow(
            number=number, task_id=task.id, title=task.title, leader=leader, lead_unit=unit,
            details=self._details(task),
            deadline=deadline_words(task, self.year, self.lang, f), progress=f.progress, status=f.status,
            depth=depth, latest_date=latest.date if latest else None,
            latest_text=latest.text if latest else "",
            problems=latest.problems if latest else "",
            problems_below=self._problems_below(task),
            next_steps=latest.next_steps if latest else "",
            targets=target_lines(task, self.lang), is_leaf=not task.subtasks,
            reported=f.reported,
        )


def attention_problems(row: TaskRow, lang: str) -> str:
    """What the attention list says under a task: its own problems, then each
    sub-task's (a behind sub-task's problems must not vanish under its parent)."""
    colon = "：" if lang == "zh" else ": "
    parts = [row.problems] if row.problems else []
    parts += [f"{title}{colon}{text}" for title, text in row.problems_below]
    return ("；" if lang == "zh" else "; ").join(parts)


def _history(plan: Plan, roots: list[Task], as_of: date, whole: bool, figures: PlanFigures | None = None
             ) -> list[tuple[date, float | None, float]]:
    """Month-end points of planned and actual progress from January to the as-of date.
    ``figures``: the plan's as of that date (for the deadline each task is judged by)."""
    if figures is None:
        figures = evaluate_plan(plan, as_of)
    days = []
    for month in range(1, 13):
        day = min(month_end(plan.year, month), as_of)
        if day < date(plan.year, 1, 1):
            break
        days.append(day)
        if day >= as_of:
            break
    # All month ends in one walk of each task's updates (domain/rollup.py), equal to
    # evaluating the plan at each: that took 2.5 s of a 10,000-task report.
    if whole:
        actuals = plan_progress_series(plan, days)
    else:
        series = [(task_progress_series(t, days), t.weight) for t in roots]
        actuals = [weighted_mean((values[i], weight) for values, weight in series) for i in range(len(days))]
    leaves = [t for root in roots for t in root.walk() if not t.subtasks]
    points = []
    for day, actual in zip(days, actuals, strict=True):
        # each at the deadline it is judged by (its own, its parent's or the year end)
        planned_values = [p for t in leaves
                          if (p := planned_progress(t, day, plan.year, figures.tasks[t.id].due)) is not None]
        planned = sum(planned_values) / len(planned_values) if planned_values else None
        points.append((day, planned, round(actual, 2)))
    return points


def build_report(plan: Plan, as_of: date, scope: Scope | None = None, lang: str = "zh", *,
                 generated: date | None = None, progress: ProgressCallback | None = None,
                 with_history: bool = True, with_timeline: bool = False) -> ReportData:
    """The summary of ``plan`` as of a date, narrowed to ``scope``."""
    check_language(lang)
    scope = scope or Scope()
    _check_scope(plan, scope)
    figures = evaluate_plan(plan, as_of)
    collector = _Collector(figures, scope, lang, plan.year)
    sections: list[AreaSection] = []
    counts = {s: 0 for s in STATUS_ORDER}
    for index, area in enumerate(plan.areas):
        if progress is not None and not progress(index / max(1, len(plan.areas)),
                                                 label(lang, "progress_building", area.name)):
            raise ReportCancelled()
        if scope.area and area.name != scope.area:
            continue
        first_root = len(collector.roots)
        rows = collector.area_rows(area)
        if not rows and not scope.is_whole_plan():
            continue
        area_counts = {s: 0 for s in STATUS_ORDER}
        for row in rows:
            if row.is_leaf:
                area_counts[row.status] += 1
                counts[row.status] += 1
        area_roots = collector.roots[first_root:]
        area_progress = (figures.areas[area.id].progress if scope.is_whole_plan() or
                         (scope.area and not (scope.leader or scope.unit or scope.task_ids)) else
                         weighted_mean((figures.tasks[t.id].progress, t.weight) for t in area_roots))
        sections.append(AreaSection(area.name, round(area_progress, 2), rows, area_counts))

    whole = scope.is_whole_plan()
    if whole:
        overall = figures.plan.progress
    elif len(sections) == 1:
        overall = sections[0].progress
    else:
        overall = weighted_mean((figures.tasks[t.id].progress, t.weight) for t in collector.roots)
    in_scope = {row.task_id for s in sections for row in s.rows}
    return ReportData(
        title=plan.title, year=plan.year, as_of=as_of, generated=generated or date.today(),
        lang=lang, scope=scope, counts=counts, progress=round(overall, 2),
        not_reported=sum(1 for s in sections for row in s.rows
                         if row.is_leaf and not row.reported),
        declared_areas=plan.declared_areas, declared_tasks=plan.declared_tasks,
        entered_areas=len(plan.areas), entered_tasks=sum(len(a.tasks) for a in plan.areas),
        areas=sections,
        # every red or yellow task at any depth (a parent is as bad as its worst sub-task)
        attention=[(s.name, row) for s in sections for row in s.rows
                   if row.status in (Status.RED, Status.YELLOW)],
        highlights=_highlights(plan, as_of, in_scope),
        history=_history(plan, collector.roots, as_of, whole, figures) if with_history else [],
        **_upcoming(plan, figures, as_of, in_scope),
        due_soon_days=plan.settings.due_soon_days,
        timelines=_timelines(plan, figures, as_of, sections) if with_timeline else [],
    )


def _upcoming(plan: Plan, figures: PlanFigures, as_of: date, in_scope: set[str]) -> dict:
    """近期时间节点: due within the window after the as-of date, or missed within the
    window before it; older misses are counted per unit."""
    since = as_of - timedelta(days=plan.settings.due_soon_days)
    listed: list[DueItem] = []
    older: dict[str, int] = {}
    for item in due_soon(plan, figures.tasks, as_of, task_ids=in_scope):
        if item.missed and item.day < since:
            older[item.unit] = older.get(item.unit, 0) + 1
        else:
            listed.append(item)
    return {"upcoming": listed, "older_missed": older}


def _timelines(plan: Plan, figures: PlanFigures, as_of: date, sections: list[AreaSection]
               ) -> list[tuple[str, list[Bar]]]:
    """Each area's rows as timeline bars, in the tables' order (domain/timeline.py)."""
    tasks = {task.id: task for task in plan.walk_tasks()}
    return [(section.name, [task_bar(tasks[row.task_id], figures.tasks[row.task_id], plan.year, as_of)
                            for row in section.rows])
            for section in sections if section.rows]


def _highlights(plan: Plan, as_of: date, in_scope: set[str]) -> list[Highlight]:
    found = []
    for area in plan.areas:
        for task in area.walk_tasks():
            if task.id not in in_scope:
                continue
            for upd in task.updates:
                if upd.highlight and upd.date <= as_of:
                    found.append(Highlight(upd.date, task.title, area.name, upd.text))
    found.sort(key=lambda h: h.day, reverse=True)
    return found


def letter_rows(data: ReportData) -> list[TaskRow]:
    """The leader's tasks from every area in one list, numbered 1, 2, 2.1 … throughout
    (the summary numbers each area's table from 1)."""
    rows: list[TaskRow] = []
    top = sub = 0
    for row in data.rows():
        if row.depth == 0:
            top, sub = top + 1, 0
            number = str(top)
        else:
            sub += 1
            number = f"{top}.{sub}"
        rows.append(replace(row, number=number))
    return rows
