"""The indicator and milestone table models, without any view: every cell
edit goes through an undoable command to the file; wrong values are refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from planner_gui.store import PlanStore
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor.fields import EditorContext
from planner_gui.ui.editor.indicator_table import (
    COMPARATOR,
    CURRENT,
    NAME,
    TARGET,
    UNIT,
    IndicatorTableModel,
)
from planner_gui.ui.editor.milestone_table import DONE_ON, DUE, TITLE, MilestoneTableModel

CITY_SOUTH = "接续推动城南行动计划实施"  # indicators 完成城南行动计划项目 >= 55 个, 投资 >= 200 亿元


@pytest.fixture
def context(qapp, bundled_store):
    return EditorContext(PlanDocument(bundled_store, date(2024, 7, 1)))


def find_task(store: PlanStore, title: str):
    return next(t for t in store.load_plan().walk_tasks() if t.title == title)


def stored_indicator(store: PlanStore, indicator_id: str) -> dict:
    with PlanStore.open(store.path) as other:
        return other.get_row("indicator", indicator_id)


def test_indicator_model_shows_the_task_indicators(context, bundled_store):
    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    model.set_items(task.id, task.indicators)
    assert model.rowCount() == 2
    assert model.columnCount() == 6
    assert model.headerData(TARGET, Qt.Orientation.Horizontal) == "Target"
    assert model.data(model.index(0, NAME)) == "完成城南行动计划项目"
    assert model.data(model.index(0, COMPARATOR)) == ">= 不少于"
    assert model.data(model.index(0, TARGET)) == "55"
    assert model.data(model.index(1, UNIT)) == "亿元"
    assert model.data(model.index(0, CURRENT)) == ""
    assert model.flags(model.index(0, TARGET)) & Qt.ItemFlag.ItemIsEditable


def test_set_data_writes_through_an_undoable_command(context, bundled_store):
    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    model.set_items(task.id, task.indicators)
    indicator_id = task.indicators[0].id
    assert model.setData(model.index(0, TARGET), "60")
    assert stored_indicator(bundled_store, indicator_id)["target"] == 60
    assert model.data(model.index(0, TARGET)) == "60"
    assert model.setData(model.index(0, COMPARATOR), "不超过")
    assert stored_indicator(bundled_store, indicator_id)["comparator"] == "<="
    assert context.document.undo_stack.count() == 2
    context.document.undo_stack.undo()
    context.document.undo_stack.undo()
    row = stored_indicator(bundled_store, indicator_id)
    assert (row["target"], row["comparator"]) == (55, ">=")


def test_a_non_numeric_target_is_refused_and_names_the_field(qtbot, context, bundled_store):
    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    model.set_items(task.id, task.indicators)
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(0, TARGET), "五十五")
    assert refused.args[0] == "target"
    assert refused.args[1].startswith("Target:")
    assert stored_indicator(bundled_store, task.indicators[0].id)["target"] == 55
    assert context.document.undo_stack.count() == 0
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(0, NAME), "   ")
    assert refused.args[0] == "name"


def test_milestone_model_edits_dates_and_refuses_a_wrong_one(qtbot, context, bundled_store):
    task = find_task(bundled_store, "国家自然博物馆开工建设")
    model = MilestoneTableModel(context)
    model.set_items(task.id, task.milestones)
    assert model.rowCount() == 1
    assert model.data(model.index(0, TITLE)) == "开工建设"
    assert model.data(model.index(0, DUE)) == "2024-06-30"
    assert model.setData(model.index(0, DONE_ON), "2024-06-18")
    with PlanStore.open(bundled_store.path) as other:
        assert other.get_task(task.id).milestones[0].done_on == date(2024, 6, 18)
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(0, DUE), "2024-13-01")
    assert refused.args[0] == "due"
    assert model.setData(model.index(0, DONE_ON), "")  # empty clears the date
    with PlanStore.open(bundled_store.path) as other:
        assert other.get_task(task.id).milestones[0].done_on is None


def test_an_indicator_name_used_twice_is_refused(qtbot, context, bundled_store):
    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    model.set_items(task.id, task.indicators)
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(1, NAME), "完成城南行动计划项目")
    assert refused.args[0] == "name" and "already called" in refused.args[1]
    assert stored_indicator(bundled_store, task.indicators[1].id)["name"] == "投资"
    assert model.setData(model.index(1, NAME), "固定资产投资")
    assert stored_indicator(bundled_store, task.indicators[1].id)["name"] == "固定资产投资"


def test_the_comparator_is_chosen_from_a_list_and_written(qtbot, context, bundled_store):
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableView

    from planner_gui.ui.editor.indicator_table import ComparatorDelegate

    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    model.set_items(task.id, task.indicators)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ComparatorDelegate(view)
    index = model.index(0, COMPARATOR)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == ">="
    assert editor.count() == 6 and editor.itemText(editor.findData(">")) == "> 超过"
    editor.setCurrentIndex(editor.findData(">"))
    delegate.setModelData(editor, model, index)
    assert stored_indicator(bundled_store, task.indicators[0].id)["comparator"] == ">"


def test_the_same_items_again_keep_the_rows_and_a_cell_edit_makes_them_shown_again(qtbot, context, bundled_store):
    """The editor reloads its task after every edit of any field: the indicator
    rows (and the row the user selected) stay when the indicators did not change,
    but a cell edited in the table is shown again from the file."""
    task = find_task(bundled_store, CITY_SOUTH)
    model = IndicatorTableModel(context)
    assert model.set_items(task.id, task.indicators)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    assert not model.set_items(task.id, find_task(bundled_store, CITY_SOUTH).indicators)
    assert resets == []
    assert model.setData(model.index(0, NAME), "完成城南行动计划重点项目")
    assert model.set_items(task.id, find_task(bundled_store, CITY_SOUTH).indicators)
    assert resets == [True]
    assert model.data(model.index(0, NAME)) == "完成城南行动计划重点项目"
    other = find_task(bundled_store, "完成26个桥体垂直绿化")
    assert model.set_items(other.id, other.indicators)
    assert model.rowCount() == len(other.indicators)
