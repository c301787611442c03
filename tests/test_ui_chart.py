"""The progress chart: its series come from the shared progress rules."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from planner_gui.domain.model import Milestone, ProgressUpdate
from planner_gui.domain.progress import evaluate_area, evaluate_plan
from planner_gui.ui import chart as chart_module
from planner_gui.ui.chart import ChartPanel
from planner_gui.ui.chart_series import MAX_SAMPLES, sample_dates, timestamp

PRESCHOOL = "学前教育公办率提升至50%"  # due 2024-12-31, indicator 学前教育公办率 >= 50 %


@pytest.fixture
def chart(qtbot):
    widget = ChartPanel()
    qtbot.addWidget(widget)
    return widget


def find_task(plan, title):
    return next(t for t in plan.walk_tasks() if t.title == title)


def test_task_series_hold_planned_line_actual_steps_and_markers(chart, bundled_store):
    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 10), progress=30,
                                                     readings={"学前教育公办率": 46}))
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 6, 5), progress=55))
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 9, 1), progress=80))  # after as-of
    plan = bundled_store.load_plan()
    chart.show_task(plan, task.id, date(2024, 7, 1))
    series = chart.series()

    assert series["planned"][0] == (timestamp(date(2024, 1, 1)), 0.0)
    assert series["planned"][-1] == (timestamp(date(2024, 12, 31)), 100.0)
    assert series["actual"] == [
        (timestamp(date(2024, 3, 10)), 30.0),
        (timestamp(date(2024, 6, 5)), 30.0),
        (timestamp(date(2024, 6, 5)), 55.0),
        (timestamp(date(2024, 7, 1)), 55.0),
    ]
    assert series["updates"] == [(timestamp(date(2024, 3, 10)), 30.0), (timestamp(date(2024, 6, 5)), 55.0)]
    assert series["as_of"][0][0] == timestamp(date(2024, 7, 1))
    assert series["indicator:学前教育公办率"] == [(timestamp(date(2024, 3, 10)), 46.0)]
    assert series["target:学前教育公办率"][0][1] == 50.0


def test_planned_line_runs_through_milestones(chart, bundled_store):
    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    task.milestones = [Milestone("方案", due=date(2024, 5, 31)), Milestone("验收", due=date(2024, 11, 30))]
    chart.show_task(plan, task.id, date(2024, 7, 1))
    planned = chart.series()["planned"]
    # three stretches (start, 方案, 验收, deadline), a third each, straight within each
    assert planned == [(timestamp(date(2024, 1, 1)), 0.0), (timestamp(date(2024, 5, 31)), pytest.approx(100 / 3)),
                       (timestamp(date(2024, 11, 30)), pytest.approx(200 / 3)),
                       (timestamp(date(2024, 12, 31)), 100.0)]
    assert [y for _, y in chart.series()["milestones"]] == [pytest.approx(100 / 3), pytest.approx(200 / 3)]


def test_area_chart_counts_lights_and_rolls_up_over_time(chart, bundled_store):
    plan = bundled_store.load_plan()
    area = plan.areas[5]
    as_of = date(2024, 7, 15)
    chart.show_area(plan, area.id, as_of, evaluate_plan(plan, as_of).areas[area.id].counts)
    expected = evaluate_area(area, as_of, plan, {})
    counts = chart.light_counts()
    assert counts == {status.value: n for status, n in expected.counts.items()}
    rollup = chart.series()["rollup"]
    assert len(rollup) == 7  # six month ends and the as-of date
    assert rollup[-1] == (timestamp(as_of), expected.progress)


def test_plan_roll_up_is_lazy_and_sampled(qtbot, chart, bundled_store, monkeypatch):
    sampled = []
    real_series = chart_module.plan_progress_series
    monkeypatch.setattr(chart_module, "plan_progress_series",
                        lambda plan, days: sampled.extend(days) or real_series(plan, days))
    plan = bundled_store.load_plan()
    figures = evaluate_plan(plan, date(2026, 6, 30))
    chart.show_plan(plan, date(2026, 6, 30), figures.plan.counts)
    assert sampled == []  # hidden: nothing computed yet
    chart.show()
    qtbot.waitUntil(lambda: chart._sampler is None and len(chart._series.get("rollup", [])) == MAX_SAMPLES,
                    timeout=20000)
    # the lights are the document's figures (the chart evaluates nothing itself),
    # then every sampled date in one pass (domain/rollup.py)
    assert not hasattr(chart_module, "evaluate_plan") and len(sampled) == MAX_SAMPLES
    assert chart.series()["rollup"][-1] == (timestamp(date(2026, 6, 30)), figures.plan.progress)
    assert chart.light_counts()["green"] == evaluate_plan(plan, date(2026, 6, 30)).plan.counts[
        next(s for s in evaluate_plan(plan, date(2026, 6, 30)).plan.counts if s.value == "green")]


def test_sample_dates_are_month_ends_then_the_as_of_date():
    assert sample_dates(2024, date(2024, 3, 15)) == [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 15)]
    long = sample_dates(2020, date(2026, 1, 10))
    assert len(long) == MAX_SAMPLES and long[-1] == date(2026, 1, 10) and long == sorted(long)


def test_user_text_in_tooltips_and_heading_stays_plain(chart, bundled_store):
    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    task.title = "<b>加粗</b>"
    chart.show_task(plan, task.id, date(2024, 7, 1))
    chart.series()
    assert chart.heading.text() == "<b>加粗</b>"
    assert chart.heading.textFormat() == Qt.TextFormat.PlainText
    tip = ChartPanel._tip(timestamp(date(2024, 5, 1)), 40.0, "<img src=x>")
    assert "2024-05-01: 40" in tip and "&lt;img src=x&gt;" in tip and "<img" not in tip


def test_a_long_title_keeps_the_heading_one_line_high_and_whole_in_its_tooltip(qtbot, chart, bundled_store):
    """The heading does not grow with the title (the plots below keep their
    size from task to task); a title too long for it ends in "…", and its
    tooltip has the whole of it, as plain text."""
    plan = bundled_store.load_plan()
    short, long = plan.areas[0].tasks[0], plan.areas[1].tasks[0]
    short.title = "学前教育"
    long.title = "<i>很长的标题</i>" + "推进城市更新示范工程建设并完成年度目标" * 6
    chart.resize(300, 500)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_task(plan, short.id, date(2024, 7, 1))
    chart.series()
    heights = [chart.heading.height()]
    assert chart.heading.text() == short.title and chart.heading.toolTip() == ""
    chart.show_task(plan, long.id, date(2024, 7, 1))
    chart.series()
    heights.append(chart.heading.height())
    shown = chart.heading.text()
    assert shown.endswith("…") and long.title.startswith(shown[:-1])
    assert chart.heading.whole_text() == long.title
    assert "&lt;i&gt;很长的标题" in chart.heading.toolTip() and "<i>" not in chart.heading.toolTip()
    assert heights[0] == heights[1]
    chart.resize(3000, 500)  # room for all of it: shown whole, no tooltip needed
    qtbot.waitUntil(lambda: chart.heading.text() == long.title)
    assert chart.heading.toolTip() == ""


def test_clear_empties_the_series(chart, bundled_store):
    plan = bundled_store.load_plan()
    chart.show_plan(plan, date(2024, 7, 1), evaluate_plan(plan, date(2024, 7, 1)).plan.counts)
    assert chart.series()["rollup"]
    chart.clear()
    assert chart.series() == {} and chart.light_counts() == {}


def test_many_signal_emits_and_redraws_do_not_exhaust_true_or_none(chart, bundled_store):
    """PySide6 6.12.0 drops a reference to True per emit and to None per plot
    item (pyproject excludes it); with it the interpreter aborts (bool_dealloc)
    long before this loop ends."""
    import gc
    import sys

    from PySide6.QtCore import QObject, Signal

    class Events(QObject):
        item_changed = Signal(str, str)

    events = Events()
    events.item_changed.connect(lambda table, item_id: None)
    true_before = sys.getrefcount(True)
    for _ in range(true_before + 1000):
        events.item_changed.emit("task", "x")
    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    for _ in range(50):
        chart.show_task(plan, task.id, date(2024, 7, 1))
        chart.series()
    chart.clear()
    gc.collect()
    assert sys.getrefcount(True) > 0 and sys.getrefcount(None) > 0


def test_hovering_an_update_shows_its_date_value_and_text_as_plain_text(qtbot, chart, bundled_store):
    from PySide6.QtCore import QPoint, QPointF

    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 20), progress=20, text="<b>新增</b>公办园2所"))
    plan = bundled_store.load_plan()
    chart.resize(600, 500)
    chart.show()
    chart.show_task(plan, task.id, date(2024, 7, 1))
    view = chart.main.getPlotItem().vb
    x = timestamp(date(2024, 3, 20))
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: view.viewRange()[0][0] < x < view.viewRange()[0][1])  # auto-range done
    spot = chart.main.mapFromScene(view.mapViewToScene(QPointF(x, 20)))
    qtbot.mouseMove(chart.main.viewport(), spot)
    qtbot.mouseMove(chart.main.viewport(), spot + QPoint(1, 0))
    qtbot.waitUntil(lambda: "2024-03-20: 20" in view.toolTip())
    assert "&lt;b&gt;新增&lt;/b&gt;公办园2所" in view.toolTip()


def test_a_parent_task_line_moves_when_its_sub_tasks_report(chart, bundled_store):
    plan = bundled_store.load_plan()
    parent = next(t for t in plan.walk_tasks() if len(t.subtasks) == 2 and not t.updates)
    first, second = parent.subtasks
    bundled_store.add_update(first.id, ProgressUpdate(date=date(2024, 3, 1), progress=50))
    bundled_store.add_update(second.id, ProgressUpdate(date=date(2024, 5, 1), progress=100))
    plan = bundled_store.load_plan()
    parent = plan.find_task(parent.id)
    chart.show_task(plan, parent.id, date(2024, 6, 1))
    expected = [evaluate_plan(plan, day).tasks[parent.id].progress
                for day in (date(2024, 3, 1), date(2024, 5, 1), date(2024, 6, 1))]
    assert [y for _, y in chart.series()["actual"]][-1] == expected[-1]
    assert {y for _, y in chart.series()["actual"]} >= set(expected)


def test_several_indicators_are_drawn_as_shares_of_their_targets(chart, bundled_store):
    plan = bundled_store.load_plan()
    task = find_task(plan, "接续推动城南行动计划实施")  # 55 projects and 200 亿元
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 6, 30), progress=50,
                                                     readings={"完成城南行动计划项目": 22, "投资": 150}))
    plan = bundled_store.load_plan()
    chart.show_task(plan, task.id, date(2024, 7, 1))
    series = chart.series()
    assert series["indicator:完成城南行动计划项目"] == [(timestamp(date(2024, 6, 30)), 40.0)]
    assert series["indicator:投资"] == [(timestamp(date(2024, 6, 30)), 75.0)]
    assert {y for _, y in series["target:投资"]} == {100.0}


def test_a_narrow_chart_still_names_months_on_its_date_axis(qtbot):
    """A year on about 260 px: pyqtgraph named no month at all; the axis names
    every third month then, and every month where there is room."""
    import pyqtgraph as pg

    from planner_gui.ui.chart_items import PlanDateAxis

    axis = PlanDateAxis()
    plot = pg.PlotWidget(axisItems={"bottom": axis})
    qtbot.addWidget(plot)
    first, last = timestamp(date(2024, 1, 1)), timestamp(date(2024, 12, 31))
    plot.setXRange(first, last, padding=0)
    plot.grab()  # painted once: the axis knows its font

    def labels(width: int) -> list[str]:
        names = []
        for spacing, values in axis.tickValues(first, last, width):
            names += axis.tickStrings(values, 1.0, spacing)
        return [name for name in names if name and not name.isdigit()]  # months, not the year

    narrow, wide = labels(260), labels(800)
    assert narrow == ["Jan", "Apr", "Jul", "Oct"]  # a quarter's first month
    assert len(wide) >= 11 and wide[:3] == ["Feb", "Mar", "Apr"]


def test_an_area_between_two_tasks_shows_only_its_own_lines_and_lights(chart, bundled_store):
    import pyqtgraph as pg

    bundled_store.add_update(find_task(bundled_store.load_plan(), PRESCHOOL).id, ProgressUpdate(
        date=date(2024, 3, 10), progress=30, readings={"学前教育公办率": 46}))
    plan = bundled_store.load_plan()
    task = find_task(plan, PRESCHOOL)
    area = next(a for a in plan.areas if any(t.id == task.id for t in a.walk_tasks()))
    as_of = date(2024, 7, 1)

    def shown_lines() -> list[list[float]]:
        return [list(item.yData) for item in chart.main.getPlotItem().items
                if isinstance(item, pg.PlotDataItem) and item.isVisible() and item.yData is not None
                and len(item.yData)]

    chart.show_task(plan, task.id, as_of)
    task_series = chart.series()
    task_lines = shown_lines()
    assert [y for _, y in task_series["actual"]] in task_lines
    assert chart.indicator_plot.isVisibleTo(chart) and not chart.lights_plot.isVisibleTo(chart)

    chart.show_area(plan, area.id, as_of, evaluate_plan(plan, as_of).areas[area.id].counts)
    chart.light_counts()  # waits for the roll-up
    rollup = [y for _, y in chart.series()["rollup"]]
    assert shown_lines() == [rollup]  # the task's lines are not drawn under the area's
    assert chart.lights_plot.isVisibleTo(chart) and not chart.indicator_plot.isVisibleTo(chart)

    chart.show_task(plan, task.id, as_of)
    assert chart.series() == task_series
    assert shown_lines() == task_lines  # the area's roll-up is gone
    assert chart.indicator_plot.isVisibleTo(chart) and not chart.lights_plot.isVisibleTo(chart)
