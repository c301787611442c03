"""The chart's roll-up over time gives, for every date, exactly the progress
evaluate_plan and evaluate_area give for that date."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from planner_gui.demo import write_demo
from planner_gui.domain.model import Indicator, Milestone, Plan, ProgressUpdate
from planner_gui.domain.progress import evaluate_area, evaluate_plan
from planner_gui.domain.rollup import area_progress_series, plan_progress_series
from planner_gui.store import PlanStore

DAYS = [date(2024, 1, 1) + timedelta(days=d) for d in range(0, 400, 23)]


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Plan:
    path = tmp_path_factory.mktemp("rollup") / "d.sqlite"
    write_demo(path, 250, 1800, seed=3)
    with PlanStore.open(path) as store:
        plan = store.load_plan()
    # the rarer rules too: done without a report, derived from indicators and
    # milestones, a figure set on the task, same-day updates, an unweighted task
    leaves = [t for t in plan.walk_tasks() if not t.subtasks]
    leaves[0].updates.clear()
    leaves[0].done_on = date(2024, 5, 10)
    leaves[1].updates = [ProgressUpdate(date=date(2024, 4, 1), readings={"产值": 30})]
    leaves[1].indicators = [Indicator(name="产值", target=60)]
    leaves[1].milestones = [Milestone(title="开工", due=date(2024, 6, 30), done_on=date(2024, 7, 2))]
    leaves[2].updates.clear()
    leaves[2].progress = 35
    leaves[3].updates += [ProgressUpdate(date=date(2024, 3, 3), progress=10),
                          ProgressUpdate(date=date(2024, 3, 3), progress=20)]
    leaves[4].weight = 0
    return plan


def test_plan_series_matches_evaluate_plan(plan):
    assert plan_progress_series(plan, DAYS) == [evaluate_plan(plan, d).plan.progress for d in DAYS]


def test_area_series_matches_evaluate_area(plan):
    for area in plan.areas:
        expected = [evaluate_area(area, d, plan, {}).progress for d in DAYS]
        assert area_progress_series(area, DAYS) == expected


def test_dates_in_any_order(plan):
    shuffled = DAYS[::-2] + DAYS[::2]
    assert plan_progress_series(plan, shuffled) == [evaluate_plan(plan, d).plan.progress for d in shuffled]


def test_the_series_moves_with_the_reports(plan):
    later = copy.deepcopy(plan)
    task = next(t for t in later.walk_tasks() if not t.subtasks and t.updates)
    task.updates.append(ProgressUpdate(date=date(2024, 12, 30), progress=0))
    before, after = plan_progress_series(plan, DAYS), plan_progress_series(later, DAYS)
    earlier = sum(1 for d in DAYS if d < date(2024, 12, 30))
    assert before[:earlier] == after[:earlier] and before[earlier:] != after[earlier:]


@pytest.mark.parametrize("as_of", [date(2024, 3, 15), date(2024, 12, 31)])
def test_the_reports_progress_history_is_the_plan_evaluated_at_each_month_end(plan, as_of):
    """The summary's history chart: one roll-up pass gives what evaluating each month end gave."""
    from planner_gui.domain.dates import month_end
    from planner_gui.domain.progress import task_progress, weighted_mean
    from planner_gui.reports.report_data import _history

    days = [min(month_end(2024, m), as_of) for m in range(1, as_of.month + 1)]
    roots = list(plan.areas[0].tasks)
    whole = [point[2] for point in _history(plan, [t for a in plan.areas for t in a.tasks], as_of, True)]
    assert whole == [round(evaluate_plan(plan, d).plan.progress, 2) for d in days]
    scoped = [point[2] for point in _history(plan, roots, as_of, False)]
    assert scoped == [round(weighted_mean((task_progress(t, d), t.weight) for t in roots), 2) for d in days]


def test_the_reports_planned_history_uses_the_deadline_each_task_is_judged_by():
    """Issue 18: the planned line of the summary's chart counts tasks without a
    deadline (due at year end) and sub-tasks that work to their parent's."""
    from planner_gui.domain.model import Area, Task
    from planner_gui.reports.report_data import _history

    sub = Task(title="sub")  # works to its parent's 30 June
    plan = Plan(title="p", year=2024, areas=[Area("A", tasks=[
        Task(title="bare"), Task(title="parent", due=date(2024, 6, 30), subtasks=[sub])])])
    points = {day: planned for day, planned, _ in _history(plan, list(plan.areas[0].tasks), date(2024, 12, 31), True)}
    # as of 31 March: bare 90/365 of its year, sub 90/181 of its half-year
    assert points[date(2024, 3, 31)] == pytest.approx((100 * 90 / 365 + 100 * 90 / 181) / 2)
    assert points[date(2024, 7, 31)] == pytest.approx((100 * 212 / 365 + 100) / 2)
