"""The status rules (three-colour warning) as of any date, on hand-made tasks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner_gui.domain.model import (
    Area,
    Indicator,
    Milestone,
    Plan,
    PlanSettings,
    ProgressUpdate,
    Task,
)
from planner_gui.domain.progress import (
    Status,
    evaluate_plan,
    evaluate_task,
    indicator_score,
    is_reported,
    planned_progress,
    task_progress,
)

YEAR = 2024
RULES = PlanSettings()  # tolerance 20 points, due soon within 30 days, quarterly by the 25th


def upd(day: str, progress: float | None = None, **readings: float) -> ProgressUpdate:
    return ProgressUpdate(date=date.fromisoformat(day), progress=progress, readings=readings)


def task(**kw) -> Task:
    for key in ("start", "due", "done_on"):
        if isinstance(kw.get(key), str):
            kw[key] = date.fromisoformat(kw[key])
    return Task(title=kw.pop("title", "t"), **kw)


CASES = [
    # name, task, as-of, status, progress, planned
    ("on schedule", task(due="2024-12-31", updates=[upd("2024-06-25", 50)]), "2024-07-01", Status.GREEN, 50, 49.86),
    ("behind", task(due="2024-12-31", updates=[upd("2024-06-25", 20)]), "2024-07-01", Status.YELLOW, 20, 49.86),
    ("just within tolerance", task(due="2024-12-31", updates=[upd("2024-06-25", 30)]), "2024-07-01", Status.GREEN, 30, 49.86),
    ("overdue", task(due="2024-04-30", updates=[upd("2024-04-20", 80)]), "2024-05-01", Status.RED, 80, 100),
    ("due soon", task(due="2024-04-30", updates=[upd("2024-04-05", 90)]), "2024-04-10", Status.BLUE, 90, 83.33),
    ("behind wins over due soon", task(due="2024-04-30", updates=[upd("2024-04-20", 90)]), "2024-04-10", Status.YELLOW, 0, 83.33),
    ("done early", task(due="2024-10-31", updates=[upd("2024-05-10", 100)]), "2024-06-01", Status.DONE, 100, 50.0),
    ("done late", task(due="2024-04-30", done_on="2024-05-20"), "2024-05-21", Status.DONE, 100, 100),
    ("late, before it was done", task(due="2024-04-30", done_on="2024-05-20"), "2024-05-10", Status.RED, 0, 100),
    ("due next year", task(due="2025-08-31", updates=[upd("2024-06-25", 20)]), "2024-07-01", Status.GREEN, 20, 29.93),
    # no deadline: due by the end of the plan's year (issue 18)
    ("no due date", task(updates=[upd("2024-06-25", 5)]), "2024-11-01", Status.YELLOW, 5, 83.56),
    ("not started", task(start="2024-09-01", due="2024-12-31"), "2024-07-01", Status.NOT_STARTED, 0, 0),
    ("leap day", task(start="2024-02-01", due="2024-03-01", updates=[upd("2024-02-29", 95)]), "2024-02-29", Status.BLUE, 95, 96.55),
    ("missed milestone", task(due="2024-12-31", milestones=[Milestone("开工", due=date(2024, 6, 30)),
                                                            Milestone("完工", due=date(2024, 12, 31))],
                              updates=[upd("2024-06-25", 60)]), "2024-07-01", Status.YELLOW, 60, 50.27),
    ("milestone met on time", task(due="2024-12-31", milestones=[Milestone("开工", due=date(2024, 6, 30), done_on=date(2024, 6, 28)),
                                                                 Milestone("完工", due=date(2024, 12, 31))],
                                   updates=[upd("2024-06-25", 60)]), "2024-07-01", Status.GREEN, 60, 50.27),
]


@pytest.mark.parametrize(("name", "the_task", "as_of", "status", "progress", "planned"), CASES, ids=[c[0] for c in CASES])
def test_status_table(name, the_task, as_of, status, progress, planned):
    figures = evaluate_task(the_task, date.fromisoformat(as_of), YEAR, RULES)
    assert figures.status is status
    assert figures.progress == pytest.approx(progress, abs=0.05)
    if planned is None:
        assert figures.planned is None
    else:
        assert figures.planned == pytest.approx(planned, abs=0.1)


def test_only_indicators_give_the_progress():
    t = task(due="2024-12-31", indicators=[Indicator("新引进企业", target=50, unit="家", current=None)],
             updates=[upd("2024-03-25", 新引进企业=10), upd("2024-06-25", 新引进企业=25)])
    assert task_progress(t, date(2024, 3, 1)) == 0
    assert task_progress(t, date(2024, 4, 1)) == 20
    assert task_progress(t, date(2024, 7, 1)) == 50


def test_a_later_reading_does_not_change_an_earlier_figure():
    # the store copies the newest reading into `current`; as of an earlier date it must not count
    ind = Indicator("新引进企业", target=50, unit="家", current=50, baseline=0)
    t = task(due="2024-12-31", indicators=[ind], updates=[upd("2024-06-01", 新引进企业=50)])
    assert task_progress(t, date(2024, 2, 1)) == 0
    assert task_progress(t, date(2024, 6, 1)) == 100
    # an indicator never read in an update uses the value typed on it
    typed = task(due="2024-12-31", indicators=[Indicator("x", target=10, current=5)])
    assert task_progress(typed, date(2024, 2, 1)) == 50


def test_upper_bound_indicator_counts_as_met_while_it_holds():
    rate = Indicator("失业率", target=5.5, unit="%", comparator="<=")
    assert indicator_score(rate, 5.0) == 1.0
    assert indicator_score(rate, 5.5) == 1.0
    assert indicator_score(rate, 6.0) == 0.0
    assert indicator_score(rate, None) is None
    with_baseline = Indicator("失业率", target=5.5, comparator="<=", baseline=6.5)
    assert indicator_score(with_baseline, 6.0) == pytest.approx(0.5)
    t = task(due="2024-12-31", indicators=[rate], updates=[upd("2024-03-25", 失业率=5.1)])
    assert task_progress(t, date(2024, 4, 1)) == 100


def test_more_than_and_baseline_comparators():
    assert indicator_score(Indicator("x", target=1200, comparator=">"), 1200) == 1.0 - 0.0  # reached, not exceeded
    assert indicator_score(Indicator("x", target=1200, comparator=">"), 1201) == 1.0
    assert indicator_score(Indicator("x", target=50, comparator=">=", baseline=30), 40) == pytest.approx(0.5)


def test_milestones_give_progress_and_the_plan_runs_through_them():
    ms = [Milestone("设计", due=date(2024, 3, 31), done_on=date(2024, 3, 20)),
          Milestone("开工", due=date(2024, 6, 30)), Milestone("完工", due=date(2024, 12, 31))]
    t = task(due="2024-12-31", milestones=ms)
    assert task_progress(t, date(2024, 4, 1)) == pytest.approx(100 / 3)
    # three stretches (start-设计, 设计-开工, 开工-deadline), a third each, time-proportional in each
    assert planned_progress(t, date(2024, 3, 30), YEAR) == pytest.approx(100 / 3 * 89 / 90)
    assert planned_progress(t, date(2024, 3, 31), YEAR) == pytest.approx(100 / 3)
    assert planned_progress(t, date(2024, 7, 1), YEAR) == pytest.approx(100 / 3 * (2 + 1 / 184))


def test_nested_subtasks_roll_up_with_weights():
    leaf_a = task(title="a", due="2024-12-31", updates=[upd("2024-03-01", 100)])
    leaf_b = task(title="b", due="2024-12-31", weight=3, updates=[upd("2024-03-01", 20)])
    middle = task(title="m", due="2024-12-31", subtasks=[leaf_a, leaf_b])
    top = task(title="top", due="2024-12-31", subtasks=[middle, task(title="c", due="2024-12-31")])
    plan = Plan(title="p", year=YEAR, areas=[Area("A", tasks=[top]), Area("B", tasks=[task(title="d", updates=[upd("2024-03-01", 50)])])])
    figures = evaluate_plan(plan, date(2024, 3, 2))
    assert figures.tasks[middle.id].progress == pytest.approx((100 + 3 * 20) / 4)
    assert figures.tasks[top.id].progress == pytest.approx(40 / 2)
    assert figures.areas[plan.areas[0].id].progress == pytest.approx(20)
    assert figures.plan.progress == pytest.approx((20 + 50) / 2)
    # counts are of leaf tasks: a, b, c in area A and d in area B
    assert figures.plan.leaf_tasks == 4
    assert figures.plan.counts[Status.DONE] == 1
    # a parent's own update overrides the roll-up of its sub-tasks
    middle.updates.append(upd("2024-03-02", 90))
    assert evaluate_plan(plan, date(2024, 3, 2)).tasks[middle.id].progress == 90


def test_reporting_cycle_marks_not_reported():
    quarterly = PlanSettings(reporting_cycle="quarterly", report_due_day=25)
    t = task(due="2024-12-31", updates=[upd("2024-03-20", 10)])
    # reported for Q1 (due 25 March)
    assert is_reported(t, date(2024, 4, 10), YEAR, quarterly, done=False)
    # Q2's report was due 25 June; the last update is from Q1
    assert not is_reported(t, date(2024, 6, 26), YEAR, quarterly, done=False)
    # before Q2's due day nothing new is owed yet
    assert is_reported(t, date(2024, 6, 24), YEAR, quarterly, done=False)
    monthly = PlanSettings(reporting_cycle="monthly", report_due_day=25)
    assert not is_reported(t, date(2024, 4, 26), YEAR, monthly, done=False)
    assert is_reported(t, date(2024, 4, 26), YEAR, monthly, done=True)
    # a task that never reported owes the first report once its due day passes
    fresh = task(due="2024-12-31")
    assert is_reported(fresh, date(2024, 3, 24), YEAR, quarterly, done=False)
    assert not is_reported(fresh, date(2024, 3, 26), YEAR, quarterly, done=False)


def test_tolerance_is_a_plan_setting():
    t = task(due="2024-12-31", updates=[upd("2024-06-25", 30)])
    strict = PlanSettings(behind_tolerance=10)
    assert evaluate_task(t, date(2024, 7, 1), YEAR, strict).status is Status.YELLOW
    assert evaluate_task(t, date(2024, 7, 1), YEAR, RULES).status is Status.GREEN


# --- property: nothing dated after D changes any figure as of D ----------------

dates_2024 = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 6, 30))
updates_st = st.lists(
    st.builds(lambda d, p, r, hl: ProgressUpdate(date=d, progress=p, readings={"指标": r} if r is not None else {}, highlight=hl),
              dates_2024, st.one_of(st.none(), st.floats(0, 100)), st.one_of(st.none(), st.floats(0, 200)), st.booleans()),
    max_size=6,
)


@st.composite
def tasks_st(draw, depth=0):
    due = draw(st.one_of(st.none(), dates_2024))
    done = draw(st.one_of(st.none(), dates_2024))
    milestones = draw(st.lists(st.builds(lambda d, x: Milestone("m", due=d, done_on=x), st.one_of(st.none(), dates_2024), st.one_of(st.none(), dates_2024)), max_size=3))
    subtasks = draw(st.lists(tasks_st(depth + 1), max_size=2)) if depth < 2 else []
    return Task(title="t", due=due, done_on=done, milestones=milestones, subtasks=subtasks,
                indicators=[Indicator("指标", target=100, comparator=draw(st.sampled_from([">=", "<=", ">", "approx"])))],
                updates=draw(updates_st))


@settings(max_examples=200, deadline=None)
@given(tasks_st(), updates_st, dates_2024)
def test_nothing_after_the_as_of_date_changes_the_figures(the_task, later_updates, as_of):
    plan = Plan(title="p", year=YEAR, areas=[Area("A", tasks=[the_task])])
    before = evaluate_plan(plan, as_of)
    # add history dated after D anywhere in the tree
    for i, t in enumerate(the_task.walk()):
        for u in later_updates:
            t.updates.append(ProgressUpdate(date=as_of + timedelta(days=1 + (u.date.toordinal() % 90) + i),
                                            progress=u.progress, readings=u.readings))
    after = evaluate_plan(plan, as_of)
    assert after.tasks.keys() == before.tasks.keys()
    for key in before.tasks:
        b, a = before.tasks[key], after.tasks[key]
        assert (a.status, a.progress, a.planned, a.reported) == (b.status, b.progress, b.planned, b.reported)
    assert after.plan.counts == before.plan.counts and after.plan.progress == before.plan.progress
