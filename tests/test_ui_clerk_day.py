"""A clerk's working day (issue 22): fields take what is typed, nothing is lost
from view, the toolbar stays put, the plan's settings are in reach."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner_gui.domain.model import ProgressUpdate
from planner_gui.domain.progress import evaluate_plan
from planner_gui.store import PlanStore
from planner_gui.ui import tree_editing
from planner_gui.ui.actions import ActionId
from planner_gui.ui.document import PlanDocument
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
    widget = DetailPanel(PlanDocument(bundled_store, date.today()))
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
    assert panel.document.undo_stack.count() == 0
    assert due.property("invalid") is True
    assert page.message.isVisible()
    assert "Due" in page.message.text() and typed in page.message.text()
    assert due.text() == typed  # kept for correcting
    # Typing the saved date again clears the mark without an undo step.
    type_over(qtbot, due, "2024-12-31")
    assert due.property("invalid") is False and not page.message.isVisible()
    assert panel.document.undo_stack.count() == 0


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
    assert "100" in form.message.whole_text() and "Progress" in form.message.whole_text()
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
    assert "2024-06-31" in form.message.whole_text()


def test_a_refused_update_leaves_the_add_button_where_it_was(qtbot, panel, bundled_store):
    panel.show_task(task_id(bundled_store, PRESCHOOL))
    page = panel.task_page
    page.tabs.setCurrentIndex(2)
    form = page.update_form
    qtbot.waitUntil(form.add_button.isVisible)
    QApplication.processEvents()  # the tab's layout done
    before = form.add_button.mapTo(panel, form.add_button.rect().topLeft())
    form.progress.setValue(150)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "100" in form.message.whole_text()
    QApplication.processEvents()  # the layouts' posted requests: where a banner would push the form
    assert form.add_button.mapTo(panel, form.add_button.rect().topLeft()) == before


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


# --- 4. nothing lost from view ----------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path):
    from ui_window_helpers import make_window

    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


@pytest.fixture
def say_yes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)


def _area_tasks(window, row: int = 1) -> list:
    return window.model.root.shown[row].shown


def test_after_a_delete_the_row_below_is_selected_and_undo_selects_the_task_again(window, say_yes):
    rows = _area_tasks(window)
    assert len(rows) >= 3
    doomed, below = rows[1].id, rows[2].id
    window.select_item(doomed)
    window.actions[ActionId.DELETE].trigger()
    assert window.document.store.get_row("task", below)  # still there
    assert window.selected_task_id() == below
    assert window.detail.item_id == below

    window.actions[ActionId.UNDO].trigger()
    assert window.selected_task_id() == doomed
    assert window.detail.item_id == doomed
    window.actions[ActionId.REDO].trigger()
    assert window.selected_task_id() == below


def test_deleting_the_last_task_of_an_area_selects_the_one_above(window, say_yes):
    rows = _area_tasks(window)
    last, above = rows[-1].id, rows[-2].id
    window.select_item(last)
    window.actions[ActionId.DELETE].trigger()
    assert window.selected_task_id() == above


def test_undoing_an_added_task_selects_the_row_next_to_it(window, qtbot):
    rows = _area_tasks(window)
    first = rows[0].id
    window.select_item(first)
    window.actions[ActionId.ADD_TASK].trigger()
    added = window.selected_task_id()
    assert added != first
    window.tree.setFocus()  # the rename editor opened on the new row closes
    window.actions[ActionId.UNDO].trigger()
    assert window.document.store.load_plan().find_task(added) is None
    assert window.selected_task_id() in {r.id for r in _area_tasks(window)}


def test_a_filter_hiding_the_selected_task_marks_the_editor_and_clearing_it_selects_it_again(window, qtbot):
    rows = _area_tasks(window)
    task = rows[0]
    window.select_item(task.id)
    assert window.detail.item_id == task.id
    window.filter_bar.text.setText("no such words anywhere 无此内容")
    window.filter_bar.flush()
    assert window.selected_task_id() is None
    assert window.detail.item_id != task.id  # nothing edited unseen
    assert window.detail.currentWidget() is window.detail.empty_page
    assert "hidden by the filter" in window.detail.empty_page.text()
    # and the tree says nothing matches
    assert window.model.rowCount() == 0
    assert window.tree.empty_text == "No task matches the filter."

    window.filter_bar.text.setText("")
    window.filter_bar.flush()
    assert window.selected_task_id() == task.id
    assert window.detail.item_id == task.id
    assert window.tree.empty_text == ""


# --- 7. undo texts do not move the toolbar ------------------------------------------------


def _toolbar_geometry(window) -> list:
    from PySide6.QtWidgets import QToolBar

    bar = window.findChild(QToolBar, "mainToolbar")
    return [(bar.widgetForAction(a).geometry().getRect(), a.iconText()) for a in bar.actions()
            if bar.widgetForAction(a) is not None and not a.isSeparator()]


def test_the_toolbar_stays_put_and_the_undo_text_is_in_the_tooltip_and_menu(window, qtbot, say_yes):
    from planner_gui.ui import tree_editing
    before = _toolbar_geometry(window)
    task = _area_tasks(window)[0]
    window.select_item(task.id)
    assert tree_editing.rename(window.document, window, "task", task.id, "一个很长很长的任务名称，足以把工具栏上的按钮挤到右边去")
    assert _toolbar_geometry(window) == before
    undo = window.actions[ActionId.UNDO]
    assert "Undo Rename task" in undo.toolTip() and "Ctrl+Z" in undo.toolTip()
    assert undo.text().startswith("&Undo Rename task")
    assert undo.iconText() == "Undo"
    window.actions[ActionId.DELETE].trigger()
    assert _toolbar_geometry(window) == before
    assert "一个很长很长的任务名称" in undo.toolTip()  # "Undo Delete task <its title>"
    window.actions[ActionId.UNDO].trigger()
    window.actions[ActionId.UNDO].trigger()
    assert _toolbar_geometry(window) == before
    assert window.actions[ActionId.REDO].iconText() == "Redo"


def test_adding_a_sub_task_and_naming_it_is_one_undo_step(window, qtbot):
    from planner_gui.ui import tree_editing
    parent = _area_tasks(window)[0]
    window.select_item(parent.id)
    count = window.document.undo_stack.count()
    window.actions[ActionId.ADD_SUBTASK].trigger()
    added = window.selected_task_id()
    assert tree_editing.rename(window.document, window, "task", added, "编制实施方案")
    assert window.document.undo_stack.count() == count + 1
    assert window.document.undo_stack.undoText() == "Add task 编制实施方案"
    assert reread_task(window, added).title == "编制实施方案"
    window.tree.setFocus()
    window.actions[ActionId.UNDO].trigger()
    assert reread_task(window, added) is None
    window.actions[ActionId.REDO].trigger()
    assert reread_task(window, added).title == "编制实施方案"
    # a later rename, after another change, is its own step
    assert tree_editing.rename(window.document, window, "task", parent.id, "改名")
    assert tree_editing.rename(window.document, window, "task", added, "再改名")
    assert window.document.undo_stack.count() == count + 3


def reread_task(window, task_id: str):
    with PlanStore.open(window.document.store.path) as other:
        return other.load_plan().find_task(task_id)


# --- 1. plan settings in reach --------------------------------------------------------------


def test_plan_settings_open_with_ctrl_comma_from_the_tree_and_ok_is_one_undo_step(window, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    window.select_item(_area_tasks(window)[0].id)  # a task selected: the plan page is out of sight
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.plan_settings_dialog is not None
                    and window.plan_settings_dialog.isVisible())
    dialog = window.plan_settings_dialog
    assert dialog.widgets["behind_tolerance"].value() == 20
    assert dialog.year.value() == 2024
    dialog.widgets["behind_tolerance"].setValue(10)
    dialog.widgets["due_soon_days"].setValue(14)
    dialog.widgets["reporting_cycle"].setCurrentIndex(dialog.widgets["reporting_cycle"].findData("monthly"))
    dialog.widgets["report_due_day"].setValue(20)
    count = window.document.undo_stack.count()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    with PlanStore.open(window.document.store.path) as other:
        settings = other.plan_info().settings
    assert (settings.behind_tolerance, settings.due_soon_days, settings.reporting_cycle,
            settings.report_due_day) == (10, 14, "monthly", 20)
    assert window.document.undo_stack.count() == count + 1
    assert window.document.undo_stack.undoText() == "Edit plan settings"
    window.actions[ActionId.UNDO].trigger()
    with PlanStore.open(window.document.store.path) as other:
        assert other.plan_info().settings.behind_tolerance == 20


def test_plan_settings_cancel_writes_nothing_and_the_plan_menu_offers_them(window, qtbot):
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "planMenu")
    assert window.actions[ActionId.PLAN_SETTINGS] in menu.actions()
    window.actions[ActionId.PLAN_SETTINGS].trigger()
    dialog = window.plan_settings_dialog
    dialog.year.setValue(2025)
    dialog.reject()
    with PlanStore.open(window.document.store.path) as other:
        assert other.plan_info().year == 2024
    assert window.document.undo_stack.count() == 0


# --- 3. fits the screen ------------------------------------------------------------------------


def test_the_first_window_fits_the_screens_free_area(window):
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert free.contains(window.geometry())
    assert window.width() == min(1400, free.width() - 24)


# --- 9. mnemonics and wording ------------------------------------------------------------------


@pytest.fixture
def chinese(qapp):
    from planner_gui.ui import i18n

    assert i18n.install_translator(qapp, choice="zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, choice="en")


def _repeated_accelerators(menu, where: str) -> list[str]:
    import re

    seen: dict[str, list[str]] = {}
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        key = re.search(r"&([^&])", action.text().replace("&&", ""))
        if key:
            seen.setdefault(key[1].lower(), []).append(action.text())
        if action.menu() is not None:
            found += _repeated_accelerators(action.menu(), action.text())
    return found + [f"{where}: {texts}" for texts in seen.values() if len(texts) > 1]


def _window_in_language(qtbot, tmp_path):
    from ui_window_helpers import make_window

    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_menu_repeats_an_accelerator_and_toolbar_buttons_show_none(qapp, qtbot, tmp_path, language):
    from PySide6.QtWidgets import QToolBar

    from planner_gui.ui import i18n, menus

    i18n.install_translator(qapp, choice=language)
    try:
        window = _window_in_language(qtbot, tmp_path)
        assert _repeated_accelerators(window.menuBar(), "menu bar") == []
        assert _repeated_accelerators(menus.context_menu(window), "context menu") == []
        bar = window.findChild(QToolBar, "mainToolbar")
        texts = [a.iconText() for a in bar.actions() if not a.isSeparator() and bar.widgetForAction(a)]
        assert texts and not [t for t in texts if "&" in t or "(" in t], texts
    finally:
        i18n.install_translator(qapp, choice="en")


def test_qt_file_dialog_speaks_chinese(qtbot, chinese):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and not [t for t in labels if t.isascii()], labels


def test_the_delete_question_counts_only_what_there_is(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.No)
    plain = next(t for t in window.document.plan.walk_tasks() if not t.subtasks and not t.updates)
    window.select_item(plain.id)
    window.actions[ActionId.DELETE].trigger()
    assert asked[-1].startswith(f"Delete the task “{plain.title}”?")
    window.document.store.add_update(plain.id, ProgressUpdate(date=date(2024, 3, 31), progress=10, text="启动"))
    window.reload_plan()
    window.select_item(plain.id)
    tree_editing.add_task(window.document, window, as_subtask=True)
    window.select_item(plain.id)
    window.actions[ActionId.DELETE].trigger()
    assert asked[-1].startswith(f"Delete the task “{plain.title}” with its 1 sub-task and 1 progress update?")


def test_the_start_up_dialog_for_a_damaged_file_names_it_once(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from planner_gui.ui.application import choose_start_file
    from planner_gui.ui.settings import AppSettings

    broken = tmp_path / "damaged.sqlite"
    broken.write_bytes(b"\x00garbage" * 500)
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)  # Quit
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert choose_start_file(broken, settings) is None
    assert asked[0].count(str(broken)) == 1, asked[0]


# --- 11. the process ends with the window -------------------------------------------------------


def test_leaving_runs_the_exit_handlers_keeps_the_code_and_skips_the_teardown(tmp_path):
    import subprocess
    import sys

    script = (
        "import atexit, sys\n"
        "from planner_gui.app import leave_now\n"
        "class Slow:\n"
        "    def __del__(self):\n"
        "        print('teardown ran', flush=True)\n"
        "keep = Slow()\n"
        "atexit.register(lambda: print('exit handler ran', flush=True))\n"
        "print('working', end=' ')\n"
        "leave_now(3)\n"
        "print('not reached')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout.split("\n")[0] == "working exit handler ran"
    assert "teardown ran" not in done.stdout and "not reached" not in done.stdout


# --- 6. export defaults ---------------------------------------------------------------------------


def test_the_summary_starts_with_the_whole_plan_as_of_the_windows_date(window):
    from planner_gui.ui.dialogs.export_summary import ExportSummaryDialog

    area = window.document.plan.areas[2]
    window.select_item(area.id)
    window.document.set_as_of(date(2024, 6, 30))
    dialog = ExportSummaryDialog(window.document, window)
    assert dialog.scope_kind.currentData() == "plan"
    assert dialog.as_of.date().toPython() == date(2024, 6, 30)
    dialog.set_scope("area")  # choosing "an area" offers the selected one first
    assert dialog.scope_value.currentText() == area.name
    dialog.close()


def test_save_and_import_dialogs_open_in_documents_then_the_last_folder_never_the_data_folder(
        qtbot, monkeypatch, tmp_path, isolated_user_folders):
    from PySide6.QtWidgets import QFileDialog

    from planner_gui.paths import data_dir
    from planner_gui.ui import json_io, menus
    from planner_gui.ui.dialogs import ledger
    from planner_gui.ui.dialogs.export_summary import ExportSummaryDialog
    from planner_gui.ui.settings import Keys
    from ui_window_helpers import make_window

    data_dir().mkdir(parents=True)
    window = make_window(qtbot, data_dir() / "plan.sqlite", tmp_path / "settings.ini")  # the first start's file
    window.settings.set_value(Keys.WORK_FOLDER, str(data_dir()))  # even if once chosen there

    documents = isolated_user_folders / "Documents"
    documents.mkdir()
    elsewhere = tmp_path / "handed-in"
    elsewhere.mkdir()
    asked: list[str] = []
    answer = {"path": ""}

    def dialog(_parent, _title, start, *rest, **kwargs):
        asked.append(start)
        return answer["path"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    summary = ExportSummaryDialog(window.document, window)
    summary.choose_file_and_save()  # cancelled: nothing chosen
    json_io.export_plan_json(window.document, window)
    ledger.open_import_dialog(window.document, window)
    menus.save_copy(window)
    hidden = data_dir().resolve()
    assert window.document.store.path.resolve().parent == hidden  # the plan itself is in the hidden folder
    assert [str(Path(start).parent if start.endswith((".pdf", ".json", ".sqlite")) else start)
            for start in asked] == [str(documents)] * 4
    summary.close()

    answer["path"] = str(elsewhere / "plan.json")
    json_io.export_plan_json(window.document, window)
    answer["path"] = ""
    ledger.open_import_dialog(window.document, window)
    assert asked[-1] == str(elsewhere)


# --- 8. charts and tables legible ----------------------------------------------------------------


def test_the_history_shows_whole_dates_and_figures(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    bundled_store.add_update(tid, ProgressUpdate(date=date(2024, 6, 25), progress=100, text="完成"))
    panel.show_task(tid)
    page = panel.task_page
    page.tabs.setCurrentIndex(2)
    history = page.history
    qtbot.waitUntil(lambda: history.history.rowCount() == 1)
    metrics = history.fontMetrics()
    assert history.columnWidth(0) > metrics.horizontalAdvance("2024-06-25")
    assert history.columnWidth(1) > metrics.horizontalAdvance("100%")


def test_the_light_bars_name_every_light_one_per_row(qtbot, bundled_store):
    from planner_gui.domain.progress import STATUS_ORDER
    from planner_gui.ui.chart import ChartPanel

    chart = ChartPanel()
    qtbot.addWidget(chart)
    chart.resize(270, 600)
    chart.show()
    plan = bundled_store.load_plan()
    chart.show_plan(plan, date(2024, 6, 30), evaluate_plan(plan, date(2024, 6, 30)).plan.counts)
    qtbot.waitUntil(lambda: chart._bars_drawn)  # noqa: SLF001 - the lights come from the sampler
    ticks = chart.lights_plot.getAxis("left")._tickLevels[0]  # noqa: SLF001 - pyqtgraph keeps them there
    # every light, the grey 'no deadline' of issue 18 included, on a row of its own
    assert len(ticks) == len(STATUS_ORDER) == 7 and len({row for row, _ in ticks}) == 7


def test_the_indicator_axis_starts_at_zero_and_leaves_room_above():
    from planner_gui.ui.chart_items import IndicatorLine, indicator_y_range

    lone = IndicatorLine("学前教育公办率", "#000", [(0.0, 46.5)], ["46.5"], 50.0)
    low, high = indicator_y_range([lone])
    assert low == 0 and high > 50
    target_only = IndicatorLine("新引进企业", "#000", [], [], 1000.0)
    assert indicator_y_range([target_only]) == (0.0, 1100.0)
    falling = IndicatorLine("失业率", "#000", [(0.0, -2.0)], ["-2"], None)
    assert indicator_y_range([falling])[0] == -2.0


# --- 10. the summary's small faults --------------------------------------------------------------


def test_the_summary_omits_empty_problems_and_keeps_headings_with_their_tables(bundled_store, tmp_path):
    from planner_gui.reports.export import ExportRequest, export_report
    from planner_gui.reports.labels import label
    from reports_helpers import AS_OF, PROBLEM_TEXT, prepare_bundled

    prepare_bundled(bundled_store)
    out = tmp_path / "summary.html"
    export_report(bundled_store.load_plan(), ExportRequest(as_of=AS_OF), out)
    html = out.read_text("utf-8")
    assert PROBLEM_TEXT in html  # the one given is there
    assert label("zh", "no_problems_given") not in html  # the empty ones say nothing
    assert "max-width: 170mm" not in html  # a browser window gets the room it has
    assert "h3 { font-size: 12pt; margin: 10pt 0 4pt; page-break-after: avoid; break-after: avoid; }" in html


@pytest.mark.parametrize("with_leaders_and_updates", [True, False])
def test_every_area_heading_of_the_pdf_is_on_the_page_of_its_first_task(bundled_store, tmp_path,
                                                                         with_leaders_and_updates):
    import shutil

    from planner_gui.reports.export import ExportRequest, export_report
    from planner_gui.reports.labels import sub_number
    from reports_helpers import AS_OF, page_count, pdf_text, prepare_bundled

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    if with_leaders_and_updates:
        prepare_bundled(bundled_store)  # with it, the third area's heading fell at the bottom of page 2
    plan = bundled_store.load_plan()
    out = tmp_path / "summary.pdf"
    export_report(plan, ExportRequest(as_of=AS_OF), out)
    pages = [pdf_text(out, number, number).replace("\n", "") for number in range(1, page_count(out) + 1)]
    for index, area in enumerate(plan.areas, start=1):
        heading = sub_number(2, index, "zh") + area.name  # "（三）加快重点功能区建设"
        heading_page = next(n for n, text in enumerate(pages) if heading in text)
        if area.tasks:
            assert area.tasks[0].title[:5] in pages[heading_page], heading


def test_pdf_columns_fit_what_they_hold():
    from planner_gui.reports.paged_table import fit_widths
    from planner_gui.reports.text_blocks import char_format

    small = char_format(9)
    header = ["序号", "任务", "责任领导", "牵头单位", "状态"]
    defaults = [5.0, 40.0, 15.0, 15.0, 7.0]
    widths = fit_widths(defaults, {0: ({"155.2.1"}, small, True), 2: (set(), small, False),
                                   3: ({"区发展改革委员会办公室综合科"}, small, False),
                                   4: ({"已完成"}, char_format(9, bold=True), True)}, header, stretch=[1])
    assert abs(sum(widths) - 100) < 1e-6
    assert widths[2] < defaults[2]  # an empty column shrinks to its header
    assert widths[3] == defaults[3]  # a long unit name wraps within its usual width
    assert widths[1] > defaults[1]  # the tasks get what was saved
    again = fit_widths(defaults, {0: ({"1"}, small, True)}, header, stretch=[1])
    assert widths[0] > again[0]  # three-level numbers get the room they need


def test_the_pdf_progress_chart_keeps_its_end_label_inside(qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from planner_gui.reports.pdf_charts import draw_history

    image = QImage(600, 260, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    history = [(date(2024, month, 28), 100.0 * month / 12, 90.0 + month * 0.8) for month in range(1, 12)]
    history.append((date(2024, 12, 31), 100.0, 100.0))
    draw_history(painter, QRectF(0, 0, 400, 240), history, "zh", 2024)
    painter.end()
    white = QColor("white").rgb()
    outside = [(x, y) for x in range(402, 600) for y in range(260) if image.pixel(x, y) != white]
    assert outside == []


def test_the_import_summary_counts_only_what_there_is_in_the_singular_for_one(qapp):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QDialog

    from planner_gui.ui.dialogs.ledger import ImportPreviewDialog

    counts = {"new_areas": 0, "new_tasks": 2, "changed_fields": 1, "new_updates": 1, "conflicts": 0, "problems": 0}
    preview = SimpleNamespace(new_file=False, replaces_empty=False, file=Path("科委报送.xlsx"),
                              changes=SimpleNamespace(counts=lambda: counts))
    line = ImportPreviewDialog._summary_line(QDialog(), preview)
    assert line == "科委报送.xlsx: 2 new tasks, 1 changed field, 1 new update"
