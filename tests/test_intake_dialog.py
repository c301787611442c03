"""File > Import > From document text: propose, correct (untick, edit, move), add as one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner_gui.ui.dialogs import text_import
from planner_gui.ui.dialogs.text_import import (
    COL_CHECK,
    COL_DUE,
    COL_TARGET,
    KIND,
    TextImportDialog,
)
from ui_window_helpers import make_window, reread

DOC = Path(__file__).parent / "intake" / "docs" / "division_qinghe.txt"
NEW_AREAS = ["推动工业经济提质增效", "扩大有效投资", "办好民生实事", "加强生态环境保护"]


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


@pytest.fixture
def errors(monkeypatch):
    """Message boxes answered at once; their texts remembered."""
    shown: list[str] = []

    def fake_exec(self):
        shown.append(self.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def dialog(window, qtbot):
    dlg = TextImportDialog(window.document, window)
    qtbot.addWidget(dlg)
    dlg.text_edit.setPlainText(DOC.read_text(encoding="utf-8"))
    dlg.propose()
    return dlg


def rows(model, parent=None):
    parent = parent or model.invisibleRootItem()
    return [parent.child(r) for r in range(parent.rowCount())]


def task_item(dlg, start: str):
    for area in rows(dlg.model):
        for task in rows(dlg.model, area):
            if task.text().startswith(start):
                return task
    raise AssertionError(start)


def cell(dlg, item, column):
    return item.parent().child(item.row(), column)


def test_untick_one_task_then_add_gives_the_others_and_undo_takes_them_out(window, dialog):
    before = reread(window.document.store.path)
    assert [a.text() for a in rows(dialog.model)] == NEW_AREAS
    assert sum(len(rows(dialog.model, a)) for a in rows(dialog.model)) == 12
    task_item(dialog, "城镇新增就业").setCheckState(Qt.CheckState.Unchecked)

    assert dialog.add_to_plan() is True
    after = reread(window.document.store.path)
    assert [a.name for a in after.areas] == [a.name for a in before.areas] + NEW_AREAS
    titles = [t.title for a in after.areas[-4:] for t in a.tasks]
    assert len(titles) == 11
    assert not any(t.startswith("城镇新增就业") for t in titles)
    # the window shows the new areas at once
    assert [a.name for a in window.document.plan.areas[-4:]] == NEW_AREAS

    window.document.undo_stack.undo()
    assert [a.name for a in reread(window.document.store.path).areas] == [a.name for a in before.areas]
    window.document.undo_stack.redo()
    assert len([t for a in reread(window.document.store.path).areas[-4:] for t in a.tasks]) == 11


def test_edits_and_moves_made_in_the_tree_are_what_is_added(window, dialog):
    task = task_item(dialog, "新建污水管网")
    cell(dialog, task, COL_DUE).setText("2025-11-30")
    indicator = next(c for c in rows(dialog.model, task) if c.data(KIND) == "indicator")
    cell(dialog, indicator, COL_TARGET).setText("45")
    task.setText("新建污水管网（改）")
    dialog.move_tasks([task], 0)  # into 推动工业经济提质增效

    assert dialog.add_to_plan() is True
    plan = reread(window.document.store.path)
    industry = next(a for a in plan.areas if a.name == "推动工业经济提质增效")
    moved = next(t for t in industry.tasks if t.title == "新建污水管网（改）")
    assert moved.due.isoformat() == "2025-11-30"
    assert moved.indicators[0].target == 45
    ecology = next(a for a in plan.areas if a.name == "加强生态环境保护")
    assert all(t.title != "新建污水管网（改）" for t in ecology.tasks)


def test_a_wrong_value_is_named_and_nothing_is_added(window, dialog, errors):
    before = reread(window.document.store.path)
    task = task_item(dialog, "新建污水管网")
    cell(dialog, task, COL_DUE).setText("soon")
    assert dialog.add_to_plan() is False
    assert errors and "'soon' is not a date" in errors[0]
    assert len(list(reread(window.document.store.path).walk_tasks())) == len(list(before.walk_tasks()))
    assert window.document.undo_stack.count() == 0


def test_guesses_are_marked_for_the_user(dialog):
    task = task_item(dialog, "完成老旧小区改造")
    exact = next(c for c in rows(dialog.model, task) if c.data(KIND) == "indicator" and "惠及" in c.text())
    mark = cell(dialog, exact, COL_CHECK)
    assert mark.text().startswith("? ")
    assert exact.background().color().name() == text_import.GUESS_COLOUR.name()
    # tooltips show the notes as plain text, never as markup
    assert exact.toolTip().startswith("<qt>") and "<b>" not in exact.toolTip()


def test_a_file_that_is_not_text_is_refused_with_a_message(dialog, tmp_path, errors):
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    assert dialog.load_file(picture) is False
    assert "is not a text file" in errors[0]


def test_read_only_window_adds_nothing(window, errors, monkeypatch):
    window.set_read_only(True)
    assert text_import.open_dialog(window.document, window) is False
    assert errors


def test_the_menu_action_opens_the_dialog_and_adds_what_it_proposes(window, monkeypatch):
    from planner_gui.ui.actions import ActionId

    def fake_exec(self):
        self.text_edit.setPlainText("在“优化营商环境”方面，将于6月底前新增市场主体不少于800户。")
        self.propose()
        return self.add_to_plan() and TextImportDialog.DialogCode.Accepted

    monkeypatch.setattr(TextImportDialog, "exec", fake_exec)
    action = window.actions[ActionId.IMPORT_TEXT]
    assert action.isEnabled()
    action.trigger()
    area = reread(window.document.store.path).areas[-1]
    assert area.name == "优化营商环境"
    (task,) = area.tasks
    assert task.due.month == 6 and task.indicators[0].target == 800
    assert window.document.undo_stack.count() == 1


def test_a_task_dragged_onto_another_area_is_added_there(window, dialog):
    from PySide6.QtCore import QModelIndex

    task = task_item(dialog, "新建污水管网")
    area = dialog.model.item(0)  # 推动工业经济提质增效
    assert area.isDropEnabled() and task.isDragEnabled() and not task.isDropEnabled()
    source_parent, source_row = task.parent(), task.row()
    indexes = [dialog.model.index(source_row, c, source_parent.index()) for c in range(dialog.model.columnCount())]
    # what the view does on a drop: the model inserts the dragged row, then the view removes the source
    mime = dialog.model.mimeData(indexes)
    assert dialog.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, area.index())
    source_parent.removeRow(source_row)
    assert not dialog.model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled

    assert dialog.add_to_plan() is True
    plan = reread(window.document.store.path)
    industry = next(a for a in plan.areas if a.name == "推动工业经济提质增效")
    moved = next(t for t in industry.tasks if t.title.startswith("新建污水管网"))
    assert moved.lead_unit == "县水务局" and moved.indicators[0].target == 40
    ecology = next(a for a in plan.areas if a.name == "加强生态环境保护")
    assert all(not t.title.startswith("新建污水管网") for t in ecology.tasks)


def test_open_text_file_reads_gb18030_and_proposes(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    doc = tmp_path / "notice.txt"
    doc.write_bytes(DOC.read_text(encoding="utf-8").encode("gb18030"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(doc), ""))
    dlg = TextImportDialog(window.document, window)
    qtbot.addWidget(dlg)
    dlg.choose_file()
    assert "清河县" in dlg.text_edit.toPlainText()
    assert [a.text() for a in rows(dlg.model)] == NEW_AREAS
    assert dlg.add_button.isEnabled()


def test_a_task_whose_fields_ran_into_its_text_is_flagged(dialog):
    dialog.text_edit.setPlainText(
        "一、城市管理\n1、整治老旧小区15个，责任单位：区住建委，新建口袋公园6个，完成时限：9月底前。\n"
    )
    dialog.propose()
    task = task_item(dialog, "整治老旧小区15个")
    mark = cell(dialog, task, COL_CHECK)
    assert mark.text().startswith("? ") and "read as task text" in mark.text()
    assert task.background().color().name() == text_import.GUESS_COLOUR.name()


def test_an_absurd_target_typed_in_is_refused_with_a_message(window, dialog, errors):
    task = task_item(dialog, "新建污水管网")
    indicator = next(c for c in rows(dialog.model, task) if c.data(KIND) == "indicator")
    cell(dialog, indicator, COL_TARGET).setText("9" * 400)
    assert dialog.add_to_plan() is False
    assert errors and "is not a number" in errors[0]
    assert window.document.undo_stack.count() == 0


def test_a_target_typed_with_its_multiplier_keeps_it_in_the_unit(window, dialog):
    task = task_item(dialog, "新建污水管网")
    indicator = next(c for c in rows(dialog.model, task) if c.data(KIND) == "indicator")
    cell(dialog, indicator, COL_TARGET).setText("2万")
    unit = cell(dialog, indicator, COL_TARGET + 1).text()
    assert dialog.add_to_plan() is True
    added = next(t for t in reread(window.document.store.path).walk_tasks() if t.title.startswith("新建污水管网"))
    assert (added.indicators[0].target, added.indicators[0].unit) == (2, "万" + unit)
