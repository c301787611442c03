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


@pytest.mark.slow  # 200 generated plans, 5 s on a busy machine
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


# --- issue 18: deadlines of an annual plan, milestones, sub-tasks -----------------

from planner_gui.domain.dates import (  # noqa: E402
    default_as_of,
    last_month_end_in_year,
    last_quarter_end_in_year,
)
from planner_gui.domain.deadlines import implied_deadline_words, task_deadline  # noqa: E402
from planner_gui.domain.progress import worse_of  # noqa: E402

NOT_JUDGED = PlanSettings(judge_without_deadline=False)
MID_YEAR, YEAR_END, NEXT_YEAR = date(2024, 6, 30), date(2024, 12, 31), date(2025, 3, 1)

DEADLINE_CASES = [
    # name, task, settings, as-of, status, planned, judged deadline, implied
    ("no deadline at mid-year works to 31 December", task(), RULES, MID_YEAR, Status.YELLOW, 49.59, YEAR_END, True),
    ("no deadline, on schedule at mid-year", task(updates=[upd("2024-06-20", 45)]), RULES, MID_YEAR,
     Status.GREEN, 49.59, YEAR_END, True),
    ("no deadline on the last day", task(updates=[upd("2024-12-01", 90)]), RULES, YEAR_END,
     Status.BLUE, 100, YEAR_END, True),
    ("no deadline after the year", task(updates=[upd("2024-12-01", 90)]), RULES, NEXT_YEAR,
     Status.RED, 100, YEAR_END, True),
    ("no deadline, done", task(updates=[upd("2024-12-01", 100)]), RULES, NEXT_YEAR,
     Status.DONE, 100, YEAR_END, True),
    ("not judged: grey, never green", task(updates=[upd("2024-06-20", 45)]), NOT_JUDGED, MID_YEAR,
     Status.NO_DEADLINE, None, None, False),
    ("not judged, after the year", task(), NOT_JUDGED, NEXT_YEAR, Status.NO_DEADLINE, None, None, False),
    ("not judged, but a milestone missed", task(milestones=[Milestone("开工", due=date(2024, 5, 31))]),
     NOT_JUDGED, MID_YEAR, Status.YELLOW, None, None, False),
    ("not judged, done", task(updates=[upd("2024-06-20", 100)]), NOT_JUDGED, MID_YEAR,
     Status.DONE, None, None, False),
    ("an own deadline is not implied", task(due="2024-10-31"), NOT_JUDGED, MID_YEAR,
     Status.YELLOW, 59.54, date(2024, 10, 31), False),  # 181 of 304 days
]


@pytest.mark.parametrize(("name", "the_task", "rules", "as_of", "status", "planned", "due", "implied"),
                         DEADLINE_CASES, ids=[c[0] for c in DEADLINE_CASES])
def test_a_task_without_a_deadline_is_due_by_the_end_of_the_plans_year(
        name, the_task, rules, as_of, status, planned, due, implied):
    plan = Plan(title="p", year=YEAR, settings=rules, areas=[Area("A", tasks=[the_task])])
    figures = evaluate_plan(plan, as_of).tasks[the_task.id]
    assert figures.status is status
    assert (figures.due, figures.due_implied) == (due, implied) == task_deadline(plan, the_task.id)
    if planned is None:
        assert figures.planned is None
    else:
        assert figures.planned == pytest.approx(planned, abs=0.05)


def test_implied_deadlines_are_shown_as_implied():
    assert implied_deadline_words(YEAR_END, YEAR, "zh") == "年底（默认）"
    assert implied_deadline_words(YEAR_END, YEAR, "en") == "year end (implied)"
    assert implied_deadline_words(date(2024, 10, 31), YEAR, "zh") == "10月31日（随上级任务）"
    assert implied_deadline_words(date(2025, 8, 31), YEAR, "en") == "2025-08-31 (parent's)"


MILESTONE_CASES = [
    # name, milestones (due dates), deadline, as-of, planned
    ("the deadline as the only milestone is the plain time share", ["2024-12-31"], "2024-12-31", "2024-06-30", 49.59),
    ("the same deadline without milestones", [], "2024-12-31", "2024-06-30", 49.59),
    ("the first stretch, before the first milestone", ["2024-04-30", "2024-12-31"], "2024-12-31", "2024-02-29", 24.58),  # 50 × 59/120
    ("on the first of two milestones", ["2024-04-30", "2024-12-31"], "2024-12-31", "2024-04-30", 50),
    ("in the second stretch", ["2024-04-30"], "2024-12-31", "2024-08-30", 74.9),  # 50 + 50 × 122/245
    ("two milestones and the deadline: thirds", ["2024-03-31", "2024-06-30"], "2024-12-31", "2024-06-30", 66.67),
    ("a milestone without a date adds no stretch", [None], "2024-12-31", "2024-06-30", 49.59),
    ("on the start", ["2024-04-30"], "2024-12-31", "2024-01-01", 0),
    ("from the deadline on", ["2024-04-30"], "2024-12-31", "2025-01-05", 100),
]


@pytest.mark.parametrize(("name", "dues", "deadline", "as_of", "planned"), MILESTONE_CASES,
                         ids=[c[0] for c in MILESTONE_CASES])
def test_planned_progress_is_time_proportional_between_milestones(name, dues, deadline, as_of, planned):
    milestones = [Milestone(f"m{i}", due=date.fromisoformat(d) if d else None) for i, d in enumerate(dues)]
    t = task(due=deadline, milestones=milestones)
    assert planned_progress(t, date.fromisoformat(as_of), YEAR) == pytest.approx(planned, abs=0.05)


def test_the_same_deadline_gives_the_same_light_with_or_without_it_as_a_milestone():
    # 口腔医院 (年底前, its milestone on the deadline) and 学前教育 (年底) at mid-year, both at 0 %
    hospital = task(due="2024-12-31", milestones=[Milestone("完成工程建设", due=YEAR_END)])
    preschool = task(due="2024-12-31")
    for as_of in (date(2024, 3, 31), MID_YEAR, date(2024, 11, 30)):
        a, b = (evaluate_task(t, as_of, YEAR, RULES) for t in (hospital, preschool))
        assert (a.status, a.planned) == (b.status, b.planned)
    assert evaluate_task(hospital, MID_YEAR, YEAR, RULES).status is Status.YELLOW


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dates(min_value=date(2024, 1, 2), max_value=date(2024, 12, 30)), max_size=4),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 29)))
def test_planned_progress_never_stands_still_while_time_passes(dues, day):
    t = task(due="2024-12-31", milestones=[Milestone("m", due=d) for d in dues])
    assert planned_progress(t, day + timedelta(days=1), YEAR) > planned_progress(t, day, YEAR)


def _plan_of(*tops: Task, rules: PlanSettings = RULES) -> Plan:
    return Plan(title="p", year=YEAR, settings=rules, areas=[Area("A", tasks=list(tops))])


SUBTASK_CASES = [
    # name, parent's deadline, sub-tasks (deadline, progress), parent's own progress update, parent's light
    ("one overdue sub-task makes the parent red", "2024-12-31", [("2024-04-30", 50), ("2024-12-31", 60)], 80,
     Status.RED),
    ("one behind sub-task makes the parent yellow", "2024-12-31", [("2024-12-31", 10), ("2024-12-31", 90)], 70,
     Status.YELLOW),
    ("a due-soon sub-task makes the parent blue", "2024-12-31", [("2024-07-15", 95), ("2024-12-31", 90)], 70,
     Status.BLUE),
    ("red beats yellow", "2024-12-31", [("2024-04-30", 50), ("2024-12-31", 0)], None, Status.RED),
    ("a parent's own red is kept", "2024-05-31", [("2024-12-31", 60)], 10, Status.RED),
    ("green sub-tasks leave a green parent green", "2024-12-31", [("2024-12-31", 60), ("2024-12-31", 50)], None,
     Status.GREEN),
    ("an overdue sub-task under a parent reported done", "2024-12-31", [("2024-04-30", 50)], 100, Status.RED),
]


@pytest.mark.parametrize(("name", "due", "subs", "own", "light"), SUBTASK_CASES, ids=[c[0] for c in SUBTASK_CASES])
def test_a_parent_is_never_better_than_its_worst_subtask(name, due, subs, own, light):
    children = [task(title=f"s{i}", due=d, updates=[upd("2024-06-01", p)]) for i, (d, p) in enumerate(subs)]
    parent = task(title="parent", due=due, subtasks=children,
                  updates=[upd("2024-06-02", own)] if own is not None else [])
    figures = evaluate_plan(_plan_of(parent), MID_YEAR)
    assert figures.tasks[parent.id].status is light
    # the counts are of work items (the sub-tasks): the parent's light adds none
    assert figures.plan.leaf_tasks == len(subs)


def test_worse_of_orders_red_yellow_blue_above_everything():
    order = [Status.RED, Status.YELLOW, Status.BLUE]
    for own in Status:
        assert worse_of(own, None) is own
        for sub in order:
            expected = own if own in order and order.index(own) <= order.index(sub) else sub
            assert worse_of(own, sub) is expected


def test_subtasks_work_to_their_parents_deadline():
    deep = task(title="deep")
    middle = task(title="middle", subtasks=[deep])
    top = task(title="top", due="2024-04-30", subtasks=[middle])
    plan = _plan_of(top)
    assert task_deadline(plan, deep.id) == (date(2024, 4, 30), True)
    figures = evaluate_plan(plan, date(2024, 5, 2))
    assert figures.tasks[deep.id].status is Status.RED
    assert figures.tasks[deep.id].due == date(2024, 4, 30)
    # a sub-task's own deadline wins over its parent's
    deep.due = date(2024, 12, 31)
    assert task_deadline(plan, deep.id) == (date(2024, 12, 31), False)


def test_an_empty_new_subtask_does_not_move_a_behind_task_into_on_track():
    from planner_gui.ui.tree_editing import inherit_from_parent

    parent = task(title="学前教育", due="2024-12-31", leader="张三", lead_unit="区教委",
                  updates=[upd("2024-06-01", 10)])
    plan = _plan_of(parent)
    before = evaluate_plan(plan, MID_YEAR)
    assert before.plan.counts[Status.YELLOW] == 1
    empty = Task(title="新子任务")
    inherit_from_parent(empty, parent)
    assert (empty.due, empty.leader, empty.lead_unit) == (parent.due, "张三", "区教委")
    parent.subtasks.append(empty)
    after = evaluate_plan(plan, MID_YEAR)
    assert after.plan.counts[Status.GREEN] == 0
    assert after.plan.counts[Status.YELLOW] == 1
    assert after.tasks[parent.id].status is Status.YELLOW
    # set values are kept
    other = Task(title="x", leader="李四", due=date(2024, 9, 30))
    inherit_from_parent(other, parent)
    assert (other.leader, other.due, other.lead_unit) == ("李四", date(2024, 9, 30), "区教委")
    # and even without the inheritance, an empty sub-task works to its parent's deadline
    parent.subtasks.append(Task(title="bare"))
    assert evaluate_plan(plan, MID_YEAR).plan.counts[Status.GREEN] == 0


AS_OF_CASES = [
    # name, plan year, today, default as-of, end of last month, end of last quarter
    ("a past year's plan opens as of its 31 December", 2024, date(2026, 12, 2),
     date(2024, 12, 31), date(2024, 12, 31), date(2024, 12, 31)),
    ("the current plan opens as of today", 2024, date(2024, 8, 15),
     date(2024, 8, 15), date(2024, 7, 31), date(2024, 6, 30)),
    ("a future plan opens as of its 1 January", 2027, date(2026, 12, 2),
     date(2027, 1, 1), date(2027, 1, 1), date(2027, 1, 1)),
    ("January of the plan's year: last month is not last year", 2024, date(2024, 1, 20),
     date(2024, 1, 20), date(2024, 1, 1), date(2024, 1, 1)),
    ("early next year", 2024, date(2025, 1, 10), date(2024, 12, 31), date(2024, 12, 31), date(2024, 12, 31)),
]


@pytest.mark.parametrize(("name", "year", "today", "as_of", "month_end", "quarter_end"), AS_OF_CASES,
                         ids=[c[0] for c in AS_OF_CASES])
def test_the_default_as_of_date_is_today_clamped_to_the_plans_year(name, year, today, as_of, month_end, quarter_end):
    assert default_as_of(year, today) == as_of
    assert last_month_end_in_year(year, today) == month_end
    assert last_quarter_end_in_year(year, today) == quarter_end


def test_the_not_judged_setting_is_kept_by_the_file_and_the_json_format(tmp_path):
    from planner_gui.domain.errors import FormatError, ValidationError
    from planner_gui.exchange import json_format
    from planner_gui.store import PlanStore

    plan = _plan_of(task(title="no deadline"), rules=NOT_JUDGED)
    with PlanStore.create(tmp_path / "p.sqlite", plan) as store:
        assert store.load_plan().settings.judge_without_deadline is False
    data = json_format.plan_to_dict(plan)
    assert json_format.plan_from_dict(data).settings.judge_without_deadline is False
    data["plan"]["settings"]["judge_without_deadline"] = "no"
    with pytest.raises(FormatError, match="judge_without_deadline"):
        json_format.plan_from_dict(data)
    with pytest.raises(ValidationError):
        PlanSettings(judge_without_deadline=1)
