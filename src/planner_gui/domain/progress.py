"""Progress, schedule and status (the three-colour warning) as of any date.

These are the rules the whole program shares: the tree, the chart, the PDF
summary, the ledger and ``planner-cli summary`` all call :func:`evaluate_plan`,
so they cannot disagree. Everything is computed from the dated history; a
figure "as of D" only looks at what is dated on or before D. docs/progress.md
states the same rules for users.

Progress of a task as of D, first rule that applies:
 1. the progress figure of the latest update dated on or before D;
 2. 100 if the task was marked done on or before D;
 3. the weighted mean of its sub-tasks' progress, if it has sub-tasks;
 4. derived from its indicators and milestones: the mean over its indicators
    (how far the reading as of D has come towards the target, by comparator;
    an upper bound such as 失业率 <= 5.5% counts as met while it holds) and its
    milestones (1 when done on or before D, else 0);
 5. a figure set directly on the task; otherwise 0.

Deadline (domain/deadlines.py): a task's own; without one it works to its parent's, and a
top-level task to 31 December of the plan's year (both shown as implied). A
plan whose setting ``judge_without_deadline`` is off leaves such tasks
unjudged: status "no deadline" (grey, never green).

Planned progress (序时进度) as of D: time-proportional within each stretch
of the task's time. The stretches run from the start (default 1 January of
the plan's year) through each dated milestone to the deadline, and each
stretch carries an equal share; so planned progress never stays flat while
time passes. 100 from the deadline on; None without a deadline.

Status as of D, first rule that applies: done (progress 100, or done on or
before D); not started (starts after D); red (deadline before D); yellow
(planned minus actual above the tolerance, or a milestone due by D not done);
blue (deadline within the due-soon window); no deadline (not judged);
green. A task with sub-tasks is then never shown better than its worst
sub-task: red beats yellow beats blue beats anything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from planner_gui.domain import words
from planner_gui.domain.dates import month_end
from planner_gui.domain.deadlines import effective_due, year_end
from planner_gui.domain.model import Area, Indicator, Plan, PlanSettings, ProgressUpdate, Task


class Status(str, Enum):
    DONE = "done"
    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"
    NOT_STARTED = "not_started"
    NO_DEADLINE = "no_deadline"


# Order used for counts and legends: the worst first is what leaders read first.
STATUS_ORDER = (Status.RED, Status.YELLOW, Status.BLUE, Status.GREEN, Status.DONE, Status.NOT_STARTED,
                Status.NO_DEADLINE)
# The warning lights a sub-task passes up to its parent, worst first.
WARNINGS = (Status.RED, Status.YELLOW, Status.BLUE)
# The words and colours live in domain/words.py, keyed by the status's value.
STATUS_WORDS = {lang: {Status(key): word for key, word in table.items()} for lang, table in words.STATUS_WORDS.items()}
STATUS_COLOURS = {Status(key): colour for key, colour in words.STATUS_COLOURS.items()}

def status_word(status: Status, lang: str = "zh") -> str:
    return STATUS_WORDS.get(lang, STATUS_WORDS["en"])[status]


@dataclass(frozen=True)
class TaskFigures:
    """What the office looks at for one task as of a date."""

    task_id: str
    status: Status
    progress: float
    planned: float | None
    reported: bool
    latest: ProgressUpdate | None
    # the deadline the task is judged by, and whether it is implied (parent's or year end)
    due: date | None = None
    due_implied: bool = False


@dataclass
class GroupFigures:
    """Roll-up of an area or the whole plan."""

    progress: float = 0.0
    counts: dict[Status, int] = field(default_factory=lambda: {s: 0 for s in Status})
    not_reported: int = 0
    leaf_tasks: int = 0


@dataclass
class PlanFigures:
    as_of: date
    tasks: dict[str, TaskFigures]
    areas: dict[str, GroupFigures]
    plan: GroupFigures


# --- indicators -------------------------------------------------------------


def indicator_reading(indicator: Indicator, task: Task, as_of: date) -> float | None:
    """The indicator's value as of D.

    Readings reported with updates are the history: the latest one dated by D
    counts, and before the first reading the indicator stands at its baseline.
    Only an indicator that has never been read in an update falls back to the
    value typed on it (an undated figure, taken as current): the store copies
    the newest reading into that field, so using it for earlier dates would let
    a later report change an earlier figure.
    """
    best: tuple[date, float] | None = None
    ever_read = False
    for upd in task.updates:
        if indicator.name not in upd.readings:
            continue
        ever_read = True
        if upd.date <= as_of and (best is None or upd.date >= best[0]):
            best = (upd.date, upd.readings[indicator.name])
    if best is not None:
        return best[1]
    if ever_read:
        return indicator.baseline
    return indicator.current


def indicator_score(indicator: Indicator, reading: float | None) -> float | None:
    """How far an indicator is achieved, 0..1; None when it cannot be judged yet."""
    target = indicator.target
    if target is None:
        return None
    if indicator.comparator in ("<=", "<"):
        # An upper bound (失业率 at most 5.5%) is met while it holds; unknown without a reading.
        if reading is None:
            return None
        holds = reading <= target if indicator.comparator == "<=" else reading < target
        if holds:
            return 1.0
        baseline = indicator.baseline
        if baseline is not None and baseline > target:
            return _clamp((baseline - reading) / (baseline - target))
        return 0.0
    if reading is None:
        return 0.0
    if indicator.comparator == ">" and reading > target:
        return 1.0
    if indicator.comparator == "approx" and target and abs(reading - target) <= abs(target) * 0.05:
        return 1.0
    baseline = indicator.baseline or 0.0
    span = target - baseline
    if span <= 0:
        return 1.0 if reading >= target else 0.0
    return _clamp((reading - baseline) / span)


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


# --- progress ----------------------------------------------------------------


def latest_progress_update(task: Task, as_of: date) -> ProgressUpdate | None:
    """The newest update dated by D that carries a progress figure."""
    return _latest(task.updates, as_of, with_progress=True)


def _latest(updates: list[ProgressUpdate], as_of: date, with_progress: bool) -> ProgressUpdate | None:
    # The hot loop of evaluate_plan (200,000 updates at a city's size): the
    # date is read once per update; of equal dates the later one in the list wins.
    best: ProgressUpdate | None = None
    best_date: date | None = None
    for upd in updates:
        day = upd.date
        if day > as_of or (with_progress and upd.progress is None):
            continue
        if best_date is None or day >= best_date:
            best, best_date = upd, day
    return best


def task_progress(task: Task, as_of: date, known: dict[str, float] | None = None) -> float:
    """Progress 0..100 of a task as of D (rules in the module docstring).

    ``known``: progress already worked out for this D by task id, filled in as
    a side effect; evaluate_plan passes one so that a parent and then each of
    its sub-tasks do not compute the sub-tasks' progress again and again."""
    if known is not None:
        found = known.get(task.id)
        if found is None:
            found = known[task.id] = _task_progress(task, as_of, known)
        return found
    return _task_progress(task, as_of, None)


def _task_progress(task: Task, as_of: date, known: dict[str, float] | None) -> float:
    upd = latest_progress_update(task, as_of)
    if upd is not None:
        return float(upd.progress)  # type: ignore[arg-type]
    if task.done_on is not None and task.done_on <= as_of:
        return 100.0
    if task.subtasks:
        return weighted_mean((task_progress(sub, as_of, known), sub.weight) for sub in task.subtasks)
    derived = derived_progress(task, as_of)
    if derived is not None:
        return derived
    return float(task.progress) if task.progress is not None else 0.0


def derived_progress(task: Task, as_of: date) -> float | None:
    """Progress from indicators and milestones, None if the task has neither to judge by."""
    scores: list[float] = []
    for ind in task.indicators:
        score = indicator_score(ind, indicator_reading(ind, task, as_of))
        if score is not None:
            scores.append(score)
    for ms in task.milestones:
        scores.append(1.0 if ms.done_on is not None and ms.done_on <= as_of else 0.0)
    if not scores:
        return None
    return 100.0 * sum(scores) / len(scores)


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float:
    total = weight_sum = 0.0
    for value, weight in pairs:
        weight = weight if weight and weight > 0 else 0.0
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else 0.0


def task_start(task: Task, plan_year: int) -> date:
    return task.start or date(plan_year, 1, 1)


_OWN: object = object()


def planned_progress(task: Task, as_of: date, plan_year: int, due: date | None | object = _OWN) -> float | None:
    """序时进度 as of D: time-proportional within each stretch from the start
    through the dated milestones to the deadline, each stretch an equal share.
    ``due``: the deadline the task is judged by (effective_due); by default its
    own, else the plan's year end (a top-level task's rule)."""
    if due is _OWN:
        due = task.due or year_end(plan_year)
    if due is None:
        return None
    assert isinstance(due, date)
    if as_of >= due:
        return 100.0
    start = task_start(task, plan_year)
    if as_of <= start:
        return 0.0
    if not task.milestones:  # most tasks: one stretch (evaluate_plan's hot loop)
        return 100.0 * (as_of - start).days / (due - start).days
    # A milestone on the deadline (口腔医院 年底前) or outside the task's time adds no stretch.
    knots = sorted({ms.due for ms in task.milestones if ms.due is not None and start < ms.due < due})
    points = [start, *knots, due]
    stretches = len(points) - 1
    for i in range(stretches):
        begin, end = points[i], points[i + 1]
        if as_of <= end:
            return 100.0 * (i + (as_of - begin).days / (end - begin).days) / stretches
    return 100.0


# --- status ------------------------------------------------------------------


def is_done(task: Task, progress: float, as_of: date) -> bool:
    return progress >= 100.0 or (task.done_on is not None and task.done_on <= as_of)


def task_status(
    task: Task, as_of: date, plan_year: int, settings: PlanSettings, progress: float | None = None,
    due: date | None | object = _OWN, planned: float | None | object = _OWN,
) -> Status:
    """The task's own light (without its sub-tasks'; see worse_of).
    ``due``: as for planned_progress; by default effective_due of a top-level task.
    ``planned``: planned_progress for that deadline when the caller has it."""
    if progress is None:
        progress = task_progress(task, as_of)
    if due is _OWN:
        due = effective_due(task, plan_year, settings)[0]
    assert due is None or isinstance(due, date)
    if is_done(task, progress, as_of):
        return Status.DONE
    if task.start is not None and task.start > as_of:
        return Status.NOT_STARTED
    if due is not None and due < as_of:
        return Status.RED
    if planned is _OWN:
        planned = planned_progress(task, as_of, plan_year, due)
    assert planned is None or isinstance(planned, float)
    if planned is not None and planned - progress > settings.behind_tolerance:
        return Status.YELLOW
    if any(
        ms.due is not None and ms.due <= as_of and (ms.done_on is None or ms.done_on > as_of)
        for ms in task.milestones
    ):
        return Status.YELLOW
    if due is None:
        return Status.NO_DEADLINE
    if due <= as_of + timedelta(days=settings.due_soon_days):
        return Status.BLUE
    return Status.GREEN


def worse_of(own: Status, worst_sub: Status | None) -> Status:
    """A parent's light: never better than its worst sub-task's warning light."""
    if worst_sub is None or own is worst_sub:
        return own
    if own in WARNINGS and WARNINGS.index(own) <= WARNINGS.index(worst_sub):
        return own
    return worst_sub


def worst_warning(statuses: Iterable[Status]) -> Status | None:
    """The worst of red, yellow and blue among ``statuses``, None if none of them."""
    worst: Status | None = None
    for status in statuses:
        if status in WARNINGS and (worst is None or WARNINGS.index(status) < WARNINGS.index(worst)):
            worst = status
    return worst


# --- reporting cycle ---------------------------------------------------------


def report_due_dates(settings: PlanSettings, first: date, last: date) -> list[date]:
    """Every report due date from ``first`` to ``last`` inclusive."""
    return list(_due_dates(settings.reporting_cycle, settings.report_due_day, first, last))


# Every task of a plan asks for the same few windows (most start on 1 January):
# computing them once per window instead of once per task halves evaluate_plan.
@lru_cache(maxsize=512)
def _due_dates(cycle: str, due_day: int, first: date, last: date) -> tuple[date, ...]:
    months = range(1, 13) if cycle == "monthly" else (3, 6, 9, 12)
    found = []
    for year in range(first.year, last.year + 1):
        for month in months:
            day = min(due_day, month_end(year, month).day)
            due = date(year, month, day)
            if first <= due <= last:
                found.append(due)
    return tuple(found)


def is_reported(
    task: Task, as_of: date, plan_year: int, settings: PlanSettings, done: bool,
    latest: ProgressUpdate | None | object = ...,
) -> bool:
    """False when the task owes a report: a report was due since it started
    (the latest due date by D) and no update is dated after the due date
    before that one, i.e. nothing was reported for the cycle just closed.
    ``latest``: the task's latest update by D when the caller has it already."""
    if done:
        return True
    start = task_start(task, plan_year)
    if start > as_of:
        return True
    window_start = min(start, as_of - timedelta(days=400))
    dues = _due_dates(settings.reporting_cycle, settings.report_due_day, window_start, as_of)
    dues_since_start = [d for d in dues if d >= start]
    if not dues_since_start:
        return True
    last_due = dues_since_start[-1]
    earlier = [d for d in dues if d < last_due]
    cycle_opened = earlier[-1] if earlier else start - timedelta(days=1)
    if latest is ...:
        latest = _latest(task.updates, as_of, with_progress=False)
    return isinstance(latest, ProgressUpdate) and latest.date > cycle_opened


# --- the whole plan ----------------------------------------------------------


def evaluate_task(
    task: Task, as_of: date, plan_year: int, settings: PlanSettings,
    known: dict[str, float] | None = None, *,
    due: tuple[date | None, bool] | None = None, worst_sub: Status | None = None,
) -> TaskFigures:
    """One task's figures. ``due``: effective_due with what its parents pass
    down (default: as a top-level task); ``worst_sub``: the worst warning light
    among its sub-tasks. evaluate_subtree supplies both."""
    progress = task_progress(task, as_of, known)
    deadline, implied = due if due is not None else effective_due(task, plan_year, settings)
    planned = planned_progress(task, as_of, plan_year, deadline)
    status = worse_of(task_status(task, as_of, plan_year, settings, progress, deadline, planned), worst_sub)
    latest = _latest(task.updates, as_of, with_progress=False)
    return TaskFigures(
        task_id=task.id,
        status=status,
        progress=round(progress, 2),
        planned=None if planned is None else round(planned, 2),
        reported=is_reported(task, as_of, plan_year, settings, status is Status.DONE, latest),
        latest=latest,
        due=deadline,
        due_implied=implied,
    )


def evaluate_subtree(
    task: Task, as_of: date, plan_year: int, settings: PlanSettings, out: dict[str, TaskFigures],
    known: dict[str, float] | None = None, inherited: date | None = None,
) -> TaskFigures:
    """Figures of a task and all its sub-tasks into ``out`` (the task first, as
    Task.walk orders them): deadlines pass down, warning lights pass up.
    ``inherited``: the parent's effective deadline (None for a top-level task)."""
    due = effective_due(task, plan_year, settings, inherited)
    if not task.subtasks:
        figures = out[task.id] = evaluate_task(task, as_of, plan_year, settings, known, due=due)
        return figures
    out[task.id] = None  # type: ignore[assignment]  # keeps the walk's order; filled below
    subs = [evaluate_subtree(sub, as_of, plan_year, settings, out, known, due[0]) for sub in task.subtasks]
    figures = out[task.id] = evaluate_task(task, as_of, plan_year, settings, known, due=due,
                                           worst_sub=worst_warning(f.status for f in subs))
    return figures


def _collect(
    tasks: list[Task], as_of: date, plan: Plan, out: dict[str, TaskFigures], group: GroupFigures,
    known: dict[str, float],
) -> None:
    for task in tasks:
        evaluate_subtree(task, as_of, plan.year, plan.settings, out, known)
        for leaf in _leaves(task):
            figures = out[leaf.id]
            group.counts[figures.status] += 1
            group.leaf_tasks += 1
            if not figures.reported:
                group.not_reported += 1


def _leaves(task: Task) -> Iterable[Task]:
    if not task.subtasks:
        return (task,)
    return [leaf for sub in task.subtasks for leaf in _leaves(sub)]


def evaluate_area(area: Area, as_of: date, plan: Plan, out: dict[str, TaskFigures]) -> GroupFigures:
    group = GroupFigures()
    _collect(area.tasks, as_of, plan, out, group, {})
    group.progress = area_progress(area, out)
    return group


def area_progress(area: Area, tasks: dict[str, TaskFigures]) -> float:
    """An area's progress: the weighted mean of its top-level tasks' figures."""
    return round(weighted_mean((tasks[t.id].progress, t.weight) for t in area.tasks), 2)


def plan_total(plan: Plan, areas: dict[str, GroupFigures]) -> GroupFigures:
    """The plan's roll-up from its areas' figures: counts add up, progress is the
    weighted mean of the areas that hold tasks."""
    total = GroupFigures()
    for area in plan.areas:
        group = areas[area.id]
        for status, count in group.counts.items():
            total.counts[status] += count
        total.leaf_tasks += group.leaf_tasks
        total.not_reported += group.not_reported
    total.progress = round(
        weighted_mean((areas[a.id].progress, a.weight) for a in plan.areas if a.tasks), 2
    )
    return total


def evaluate_plan(plan: Plan, as_of: date) -> PlanFigures:
    """Figures for every task, area and the plan as of D."""
    tasks: dict[str, TaskFigures] = {}
    areas = {area.id: evaluate_area(area, as_of, plan, tasks) for area in plan.areas}
    return PlanFigures(as_of=as_of, tasks=tasks, areas=areas, plan=plan_total(plan, areas))


# --- history for charts ------------------------------------------------------


def progress_history(task: Task, as_of: date) -> list[tuple[date, float]]:
    """Actual progress as a step line: (date, progress) at each update by D."""
    dates = sorted({u.date for u in task.updates if u.date <= as_of})
    return [(d, task_progress(task, d)) for d in dates]


def indicator_history(task: Task, indicator: Indicator, as_of: date) -> list[tuple[date, float]]:
    """Readings of one indicator from updates dated by D, oldest first."""
    return sorted(
        (u.date, u.readings[indicator.name])
        for u in task.updates
        if u.date <= as_of and indicator.name in u.readings
    )
