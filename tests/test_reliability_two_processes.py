"""Two programs on one file: a command-line write while the file is open,
and a write while another process holds the write lock, lose nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest

from planner_gui.domain.model import ProgressUpdate
from planner_gui.store import PlanStore
from planner_gui.store.connection import SaveError

HOLD_LOCK = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE plan SET source = 'held by another process'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def planner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner_gui.cli.main", *args],
                          capture_output=True, text=True, timeout=60)


def hold_write_lock(db_path, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), str(seconds)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline() == "locked\n"
    return child


def test_a_command_line_update_while_the_file_is_open_loses_nothing(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    mine = bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 1), progress=20, text="窗口"))
    result = planner("update", "--db", str(db_path), "--task", task.id, "--progress", "30",
                     "--date", "2024-05-02", "--note", "命令行")
    assert result.returncode == 0, result.stderr
    later = bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 3), progress=40, text="窗口二"))
    texts = [u.text for u in bundled_store.get_task(task.id).updates]
    assert {"窗口", "命令行", "窗口二"} <= set(texts)
    with PlanStore.open(db_path) as fresh:
        ids = {u.id for u in fresh.get_task(task.id).updates}
    assert {mine.id, later.id} <= ids


def test_a_write_waits_for_another_process_holding_the_lock(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    child = hold_write_lock(db_path, 1.0)
    started = time.monotonic()
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 6, 1), progress=50, text="等待后写入"))
    waited = time.monotonic() - started
    out, err = child.communicate(timeout=10)
    assert child.returncode == 0, err
    assert waited > 0.3, "the write did not wait for the lock"
    assert bundled_store.plan_info().source == "held by another process"
    assert "等待后写入" in [u.text for u in bundled_store.get_task(task.id).updates]


def test_a_command_line_write_waits_for_another_process_holding_the_lock(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    bundled_store.close()
    child = hold_write_lock(db_path, 1.0)
    result = planner("update", "--db", str(db_path), "--task", task.id, "--progress", "60",
                     "--date", "2024-06-02", "--note", "命令行等待")
    child.communicate(timeout=10)
    assert result.returncode == 0, result.stderr
    with PlanStore.open(db_path) as store:
        assert store.plan_info().source == "held by another process"
        assert "命令行等待" in [u.text for u in store.get_task(task.id).updates]


def test_a_lock_held_too_long_is_a_clear_error_and_saves_nothing(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    before = len(bundled_store.get_task(task.id).updates)
    bundled_store.db.execute("PRAGMA busy_timeout = 200")  # instead of waiting 5 s in a test
    child = hold_write_lock(db_path, 1.5)
    try:
        with pytest.raises(SaveError, match="busy") as caught:
            bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 6, 1), progress=70))
        assert str(db_path) in str(caught.value)
    finally:
        child.communicate(timeout=10)
    assert len(bundled_store.get_task(task.id).updates) == before


def test_data_version_changes_when_another_process_commits(bundled_store, db_path):
    """What the window's watcher relies on: its own writes do not count, others' do."""
    task = next(bundled_store.load_plan().walk_tasks())
    seen = bundled_store.data_version()
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 1), progress=10))
    assert bundled_store.data_version() == seen
    result = planner("update", "--db", str(db_path), "--task", task.id, "--progress", "15")
    assert result.returncode == 0, result.stderr
    assert bundled_store.data_version() != seen
