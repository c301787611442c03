"""Issue 21: a declared task field without a widget of its own gets, on the task page, an
editor for its kind (a date field the date editor, a yes/no field a check box, a figure a
number box), and edits through it are written and undone like the page's other fields."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from planner_gui.domain.fields import TASK_FIELD
from planner_gui.domain.model import Area, Plan, Task
from planner_gui.store import PlanStore
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor import task_editor
from planner_gui.ui.editor.detail_panel import DetailPanel
from planner_gui.ui.editor.fields import CommitCheckBox, CommitLineEdit, CommitNumberBox, DateField

# Fields the page has widgets of its own for, shown as if they were declared without one.
AS_EXTRA = ("start", "municipal", "weight", "progress", "co_units")


@pytest.fixture
def store(db_path):
    task = Task(title="修缮公园", start=date(2024, 3, 1), due=date(2024, 9, 30), weight=2, co_units=["区财政局"])
    with PlanStore.create(db_path, Plan(title="测试", year=2024, areas=[Area(name="生态", tasks=[task])])) as store:
        yield store


@pytest.fixture
def page(qtbot, store, monkeypatch):
    monkeypatch.setattr(task_editor, "extra_fields", lambda: tuple(TASK_FIELD[name] for name in AS_EXTRA))
    panel = DetailPanel(PlanDocument(store, date(2024, 7, 10)))
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    panel.show_task(task_id(store))
    yield panel.task_page  # the panel is kept until the test ends: it owns the page


def task_id(store: PlanStore) -> str:
    return next(store.load_plan().walk_tasks()).id


def on_disk(store: PlanStore) -> Task:
    with PlanStore.open(store.path) as other:
        return other.get_task(task_id(store))


def undo(page) -> None:
    assert page.context.document.step(undoing=True) is None


def test_each_kind_gets_its_editor_showing_the_tasks_value(page):
    extra = page.extra_widgets
    assert [type(extra[name]) for name in AS_EXTRA] == [
        DateField, CommitCheckBox, CommitNumberBox, CommitNumberBox, CommitLineEdit]
    assert extra["start"].value() == date(2024, 3, 1) and not extra["municipal"].isChecked()
    assert extra["weight"].number() == 2 and extra["progress"].number() is None  # none set directly
    assert (extra["weight"].text(), extra["progress"].text()) == ("2", "none")
    assert extra["co_units"].text() == "区财政局"
    assert extra["municipal"].text() == "Municipal task"  # named beside the box


def test_a_date_typed_into_the_date_editor_is_written_and_undone(qtbot, page, store):
    widget = page.extra_widgets["start"]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, "2024/5/6")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert on_disk(store).start == date(2024, 5, 6)
    assert widget.text() == "2024-05-06"

    undo(page)
    assert on_disk(store).start == date(2024, 3, 1)
    widget.clearFocus()
    qtbot.waitUntil(lambda: widget.text() == "2024-03-01")


@pytest.mark.parametrize(("typed", "named"), [("2024-13-45", "Start"), ("2024-12-01", "Due")])
def test_a_wrong_date_is_refused_with_the_field_named(qtbot, page, store, typed, named):
    widget = page.extra_widgets["start"]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, typed)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert on_disk(store).start == date(2024, 3, 1)
    assert widget.property("invalid") is True
    # not a date: the start is named; after the due date: the due date it would pass
    assert page.message.text().startswith(f"Not saved — {named}:")
    assert page.context.document.undo_stack.count() == 0


def test_a_ticked_check_box_is_written_and_undone(qtbot, page, store):
    box = page.extra_widgets["municipal"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box
    assert box.isChecked() and on_disk(store).municipal is True
    assert page.context.document.undo_stack.count() == 1

    undo(page)
    assert on_disk(store).municipal is False
    qtbot.waitUntil(lambda: not box.isChecked())
    assert page.context.document.undo_stack.count() == 1  # showing the old value is not an edit


def test_a_figure_in_the_number_box_is_written_on_enter_and_undone(qtbot, page, store):
    box = page.extra_widgets["weight"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "3.5")
    assert on_disk(store).weight == 2  # not at each key
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert on_disk(store).weight == 3.5

    progress = page.extra_widgets["progress"]
    progress.setFocus()
    progress.selectAll()
    qtbot.keyClicks(progress, "40")
    qtbot.keyClick(progress, Qt.Key.Key_Return)
    assert on_disk(store).progress == 40

    undo(page)
    undo(page)
    assert (on_disk(store).weight, on_disk(store).progress) == (2, None)
    progress.clearFocus()
    qtbot.waitUntil(lambda: progress.number() is None and box.number() == 2)


def test_units_typed_with_commas_are_split_as_the_field_takes_them(qtbot, page, store):
    widget = page.extra_widgets["co_units"]
    widget.setFocus()
    widget.setText("区财政局，区民政局、区教委")  # typed with an input method: not key by key
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert on_disk(store).co_units == ["区财政局", "区民政局", "区教委"]
    undo(page)
    assert on_disk(store).co_units == ["区财政局"]


def test_a_read_only_plan_leaves_them_readable_but_not_editable(page):
    page.set_read_only(True)
    assert page.extra_widgets["start"].isReadOnly() and page.extra_widgets["weight"].isReadOnly()
    assert not page.extra_widgets["municipal"].isEnabled()
