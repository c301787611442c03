"""A big plan's window: the tree first, then the updates read in slices from the
event loop, then lights, figures and chart (ui/plan_loading.py). Whatever
the user does meanwhile sees the whole plan and writes the file correctly.

The sizes are made small here (a plan of 60 tasks counts as big, 7 tasks
per slice), so the tests run in a moment and still take many slices."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from tests.ui_window_helpers import reread, run_pending_events

from planner_gui.demo import write_demo
from planner_gui.domain.model import ProgressUpdate
from planner_gui.domain.progress import evaluate_plan, status_word
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore
from planner_gui.ui import plan_loading
from planner_gui.ui.plan_tree import PROGRESS_ROLE, Column


@pytest.fixture(autouse=True)
def small_slices(monkeypatch):
    monkeypatch.setattr(plan_loading, "READ_AT_ONCE_TASKS", 50)  # the bundled plan has 40
    monkeypatch.setattr(plan_loading, "TASKS_PER_STEP", 7)
    # a slice is one step, whatever the machine's speed
    monkeypatch.setattr(plan_loading, "SLICE_SECONDS", 0.0)


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "big.sqlite"
    write_demo(path, 60, 900, seed=11)
    return path


def new_window(qtbot, path, tmp_path):
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    QCoreApplication.setOrganizationName("planner-gui-tests")
    QCoreApplication.setApplicationName("planner-gui-tests")
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(PlanStore.open(path), settings)
    qtbot.addWidget(window)
    return window


def shown_status(window, task_id: str) -> str:
    return window.model.index_for_id(task_id, Column.STATUS).data()


def expected_statuses(window, path) -> dict[str, str]:
    figures = evaluate_plan(reread(path), window.document.as_of)
    return {task_id: status_word(f.status, window.language) for task_id, f in figures.tasks.items()}


def test_the_tree_comes_first_and_the_lights_once_the_updates_are_read(qtbot, tmp_path, big_file):
    window = new_window(qtbot, big_file, tmp_path)
    assert window.document.reading
    task = next(window.document.outline.walk_tasks())
    # the row is there with its texts; progress and light are not guessed
    assert window.model.index_for_id(task.id, Column.TITLE).data() == task.title
    assert shown_status(window, task.id) == "reading…"
    assert window.model.index_for_id(task.id, Column.PROGRESS).data(PROGRESS_ROLE) is None
    for column in (Column.PROGRESS, Column.STATUS):  # no bar, no light
        assert window.model.index_for_id(task.id, column).data(Qt.ItemDataRole.DecorationRole) is None
    assert not window.chart_slot.is_built

    seen: list[tuple[int, int]] = []
    window.document.reading_progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(window.plan_ready, timeout=20000):
        window.show()
    assert not window.document.reading
    assert len(seen) >= 5 and seen[-1][0] == seen[-1][1] == 60  # read in slices, to the end
    expected = expected_statuses(window, big_file)
    assert {n.id: shown_status(window, n.id) for n in window.model.task_nodes()} == expected
    assert window.statusBar().currentMessage() == ""
    for column in (Column.PROGRESS, Column.STATUS):  # the bar and the light are drawn now
        assert not window.model.index_for_id(task.id, column).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert window.chart_slot.is_built  # built after the first paint


def test_asking_for_the_plan_while_reading_finishes_the_reading(qtbot, tmp_path, big_file):
    window = new_window(qtbot, big_file, tmp_path)
    assert window.document.reading
    assert window.document.plan == reread(big_file)  # never a plan without its updates
    assert not window.document.reading
    expected = expected_statuses(window, big_file)
    assert {n.id: shown_status(window, n.id) for n in window.model.task_nodes()} == expected


def test_an_update_added_while_reading_is_written_once_and_counted(qtbot, tmp_path, big_file):
    from planner_gui.ui.commands import AddUpdateCommand

    window = new_window(qtbot, big_file, tmp_path)
    window.document.set_as_of(date(2024, 9, 30))  # while reading: taken into account once read
    last = list(window.document.outline.walk_tasks())[-1]  # read in the last slice
    window.select_item(last.id)
    update = ProgressUpdate(date=date(2024, 9, 1), progress=100, text="全部完成")
    assert window.document.reading
    assert window.push(lambda: AddUpdateCommand(window.document.store, window.document.report, last.id, update))
    assert not window.document.reading
    in_file = reread(big_file).find_task(last.id).updates
    assert [u.text for u in window.document.plan.find_task(last.id).updates] == [u.text for u in in_file]
    assert sum(u.text == "全部完成" for u in in_file) == 1
    expected = expected_statuses(window, big_file)
    assert window.document.figures.as_of == date(2024, 9, 30)
    assert {n.id: shown_status(window, n.id) for n in window.model.task_nodes()} == expected
    window.undo()
    assert all(u.text != "全部完成" for u in reread(big_file).find_task(last.id).updates)


def test_filtering_and_selecting_while_reading(qtbot, tmp_path, big_file):
    window = new_window(qtbot, big_file, tmp_path)
    task = list(window.document.outline.walk_tasks())[5]
    window.filter_bar.text.setText(task.title)
    window.filter_bar.flush()
    assert task.id in window.visible_task_ids()
    assert window.select_item(task.id)
    assert window.document.reading  # neither needed the updates
    assert window.detail.currentWidget() is window.detail.task_page  # the editor reads the task itself
    with qtbot.waitSignal(window.plan_ready, timeout=20000):
        window.show()
    assert task.id in window.visible_task_ids()
    assert window.selected_task_id() == task.id


def test_opening_another_file_while_reading_drops_the_first(qtbot, tmp_path, big_file):
    small = tmp_path / "small.sqlite"
    init_file(small).close()
    window = new_window(qtbot, big_file, tmp_path)
    assert window.document.reading
    assert window.open_file(small)
    assert not window.document.reading  # the bundled plan is read whole before it is shown
    assert window.document.plan == reread(small)
    assert {n.id for n in window.model.task_nodes()} == {t.id for t in reread(small).walk_tasks()}


def test_the_chart_is_built_after_the_first_paint_or_when_asked(qtbot, tmp_path):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    window = new_window(qtbot, path, tmp_path)
    assert not window.document.reading  # a district's plan is read whole at once
    assert not window.chart_slot.is_built
    window.show()
    qtbot.waitUntil(lambda: window.chart_slot.is_built, timeout=10000)
    other = new_window(qtbot, path, tmp_path)
    assert other.chart.series()  # asked for before any paint: built and drawn at once


def _damaged_after(monkeypatch, good_reads: int) -> list[int]:
    """The file's updates read fine ``good_reads`` times, then SQLite reports
    damage, as it does for an index that no longer matches its table (a file
    that passed the check made when it was opened)."""
    import sqlite3

    calls: list[int] = []
    real = PlanStore.read_updates

    def read_updates(self, task_ids, shared=None):
        calls.append(len(task_ids))
        if len(calls) > good_reads:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(self, task_ids, shared)

    monkeypatch.setattr(PlanStore, "read_updates", read_updates)
    return calls


@pytest.mark.parametrize("good_reads", [0, 3], ids=["at once", "part-way through the slices"])
def test_a_file_whose_updates_cannot_be_read_is_shown_with_a_message_and_left_unchanged(
        qtbot, tmp_path, big_file, monkeypatch, good_reads):
    import hashlib

    before = hashlib.sha256(big_file.read_bytes()).hexdigest()
    calls = _damaged_after(monkeypatch, good_reads)
    errors: list[tuple[str, str]] = []
    from planner_gui.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append((title, text)))
    window = new_window(qtbot, big_file, tmp_path)
    window.show()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    title, text = errors[0]
    assert title == "Damaged plan file"
    assert str(big_file) in text and "database disk image is malformed" in text
    assert "not been changed" in text
    assert not window.document.reading  # the window is usable, with what was read
    tries = len(calls)
    run_pending_events(qtbot)  # the event loop runs on: the failed read is not tried again
    assert len(calls) == tries and len(errors) == 1
    assert "damaged" in window.statusBar().currentMessage()
    assert window.document.plan.title  # the plan (as read) is there for whatever needs it
    window.close()
    assert hashlib.sha256(big_file.read_bytes()).hexdigest() == before


def test_a_small_plan_whose_updates_cannot_be_read_opens_with_a_message(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    _damaged_after(monkeypatch, 0)
    errors: list[str] = []
    from planner_gui.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append(text))
    window = new_window(qtbot, path, tmp_path)  # read whole before it is shown: no exception escapes
    window.show()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(path) in errors[0]
    assert any(True for _ in window.model.task_nodes())  # the tree is there


def _tree_on_screen_is_current(window) -> bool:
    """Whether the tree's pixels on screen are what painting it now gives (no
    row left showing old lights or "reading…")."""
    from PySide6.QtCore import QPoint

    viewport = window.tree_pane.tree.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    on_screen = window.screen().grabWindow(window.winId(), corner.x(), corner.y(),
                                           viewport.width(), viewport.height()).toImage()
    return on_screen == viewport.grab().toImage()


def test_every_row_on_screen_shows_its_light_once_the_updates_are_read(qtbot, tmp_path):
    path = tmp_path / "areas-longer-than-the-screen.sqlite"
    write_demo(path, 200, 1500, seed=5)
    window = new_window(qtbot, path, tmp_path)
    window.resize(1200, 420)
    with qtbot.waitSignal(window.plan_ready, timeout=20000):
        window.show()
    tree = window.tree_pane.tree
    second_area = window.model.index_for_id(window.model.root.shown[1].id)
    # the first area's tasks fill the screen; the next area's row is below it
    assert tree.visualRect(second_area).top() > tree.viewport().height()
    qtbot.waitUntil(lambda: _tree_on_screen_is_current(window))
    window.document.set_as_of(date(window.document.plan.year, 2, 1))
    qtbot.waitUntil(lambda: _tree_on_screen_is_current(window))


def test_the_due_soon_list_fills_once_the_updates_are_read(qtbot, tmp_path, big_file):
    from planner_gui.domain.timeline import due_soon
    from planner_gui.ui.actions import ActionId

    window = new_window(qtbot, big_file, tmp_path)
    window.actions[ActionId.SHOW_DUE_SOON].setChecked(True)
    dock = window.due_soon
    with qtbot.waitSignal(window.document.reading_finished, timeout=20000):
        window.show()
        assert dock.list.topLevelItemCount() == 0  # no figures yet: nothing guessed
    plan = reread(big_file)
    expected = due_soon(plan, evaluate_plan(plan, window.document.as_of).tasks, window.document.as_of)
    assert expected  # the demo plan has deadlines and milestones due
    qtbot.waitUntil(lambda: len(dock.items) == len(expected), timeout=5000)
    assert [(i.task_id, i.day, i.milestone) for i in dock.items] == \
        [(i.task_id, i.day, i.milestone) for i in expected]
