"""The objects of a year's key-task plan (see docs/domain.md and DOMAIN.md).

Plain dataclasses: they carry data between storage, the exchange formats,
the rules in :mod:`planner_gui.domain.progress` and the interface. Every
object has a stable text id (a UUID) so that files can be compared and merged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from planner_gui.domain.errors import QT_TRANSLATE_NOOP, ValidationError

COMPARATORS = (">=", ">", "<=", "<", "=", "approx")
COMPARATOR_WORDS = {
    ">=": "不少于",
    ">": "超过",
    "<=": "不超过",
    "<": "低于",
    "=": "达到",
    "approx": "左右",
}
REPORTING_CYCLES = ("monthly", "quarterly")


def new_id() -> str:
    """A fresh stable id for any plan object."""
    import uuid  # here: uuid imports platform, 3 ms that reading a plan does not need

    return str(uuid.uuid4())


@dataclass(slots=True)
class Indicator:
    """A number a task must reach: 新引进企业 不少于 50 家."""

    name: str
    target: float | None = None
    unit: str = ""
    comparator: str = ">="
    baseline: float | None = None
    current: float | None = None
    due: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.comparator not in COMPARATORS:
            raise ValidationError("comparator", QT_TRANSLATE_NOOP("Validation", "must be one of {choices}"),
                                  choices=", ".join(COMPARATORS))


@dataclass(slots=True)
class Milestone:
    """A dated step of a task: 国家自然博物馆 6月 开工建设."""

    title: str
    due: date | None = None
    done_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class ProgressUpdate:
    """One dated progress report (进展情况). Updates are history: appended, never edited."""

    date: date
    progress: float | None = None
    text: str = ""
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""
    highlight: bool = False
    # indicator name -> reading reported with this update
    readings: dict[str, float] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


@dataclass
class Task:
    """One piece of key work (任务事项); may be split into sub-tasks."""

    title: str
    description: str = ""
    leader: str = ""
    lead_unit: str = ""
    co_units: list[str] = field(default_factory=list)
    start: date | None = None
    due: date | None = None
    deadline_text: str = ""
    municipal: bool = False
    source: str = ""
    source_text: str = ""
    # A progress figure set directly on the task (rare; updates are the usual way).
    progress: float | None = None
    done_on: date | None = None
    weight: float = 1.0
    # 督办级别: who supervises the task (市级, 区级, 部门 or an office's own wording).
    supervision_level: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)
    subtasks: list[Task] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk(self) -> Iterator[Task]:
        """This task and all its sub-tasks, depth first."""
        yield self
        for sub in self.subtasks:
            yield from sub.walk()

    def latest_update(self, as_of: date | None = None) -> ProgressUpdate | None:
        """The newest update dated on or before ``as_of`` (any date if None)."""
        best: ProgressUpdate | None = None
        for upd in self.updates:
            if as_of is not None and upd.date > as_of:
                continue
            if best is None or upd.date >= best.date:
                best = upd
        return best


@dataclass
class Area:
    """A policy heading (方面) grouping tasks."""

    name: str
    description: str = ""
    weight: float = 1.0
    tasks: list[Task] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk_tasks(self) -> Iterator[Task]:
        for task in self.tasks:
            yield from task.walk()


@dataclass
class PlanSettings:
    """Rules an office tunes for its plan (status tolerances, reporting cycle)."""

    # yellow when planned progress exceeds actual by more than this many points
    behind_tolerance: float = 20.0
    # blue when the deadline is within this many days and the task is not done
    due_soon_days: int = 30
    reporting_cycle: str = "quarterly"
    # reports are due by this day of the cycle's last month
    report_due_day: int = 25
    # a task without a deadline (its own or its parent's) is due by 31 December
    # of the plan's year; off: such tasks are not judged ("no deadline", grey)
    judge_without_deadline: bool = True

    def __post_init__(self) -> None:
        if self.reporting_cycle not in REPORTING_CYCLES:
            raise ValidationError("reporting_cycle", QT_TRANSLATE_NOOP("Validation", "must be monthly or quarterly"))
        if not 0 <= self.behind_tolerance <= 100:
            raise ValidationError("behind_tolerance", QT_TRANSLATE_NOOP("Validation", "must be between {low} and {high}"), low=0, high=100)
        if not 0 <= self.due_soon_days <= 366:
            raise ValidationError("due_soon_days", QT_TRANSLATE_NOOP("Validation", "must be between {low} and {high}"), low=0, high=366)
        if not 1 <= self.report_due_day <= 31:
            raise ValidationError("report_due_day", QT_TRANSLATE_NOOP("Validation", "must be between {low} and {high}"), low=1, high=31)
        if not isinstance(self.judge_without_deadline, bool):
            raise ValidationError("judge_without_deadline", QT_TRANSLATE_NOOP("Validation", "must be true or false"))


@dataclass
class Plan:
    """One year's set of tasks, e.g. 丰台区2024年度重点工作任务."""

    title: str
    year: int
    declared_areas: int | None = None
    declared_tasks: int | None = None
    source: str = ""
    settings: PlanSettings = field(default_factory=PlanSettings)
    areas: list[Area] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def walk_tasks(self) -> Iterator[Task]:
        for area in self.areas:
            yield from area.walk_tasks()

    def find_task(self, task_id: str) -> Task | None:
        # a plain stack, not walk_tasks(): the chart looks up the selected task
        # at every click, and generators nested three deep took 4 ms at 10,000 tasks
        stack = [task for area in self.areas for task in area.tasks]
        while stack:
            task = stack.pop()
            if task.id == task_id:
                return task
            if task.subtasks:
                stack.extend(task.subtasks)
        return None

    def default_start(self) -> date:
        """Tasks without a start date begin on 1 January of the plan's year."""
        return date(self.year, 1, 1)
