"""The main window: every edit is written at once and undoable, files and settings."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from tests.ui_window_helpers import make_window, reread, task_by_title

from planner_gui.domain.model import ProgressUpdate
from planner_gui.store import PlanStore
from planner_gui.ui.actions import ActionId
from planner_gui.ui.plan_tree import Column
from planner_gui.ui.settings import AppSettings, Keys


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered without showing them; records what was asked."""
    asked: list[str] = []
    reply = {"button": QMessageBox.StandardButton.Yes}

    def fake_exec(box):
        asked.append(box.text())
        return reply["button"]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked, reply


def test_renaming_a_task_in_the_tree_writes_the_file_and_ctrl_z_restores_it(window, qtbot):
    task = task_by_title(window, "组建专家委员会")
    window.select_item(task.id)
    index = window.model.index_for_id(task.id, Column.TITLE)
    window.tree.edit(index)
    editor = window.tree.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Expert panel")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reread(window.document.store.path).find_task(task.id).title == "Expert panel", timeout=3000)
    assert window.model.index_for_id(task.id).data() == "Expert panel"
    assert window.statusBar().currentMessage() == "Saved in plan.sqlite"  # no Save button, no unsaved state

    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reread(window.document.store.path).find_task(task.id).title == "组建专家委员会"
    assert window.model.index_for_id(task.id).data() == "组建专家委员会"
    window.actions[ActionId.REDO].trigger()
    assert reread(window.document.store.path).find_task(task.id).title == "Expert panel"


def test_deleting_asks_first_and_undo_brings_the_task_back_with_its_updates(qtbot, tmp_path, answers):
    path = tmp_path / "plan.sqlite"
    from planner_gui.services.plan_files import init_file

    with init_file(path) as store:
        task = next(t for t in store.load_plan().walk_tasks() if t.title.startswith("国家自然博物馆"))
        store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 31), progress=40, text="完成立项"))
        store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 31), progress=70, text="施工许可"))
    window = make_window(qtbot, path, tmp_path / "settings.ini")
    asked, reply = answers
    window.select_item(task.id)

    reply["button"] = QMessageBox.StandardButton.No
    window.actions[ActionId.DELETE].trigger()
    assert "国家自然博物馆开工建设" in asked[-1] and "2 progress updates" in asked[-1]
    assert reread(path).find_task(task.id) is not None

    reply["button"] = QMessageBox.StandardButton.Yes
    window.actions[ActionId.DELETE].trigger()
    assert reread(path).find_task(task.id) is None
    assert task.id not in window.visible_task_ids()

    window.actions[ActionId.UNDO].trigger()
    restored = reread(path).find_task(task.id)
    assert [(u.date, u.progress, u.text) for u in restored.updates] == [
        (date(2024, 3, 31), 40, "完成立项"), (date(2024, 5, 31), 70, "施工许可")]
    assert task.id in window.visible_task_ids()


def test_adding_a_task_and_a_subtask_writes_them_and_undo_removes_them(window):
    area = window.document.plan.areas[2]
    window.select_item(area.id)
    window.actions[ActionId.ADD_TASK].trigger()
    new_id = window.selected_task_id()
    assert new_id is not None
    assert reread(window.document.store.path).areas[2].tasks[-1].id == new_id
    window.actions[ActionId.ADD_SUBTASK].trigger()
    sub_id = window.selected_task_id()
    assert [s.id for s in reread(window.document.store.path).find_task(new_id).subtasks] == [sub_id]
    window.undo()
    window.undo()
    assert reread(window.document.store.path).find_task(new_id) is None


def test_move_down_action_persists_and_undoes(window):
    area = window.document.plan.areas[1]
    ids = [t.id for t in area.tasks]
    window.select_item(ids[0])
    window.actions[ActionId.MOVE_DOWN].trigger()
    assert [t.id for t in reread(window.document.store.path).areas[1].tasks] == [ids[1], ids[0], *ids[2:]]
    assert window.selected_task_id() == ids[0]
    window.undo()
    assert [t.id for t in reread(window.document.store.path).areas[1].tasks] == ids


def test_a_refused_value_changes_nothing_and_leaves_no_undo_step(window, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    task = task_by_title(window, "组建专家委员会")
    window.model.setData(window.model.index_for_id(task.id), "   ")  # blank: ignored
    assert window.document.undo_stack.count() == 0
    from planner_gui.ui.commands import EditFieldsCommand

    assert not window.push(lambda: EditFieldsCommand(window.document.store, window.document.report, "task", task.id,
                                                     {"due": "not a date"}, "bad"))
    assert errors and window.document.undo_stack.count() == 0


def test_opening_files_is_remembered_and_a_bad_file_keeps_the_window(window, tmp_path, monkeypatch):
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append((title, text)))
    second = tmp_path / "second.sqlite"
    from planner_gui.services.plan_files import init_file

    init_file(second, empty=True, year=2025).close()
    assert window.open_file(second)
    assert window.document.store.path == second
    assert not window.document.read_only
    assert "second.sqlite" in window.windowTitle()
    assert window.visible_task_ids() == []

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    assert not window.open_file(broken)
    assert str(broken) in errors[-1][1]
    assert window.document.store.path == second  # still on the good file

    third = tmp_path / "third.sqlite"
    init_file(third).close()
    assert window.open_file(third)
    first_area = window.model.index_for_id(window.document.plan.areas[0].id)
    assert window.tree.isExpanded(first_area)  # a newly opened plan shows its areas' tasks

    window.close()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.recent_files()[:2] == [str(third.resolve()), str(second.resolve())]
    assert settings.value(Keys.LAST_FILE) == str(third.resolve())
    assert str(broken.resolve()) not in settings.recent_files()


def test_read_only_shows_in_the_title_and_disables_editing(window):
    window.set_read_only(True)  # as the file guard sets it when another window has the file
    assert "(read-only)" in window.windowTitle()
    assert not window.actions[ActionId.ADD_TASK].isEnabled()
    assert not window.actions[ActionId.DELETE].isEnabled()
    index = window.model.index_for_id(window.visible_task_ids()[0])
    assert not window.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    before = window.document.undo_stack.count()
    window.actions[ActionId.ADD_AREA].trigger()
    assert window.document.undo_stack.count() == before
    window.set_read_only(False)
    assert "(read-only)" not in window.windowTitle()
    assert window.actions[ActionId.ADD_TASK].isEnabled()


def test_find_focuses_the_filter(window):
    window.tree.setFocus()
    window.actions[ActionId.FIND].trigger()
    assert window.filter_bar.text.hasFocus()


def test_plan_json_export_then_import_restores_the_plan(window, tmp_path, answers):
    from planner_gui.ui import json_io

    exported = json_io.export_plan_json(window.document, window, tmp_path / "plan.json")
    assert exported is not None and exported.stat().st_size > 1000
    original = [t.title for t in reread(window.document.store.path).walk_tasks()]
    areas = len(window.document.plan.areas)
    window.select_item(window.document.plan.areas[0].id)
    window.actions[ActionId.DELETE].trigger()
    assert len(reread(window.document.store.path).areas) == areas - 1
    assert json_io.import_plan_json(window.document, window, exported)
    assert [t.title for t in reread(window.document.store.path).walk_tasks()] == original
    assert window.document.undo_stack.count() == 2  # the delete, then the import as one step (issue 22)
    assert not list(tmp_path.glob("*.bak"))  # nothing beside the plan: the backup is in the data folder
    from planner_gui.store.backups import list_backups

    backups = [b.path for b in list_backups(window.document.store.path) if b.reason == "before-import"]
    assert len(backups) == 1
    with PlanStore.open(backups[0]) as before:
        assert len(before.load_plan().areas) == areas - 1  # the file as it was before the import


def test_layout_and_chart_choice_are_remembered(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    window.resize(760, 560)  # the offscreen test screen is 800 pixels wide
    window.actions[ActionId.SHOW_CHART].setChecked(False)
    window.splitter.setSizes([500, 250, 0])
    sizes = window.splitter.sizes()
    wanted = (window.size().width(), window.size().height())
    assert wanted != (1400, 860)  # not the first-start default
    window.close()
    again = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    assert (again.size().width(), again.size().height()) == wanted
    # splitter handles may shift a few pixels when the hidden chart's handle is laid out
    assert all(abs(a - b) <= 8 for a, b in zip(again.splitter.sizes()[:2], sizes[:2], strict=True))
    assert not again.actions[ActionId.SHOW_CHART].isChecked()
    assert again.chart_slot.isHidden()


def test_tab_goes_from_the_filter_through_its_choices_to_the_tree(window, qtbot):
    window.actions[ActionId.FIND].trigger()
    bar = window.filter_bar
    seen = []
    for _ in range(6):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    assert seen == [bar.overdue, bar.status, bar.leader, bar.unit, bar.area, window.tree]


def test_start_up_on_a_damaged_file_names_it_and_quits_with_1(qapp, tmp_path, monkeypatch, answers):
    from argparse import Namespace

    from planner_gui.ui.application import run

    asked, _reply = answers
    broken = tmp_path / "damaged.sqlite"
    broken.write_bytes(b"\x00garbage" * 500)
    before = broken.read_bytes()
    assert run(Namespace(db=broken, self_check=False)) == 1
    assert str(broken) in asked[-1]
    assert broken.read_bytes() == before  # nothing written to the damaged file


def test_start_up_on_a_damaged_file_can_open_another(qapp, tmp_path, monkeypatch, answers):
    from PySide6.QtWidgets import QFileDialog

    from planner_gui.services.plan_files import init_file
    from planner_gui.ui.application import choose_start_file

    broken = tmp_path / "damaged.sqlite"
    broken.write_bytes(b"\x00garbage" * 500)
    good = tmp_path / "good.sqlite"
    init_file(good).close()
    monkeypatch.setattr(QMessageBox, "clickedButton",
                        lambda box: next(b for b in box.buttons() if "Another" in b.text()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    store = choose_start_file(broken, settings)
    assert store is not None and store.path == good
    store.close()


def test_escape_in_the_filter_shows_everything_again_and_returns_to_the_tree(window, qtbot):
    everything = window.visible_task_ids()
    window.actions[ActionId.FIND].trigger()
    qtbot.keyClicks(window.filter_bar.text, "50%")
    window.filter_bar.overdue.setChecked(False)
    qtbot.waitUntil(lambda: len(window.visible_task_ids()) < len(everything), timeout=2000)
    assert all("50%" in window.model.by_id[i].texts[Column.TITLE] or window.model.by_id[i].children
               for i in window.visible_task_ids())
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Escape)
    assert window.visible_task_ids() == everything
    assert window.tree.hasFocus()


def test_about_names_the_version_as_plain_text(window, monkeypatch):
    from planner_gui import __version__

    window.actions[ActionId.ABOUT].trigger()
    box = window.menus.about_box
    assert __version__ in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_a_progress_update_changes_the_light_roll_up_and_chart_and_undo_reverts(window):
    from planner_gui.domain.progress import Status, status_word
    from planner_gui.ui.commands import AddUpdateCommand

    window.document.set_as_of(date(2024, 6, 30))
    task = task_by_title(window, "年内新增1000个幼儿园")
    window.select_item(task.id)
    status = window.model.index_for_id(task.id, Column.STATUS)
    area_progress = window.model.index_for_id(window.model.by_id[task.id].area_id, Column.PROGRESS)
    assert status.data() == status_word(Status.YELLOW, window.language)  # behind the schedule
    before_area, before_chart = area_progress.data(), window.chart.series()

    update = ProgressUpdate(date=date(2024, 6, 20), progress=60, text="新增托位600个")
    assert window.push(lambda: AddUpdateCommand(window.document.store, window.document.report, task.id, update))
    assert status.data() == status_word(Status.GREEN, window.language)
    assert area_progress.data() != before_area
    assert window.chart.series() != before_chart
    assert [u.progress for u in reread(window.document.store.path).find_task(task.id).updates] == [60]

    window.undo()
    assert status.data() == status_word(Status.YELLOW, window.language)
    assert area_progress.data() == before_area
    assert reread(window.document.store.path).find_task(task.id).updates == []


def test_the_delete_key_deletes_from_the_tree_only(window, qtbot, answers):
    asked, reply = answers
    reply["button"] = QMessageBox.StandardButton.No
    task = task_by_title(window, "组建专家委员会")
    window.select_item(task.id)
    window.actions[ActionId.FIND].trigger()
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Delete)  # deletes a character, not the task
    assert asked == []
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "组建专家委员会" in asked[0]


def test_view_menu_dates_are_the_ends_of_the_last_month_and_quarter_inside_the_plan_year(window):
    from planner_gui.domain.dates import (
        end_of_last_month,
        end_of_last_quarter,
        last_month_end_in_year,
        last_quarter_end_in_year,
    )

    assert end_of_last_month(date(2024, 3, 15)) == date(2024, 2, 29)
    assert end_of_last_quarter(date(2024, 5, 2)) == date(2024, 3, 31)
    assert end_of_last_quarter(date(2024, 1, 10)) == date(2023, 12, 31)
    # kept inside the plan's year: a past plan's last quarter is its Q4
    assert last_quarter_end_in_year(2024, date(2026, 5, 2)) == date(2024, 12, 31)
    assert last_month_end_in_year(2024, date(2024, 1, 10)) == date(2024, 1, 1)
    assert last_month_end_in_year(2024, date(2024, 8, 10)) == date(2024, 7, 31)
    year = window.document.plan.year
    window.actions[ActionId.AS_OF_QUARTER_END].trigger()
    assert window.document.as_of == last_quarter_end_in_year(year)
    assert window.document.as_of.year == year
    window.actions[ActionId.AS_OF_TODAY].trigger()
    assert window.document.as_of == date.today()


def test_save_a_copy_and_new_plan_file(window, tmp_path, monkeypatch, answers):
    from PySide6.QtWidgets import QFileDialog

    asked, reply = answers
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    chosen = {"path": str(tmp_path / "copy.sqlite")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen["path"], ""))
    original = window.document.store.path

    window.actions[ActionId.SAVE_COPY].trigger()
    with PlanStore.open(tmp_path / "copy.sqlite") as copy:
        assert [t.id for t in copy.load_plan().walk_tasks()] == [t.id for t in window.document.plan.walk_tasks()]
    assert window.document.store.path == original

    # an existing plan is never overwritten by "New plan file"
    chosen["path"] = str(tmp_path / "copy.sqlite")
    window.actions[ActionId.NEW_FILE].trigger()
    assert errors and "copy.sqlite" in errors[-1]
    assert window.document.store.path == original

    reply["button"] = QMessageBox.StandardButton.No  # not the example: an empty plan
    chosen["path"] = str(tmp_path / "empty")
    window.actions[ActionId.NEW_FILE].trigger()
    assert window.document.store.path == tmp_path / "empty.sqlite"
    assert window.document.plan.areas == [] and window.visible_task_ids() == []
    assert "empty.sqlite" in window.windowTitle()


def test_a_write_that_fails_is_reported_and_leaves_no_undo_step(window, monkeypatch):
    from planner_gui.domain.errors import BadFileError
    from planner_gui.ui import tree_editing

    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    task = task_by_title(window, "组建专家委员会")

    def refuse(*args, **kwargs):
        raise BadFileError(window.document.store.path, "is locked by another program")

    with monkeypatch.context() as patch:
        patch.setattr(window.document.store, "edit", refuse)
        assert not tree_editing.rename(window.document, window, "task", task.id, "Expert panel")
    assert errors == [f"{window.document.store.path}: is locked by another program"]
    assert window.document.undo_stack.count() == 0
    assert reread(window.document.store.path).find_task(task.id).title == "组建专家委员会"

    # an undo that cannot be written: reported, and the window starts again from the file
    assert tree_editing.rename(window.document, window, "task", task.id, "Expert panel")
    monkeypatch.setattr(window.document.store, "edit", refuse)
    window.undo()
    assert len(errors) == 2 and "locked" in errors[-1]
    assert window.document.undo_stack.count() == 0
    assert window.model.index_for_id(task.id).data() == "Expert panel"  # what the file holds


def test_context_menu_offers_structure_editing_for_the_row_under_the_mouse(window):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    task = task_by_title(window, "评选贡献突出")
    other = window.visible_task_ids()[0]
    window.select_item(other)
    rect = window.tree.visualRect(window.model.index_for_id(task.id))
    QApplication.sendEvent(window.tree.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(), window.tree.viewport().mapToGlobal(rect.center())))
    assert window.selected_task_id() == task.id  # the row under the mouse
    menu = window.context_menu
    texts = {a.text().replace("&", "") for a in menu.actions() if a.isEnabled() and not a.isSeparator()}
    assert {"Add Sub-task", "Rename", "Delete…", "Move Up", "Move Down"} <= texts
    menu.close()
    # from the keyboard (menu key) the menu is for the current row, wherever the mouse is
    window.select_item(other)
    QApplication.sendEvent(window.tree.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, rect.center(), window.tree.viewport().mapToGlobal(rect.center())))
    assert window.selected_task_id() == other
    window.context_menu.close()


def test_window_title_follows_the_plan_title_and_area_names_follow_edits(window):
    from planner_gui.ui.commands import EditFieldsCommand, EditPlanCommand

    assert window.windowTitle().startswith("丰台区2024年度重点工作任务") and "plan.sqlite" in window.windowTitle()
    assert window.push(lambda: EditPlanCommand(window.document.store, window.document.report, "Rename plan",
                                               fields={"title": "<i>2025</i> plan"}))
    assert window.windowTitle().startswith("<i>2025</i> plan")
    area = window.document.plan.areas[0]
    assert window.push(lambda: EditFieldsCommand(window.document.store, window.document.report, "area", area.id,
                                                 {"name": "新方面"}, "Rename area"))
    assert window.model.index_for_id(area.id).data() == "新方面"
    window.undo()
    window.undo()
    assert window.windowTitle().startswith("丰台区2024年度重点工作任务")
    assert window.model.index_for_id(area.id).data() == area.name == reread(window.document.store.path).areas[0].name


def test_opening_another_file_lets_go_of_the_shown_plan_at_once(window, tmp_path):
    """The previous plan is freed as soon as another file is open, without waiting
    for the cyclic collector (at 10,000 tasks two plans at once were 630 MB)."""
    import gc

    from planner_gui.domain.model import Area, Plan, Task
    from planner_gui.domain.progress import TaskFigures
    from planner_gui.services.plan_files import init_file
    from planner_gui.ui.plan_tree import Node

    second = tmp_path / "second.sqlite"
    init_file(second).close()
    window.show_chart(True)
    window.select_item(next(window.document.plan.walk_tasks()).id)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        assert window.open_file(second)
        gc.collect()
        # the old plan's areas, tasks, rows or figures, left for the collector to find
        left = [type(o).__name__ for o in gc.garbage if isinstance(o, (Plan, Area, Task, Node, TaskFigures))]
        assert left == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


def test_editing_an_indicator_or_milestone_updates_the_plan_and_figures_the_window_holds(window):
    from planner_gui.domain.progress import evaluate_plan
    from planner_gui.ui.commands import EditFieldsCommand

    task = next(t for t in window.document.plan.walk_tasks() if t.indicators)
    window.document.set_as_of(date(2024, 12, 31))
    indicator = task.indicators[0]
    assert window.push(lambda: EditFieldsCommand(window.document.store, window.document.report, "indicator", indicator.id,
                                                 {"current": (indicator.target or 10) * 2}, "Edit indicator"))
    milestone_task = next(t for t in window.document.plan.walk_tasks() if t.milestones)
    milestone = milestone_task.milestones[0]
    assert window.push(lambda: EditFieldsCommand(window.document.store, window.document.report, "milestone", milestone.id,
                                                 {"done_on": date(2024, 3, 1)}, "Edit milestone"))
    on_file = reread(window.document.store.path)
    assert window.document.plan == on_file  # both tasks re-read in place
    assert window.document.figures.tasks == evaluate_plan(on_file, date(2024, 12, 31)).tasks


def test_open_recent_lists_the_files_opened_and_opens_one_again(window, tmp_path):
    from planner_gui.services.plan_files import init_file

    first = window.document.store.path
    second, gone = tmp_path / "second.sqlite", tmp_path / "gone.sqlite"
    for path in (second, gone):
        init_file(path).close()
        assert window.open_file(path)
    gone.unlink()  # a file that was moved away stays listed, but cannot be chosen
    recent = window.menus.recent
    assert recent in [action.menu() for menu in window.menuBar().findChildren(type(recent))
                      for action in menu.actions()]
    recent.aboutToShow.emit()
    entries = {action.text(): action for action in recent.actions() if action.text()}
    gone_entry = next(action for text, action in entries.items() if "gone.sqlite" in text)
    assert not gone_entry.isEnabled()
    second_entry = next(action for text, action in entries.items() if "second.sqlite" in text)
    assert second_entry.isEnabled()
    second_entry.trigger()
    assert window.document.store.path.resolve() == second.resolve()
    assert first != window.document.store.path


def test_every_dialog_action_opens_a_function_of_the_dialogs_package():
    from planner_gui.ui.menus import DIALOG_ACTIONS, dialog_entries, dialog_entry

    assert set(dialog_entries()) == set(DIALOG_ACTIONS)  # every dialog action connected, no other
    entries = [dialog_entry(action_id) for action_id in DIALOG_ACTIONS]
    assert all(callable(e) and e.__module__.startswith("planner_gui.ui.dialogs.") for e in entries)
    assert len(set(entries)) == len(DIALOG_ACTIONS)  # no two actions open the same thing


def test_back_up_now_from_the_menu_leaves_a_backup_the_list_shows(window, answers):
    from planner_gui.services import backups

    asked, _reply = answers
    path = window.document.store.path
    assert backups.list_backups(path) == []
    window.actions[ActionId.BACK_UP_NOW].trigger()
    found = backups.list_backups(path)
    assert len(found) == 1 and found[0].path.exists()
    assert asked and str(found[0].path) in asked[-1]  # the message names where the copy is
