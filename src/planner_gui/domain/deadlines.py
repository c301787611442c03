"""The deadline a task is judged by (issue 18), and how an implied one is shown.

In a 年度重点工作任务 plan, work without a stated time limit is 全年 work: a
task without a deadline of its own works to its parent's, and a top-level
task to 31 December of the plan's year. A plan may switch the year-end rule
off (PlanSettings.judge_without_deadline); such tasks then have no deadline
and are not judged. progress.py judges every task by effective_due;
docs/progress.md states the rule for users.
"""

from __future__ import annotations

import re
from datetime import date

from planner_gui.domain.model import Plan, PlanSettings, Task


def year_end(plan_year: int) -> date:
    """The deadline of a top-level task that states none: 全年 work is due by 31 December."""
    return date(plan_year, 12, 31)


def effective_due(task: Task, plan_year: int, settings: PlanSettings,
                  inherited: date | None = None) -> tuple[date | None, bool]:
    """(deadline the task is judged by, whether it is implied). ``inherited``:
    the parent's effective deadline (None for a top-level task)."""
    if task.due is not None:
        return task.due, False
    if inherited is not None:
        return inherited, True
    if settings.judge_without_deadline:
        return year_end(plan_year), True
    return None, False


def _find_due(tasks: list[Task], plan: Plan, passed: date | None, task_id: str
              ) -> tuple[date | None, tuple[date | None, bool]] | None:
    """(deadline the parent passes down, effective_due) of the task ``task_id``
    among ``tasks`` and their sub-tasks; None when it is not there."""
    for task in tasks:
        due = effective_due(task, plan.year, plan.settings, passed)
        if task.id == task_id:
            return passed, due
        if task.subtasks:
            found = _find_due(task.subtasks, plan, due[0], task_id)
            if found is not None:
                return found
    return None


def task_deadline(plan: Plan, task_id: str) -> tuple[date | None, bool]:
    """effective_due of a task of the plan, with what its parents pass down;
    (None, False) for an unknown id."""
    for area in plan.areas:
        found = _find_due(area.tasks, plan, None, task_id)
        if found is not None:
            return found[1]
    return None, False


def inherited_due(plan: Plan, task_id: str) -> date | None:
    """The deadline a task's parent passes down to it (None for a top-level task)."""
    for area in plan.areas:
        found = _find_due(area.tasks, plan, None, task_id)
        if found is not None:
            return found[0]
    return None


def implied_deadline_words(due: date, plan_year: int, lang: str = "zh") -> str:
    """How a deadline the task does not state itself is shown: 年底（默认） for the
    plan's year end, else the parent's date marked as the parent's."""
    if due == date(plan_year, 12, 31):
        return "年底（默认）" if lang == "zh" else "year end (implied)"
    if lang == "zh":
        day = f"{due.month}月{due.day}日" if due.year == plan_year else f"{due.year}年{due.month}月{due.day}日"
        return f"{day}（随上级任务）"
    return f"{due.isoformat()} (parent's)"



# What implied_deadline_words writes, in either language, with either kind of brackets and any
# spacing (a CSV or a hand retyping the cell): read back, it is no deadline of the task's own.
_IMPLIED = re.compile(
    r"年底\(默认\)|yearend\(implied\)"
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日\(随上级任务\)|\d{4}-\d{1,2}-\d{1,2}\(parent's\)")


def is_implied_deadline_words(text: str) -> bool:
    """Whether a deadline cell holds only the words implied_deadline_words shows for a task
    without a deadline of its own (a ledger or form exported here, read back)."""
    plain = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")").replace("’", "'").lower()
    return _IMPLIED.fullmatch(plain) is not None
