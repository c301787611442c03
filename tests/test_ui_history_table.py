"""Issue 22, point 8: the task page's history table is legible in the first window
at 1366×768 and 1920×1080, in both languages. It was 8 columns of up to 180 px in a
~340 px table (存在问题 and the rest fell off the right), then 8 columns squeezed
into that width (text columns 33 px, two characters a line). Now every column is
wide enough to read and the table scrolls sideways to reach the ones that do not fit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTabWidget

from planner_gui.domain.model import ProgressUpdate
from planner_gui.ui.editor.history_view import (
    DATE,
    HIGHLIGHT,
    MAX_ROW_LINES,
    PROBLEMS,
    PROGRESS,
    TEXT_COLUMNS,
    HistoryView,
)
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
def test_every_column_is_readable_and_within_reach(qtbot, tmp_path, language, screen):
    history = history_in_first_window(qtbot, tmp_path, *screen)
    header = history.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(PROBLEMS) > 0)
    shown = [c for c in range(header.count()) if not history.isColumnHidden(c)]
    assert len(shown) == 8  # this update fills every column
    metrics = history.fontMetrics()
    # the date is shown whole (it was "20…"), and so is every header of a fixed column
    assert header.sectionSize(DATE) > metrics.horizontalAdvance("2024-06-30")
    for column in (DATE, PROGRESS, HIGHLIGHT):
        label = history.history.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) > header.fontMetrics().horizontalAdvance(label), label
    # a text column holds at least six Chinese characters a line (it was two)
    for column in TEXT_COLUMNS:
        assert header.sectionSize(column) >= 6 * metrics.horizontalAdvance("中"), column
    # what does not fit is reached with the scroll bar: its range covers every column
    total = sum(header.sectionSize(c) for c in shown)
    bar = history.horizontalScrollBar()
    assert bar.maximum() + history.viewport().width() >= total
    bar.setValue(bar.maximum())
    last = shown[-1]
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= history.viewport().width()


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_a_wide_table_gives_the_text_columns_all_the_width(qtbot, tmp_path, screen):
    """No empty band at the right and no scroll bar when the columns would fit."""
    history = history_in_first_window(qtbot, tmp_path, *screen)
    history.window().resize(2400, 1000)
    history.resize(1600, history.height())
    header = history.horizontalHeader()
    qtbot.waitUntil(lambda: history.horizontalScrollBar().maximum() == 0)
    shown = [c for c in range(header.count()) if not history.isColumnHidden(c)]
    used = sum(header.sectionSize(c) for c in shown)
    assert used >= history.viewport().width() - len(TEXT_COLUMNS) - history.verticalScrollBar().sizeHint().width()


def test_elided_texts_are_whole_in_plain_tooltips_and_rows_stay_short(qtbot, tmp_path):
    history = history_in_first_window(qtbot, tmp_path, 1366, 768)
    tip = history.history.item(0, PROBLEMS).toolTip()
    assert "&lt;b&gt;资金&lt;/b&gt;" in tip and tip.count("缺口较大") == 12  # the whole text, shown literally
    label = history.history.headerData(PROBLEMS, Qt.Orientation.Horizontal)
    assert label in history.history.headerData(PROBLEMS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert history.rowHeight(0) <= MAX_ROW_LINES * history.fontMetrics().lineSpacing() + 8
    assert history.row_texts()[0][PROBLEMS] == LONG


def test_columns_no_update_fills_give_their_width_to_the_others(qtbot):
    from planner_gui.ui.editor.history_view import READINGS

    view = HistoryView()
    qtbot.addWidget(view)
    view.show()
    view.set_updates([ProgressUpdate(date(2024, 6, 30), 10.0, text="开工")], [])
    assert view.isColumnHidden(HIGHLIGHT) and view.isColumnHidden(READINGS)
    view.set_updates([ProgressUpdate(date(2024, 6, 30), 10.0, text="开工", highlight=True)], [])
    assert not view.isColumnHidden(HIGHLIGHT) and view.isColumnHidden(READINGS)
