"""Nothing typed is lost while another program writes to the same plan: the window's reload
(caused by another process's commit) waits for an open inline editor or a field being typed in,
and a write that fails says so in a dialog every time and keeps the typed value."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from tests.ui_window_helpers import make_window, reread, task_by_title

from planner_gui.store import PlanStore
from planner_gui.store.connection import SaveError
from planner_gui.ui import file_guard
from planner_gui.ui.plan_tree import Column


@pytest.fixture
def boxes(monkeypatch):
    shown: list[tuple[str, str]] = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def window(qtbot, tmp_path, boxes):
    win = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    guard = file_guard.install(win, interval_ms=50)
    assert guard is not None
    yield win
    guard.release()


def open_title_editor(window, qtbot, task_id: str) -> QLineEdit:
    window.select_item(task_id)
    window.tree.edit(window.model.index_for_id(task_id, Column.TITLE))
    qtbot.waitUntil(lambda: editing(window), timeout=3000)
    return QApplication.focusWidget()


def editing(window) -> bool:
    """The tree's inline editor is open (it has the focus, inside the tree)."""
    focus = QApplication.focusWidget()
    return isinstance(focus, QLineEdit) and window.tree.isAncestorOf(focus)


def commit_elsewhere(window, task_id: str, note: str) -> None:
    """Another process commits an update; returns once this window's connection sees it."""
    before = window.document.store.data_version()
    done = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "update", "--db", str(window.document.store.path),
                           "--task", task_id, "--progress", "55", "--note", note],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert window.document.store.data_version() != before  # data_version moved: a reload is due


def test_an_inline_title_edit_survives_a_reload_caused_by_another_process(window, qtbot):
    task = task_by_title(window, "组建专家委员会")
    other = next(t for t in window.document.plan.walk_tasks() if t.id != task.id)
    editor = open_title_editor(window, qtbot, task.id)
    editor.selectAll()
    editor.insert("专家委员会（已组建）")  # QTest cannot type CJK: the editor takes it as typed
    commit_elsewhere(window, other.id, "另一个程序写入")
    window.file_guard.poll()  # the timer's poll, now: it must not reload under the editor
    assert editing(window)
    assert editor.text() == "专家委员会（已组建）" and QApplication.focusWidget() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    def both_there() -> bool:
        mine = window.document.plan.find_task(task.id)
        theirs = window.document.plan.find_task(other.id)
        return (mine is not None and mine.title == "专家委员会（已组建）" and theirs is not None
                and any(u.text == "另一个程序写入" for u in theirs.updates))

    qtbot.waitUntil(both_there, timeout=5000)  # the deferred reload came once the edit was made
    assert reread(window.document.store.path).find_task(task.id).title == "专家委员会（已组建）"


def test_a_detail_field_being_typed_in_is_not_overwritten_by_a_reload(window, qtbot):
    task = task_by_title(window, "组建专家委员会")
    window.select_item(task.id)
    page = window.detail.task_page
    leader = page.widgets["leader"]
    leader.setFocus()
    qtbot.waitUntil(leader.hasFocus, timeout=3000)
    leader.selectAll()
    leader.insert("王明")
    commit_elsewhere(window, task.id, "另一个程序写入")
    window.file_guard.poll()
    assert leader.hasFocus() and leader.text() == "王明"


def test_a_failing_rename_shows_the_dialog_every_time_and_keeps_the_typed_title(window, qtbot, boxes,
                                                                                 monkeypatch):
    task = task_by_title(window, "组建专家委员会")

    def locked(self, *args, **kwargs):
        raise SaveError(self.path, "the file is locked by another program; try again")

    monkeypatch.setattr(PlanStore, "edit", locked)
    editor = open_title_editor(window, qtbot, task.id)
    editor.selectAll()
    editor.insert("新标题")
    for expected in (1, 2):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=expected: len(boxes) == n, timeout=3000)  # said, every time
        assert "locked by another program" in boxes[-1][1]
        # the editor is open again with what was typed, for another try
        qtbot.waitUntil(lambda: editing(window), timeout=3000)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == "新标题"
    assert window.document.undo_stack.count() == 0
    monkeypatch.undo()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reread(window.document.store.path).find_task(task.id).title == "新标题", timeout=3000)


def test_a_failing_write_in_the_detail_panel_is_reported_not_printed(window, qtbot, monkeypatch, capfd):
    task = task_by_title(window, "组建专家委员会")
    window.select_item(task.id)

    def locked(self, *args, **kwargs):
        raise SaveError(self.path, "the file is locked by another program; try again")

    monkeypatch.setattr(PlanStore, "edit", locked)
    page = window.detail.task_page
    leader = page.widgets["leader"]
    leader.setFocus()
    leader.selectAll()
    leader.insert("王明")
    qtbot.keyClick(leader, Qt.Key.Key_Return)
    assert "locked by another program" in page.message.text()
    assert leader.text() == "王明"  # kept for another try
    assert window.document.undo_stack.count() == 0
    assert "Traceback" not in capfd.readouterr().err
