"""Hostile conditions: a read-only file or folder, a full disk. A clear
message, nothing half-written, and a copy can still be saved elsewhere."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.errors import PlannerError
from planner_gui.domain.model import ProgressUpdate, Task
from planner_gui.store import PlanStore
from planner_gui.store.connection import SaveError, backup_copy

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_REASON = "runs as root, and chmod does not stop root from writing (the mode=ro tests cover it)"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_plan(bundled_store, db_path):
    task_id = next(bundled_store.load_plan().walk_tasks()).id
    bundled_store.close()
    return db_path, task_id


def test_a_read_only_store_refuses_every_kind_of_edit_clearly(closed_plan):
    path, task_id = closed_plan
    before = digest(path)
    with PlanStore.open(path, read_only=True) as store:
        assert store.read_only
        edits = [
            lambda: store.edit("task", task_id, title="x"),
            lambda: store.add_update(task_id, ProgressUpdate(date=date(2024, 5, 1), progress=5)),
            lambda: store.delete_task(task_id),
            lambda: store.add_task(Task(title="新任务"), store.load_plan().areas[0].id),
        ]
        for edit in edits:
            with pytest.raises(SaveError, match="read-only") as caught:
                edit()
            assert str(path) in str(caught.value)
        assert store.get_task(task_id).title  # reading still works
    assert digest(path) == before


def test_a_file_this_user_cannot_write_opens_read_only(closed_plan, monkeypatch):
    """Simulates a read-only file (os.access says no) whatever user runs the test."""
    path, task_id = closed_plan
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (
        mode == os.W_OK and Path(p) in (path, path.parent)) else real_access(p, mode, **kw))
    before = digest(path)
    with PlanStore.open(path) as store:
        assert store.read_only
        with pytest.raises(SaveError, match="read-only"):
            store.add_update(task_id, ProgressUpdate(date=date(2024, 5, 1), progress=5))
        plan = store.load_plan()
    assert plan.title
    assert digest(path) == before


def _planner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner_gui.cli.main", *args],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(IS_ROOT, reason=ROOT_REASON)
def test_a_chmod_read_only_file_can_be_read_and_a_write_says_why(closed_plan):
    path, task_id = closed_plan
    path.chmod(0o444)
    try:
        before = digest(path)
        assert _planner("summary", "--db", str(path)).returncode == 0
        result = _planner("update", "--db", str(path), "--task", task_id, "--progress", "5")
        assert result.returncode == 1
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
        assert digest(path) == before
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(IS_ROOT, reason=ROOT_REASON)
def test_a_plan_in_a_read_only_folder_can_be_read_and_a_write_says_why(closed_plan):
    path, task_id = closed_plan
    folder = path.parent
    folder.chmod(0o555)
    try:
        before = (digest(path), sorted(os.listdir(folder)))
        assert _planner("summary", "--db", str(path)).returncode == 0
        result = _planner("update", "--db", str(path), "--task", task_id, "--progress", "5")
        assert result.returncode == 1 and "read-only" in result.stderr
        assert (digest(path), sorted(os.listdir(folder))) == before
    finally:
        folder.chmod(0o755)


def test_a_full_disk_is_a_clear_error_saves_nothing_and_a_copy_still_works(bundled_store, db_path, tmp_path):
    task = next(bundled_store.load_plan().walk_tasks())
    for n in range(5):
        bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 1 + n), progress=n * 10,
                                                         text=f"满盘之前 {n}"))
    before = [u.id for u in bundled_store.get_task(task.id).updates]
    # the disk is "full": the file may not grow by a single page
    pages = bundled_store.db.execute("PRAGMA page_count").fetchone()[0]
    bundled_store.db.execute(f"PRAGMA max_page_count = {pages}")
    big = "很长的进展情况" * 4000  # 28,000 characters: within the 30,000 a text may have, beyond a page
    with pytest.raises(SaveError, match="disk is full") as caught:
        bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 4, 1), progress=90, text=big))
    assert isinstance(caught.value, PlannerError) and str(db_path) in str(caught.value)
    with pytest.raises(SaveError, match="disk is full"):
        bundled_store.add_task(Task(title="新任务", description=big), bundled_store.load_plan().areas[0].id)
    # nothing half-written: the file is sound and holds exactly what it held
    assert bundled_store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [u.id for u in bundled_store.get_task(task.id).updates] == before
    assert "新任务" not in [t.title for t in bundled_store.load_plan().walk_tasks()]
    # small edits that fit still work, and a copy elsewhere has everything
    bundled_store.edit("task", task.id, leader="王五")
    copy = backup_copy(bundled_store.db.conn, tmp_path / "usb" / "copy.sqlite")
    with PlanStore.open(copy, read_only=True) as saved:
        assert [u.id for u in saved.get_task(task.id).updates] == before
        assert saved.get_task(task.id).leader == "王五"
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_saving_a_copy_where_it_cannot_be_written_is_a_clear_error(bundled_store, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(SaveError, match="copy cannot be written") as caught:
        backup_copy(bundled_store.db.conn, blocker / "copy.sqlite")
    assert "not-a-folder" in str(caught.value)
    assert list(tmp_path.glob("**/*.partial")) == []
