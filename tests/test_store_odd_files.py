"""Odd plan files: a FIFO or device is refused without waiting, a read-only file is read
without leaving -wal/-shm beside it, and a plain copy on read-only media restores."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.errors import BadFileError, PlannerError
from planner_gui.domain.model import ProgressUpdate
from planner_gui.services.plan_files import init_file, open_or_create
from planner_gui.store import PlanStore, backups


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def test_a_fifo_as_the_plan_file_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "plan.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(BadFileError, match="not a regular file"):
        PlanStore.open(fifo)
    with pytest.raises(PlannerError):
        open_or_create(fifo)  # the window's first start: not taken for a stub, not opened
    with pytest.raises(PlannerError, match="already exists"):
        init_file(fifo)
    done = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "summary", "--db", str(fifo)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 1 and "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_device_as_the_plan_file_is_refused(tmp_path):
    link = tmp_path / "plan.sqlite"
    link.symlink_to("/dev/zero")
    with pytest.raises(BadFileError, match="not a regular file"):
        PlanStore.open(link)


def test_a_read_only_file_is_read_without_leaving_wal_or_shm(bundled_store, db_path, monkeypatch):
    task_id = next(bundled_store.load_plan().walk_tasks()).id
    bundled_store.close()
    assert beside(db_path) == []
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (
        mode == os.W_OK and Path(p) == db_path) else real_access(p, mode, **kw))  # the file, not its folder
    with PlanStore.open(db_path) as store:
        assert store.read_only
        assert store.get_task(task_id).title
        store.load_plan()
    assert beside(db_path) == []  # SQLite made no -wal or -shm beside it


def test_restoring_a_plain_copy_leaves_nothing_beside_it_and_blames_the_right_file(bundled_store, db_path,
                                                                                  tmp_path):
    task_id = next(bundled_store.load_plan().walk_tasks()).id
    media = tmp_path / "cdrom"
    media.mkdir()
    copy = media / "copy.sqlite"
    shutil.copyfile(db_path, copy)  # a plain copy of a WAL-mode file, as a user makes one
    bundled_store.add_update(task_id, ProgressUpdate(date=date(2024, 5, 1), progress=40, text="之后"))
    backups.restore_backup(bundled_store, copy)
    assert not any(u.text == "之后" for u in bundled_store.get_task(task_id).updates)
    assert beside(copy) == []  # read as immutable: no -shm was needed (none can be made on a CD)
    damaged = media / "damaged.sqlite"
    damaged.write_bytes(copy.read_bytes()[:4096] + b"\x00" * 4096)
    with pytest.raises(PlannerError) as caught:
        backups.restore_backup(bundled_store, damaged)
    assert str(damaged) in str(caught.value) and str(db_path) not in str(caught.value).replace(str(damaged), "")
