"""Issue 22, point 8: the task page's history table shows every column in the
first window at 1366×768 (it was 8 columns of up to 180 px in a ~340 px table:
存在问题 and the rest fell off the right), in both languages."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTabWidget

from planner_gui.domain.model import ProgressUpdate
from planner_gui.ui.editor.history_view import MAX_ROW_LINES, PROBLEMS, HistoryView
from ui_window_helpers import make_window

LONG = "<b>资金</b>缺口较大，" * 12


class Screen:
    """What QScreen tells the first window: a 1366×768 office screen."""

    def __init__(self, width: int, height: int) -> None:
        self.free = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 - Qt API
        return self.free


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    from planner_gui.ui import i18n

    assert i18n.install_translator(qapp, choice=request.param) == request.param
    yield request.param
    i18n.install_translator(qapp, choice="en")


def history_in_first_window(qtbot, tmp_path, width: int, height: int) -> HistoryView:
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path / "plan.sqlite")
    task = next(t for t in store.load_plan().walk_tasks() if t.indicators)
    store.add_update(task.id, ProgressUpdate(
        date(2024, 6, 30), 45.0, text=LONG, problems=LONG, next_steps=LONG, reporter="区发改委 张三",
        highlight=True, readings={task.indicators[0].name: 12.5}))
    store.close()
    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    window.screen = lambda: Screen(width, height)
    window._first_size()
    assert window.select_item(task.id)
    history = window.findChildren(HistoryView)[0]
    tabs = next(t for t in window.findChildren(QTabWidget) if t.isAncestorOf(history))
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(history)))
    qtbot.waitUntil(lambda: history.isVisible() and history.history.rowCount() == 1)
    return history


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_every_column_header_is_within_the_table(qtbot, tmp_path, language, screen):
    history = history_in_first_window(qtbot, tmp_path, *screen)
    header = history.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(PROBLEMS) > 0)
    shown = [c for c in range(header.count()) if not history.isColumnHidden(c)]
    assert len(shown) == 8  # this update fills every column
    right = history.viewport().width()
    for column in shown:
        start = header.sectionViewportPosition(column)
        assert start >= 0 and start + header.sectionSize(column) <= right, (
            history.history.headerData(column, Qt.Orientation.Horizontal), start, header.sectionSize(column), right)
    assert history.horizontalScrollBar().maximum() == 0


def test_elided_texts_are_whole_in_plain_tooltips_and_rows_stay_short(qtbot, tmp_path):
    history = history_in_first_window(qtbot, tmp_path, 1366, 768)
    tip = history.history.item(0, PROBLEMS).toolTip()
    assert "&lt;b&gt;资金&lt;/b&gt;" in tip and tip.count("缺口较大") == 12  # the whole text, shown literally
    label = history.history.headerData(PROBLEMS, Qt.Orientation.Horizontal)
    assert label in history.history.headerData(PROBLEMS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert history.rowHeight(0) <= MAX_ROW_LINES * history.fontMetrics().lineSpacing() + 8
    assert history.row_texts()[0][PROBLEMS] == LONG


def test_columns_no_update_fills_give_their_width_to_the_others(qtbot):
    from planner_gui.ui.editor.history_view import HIGHLIGHT, READINGS

    view = HistoryView()
    qtbot.addWidget(view)
    view.show()
    view.set_updates([ProgressUpdate(date(2024, 6, 30), 10.0, text="开工")], [])
    assert view.isColumnHidden(HIGHLIGHT) and view.isColumnHidden(READINGS)
    view.set_updates([ProgressUpdate(date(2024, 6, 30), 10.0, text="开工", highlight=True)], [])
    assert not view.isColumnHidden(HIGHLIGHT) and view.isColumnHidden(READINGS)
