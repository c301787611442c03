"""The Timeline view and the Due Soon dock in the real main window (issue 23):
what is painted where (read back from the picture), clicking a bar, dragging
the as-of line, the rows following the tree, and both languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner_gui.domain.model import Area, Plan, Task
from planner_gui.domain.progress import STATUS_COLOURS, Status, planned_progress
from planner_gui.store import PlanStore
from planner_gui.ui.actions import ActionId
from timeline_plans import timeline_plan
from ui_window_helpers import make_window

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _window(qtbot, tmp_path, plan: Plan | None = None, as_of: date = date(2024, 3, 1)):
    path = tmp_path / "timeline.sqlite"
    PlanStore.create(path, plan or timeline_plan()).close()
    window = make_window(qtbot, path, tmp_path / "settings.ini")
    window.resize(1400, 800)
    window.splitter.setSizes([450, 250, 700])
    window.document.set_as_of(as_of)
    return window


def _open(qtbot, window):
    from planner_gui.ui.timeline import show_timeline

    panel = show_timeline(window)
    qtbot.waitUntil(lambda: panel.isVisible() and len(panel.rows) >= 2, timeout=5000)
    return panel


def _row_of(panel, prefix: str) -> int:
    return next(i for i, node in enumerate(panel.nodes)
                if node.kind == "task" and node.source.title.startswith(prefix))


def _picture(qtbot, panel) -> QImage:
    """The plot as painted now (after the pending refresh)."""
    qtbot.waitUntil(lambda: not panel.refresher.pending, timeout=5000)
    return panel.plot.grab().toImage()


def _bar_y(panel, row: int) -> int:
    rect = panel.row_rect(row)
    return round(rect.top() + rect.height() * 0.74)  # the bar's middle (title above it)


def _colour_at(image: QImage, x: float, y: int) -> str:
    return QColor(image.pixel(round(x), y)).name()


def test_bar_geometry_and_light_colours_at_two_as_of_dates(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    panel = _open(qtbot, window)
    row = _row_of(panel, "甲")
    bar = panel.rows[row]
    assert (bar.start, bar.end, bar.progress) == (date(2024, 1, 1), date(2024, 4, 30), 50)
    y = _bar_y(panel, row)
    image = _picture(qtbot, panel)
    green = STATUS_COLOURS[Status.GREEN]
    # the filled half (1 Jan - 1 Mar) in the light's colour, the rest only tinted, nothing after the deadline
    assert _colour_at(image, panel.day_x(date(2024, 1, 20)), y) == green
    assert _colour_at(image, panel.day_x(date(2024, 2, 20)), y) == green
    unfilled = _colour_at(image, panel.day_x(date(2024, 4, 10)), y)
    assert unfilled != green and QColor(unfilled).lightness() > QColor(green).lightness()
    after = _colour_at(image, panel.day_x(date(2024, 6, 10)), y)
    assert after not in (green, unfilled)

    window.document.set_as_of(date(2024, 4, 15))  # planned 87.5%, still 50% done: behind
    qtbot.waitUntil(lambda: panel.rows[_row_of(panel, "甲")].status is Status.YELLOW, timeout=5000)
    image = _picture(qtbot, panel)
    assert _colour_at(image, panel.day_x(date(2024, 1, 20)), _bar_y(panel, _row_of(panel, "甲"))) \
        == STATUS_COLOURS[Status.YELLOW]


def test_a_missed_milestone_is_drawn_red_and_an_open_one_hollow(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
    panel = _open(qtbot, window)
    row = _row_of(panel, "丙")
    y = _bar_y(panel, row)
    image = _picture(qtbot, panel)
    assert _colour_at(image, panel.day_x(date(2024, 4, 30)), y) == STATUS_COLOURS[Status.RED]  # 方案印发
    assert _colour_at(image, panel.day_x(date(2024, 6, 20)), y) == "#ffffff"  # 主体开工: hollow
    done = QColor(image.pixel(round(panel.day_x(date(2024, 3, 31))), y))  # 完成招标: filled dark
    assert done.lightness() < 90
    # the planned mark (序时进度, the rules' figure) is a dark tick: 甲 is past its deadline,
    # so it stands at the bar's end, apart from the as-of line
    steady_row = _row_of(panel, "甲")
    steady = panel.rows[steady_row]
    assert steady.planned == pytest.approx(planned_progress(panel.nodes[steady_row].source,
                                                            date(2024, 5, 15), 2024), abs=0.01)
    start, end = panel.day_x(steady.start), panel.day_x(steady.end + timedelta(days=1))
    planned_x = start + (end - start) * steady.planned / 100
    steady_y = _bar_y(panel, steady_row)
    assert min(QColor(image.pixel(round(planned_x) + dx, steady_y)).lightness() for dx in (-1, 0, 1)) < 50
    assert QColor(image.pixel(round(planned_x) + 8, steady_y)).lightness() > 100  # nothing after the end
    tip = panel.tooltip(panel.rows[row])
    assert "丙：博物馆开工" in tip and "2024-09-30" in tip and "方案印发" in tip


def test_pointing_at_a_bar_tells_its_figures_in_plain_text(qtbot, tmp_path, monkeypatch):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QToolTip

    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)
    plan = timeline_plan()
    plan.areas[0].tasks[0].title = "<b>甲</b> 道路"
    window = _window(qtbot, tmp_path, plan)
    panel = _open(qtbot, window)
    row = _row_of(panel, "<b>")
    point = (panel.day_x(date(2024, 2, 10)), _bar_y(panel, row))
    none = Qt.MouseButton.NoButton
    for dx in (0, 2, 4):  # pyqtgraph reports hovers on moves
        _mouse(panel.plot.viewport(), QEvent.Type.MouseMove, point[0] + dx, point[1], none, none)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    text = QToolTip.text()
    assert "&lt;b&gt;甲&lt;/b&gt; 道路" in text  # the title's markup is shown as typed
    assert "2024-04-30" in text and "50%" in text and "On track" in text
    QToolTip.hideText()


def test_clicking_a_bar_selects_its_task_in_the_tree(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    panel = _open(qtbot, window)
    row = _row_of(panel, "丙")
    target = panel.nodes[row].id
    assert window.selected_task_id() != target
    QTest.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(panel.day_x(date(2024, 5, 10))), _bar_y(panel, row)))
    qtbot.waitUntil(lambda: window.selected_task_id() == target, timeout=5000)
    assert window.tree.currentIndex() == window.model.index_for_id(target)


def _mouse(widget, kind: QEvent.Type, x: float, y: float, button, buttons) -> None:
    pos = QPointF(x, y)
    QApplication.sendEvent(widget, QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def test_dragging_the_as_of_line_changes_the_as_of_date_everywhere(qtbot, tmp_path, monkeypatch):
    import pyqtgraph as pg

    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)  # every synthetic move counts
    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    panel = _open(qtbot, window)
    late = next(n for n in panel.nodes if n.kind == "task" and n.source.title.startswith("乙"))
    assert late.status is Status.GREEN
    viewport = panel.plot.viewport()
    y = panel.row_rect(1).center().y()
    start_x = panel.day_x(date(2024, 3, 1)) + (panel.day_x(date(2024, 3, 2)) - panel.day_x(date(2024, 3, 1))) / 2
    end_x = panel.day_x(date(2024, 8, 1)) + 1
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(viewport, QEvent.Type.MouseButtonPress, start_x, y, left, left)
    steps = 6
    for step in range(1, steps + 1):
        _mouse(viewport, QEvent.Type.MouseMove, start_x + (end_x - start_x) * step / steps, y, none, left)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end_x, y, left, none)
    qtbot.waitUntil(lambda: window.document.as_of != date(2024, 3, 1), timeout=5000)
    day = window.document.as_of
    assert abs((day - date(2024, 8, 1)).days) <= 2
    assert window.as_of_edit.date().toPython() == day
    assert window.document.figures.as_of == day  # the tree's lights and the editor follow the window's figures
    assert window.model.by_id[late.id].status is Status.YELLOW  # the tree row's light changed
    qtbot.waitUntil(lambda: panel.line_date() == day and not panel.refresher.pending, timeout=5000)
    assert panel.rows[_row_of(panel, "乙")].status is Status.YELLOW


def test_rows_follow_the_trees_filter_order_and_scrolling(qtbot, tmp_path):
    tasks = [Task(title=f"任务{i:03d}", lead_unit="区发改委", due=date(2024, 12, 31)) for i in range(300)]
    plan = Plan(title="大计划", year=2024, areas=[Area(name="唯一方面", tasks=tasks)])
    window = _window(qtbot, tmp_path, plan)
    panel = _open(qtbot, window)
    capacity = int(panel.plot.getViewBox().height() // panel.style_.row_height) + 1
    assert 5 < len(panel.rows) <= capacity < 300  # only what is on screen
    assert [n.id for n in panel.nodes[:3]] == [plan.areas[0].id, tasks[0].id, tasks[1].id]
    bar = window.tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    first = window.model.node(window.tree.indexAt(QPoint(1, 1)))
    qtbot.waitUntil(lambda: panel.nodes and panel.nodes[0] is first, timeout=5000)
    assert panel.nodes[-1].source.title == "任务299"
    window.filter_bar.text.setText("任务12")
    window.filter_bar.flush()
    qtbot.waitUntil(lambda: not panel.refresher.pending and panel.nodes and panel.nodes[0].kind == "area",
                    timeout=5000)
    assert [n.source.title for n in panel.nodes[1:]] == [f"任务{i}" for i in range(120, 130)]


def test_zoom_to_quarter_and_month(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
    panel = _open(qtbot, window)
    low, high = panel.plot.getViewBox().viewRange()[0]
    assert (date.fromordinal(round(low)), date.fromordinal(round(high))) == (date(2024, 1, 1), date(2025, 1, 1))
    panel.zoom_buttons.buttons()[1].click()
    low, high = panel.plot.getViewBox().viewRange()[0]
    assert (date.fromordinal(round(low)), date.fromordinal(round(high))) == (date(2024, 4, 1), date(2024, 7, 1))
    panel.set_zoom("month")
    low, high = panel.plot.getViewBox().viewRange()[0]
    assert (date.fromordinal(round(low)), date.fromordinal(round(high))) == (date(2024, 5, 1), date(2024, 6, 1))


def test_due_soon_dock_lists_by_unit_and_selects_on_click(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
    window.actions[ActionId.SHOW_DUE_SOON].setChecked(True)
    dock = window.due_soon
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() == 3, timeout=5000)
    units = [dock.list.topLevelItem(i).text(0) for i in range(3)]
    assert units == ["区城管委", "区文旅局", "区教委"]
    # shown whole: each unit's count, every date and what is due (the title takes what is left)
    metrics, margin = dock.list.fontMetrics(), 12
    heads = [dock.list.topLevelItem(i) for i in range(3)]
    rows = [head.child(j) for head in heads for j in range(head.childCount())]
    assert all(metrics.horizontalAdvance(h.text(1)) + margin <= dock.list.columnWidth(1) for h in heads)
    assert all(metrics.horizontalAdvance(r.text(2)) <= dock.list.columnWidth(2) for r in rows)
    assert all(metrics.horizontalAdvance(r.text(0)) <= dock.list.columnWidth(0) for r in rows)
    museum = dock.list.topLevelItem(1).child(0)
    assert museum.text(1) == "丙：博物馆开工" and "方案印发" in museum.text(2)
    assert museum.foreground(0).color().name() == STATUS_COLOURS[Status.RED]  # missed
    dock.list.itemClicked.emit(museum, 0)
    assert window.selected_task_id() == museum.data(0, Qt.ItemDataRole.UserRole + 1)
    window.document.set_as_of(date(2024, 5, 15) + timedelta(days=60))
    qtbot.waitUntil(lambda: not dock.refresher.pending, timeout=5000)
    assert any("主体开工" in dock.list.topLevelItem(1).child(i).text(2)
               for i in range(dock.list.topLevelItem(1).childCount()))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_timeline_is_painted_in_both_languages(qtbot, tmp_path, qapp, language):
    from planner_gui.ui import i18n

    try:
        i18n.install_translator(qapp, choice=language)
        window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
        panel = _open(qtbot, window)
        tabs = window.chart_slot.tabs
        assert tabs.tabText(tabs.currentIndex()) == ("时间轴" if language == "zh_CN" else "Timeline")
        image = _picture(qtbot, panel)
        image.save(str(tmp_path / f"timeline-{language}.png"))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        assert len(colours) > 20, "the timeline looks blank"
        painted = {QColor(c).name() for c in colours}
        for status in (Status.RED, Status.YELLOW):
            assert STATUS_COLOURS[status] in painted
        axis = panel.plot.getAxis("top")
        low, high = panel.plot.getViewBox().viewRange()[0]

        def labels(width: int) -> list[str]:
            return axis.tickStrings(axis.tickValues(low, high, width)[0][1], 1, 1)

        zh = language == "zh_CN"
        assert ("三季度 7月" if zh else "Q3 Jul") in labels(900)  # wide: quarters and months
        assert ("7月" if zh else "Jul") in labels(500) and len(labels(500)) == 12
        assert labels(250) == (["一季度", "二季度", "三季度", "四季度"] if zh else ["Q1", "Q2", "Q3", "Q4"])
    finally:
        i18n.install_translator(qapp, choice="en")


# --- following the document's as-of date (issue 21) -------------------------

def _listed(dock) -> set[tuple[str, str]]:
    """(task, milestone or deadline) of every entry the Due Soon list shows."""
    rows = set()
    for i in range(dock.list.topLevelItemCount()):
        head = dock.list.topLevelItem(i)
        rows |= {(head.child(j).text(1), head.child(j).text(2)) for j in range(head.childCount())}
    return rows


def test_the_views_follow_the_documents_date_with_no_widget_involved(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    panel = _open(qtbot, window)
    window.actions[ActionId.SHOW_DUE_SOON].setChecked(True)
    dock = window.due_soon
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() > 0, timeout=5000)
    school = ("丁：学校扩建", "Deadline")  # due 10 June: outside the 30 days after 1 March
    assert school not in _listed(dock)
    window.as_of_edit.blockSignals(True)  # the toolbar's date edit says nothing: only the document
    try:
        window.document.set_as_of(date(2024, 5, 20))
        # the timeline is refreshed at once, with the tree's figures as of the new date
        # (it used to be refreshed first with the old ones, then again)
        assert panel.rows[_row_of(panel, "甲")].status is Status.RED  # half done, deadline 30 April
        assert panel.line_date() == date(2024, 5, 20)
        assert panel.as_of_label.textItem.toPlainText() == "2024-05-20"
        qtbot.waitUntil(lambda: school in _listed(dock), timeout=5000)
        window.document.set_as_of(date(2024, 3, 1))
        qtbot.waitUntil(lambda: school not in _listed(dock), timeout=5000)
        assert panel.line_date() == date(2024, 3, 1)
        assert panel.rows[_row_of(panel, "甲")].status is Status.GREEN
    finally:
        window.as_of_edit.blockSignals(False)


def test_one_refresh_of_the_timeline_per_as_of_change(qtbot, tmp_path):
    from ui_window_helpers import run_pending_events

    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    panel = _open(qtbot, window)
    run_pending_events(qtbot)
    before = panel.refresher.runs
    window.document.set_as_of(date(2024, 4, 15))  # planned 87.5%, still 50% done: behind
    assert panel.refresher.runs == before + 1  # at once, so that tree and timeline paint together
    assert panel.rows[_row_of(panel, "甲")].status is Status.YELLOW  # the new figures, not the old
    run_pending_events(qtbot)
    assert panel.refresher.runs == before + 1  # the tree's repaint of every row asks for nothing more


def test_a_hidden_timeline_is_refreshed_when_shown_at_the_current_date(qtbot, tmp_path):
    from ui_window_helpers import run_pending_events

    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    panel = _open(qtbot, window)
    tabs = window.chart_slot.tabs
    tabs.setCurrentIndex(0)  # the chart: the timeline is hidden
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)
    run_pending_events(qtbot)
    before = panel.refresher.runs
    for day in (date(2024, 4, 15), date(2024, 5, 20), date(2024, 6, 1)):
        window.document.set_as_of(day)
    run_pending_events(qtbot)
    assert panel.refresher.runs == before  # nothing worked out for a view nobody sees
    assert panel.refresher.stale and panel.line_date() == date(2024, 3, 1)
    tabs.setCurrentWidget(window.timeline)
    qtbot.waitUntil(lambda: panel.line_date() == date(2024, 6, 1), timeout=5000)
    assert panel.refresher.runs == before + 1  # three changes, one refresh
    assert not panel.refresher.stale
    assert panel.rows[_row_of(panel, "甲")].status is Status.RED  # half done, deadline 30 April


def test_a_hidden_due_soon_list_is_refreshed_when_shown_at_the_current_date(qtbot, tmp_path):
    from ui_window_helpers import run_pending_events

    window = _window(qtbot, tmp_path, as_of=date(2024, 3, 1))
    action = window.actions[ActionId.SHOW_DUE_SOON]
    action.setChecked(True)
    dock = window.due_soon
    qtbot.waitUntil(lambda: dock.list.topLevelItemCount() > 0, timeout=5000)
    school = ("丁：学校扩建", "Deadline")
    assert school not in _listed(dock)
    action.setChecked(False)
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5000)
    before = dock.refresher.runs
    window.document.set_as_of(date(2024, 5, 20))
    window.document.set_as_of(date(2024, 5, 25))
    run_pending_events(qtbot)
    assert dock.refresher.runs == before and school not in _listed(dock)
    action.setChecked(True)
    qtbot.waitUntil(lambda: school in _listed(dock), timeout=5000)
    assert dock.refresher.runs == before + 1


def test_the_due_soon_list_follows_another_file_opened(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
    window.actions[ActionId.SHOW_DUE_SOON].setChecked(True)
    dock = window.due_soon
    qtbot.waitUntil(lambda: ("丁：学校扩建", "Deadline") in _listed(dock), timeout=5000)
    other = tmp_path / "other.sqlite"
    PlanStore.create(other, Plan(title="另一计划", year=2024, areas=[Area(name="唯一方面", tasks=[
        Task(title="戊：河道整治", lead_unit="区水务局", due=date(2024, 1, 31))])])).close()
    assert window.open_file(other)  # opens at its own date, set without a signal
    qtbot.waitUntil(lambda: _listed(dock) == {("戊：河道整治", "Deadline (missed)")}, timeout=5000)


def test_the_due_soon_list_follows_a_plan_imported_over_the_open_one_and_its_undo(qtbot, tmp_path):
    from planner_gui.exchange import json_format
    from planner_gui.ui import json_io

    window = _window(qtbot, tmp_path, as_of=date(2024, 5, 15))
    window.actions[ActionId.SHOW_DUE_SOON].setChecked(True)
    dock = window.due_soon
    school = ("丁：学校扩建", "Deadline")
    qtbot.waitUntil(lambda: school in _listed(dock), timeout=5000)
    source = tmp_path / "other.json"
    source.write_text(json_format.dumps(Plan(title="另一计划", year=2024, areas=[Area(name="唯一方面", tasks=[
        Task(title="戊：河道整治", lead_unit="区水务局", due=date(2024, 1, 31))])])), encoding="utf-8")
    assert json_io.import_plan_json(window.document, window, source, confirm=False)
    qtbot.waitUntil(lambda: _listed(dock) == {("戊：河道整治", "Deadline (missed)")}, timeout=5000)
    window.undo()  # the import taken back: the list shows the plan as it was
    qtbot.waitUntil(lambda: school in _listed(dock), timeout=5000)
