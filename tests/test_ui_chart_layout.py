"""Issue 22: the chart pane in the first window at 1366×768 and 1920×1080, in both
languages. A task with indicators was drawn as its chart was shown, and painted
with the indicator plot at 100×30 px over the chart's heading and the progress
plot still the whole height of the pane: both plots must be laid out, legible and
apart from the heading as soon as the chart is drawn, before any event runs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect

from planner_gui.domain.model import ProgressUpdate
from test_ui_history_table import Screen, language  # noqa: F401 - the language fixture
from ui_window_helpers import make_window

PROGRESS_PLOT_MIN = 150  # px: 0-100 in five ticks, the legend's two rows and the date axis
INDICATOR_PLOT_MIN = 110  # px: a few ticks, a legend row and the date axis


def first_window_with_indicators(qtbot, tmp_path, width: int, height: int):
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path / "plan.sqlite")
    task = next(t for t in store.load_plan().walk_tasks() if t.indicators)
    name = task.indicators[0].name
    for month, progress, reading in ((3, 20.0, 3.0), (4, 35.0, 6.0), (6, 60.0, 12.5)):
        store.add_update(task.id, ProgressUpdate(date(2024, month, 28), progress, text="推进",
                                                 readings={name: reading}))
    store.close()
    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    window.screen = lambda: Screen(width, height)
    window._first_size()
    return window, task


def in_panel(widget, panel) -> QRect:
    return QRect(widget.mapTo(panel, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_both_plots_are_legible_and_clear_of_the_heading(qtbot, tmp_path, language, screen):  # noqa: F811
    window, task = first_window_with_indicators(qtbot, tmp_path, *screen)
    chart = window.chart  # built now if the first paint has not come yet
    qtbot.waitUntil(chart.isVisible)
    tabs = window.chart_slot.tabs
    tabs.setCurrentIndex(1)  # the timeline: the chart waits to be shown to draw the task
    assert window.select_item(task.id)
    tabs.setCurrentIndex(0)  # drawn as it is shown (its showEvent), with no event run since
    assert chart.series()["actual"]
    assert chart.indicator_plot.isVisibleTo(chart)
    heading = in_panel(chart.heading, chart)
    progress = in_panel(chart.main, chart)
    indicators = in_panel(chart.indicator_plot, chart)
    assert progress.height() >= PROGRESS_PLOT_MIN
    assert indicators.height() >= INDICATOR_PLOT_MIN
    # top to bottom: heading, progress plot, indicator plot; none over another
    assert heading.bottom() < progress.top()
    assert progress.bottom() < indicators.top()
    assert chart.rect().contains(indicators)
    assert progress.width() == indicators.width() == chart.width()  # the dates line up
    assert chart.heading.whole_text() == task.title


def test_the_plots_keep_a_legible_height_in_a_short_window(qtbot, tmp_path):
    """Shrunk to its least, the window keeps both plots readable rather than
    squeezing them to a line (the pane's minimum holds them)."""
    window, task = first_window_with_indicators(qtbot, tmp_path, 1366, 768)
    chart = window.chart
    qtbot.waitUntil(chart.isVisible)
    assert window.select_item(task.id)
    chart.series()
    window.resize(window.width(), 200)
    qtbot.waitUntil(lambda: window.height() <= window.minimumSizeHint().height() + 1)
    assert chart.main.height() >= PROGRESS_PLOT_MIN
    assert chart.indicator_plot.height() >= INDICATOR_PLOT_MIN


@pytest.mark.parametrize("height", [330, 600])
@pytest.mark.parametrize("reading_day", [date(2024, 3, 20), date(2024, 11, 20)])
def test_the_indicator_legend_sits_clear_of_readings_and_targets(qtbot, bundled_store, height, reading_day):
    """Issue 22, point 8: the legend sat on a lone reading's dot (at the bottom right,
    where a reading late in the year or a small one is drawn)."""
    from PySide6.QtCore import QPointF

    from planner_gui.ui.chart import ChartPanel

    plan = bundled_store.load_plan()
    task = next(t for t in plan.walk_tasks() if len(t.indicators) == 1 and t.indicators[0].target)
    indicator = task.indicators[0]
    bundled_store.add_update(task.id, ProgressUpdate(reading_day, 30.0, readings={indicator.name: 1.0}))
    plan = bundled_store.load_plan()
    chart = ChartPanel()
    qtbot.addWidget(chart)
    chart.resize(270, height)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_task(plan, task.id, date(2024, 12, 31))
    series = chart.series()
    legend = chart._indicator_items.legend  # noqa: SLF001 - where the legend was put
    assert legend.isVisible() and legend.items  # the reading's line is named
    box = legend.sceneBoundingRect()
    view = chart.indicator_plot.getViewBox()
    points = series[f"indicator:{indicator.name}"] + series[f"target:{indicator.name}"]
    for x, y in points:
        at = view.mapViewToScene(QPointF(x, y))
        assert not box.adjusted(-4, -4, 4, 4).contains(at), (x, y)
        assert view.sceneBoundingRect().contains(at)  # and still in the plot
    # the axis still starts at zero under a lone small reading, and the target is in view
    low, high = view.viewRange()[1]
    assert low == 0 and high > indicator.target
