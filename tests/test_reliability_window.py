"""The window's side of reliability: bad files explained in a dialog, a second
window on the same file warned and offered read-only, changes by another
process noticed, restore/back up/check from the menus, a full disk."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from tests.ui_window_helpers import make_window

from planner_gui.domain.model import ProgressUpdate
from planner_gui.store import PlanStore, backups
from planner_gui.ui import file_guard
from planner_gui.ui.commands import EditFieldsCommand


@pytest.fixture
def boxes(monkeypatch):
    """Every QMessageBox answered without showing it; records (title, text, format)."""
    shown: list[tuple[str, str, Qt.TextFormat]] = []
    reply = {"button": QMessageBox.StandardButton.Yes}

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text(), box.textFormat()))
        return reply["button"]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown, reply


@pytest.fixture
def window(qtbot, tmp_path, boxes):
    win = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    guard = file_guard.install(win, interval_ms=50)
    assert guard is not None
    yield win
    guard.release()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bad_file_gets_a_plain_text_dialog_and_is_not_changed(window, boxes, tmp_path):
    shown, _ = boxes
    bad = tmp_path / "picture.sqlite"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    before = (digest(bad), sorted(os.listdir(tmp_path)))
    old_store = window.document.store
    assert window.file_guard.open_store(bad) is None
    title, text, fmt = shown[-1]
    assert str(bad) in text and "not an SQLite database" in text and "not been changed" in text
    assert fmt == Qt.TextFormat.PlainText
    assert (digest(bad), sorted(os.listdir(tmp_path))) == before
    assert window.document.store is old_store and window.file_guard.lock is not None


def test_a_second_window_on_the_same_file_is_warned_and_opens_read_only(window, boxes, qtbot, tmp_path):
    shown, reply = boxes
    path = window.document.store.path
    second = make_window(qtbot, path, tmp_path / "settings2.ini")
    reply["button"] = QMessageBox.StandardButton.Yes  # "Open Read-Only"
    guard = file_guard.install(second, interval_ms=50)
    assert guard is not None
    assert "already open in another planner-gui window" in shown[-1][1]
    assert second.document.read_only and second.document.store.read_only
    assert "read-only" in second.windowTitle()
    # an edit is refused, with a clear message from the store if anything gets that far
    task = next(second.document.plan.walk_tasks())
    assert not second.push(lambda: EditFieldsCommand(
        second.document.store, second.document.report, "task", task.id, {"title": "第二个窗口"}, "rename"))
    from planner_gui.store.connection import SaveError

    with pytest.raises(SaveError, match="read-only"):
        second.document.store.edit("task", task.id, title="第二个窗口")
    assert PlanStore.open(path, read_only=True).get_task(task.id).title == task.title
    # the read-only window follows what the first window writes
    window.document.store.edit("task", task.id, title="第一个窗口改的")
    qtbot.waitUntil(lambda: any(t.title == "第一个窗口改的" for t in second.document.plan.walk_tasks()),
                    timeout=5000)
    guard.release()


def test_declining_the_read_only_offer_opens_nothing(window, boxes, qtbot, tmp_path):
    shown, reply = boxes
    second = make_window(qtbot, window.document.store.path, tmp_path / "settings2.ini")
    reply["button"] = QMessageBox.StandardButton.Cancel
    assert file_guard.install(second) is None


def test_the_lock_is_released_when_the_window_lets_go(window, qtbot, tmp_path, boxes):
    shown, _ = boxes
    path = window.document.store.path
    window.file_guard.release()
    second = make_window(qtbot, path, tmp_path / "settings2.ini")
    count = len(shown)
    guard = file_guard.install(second)
    assert guard is not None and guard.lock is not None and not second.document.read_only
    assert len(shown) == count  # no question asked
    guard.release()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_lock_left_by_a_crashed_program_is_taken_over(bundled_store, db_path, qtbot, tmp_path, boxes):
    shown, _ = boxes
    code = ("import sys; from PySide6.QtCore import QLockFile; "
            "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0); "
            "print('locked', flush=True); import time; time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, str(file_guard.lock_path(db_path))],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "locked\n"
    child.kill()
    child.wait(timeout=10)
    assert file_guard.lock_path(db_path).exists()
    bundled_store.close()
    win = make_window(qtbot, db_path, tmp_path / "settings.ini")
    guard = file_guard.install(win)
    assert guard is not None and guard.lock is not None and not win.document.read_only
    assert not any("already open" in text for _, text, _ in shown)
    guard.release()


def test_the_window_notices_a_change_made_from_the_command_line(window, qtbot):
    task = next(window.document.plan.walk_tasks())
    before = len(task.updates)
    result = subprocess.run(
        [sys.executable, "-m", "planner_gui.cli.main", "update", "--db", str(window.document.store.path),
         "--task", task.id, "--progress", "77", "--note", "命令行写入"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr

    def refreshed() -> bool:
        fresh = next(t for t in window.document.plan.walk_tasks() if t.id == task.id)
        return len(fresh.updates) == before + 1 and fresh.updates[-1].text == "命令行写入"

    qtbot.waitUntil(refreshed, timeout=5000)


def test_the_windows_own_edits_do_not_trigger_a_reload(window, qtbot):
    reloads: list[int] = []
    window.file_guard.changed_elsewhere.connect(lambda: reloads.append(1))
    task = next(window.document.plan.walk_tasks())
    window.document.store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 1), progress=3))
    with qtbot.waitSignal(window.file_guard.timer.timeout, timeout=2000):
        pass
    with qtbot.waitSignal(window.file_guard.timer.timeout, timeout=2000):
        pass
    assert reloads == []


def test_restore_from_backup_in_the_window(window, boxes, monkeypatch):
    from planner_gui.ui.dialogs import backups as backups_dialog

    shown, _ = boxes
    task = next(window.document.plan.walk_tasks())
    backups.backup_before(window.document.store, "manual")
    window.document.store.edit("task", task.id, title="恢复之前的标题")
    window.reload_plan()

    def pick_newest(dialog):
        assert dialog.list.count() >= 1
        dialog.list.setCurrentRow(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backups_dialog.RestoreDialog, "exec", pick_newest)
    backups_dialog.open_restore_dialog(window.document, window)
    restored = next(t for t in window.document.plan.walk_tasks() if t.id == task.id)
    assert restored.title == task.title
    assert any("content before the restore is saved" in text for _, text, _ in shown)
    assert [b for b in backups.list_backups(window.document.store.path) if b.reason == "before-restore"]


def test_back_up_now_and_check_file_in_the_window(window, boxes):
    from planner_gui.ui.dialogs import backups as backups_dialog

    shown, _ = boxes
    backups_dialog.back_up_now(window.document, window)
    manual = [b for b in backups.list_backups(window.document.store.path) if b.reason == "manual"]
    assert len(manual) == 1 and str(manual[0].path) in shown[-1][1]
    backups_dialog.open_check_dialog(window.document, window)
    assert "sound" in shown[-1][1]


def test_check_file_reports_damage(window, boxes):
    from planner_gui.ui.dialogs import backups as backups_dialog

    shown, _ = boxes
    path = window.document.store.path
    window.document.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = window.document.store.db.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:  # scribble over the third page (a table's b-tree)
        handle.seek(2 * page)
        handle.write(b"\xff" * page)
    backups_dialog.open_check_dialog(window.document, window)
    title, text, fmt = shown[-1]
    assert "damaged" in text and str(path) in text and fmt == Qt.TextFormat.PlainText


def test_a_full_disk_in_the_window_is_a_message_and_nothing_changes(window, boxes):
    shown, _ = boxes
    task = next(window.document.plan.walk_tasks())
    pages = window.document.store.db.execute("PRAGMA page_count").fetchone()[0]
    window.document.store.db.execute(f"PRAGMA max_page_count = {pages}")
    pushed = window.push(lambda: EditFieldsCommand(
        window.document.store, window.document.report, "task", task.id, {"description": "很长" * 14000}, "edit"))  # 28,000 characters, within the limit
    assert not pushed
    assert any("disk is full" in text for _, text, _ in shown)
    assert window.isVisible()
    assert window.document.store.get_task(task.id).description == task.description
    assert window.document.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_starting_the_program_on_a_file_open_elsewhere_offers_read_only(qtbot, tmp_path, boxes, monkeypatch):
    import argparse

    from PySide6.QtWidgets import QApplication

    from planner_gui.services.plan_files import init_file
    from planner_gui.ui import application
    from planner_gui.ui.main_window import MainWindow

    shown, reply = boxes
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    elsewhere = file_guard.PlanLock(path)  # as another planner-gui would hold it
    assert elsewhere.acquire() is None
    args = argparse.Namespace(db=path, self_check=False)

    reply["button"] = QMessageBox.StandardButton.Cancel
    assert application.run(args) == 1
    assert "already open in another planner-gui window" in shown[-1][1]

    reply["button"] = QMessageBox.StandardButton.Yes
    seen: list[bool] = []

    def run_event_loop(*_args) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.document.read_only for w in windows)
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    assert application.run(args) == 0
    assert seen == [True]
    elsewhere.release()


def test_save_a_copy_elsewhere_works_when_the_disk_is_full_and_explains_a_bad_place(
    window, boxes, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    from planner_gui.ui import menus

    shown, _ = boxes
    pages = window.document.store.db.execute("PRAGMA page_count").fetchone()[0]
    window.document.store.db.execute(f"PRAGMA max_page_count = {pages}")
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"an older copy")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menus.save_copy(window)
    with PlanStore.open(target, read_only=True) as copy:
        assert copy.counts() == window.document.store.counts()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocked / "c.sqlite"), ""))
    count = len(shown)
    menus.save_copy(window)
    assert len(shown) == count + 1 and "copy cannot be written" in shown[-1][1]


def test_a_file_the_user_cannot_write_opens_read_only_in_the_window_with_a_note(
    qtbot, tmp_path, boxes, monkeypatch
):
    from planner_gui.services.plan_files import init_file

    shown, _ = boxes
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (
        mode == os.W_OK and Path(p) in (path, path.parent)) else real_access(p, mode, **kw))
    win = make_window(qtbot, path, tmp_path / "settings.ini")
    guard = file_guard.install(win)
    assert guard is not None and win.document.read_only and win.document.store.read_only
    assert "cannot be changed" in shown[-1][1] and str(path) in shown[-1][1]
    assert "read-only" in win.windowTitle()
    guard.release()
