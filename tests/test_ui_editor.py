"""The detail editor: edits are written at once and undoable, wrong values are
refused with the field named, and progress updates change the light, the
history and the chart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from planner_gui.domain.progress import STATUS_COLOURS, Status, evaluate_area, evaluate_plan
from planner_gui.store import PlanStore
from planner_gui.ui.chart import ChartPanel
from planner_gui.ui.chart_series import timestamp
from planner_gui.ui.commands import EditFieldsCommand
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor.detail_panel import DetailPanel

PRESCHOOL = "学前教育公办率提升至50%"  # due 2024-12-31, indicator 学前教育公办率 >= 50


def task_id(store: PlanStore, title: str) -> str:
    return next(t.id for t in store.load_plan().walk_tasks() if t.title == title)


def reopened_task(store: PlanStore, tid: str):
    """The task as a second connection reads it from the file."""
    with PlanStore.open(store.path) as other:
        return other.get_task(tid)


@pytest.fixture
def panel(qtbot, bundled_store):
    widget = DetailPanel(PlanDocument(bundled_store, date.today()))
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    return widget


def commit_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.setText(text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def commit_date(qtbot, widget, day: date) -> None:
    widget.setFocus()
    widget.setDate(QDate(day))
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_editing_a_field_writes_the_file_and_undo_restores_it(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    leader = panel.task_page.widgets["leader"]
    commit_text(qtbot, leader, "王<b>明</b>")
    assert reopened_task(bundled_store, tid).leader == "王<b>明</b>"
    assert panel.document.undo_stack.count() == 1

    panel.document.undo_stack.undo()
    assert reopened_task(bundled_store, tid).leader == ""
    leader.clearFocus()
    qtbot.waitUntil(lambda: leader.text() == "")
    panel.document.undo_stack.redo()
    assert reopened_task(bundled_store, tid).leader == "王<b>明</b>"


def test_a_date_edit_is_written_and_due_before_start_is_refused(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    commit_date(qtbot, page.widgets["start"], date(2024, 3, 1))
    assert reopened_task(bundled_store, tid).start == date(2024, 3, 1)

    commit_date(qtbot, page.widgets["due"], date(2024, 2, 1))
    assert page.widgets["due"].property("invalid") is True
    assert page.message.isVisible()
    assert page.message.text().startswith("Not saved — Due:")
    assert reopened_task(bundled_store, tid).due == date(2024, 12, 31)
    assert panel.document.undo_stack.count() == 1  # only the start edit
    # Another edit refreshes the page: the refused date stays in sight, still marked.
    commit_text(qtbot, page.widgets["leader"], "王明")
    qtbot.waitUntil(lambda: page.task.leader == "王明")
    assert page.widgets["due"].value() == date(2024, 2, 1)
    assert page.widgets["due"].property("invalid") is True


def test_progress_outside_0_to_100_is_refused_and_nothing_written(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    progress = page.widgets["progress"]
    commit_text(qtbot, progress, "150")
    assert "Progress set directly" in page.message.text()
    assert "150" in page.message.text()
    assert progress.property("invalid") is True
    assert reopened_task(bundled_store, tid).progress is None
    assert panel.document.undo_stack.count() == 0
    # Correcting the value saves it and clears the mark.
    commit_text(qtbot, progress, "40")
    assert reopened_task(bundled_store, tid).progress == 40
    assert progress.property("invalid") is False
    assert not page.message.isVisible()


def test_adding_an_update_changes_light_history_and_chart_and_undo_removes_it(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_as_of(date(2024, 4, 10))
    panel.show_task(tid)
    page = panel.task_page
    # Bring the deadline to 30 April: as of 10 April the plan expects 83%, the task has 0.
    commit_date(qtbot, page.widgets["due"], date(2024, 4, 30))
    qtbot.waitUntil(lambda: page.figures.status is Status.YELLOW)
    assert page.figures_box.light.status is Status.YELLOW
    chart = ChartPanel()
    qtbot.addWidget(chart)
    chart.show_task(bundled_store.load_plan(), tid, panel.as_of())
    before = chart.series()
    assert before["actual"] == [(timestamp(date(2024, 4, 10)), 0.0)]

    form = page.update_form
    assert form.date.date().toPython() == date(2024, 4, 10)  # defaults to the as-of date
    form.progress.setValue(100)
    form.text.setPlainText("公办园<i>新增</i>3所")
    form.reporter.setText("区教委")
    form.reading_edits["学前教育公办率"].setText("51.5")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)

    stored = reopened_task(bundled_store, tid)
    assert [(u.date, u.progress, u.readings) for u in stored.updates] == [
        (date(2024, 4, 10), 100.0, {"学前教育公办率": 51.5})
    ]
    qtbot.waitUntil(lambda: page.figures.status is Status.DONE)
    assert page.history.row_texts()[0][:3] == ["2024-04-10", "100%", "公办园<i>新增</i>3所"]
    assert "学前教育公办率 51.5%" in page.history.row_texts()[0][-1]
    chart.show_task(bundled_store.load_plan(), tid, panel.as_of())
    after = chart.series()
    assert after["actual"][-1] == (timestamp(date(2024, 4, 10)), 100.0)
    assert after["indicator:学前教育公办率"] == [(timestamp(date(2024, 4, 10)), 51.5)]
    assert after != before

    panel.document.undo_stack.undo()
    assert reopened_task(bundled_store, tid).updates == []
    qtbot.waitUntil(lambda: page.figures.status is Status.YELLOW)
    assert page.history.row_texts() == []


def test_a_non_numeric_reading_is_refused_and_nothing_added(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    form = panel.task_page.update_form
    form.reading_edits["学前教育公办率"].setText("about half")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "学前教育公办率" in form.message.whole_text()  # on the Add button's row
    assert form.reading_edits["学前教育公办率"].property("invalid") is True
    assert reopened_task(bundled_store, tid).updates == []
    assert panel.document.undo_stack.count() == 0


def test_a_refresh_does_not_clobber_the_field_being_typed_in(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    panel.activateWindow()
    leader = page.widgets["leader"]
    leader.setFocus()
    qtbot.waitUntil(leader.hasFocus)
    qtbot.keyClicks(leader, "typing")
    # Another edit of the same task arrives (e.g. undo of something else).
    panel.document.undo_stack.push(EditFieldsCommand(bundled_store, panel.document.report, "task", tid,
                                            {"lead_unit": "区教委"}, "edit"))
    qtbot.waitUntil(lambda: page.widgets["lead_unit"].text() == "区教委")
    assert leader.text() == "typing"


def test_plan_settings_are_edited_through_undoable_commands(qtbot, panel, bundled_store):
    panel.show_plan()
    page = panel.plan_page
    tolerance = page.setting_widgets["behind_tolerance"]
    tolerance.setFocus()
    tolerance.setValue(10)
    qtbot.keyClick(tolerance, Qt.Key.Key_Return)
    with PlanStore.open(bundled_store.path) as other:
        assert other.plan_info().settings.behind_tolerance == 10
    page.cycle.setCurrentIndex(page.cycle.findData("monthly"))
    page.cycle.activated.emit(page.cycle.currentIndex())
    with PlanStore.open(bundled_store.path) as other:
        assert other.plan_info().settings.reporting_cycle == "monthly"
    panel.document.undo_stack.undo()
    panel.document.undo_stack.undo()
    with PlanStore.open(bundled_store.path) as other:
        settings = other.plan_info().settings
    assert (settings.behind_tolerance, settings.reporting_cycle) == (20, "quarterly")


def test_plan_page_shows_declared_against_entered_and_the_roll_up(qtbot, panel, bundled_store):
    panel.set_as_of(date(2024, 7, 1))
    panel.show_plan()
    plan = bundled_store.load_plan()
    figures = evaluate_plan(plan, date(2024, 7, 1)).plan
    page = panel.plan_page
    assert "2 areas not entered" in page.entered.text()
    assert page.rollup.lights[Status.YELLOW][1].text() == str(figures.counts[Status.YELLOW])
    assert page.rollup.tasks.text() == str(figures.leaf_tasks)


def test_area_page_edits_weight_and_shows_its_roll_up(qtbot, panel, bundled_store):
    plan = bundled_store.load_plan()
    area = plan.areas[5]
    panel.set_as_of(date(2024, 7, 1))
    panel.show_area(area.id)
    page = panel.area_page
    figures = evaluate_area(area, date(2024, 7, 1), plan, {})
    assert page.rollup.not_reported.text() == str(figures.not_reported)
    commit_text(qtbot, page.widgets["weight"], "-2")
    assert "Weight" in page.message.text()
    commit_text(qtbot, page.widgets["weight"], "2")
    with PlanStore.open(bundled_store.path) as other:
        assert other.get_row("area", area.id)["weight"] == 2


def test_deleting_the_shown_task_empties_the_panel(qtbot, panel, bundled_store):
    from planner_gui.ui.commands import DeleteTaskCommand

    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    panel.document.undo_stack.push(DeleteTaskCommand(bundled_store, panel.document.report, tid))
    qtbot.waitUntil(lambda: panel.currentWidget() is panel.empty_page)


def test_read_only_shows_everything_and_changes_nothing(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_read_only(True)
    panel.show_task(tid)
    page = panel.task_page
    assert page.widgets["leader"].isReadOnly()
    assert page.widgets["due"].isReadOnly()
    assert not page.municipal.isEnabled()
    assert not page.update_form.isEnabled()
    assert not page.indicators.flags(page.indicators.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not any(button.isEnabled() for button in page.edit_buttons)
    panel.set_read_only(False)
    assert not page.widgets["leader"].isReadOnly() and page.update_form.isEnabled()


def test_plan_page_uses_the_plan_and_figures_the_document_holds(qtbot, panel, bundled_store, monkeypatch):
    from planner_gui.ui import document as document_module

    panel.set_as_of(date(2024, 7, 1))
    figures = panel.document.figures  # worked out once, as the window asks for them
    assert figures == evaluate_plan(bundled_store.load_plan(), date(2024, 7, 1))
    monkeypatch.setattr(PlanStore, "load_plan", lambda self, **_: pytest.fail("read the whole file again"))
    monkeypatch.setattr(document_module, "evaluate_plan", lambda *_: pytest.fail("worked out the figures again"))
    panel.show_plan()
    assert panel.plan_page.rollup.tasks.text() == str(figures.plan.leaf_tasks)


def test_tab_walks_the_task_fields_in_the_order_shown(qtbot, panel, bundled_store):
    panel.show_task(task_id(bundled_store, PRESCHOOL))
    panel.activateWindow()
    widgets = panel.task_page.widgets
    widgets["lead_unit"].setFocus()
    qtbot.waitUntil(widgets["lead_unit"].hasFocus)
    # Date fields included, also one showing "none" (Qt's date edit would keep Tab inside it).
    for field in ("co_units", "start", "due", "deadline_text", "done_on", "progress"):
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
        assert widgets[field].hasFocus(), field
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Backtab)
    assert widgets["done_on"].hasFocus()


def test_a_date_can_be_typed_into_an_empty_field_and_cleared_with_delete(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    panel.activateWindow()
    start = panel.task_page.widgets["start"]
    assert start.value() is None and start.text() == "" and start.placeholderText() == "none"
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClicks(start, "2024-02-15")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert reopened_task(bundled_store, tid).start == date(2024, 2, 15)
    start.selectAll()
    qtbot.keyClick(start, Qt.Key.Key_Delete)
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert reopened_task(bundled_store, tid).start is None
    assert panel.document.undo_stack.count() == 2


def test_indicators_and_milestones_are_added_and_deleted_with_undo(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    assert page.indicators.rowCount() == 1
    add_indicator, delete_indicator, add_milestone, delete_milestone = page.edit_buttons
    qtbot.mouseClick(add_indicator, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(add_indicator, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.indicators.rowCount() == 3)
    names = [i.name for i in reopened_task(bundled_store, tid).indicators]
    assert names == ["学前教育公办率", "New indicator", "New indicator 2"]

    page.indicator_view.selectRow(0)
    qtbot.mouseClick(delete_indicator, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.indicators.rowCount() == 2)
    assert [i.name for i in reopened_task(bundled_store, tid).indicators] == ["New indicator", "New indicator 2"]
    panel.document.undo_stack.undo()
    assert [i.name for i in reopened_task(bundled_store, tid).indicators] == names

    qtbot.mouseClick(add_milestone, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.milestones.rowCount() == 1)
    assert page.milestones.setData(page.milestones.index(0, 1), "2024-06-30")
    assert [(m.title, m.due) for m in reopened_task(bundled_store, tid).milestones] == [
        ("New milestone", date(2024, 6, 30))]
    page.milestone_view.selectRow(0)
    qtbot.mouseClick(delete_milestone, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.milestones.rowCount() == 0)
    assert reopened_task(bundled_store, tid).milestones == []


def test_history_lists_updates_newest_first(qtbot, panel, bundled_store):
    from planner_gui.domain.model import ProgressUpdate

    tid = task_id(bundled_store, PRESCHOOL)
    for day, progress in ((date(2024, 3, 20), 20), (date(2024, 6, 18), 35), (date(2024, 5, 2), 30)):
        bundled_store.add_update(tid, ProgressUpdate(date=day, progress=progress, reporter="区教委"))
    panel.show_task(tid)
    rows = panel.task_page.history.row_texts()
    assert [(r[0], r[1], r[5]) for r in rows] == [
        ("2024-06-18", "35%", "区教委"), ("2024-05-02", "30%", "区教委"), ("2024-03-20", "20%", "区教委")]


def test_the_title_wraps_and_enter_saves_it_and_an_empty_title_is_refused(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    title = page.title
    assert title.lineWrapMode() == title.LineWrapMode.WidgetWidth
    title.setFocus()
    title.selectAll()
    title.insertPlainText("学前教育公办率年底提升至50%以上")  # keyClicks only types ASCII
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert reopened_task(bundled_store, tid).title == "学前教育公办率年底提升至50%以上"
    assert "\n" not in title.toPlainText()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert page.message.text().startswith("Not saved — Title:")
    assert reopened_task(bundled_store, tid).title == "学前教育公办率年底提升至50%以上"


def test_a_failed_write_leaves_nothing_on_the_undo_stack_and_says_why(qtbot, panel, bundled_store, monkeypatch):
    import sqlite3

    tid = task_id(bundled_store, PRESCHOOL)
    panel.show_task(tid)

    def read_only_file(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(PlanStore, "edit", read_only_file)
    monkeypatch.setattr(PlanStore, "add_update", read_only_file)
    page = panel.task_page
    commit_text(qtbot, page.widgets["leader"], "王明")
    assert "Leader" in page.message.text() and "readonly" in page.message.text()
    page.update_form.text.setPlainText("完成调研")
    qtbot.mouseClick(page.update_form.add_button, Qt.MouseButton.LeftButton)
    assert "readonly" in page.update_form.message.whole_text()
    assert page.update_form.text.toPlainText() == "完成调研"  # kept for another try
    assert panel.document.undo_stack.count() == 0
    monkeypatch.undo()
    task = reopened_task(bundled_store, tid)
    assert (task.leader, task.updates) == ("", [])


def test_plan_fields_refuse_a_wrong_count_and_save_a_right_one(qtbot, panel, bundled_store):
    panel.show_plan()
    page = panel.plan_page
    declared = page.widgets["declared_tasks"]
    commit_text(qtbot, declared, "四十二")
    assert page.message.text().startswith("Not saved — Declared tasks:")
    assert declared.property("invalid") is True
    with PlanStore.open(bundled_store.path) as other:
        assert other.plan_info().declared_tasks == 42
    commit_text(qtbot, declared, "45")
    with PlanStore.open(bundled_store.path) as other:
        assert other.plan_info().declared_tasks == 45
    qtbot.waitUntil(lambda: "16 tasks not entered" in page.entered.text())
    panel.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "13 tasks not entered" in page.entered.text())


def test_changing_the_as_of_date_recomputes_the_shown_figures(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_as_of(date(2024, 3, 1))
    panel.show_task(tid)
    page = panel.task_page
    assert page.figures.status is Status.GREEN
    panel.set_as_of(date(2025, 1, 15))
    qtbot.waitUntil(lambda: page.figures.status is Status.RED)
    assert page.figures_box.as_of.text() == "2025-01-15"
    assert page.figures.planned == 100


def test_ctrl_enter_in_the_update_form_adds_the_update(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_as_of(date(2024, 5, 6))
    panel.show_task(tid)
    panel.activateWindow()
    form = panel.task_page.update_form
    panel.task_page.tabs.setCurrentIndex(2)
    form.text.setPlainText("完成摸底")
    form.text.setFocus()
    qtbot.waitUntil(form.text.hasFocus)
    qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    updates = reopened_task(bundled_store, tid).updates
    assert [(u.date, u.text) for u in updates] == [(date(2024, 5, 6), "完成摸底")]
    assert form.text.toPlainText() == ""


def test_the_history_tab_shows_the_selected_tasks_updates_when_opened(qtbot, panel, bundled_store):
    """The history is filled when its tab is opened, not at every click on a
    task while another tab is in front; what it then shows is the task's."""
    from planner_gui.domain.model import ProgressUpdate

    first, second = (task_id(bundled_store, title) for title in (PRESCHOOL, "国家自然博物馆开工建设"))
    for tid, text in ((first, "第一项的进展"), (second, "第二项的进展")):
        bundled_store.add_update(tid, ProgressUpdate(date=date(2024, 3, 1), progress=20, text=text))
    page = panel.task_page
    page.tabs.setCurrentIndex(0)  # the fields in front
    panel.show_task(first)
    panel.show_task(second)
    history = page.history
    assert not history.isVisible() and history.history.rowCount() == 0  # nothing made yet
    page.tabs.setCurrentWidget(next(page.tabs.widget(i) for i in range(page.tabs.count())
                                    if page.tabs.widget(i).isAncestorOf(history)))
    qtbot.waitUntil(history.isVisible)
    assert [row[2] for row in history.row_texts()] == ["第二项的进展"]
    panel.show_task(first)  # while it is in front: at once
    assert history.history.rowCount() == 1 and history.history.item(0, 2).text() == "第一项的进展"


def test_a_task_clicked_in_the_window_is_shown_from_the_plan_it_holds(qtbot, tmp_path, monkeypatch):
    from tests.ui_window_helpers import make_window, task_by_title

    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    task = task_by_title(window, PRESCHOOL)
    real_get_task = PlanStore.get_task
    monkeypatch.setattr(PlanStore, "get_task", lambda self, tid: pytest.fail("read the clicked task from the file"))
    window.select_item(task.id)
    page = window.detail.task_page
    assert page.task is not None and page.task.id == task.id
    monkeypatch.setattr(PlanStore, "get_task", real_get_task)
    on_file = reopened_task(window.document.store, task.id)
    assert page.widgets["title"].value() == on_file.title
    assert [u.date for u in page.task.updates] == [u.date for u in on_file.updates]
    assert page.indicators.items == on_file.indicators
    # after a change the editor shows what the file now holds (the window re-reads
    # the changed task, and the editor takes it from the window)
    window.push(lambda: EditFieldsCommand(window.document.store, window.document.report, "task", task.id,
                                          {"leader": "王五"}, "Edit leader"))
    qtbot.waitUntil(lambda: page.widgets["leader"].text() == "王五", timeout=2000)
    assert page.task == reopened_task(window.document.store, task.id)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: page.widgets["leader"].text() == on_file.leader, timeout=2000)
    assert page.task == reopened_task(window.document.store, task.id) == on_file


def _dot_colour(light) -> QColor:
    image = light.dot.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def _near(colour: QColor, hex_colour: str) -> bool:
    wanted = QColor(hex_colour)
    return max(abs(colour.red() - wanted.red()), abs(colour.green() - wanted.green()),
               abs(colour.blue() - wanted.blue())) < 40


def test_the_light_shows_the_status_colour_and_follows_a_change_and_its_undo(qtbot, panel, bundled_store):
    tid = task_id(bundled_store, PRESCHOOL)
    panel.set_as_of(date(2024, 3, 1))
    panel.show_task(tid)
    page = panel.task_page
    light = page.figures_box.light
    assert light.status is Status.GREEN  # nothing reported yet, and none expected by a December deadline
    assert light.dot.isVisible() and light.word.text()
    assert _near(_dot_colour(light), STATUS_COLOURS[Status.GREEN])
    # a deadline of 31 March: behind the plan as of 1 March
    commit_date(qtbot, page.widgets["due"], date(2024, 3, 31))
    qtbot.waitUntil(lambda: light.status is not Status.GREEN)
    changed = light.status
    assert changed is not None and _near(_dot_colour(light), STATUS_COLOURS[changed])
    # an edit that leaves the light as it is keeps it (the task is shown again after every edit)
    commit_text(qtbot, page.widgets["leader"], "督查室")
    qtbot.waitUntil(lambda: reopened_task(bundled_store, tid).leader == "督查室")
    assert light.status is changed and _near(_dot_colour(light), STATUS_COLOURS[changed])
    panel.document.undo_stack.undo()
    panel.document.undo_stack.undo()
    qtbot.waitUntil(lambda: light.status is Status.GREEN)
    assert _near(_dot_colour(light), STATUS_COLOURS[Status.GREEN])
