"""A clerk's working day (issue 22): fields take what is typed, nothing is lost
from view, the toolbar stays put, the plan's settings are in reach."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from planner_gui.store import PlanStore
from planner_gui.ui.commands import PlanEvents
from planner_gui.ui.editor.detail_panel import DetailPanel
from planner_gui.ui.editor.update_form import default_update_date

PRESCHOOL = "学前教育公办率提升至50%"  # due 2024-12-31


def task_id(store: PlanStore, title: str) -> str:
    return next(t.id for t in store.load_plan().walk_tasks() if t.title == title)


def reopened_task(store: PlanStore, tid: str):
    with PlanStore.open(store.path) as other:
        return other.get_task(tid)


@pytest.fixture
def panel(qtbot, bundled_store):
    widget = DetailPanel(bundled_store, PlanEvents(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    widget.activateWindow()
    return widget


def type_over(qtbot, field, text: str) -> None:
    """What a clerk does: click in the field, select all, type, Enter."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # pasted: QTest has no key for full-width digits
        field.insert(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


# --- 2. fields take what is typed ---------------------------------------------------


@pytest.mark.parametrize("typed", ["2024-06-25", "2024/6/25", "2024年6月25日", "２０２４年６月２５日", "20240625"])
def test_a_typed_date_is_taken_whole_year_included(qtbot, panel, bundled_store, typed):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    due = panel.task_page.widgets["due"]
    due.set_value(date(2026, 3, 1))  # a different year than the one typed
    type_over(qtbot, due, typed)
    assert reopened_task(bundled_store, tid).due == date(2024, 6, 25)
    assert due.text() == "2024-06-25"
    assert due.property("invalid") is False


@pytest.mark.parametrize("typed", ["2024-13-01", "2024-02-30", "6/25", "2024-6", "tomorrow"])
def test_a_typed_text_that_is_no_date_is_refused_visibly_and_nothing_is_written(qtbot, panel, bundled_store, typed):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    due = page.widgets["due"]
    type_over(qtbot, due, typed)
    assert reopened_task(bundled_store, tid).due == date(2024, 12, 31)
    assert panel.undo_stack.count() == 0
    assert due.property("invalid") is True
    assert page.message.isVisible()
    assert "Due" in page.message.text() and typed in page.message.text()
    assert due.text() == typed  # kept for correcting
    # Typing the saved date again clears the mark without an undo step.
    type_over(qtbot, due, "2024-12-31")
    assert due.property("invalid") is False and not page.message.isVisible()
    assert panel.undo_stack.count() == 0


def test_update_form_takes_a_typed_date_and_refuses_a_progress_over_100(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_as_of(date(2024, 6, 30))
    panel.show_task(tid)
    page = panel.task_page
    form = page.update_form
    page.tabs.setCurrentIndex(2)
    form.text.setPlainText("完成调研")
    form.progress.setFocus()
    qtbot.waitUntil(form.progress.hasFocus)
    form.progress.selectAll()
    qtbot.keyClicks(form.progress, "150")
    assert form.progress.value() == 150  # not cut to 15
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert reopened_task(bundled_store, tid).updates == []
    assert page.message.isVisible() and "100" in page.message.text()
    assert form.progress.property("invalid") is True

    form.progress.selectAll()
    qtbot.keyClicks(form.progress, "60")
    type_over(qtbot, form.date, "2024年6月25日")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert [(u.date, u.progress) for u in reopened_task(bundled_store, tid).updates] == [(date(2024, 6, 25), 60.0)]


def test_update_form_refuses_a_date_that_is_not_one(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    form = page.update_form
    form.text.setPlainText("完成调研")
    type_over(qtbot, form.date, "2024-06-31")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert reopened_task(bundled_store, tid).updates == []
    assert form.date.property("invalid") is True
    assert "2024-06-31" in page.message.text()


def test_the_arrows_step_the_progress_no_further_than_100(qtbot, panel, bundled_store):
    panel.show_task(task_id(bundled_store, PRESCHOOL))
    box = panel.task_page.update_form.progress
    box.setValue(99)
    box.stepBy(5)
    assert box.value() == 100


def test_the_update_date_starts_at_the_as_of_date_within_the_plans_year():
    today = date(2026, 12, 2)
    assert default_update_date(date(2024, 6, 30), 2024, today) == date(2024, 6, 30)
    # as of today, long after the plan's year: the year's last day, not today
    assert default_update_date(today, 2024, today) == date(2024, 12, 31)
    # an as-of date still to come: today
    assert default_update_date(date(2026, 12, 31), 2026, today) == today


def test_the_update_form_follows_the_as_of_date(qtbot, panel, bundled_store):
    panel.show_task(task_id(bundled_store, PRESCHOOL))
    panel.set_as_of(date(2024, 3, 31))
    assert panel.task_page.update_form.date.value() == date(2024, 3, 31)
