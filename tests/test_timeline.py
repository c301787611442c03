"""The timeline's plain data (domain/timeline.py): bars, milestones, gridlines,
zoom spans and the due-soon list, for a hand-made plan."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.domain.progress import Status, evaluate_plan, planned_progress
from planner_gui.domain.timeline import (
    MarkState,
    Span,
    due_soon,
    gridlines,
    group_by_unit,
    task_bar,
    zoom_span,
)
from timeline_plans import timeline_plan


def _task(plan, prefix):
    return next(t for t in plan.walk_tasks() if t.title.startswith(prefix))


def test_bar_runs_from_start_to_deadline_filled_by_progress_with_the_planned_mark():
    plan = timeline_plan()
    as_of = date(2024, 3, 1)
    figures = evaluate_plan(plan, as_of)
    steady = _task(plan, "甲")
    bar = task_bar(steady, figures.tasks[steady.id], plan.year, as_of)
    assert (bar.start, bar.end) == (date(2024, 1, 1), date(2024, 4, 30))  # default start: 1 January
    assert bar.progress == 50
    assert bar.planned == pytest.approx(planned_progress(steady, as_of, plan.year), abs=0.01)
    assert bar.planned == pytest.approx(100 * 60 / 120, abs=0.01)  # 60 of the 120 days passed
    assert bar.filled_until == date(2024, 3, 1)  # half of 120 days after 1 January
    assert bar.planned_at == date(2024, 3, 1)
    assert bar.status is Status.GREEN and not bar.open_end

    late = _task(plan, "乙")
    late_bar = task_bar(late, figures.tasks[late.id], plan.year, as_of)
    assert late_bar.start == date(2024, 2, 1)  # its own start
    assert late_bar.progress == 0 and late_bar.filled_until == late_bar.start


def test_a_task_without_deadline_runs_open_to_the_years_end():
    plan = timeline_plan()
    task = _task(plan, "丁")
    task.due = None
    figures = evaluate_plan(plan, date(2024, 5, 1))
    bar = task_bar(task, figures.tasks[task.id], plan.year, date(2024, 5, 1))
    assert bar.open_end and bar.end == date(2024, 12, 31)
    assert bar.planned == figures.tasks[task.id].planned  # the rules' figure, not one of its own


def test_light_follows_the_as_of_date():
    plan = timeline_plan()
    late = _task(plan, "乙")
    early, later = date(2024, 3, 1), date(2024, 8, 1)
    colours = [task_bar(late, evaluate_plan(plan, d).tasks[late.id], plan.year, d).status
               for d in (early, later)]
    assert colours == [Status.GREEN, Status.YELLOW]  # nothing done while 6 of 10 months passed


def test_milestones_are_done_pending_or_missed_as_of_the_date():
    plan = timeline_plan()
    task = _task(plan, "丙")
    bar = task_bar(task, evaluate_plan(plan, date(2024, 5, 15)).tasks[task.id], plan.year,
                   date(2024, 5, 15))
    assert [(m.title, m.state) for m in bar.milestones] == [
        ("完成招标", MarkState.DONE), ("方案印发", MarkState.MISSED), ("主体开工", MarkState.PENDING)]
    before = task_bar(task, None, plan.year, date(2024, 3, 10))
    assert [m.state for m in before.milestones] == [MarkState.PENDING] * 3  # not done yet by 10 March
    assert before.status is None  # figures not known: no light


def test_due_soon_lists_the_window_and_what_was_missed_by_unit():
    plan = timeline_plan()
    as_of = date(2024, 5, 15)
    items = due_soon(plan, evaluate_plan(plan, as_of).tasks, as_of)
    got = [(i.unit, i.day, i.milestone or "deadline", i.missed) for i in items]
    assert got == [
        ("区城管委", date(2024, 4, 30), "deadline", True),  # 甲: at 50% past its deadline
        ("区文旅局", date(2024, 4, 30), "方案印发", True),  # missed, not done by the as-of date
        ("区教委", date(2024, 6, 10), "deadline", False),  # 26 days ahead: in the 30-day window
    ]
    # 主体开工 (20 June) is 36 days away: outside the 30-day window; done 完成招标 is not listed
    assert all(i.milestone != "完成招标" for i in items)
    wider = due_soon(plan, evaluate_plan(plan, as_of).tasks, as_of, window_days=40)
    assert ("主体开工", False) in [(i.milestone, i.missed) for i in wider]
    assert [unit for unit, _ in group_by_unit(items)] == ["区城管委", "区文旅局", "区教委"]


def test_due_soon_leaves_out_done_tasks_and_tasks_out_of_scope():
    plan = timeline_plan()
    as_of = date(2024, 5, 15)
    _task(plan, "甲").done_on = date(2024, 4, 28)
    figures = evaluate_plan(plan, as_of).tasks
    assert all(not i.task_title.startswith("甲") for i in due_soon(plan, figures, as_of))
    other = _task(plan, "丁")
    assert {i.task_id for i in due_soon(plan, figures, as_of, task_ids=[other.id])} == {other.id}


def test_zoom_spans_and_gridlines_in_both_languages():
    assert zoom_span("year", 2024, date(2024, 5, 15)) == Span(date(2024, 1, 1), date(2024, 12, 31))
    assert zoom_span("quarter", 2024, date(2024, 5, 15)) == Span(date(2024, 4, 1), date(2024, 6, 30))
    assert zoom_span("month", 2024, date(2024, 2, 10)) == Span(date(2024, 2, 1), date(2024, 2, 29))
    assert zoom_span("month", 2024, date(2025, 3, 1)).first == date(2024, 12, 1)  # kept in the plan's year
    year = zoom_span("year", 2024, date(2024, 5, 15))
    zh, en = gridlines(year, "zh"), gridlines(year, "en")
    assert [g.label for g in zh] == [f"{m}月" for m in range(1, 13)]
    assert [g.quarter_label for g in zh if g.quarter] == ["一季度", "二季度", "三季度", "四季度"]
    assert [g.label for g in en][:3] == ["Jan", "Feb", "Mar"] and en[6].quarter_label == "Q3"
    assert year.position(date(2024, 1, 1)) == 0 and year.position(date(2025, 1, 1)) == 1
    assert year.day_at(0.5) == date(2024, 7, 2)
    with pytest.raises(ValueError):
        zoom_span("week", 2024, date(2024, 1, 1))
