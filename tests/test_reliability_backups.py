"""Backups: taken before imports and restores and once a day on open, rotated
7 daily + 4 weekly, and restorable (the current content is backed up first)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from planner_gui.cli.main import main
from planner_gui.domain.errors import BadFileError
from planner_gui.exchange import json_format
from planner_gui.services.plan_files import open_or_create
from planner_gui.store import PlanStore, backups

from factories import full_plan


def task_titles(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in conn.execute("SELECT title FROM task"))
    finally:
        conn.close()


@pytest.fixture
def clock(monkeypatch):
    """A settable clock for the backup module."""
    now = {"value": datetime(2024, 5, 1, 9, 0, 0)}
    monkeypatch.setattr(backups, "clock", lambda: now["value"])
    return now


def test_the_first_open_of_a_day_for_the_window_takes_one_daily_backup(bundled_store, db_path, clock):
    bundled_store.close()
    assert backups.list_backups(db_path) == []  # creating the file is not an open
    open_or_create(db_path).close()  # how the window opens its file
    clock["value"] = datetime(2024, 5, 1, 17, 30)
    open_or_create(db_path).close()
    assert [(b.reason, b.taken.date()) for b in backups.list_backups(db_path)] == [
        ("daily", date(2024, 5, 1))]
    clock["value"] = datetime(2024, 5, 2, 8, 0)
    with open_or_create(db_path) as store:
        before = store.load_plan()
    daily = backups.list_backups(db_path)
    assert [b.taken.date() for b in daily] == [date(2024, 5, 2), date(2024, 5, 1)]
    # the backup is a complete, sound plan with the content at the time
    with PlanStore.open(daily[0].path, read_only=True) as copy:
        assert json_format.plan_to_dict(copy.load_plan()) == json_format.plan_to_dict(before)
    assert not Path(f"{daily[0].path}-wal").exists()  # a self-contained single file


def test_commands_that_only_read_leave_no_backup(bundled_store, db_path, tmp_path, capsys):
    """summary, check, the exports and the backup list have nothing to protect:
    trying things out on scratch files must not fill the home folder."""
    task = next(bundled_store.load_plan().walk_tasks())
    bundled_store.close()
    reads = [
        ["summary", "--db", str(db_path)],
        ["summary", "--db", str(db_path), "--task", task.id, "--json"],
        ["check", "--db", str(db_path), "--full"],
        ["export-json", "--db", str(db_path), "--out", str(tmp_path / "p.json")],
        ["export-xlsx", "--db", str(db_path), "--out", str(tmp_path / "p.xlsx")],
        ["backups", "--db", str(db_path)],
        ["import-xlsx", "--db", str(db_path), str(tmp_path / "p.xlsx"), "--dry-run"],
    ]
    for args in reads:
        assert main(args) == 0, args
    assert backups.list_backups(db_path) == []
    assert not backups.backup_folder(db_path).exists()
    PlanStore.open(db_path).close()  # an open for reading, as the commands do
    assert backups.list_backups(db_path) == []


def test_the_first_change_of_a_day_from_the_command_line_takes_the_daily_backup(
        bundled_store, db_path, clock, capsys):
    task = next(bundled_store.load_plan().walk_tasks())
    bundled_store.close()
    before = task_titles(db_path)
    for progress in ("10", "20"):
        assert main(["update", "--db", str(db_path), "--task", task.id, "--progress", progress,
                     "--date", "2024-05-01"]) == 0
    daily = [b for b in backups.list_backups(db_path) if b.reason == "daily"]
    assert [b.taken.date() for b in daily] == [date(2024, 5, 1)]  # once a day, not per change
    with PlanStore.open(daily[0].path, read_only=True) as copy:  # the content before the change
        assert [u.progress for u in copy.get_task(task.id).updates] == [u.progress for u in task.updates]
    assert task_titles(daily[0].path) == before
    # a refused update changes nothing and has nothing to protect
    clock["value"] = datetime(2024, 5, 2, 9, 0)
    assert main(["update", "--db", str(db_path), "--task", "no such task", "--progress", "5"]) == 1
    assert [b.taken.date() for b in backups.list_backups(db_path)] == [date(2024, 5, 1)]


def test_import_json_from_the_command_line_backs_up_the_plan_it_replaces(bundled_store, db_path, tmp_path):
    original = task_titles(db_path)
    bundled_store.close()
    new_plan = tmp_path / "new.json"
    new_plan.write_text(json_format.dumps(full_plan()), encoding="utf-8")
    assert main(["import-json", "--db", str(db_path), str(new_plan)]) == 0
    assert task_titles(db_path) != original
    before_import = [b for b in backups.list_backups(db_path) if b.reason == "before-import"]
    assert len(before_import) == 1
    assert task_titles(before_import[0].path) == original


def _backups_on(days: list[date], db_path: Path, reason: str = "daily") -> None:
    with PlanStore.open(db_path) as store:
        for day in days:
            backups.take_backup(store.db.conn, db_path, reason, now=datetime.combine(day, datetime.min.time()))


def test_rotation_keeps_seven_days_and_four_earlier_weeks(bundled_store, db_path, clock):
    # one backup a day from 1 January to 1 March 2024 (a Friday)
    clock["value"] = datetime(2024, 1, 1, 0, 0)
    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(61)]
    _backups_on(days, db_path)
    kept = sorted(b.taken.date() for b in backups.list_backups(db_path))
    last_seven = [date(2024, 2, 24) + timedelta(days=i) for i in range(7)]  # Sat 24 Feb .. Fri 1 Mar
    # ISO week 8 (19-25 Feb) already has daily backups; the 4 weeks before it
    # keep their newest (Sunday) backup
    weekly = [date(2024, 1, 28), date(2024, 2, 4), date(2024, 2, 11), date(2024, 2, 18)]
    assert kept == weekly + last_seven


def test_rotation_keeps_every_backup_of_recent_days_and_counts_days_with_backups(
    bundled_store, db_path, clock
):
    clock["value"] = datetime(2024, 1, 1)
    # used on a few days months apart, several imports on the last day
    _backups_on([date(2024, 1, 3), date(2024, 2, 7), date(2024, 3, 12)], db_path)
    with PlanStore.open(db_path) as store:
        for hour in (9, 10, 11):
            backups.take_backup(store.db.conn, db_path, "before-import",
                                now=datetime(2024, 4, 20, hour))
    kept = backups.list_backups(db_path)
    assert len([b for b in kept if b.reason == "before-import"]) == 3
    assert {date(2024, 1, 3), date(2024, 2, 7), date(2024, 3, 12)} <= {b.taken.date() for b in kept}


def test_rotation_is_configurable(bundled_store, db_path, monkeypatch, clock):
    monkeypatch.setenv("PLANNER_GUI_BACKUP_DAYS", "2")
    monkeypatch.setenv("PLANNER_GUI_BACKUP_WEEKS", "1")
    clock["value"] = datetime(2024, 1, 1)
    _backups_on([date(2024, 3, 1) + timedelta(days=i) for i in range(20)], db_path)
    kept = sorted(b.taken.date() for b in backups.list_backups(db_path))
    # 19 and 20 March kept daily (week 12 covered); newest of week 11 (Sunday 17 March)
    assert kept == [date(2024, 3, 17), date(2024, 3, 19), date(2024, 3, 20)]


def test_rotation_never_touches_other_files(bundled_store, db_path, clock):
    folder = backups.backup_folder(db_path)
    folder.mkdir(parents=True)
    mine = folder / "my notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    _backups_on([date(2024, 1, 1) + timedelta(days=i) for i in range(40)], db_path)
    assert mine.read_text(encoding="utf-8") == "keep me"


def test_restore_brings_back_the_earlier_state_and_backs_up_the_current_one(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    earlier = backups.backup_before(bundled_store, "manual")
    bundled_store.edit("task", task.id, title="改过的标题")
    other = PlanStore.open(db_path)  # e.g. a second window on the file
    seen = other.data_version()
    safety = backups.restore_backup(bundled_store, earlier.path)
    assert bundled_store.get_task(task.id).title == task.title
    assert other.get_task(task.id).title == task.title
    assert other.data_version() != seen  # its watcher will notice
    other.close()
    assert safety.reason == "before-restore"
    with PlanStore.open(safety.path, read_only=True) as copy:
        assert copy.get_task(task.id).title == "改过的标题"
    assert bundled_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert bundled_store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_bad_backup_and_changes_nothing(bundled_store, db_path, tmp_path):
    before = task_titles(db_path)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(BadFileError, match="bad.sqlite"):
        backups.restore_backup(bundled_store, bad)
    assert task_titles(db_path) == before
    assert [b for b in backups.list_backups(db_path) if b.reason == "before-restore"] == []


def test_planner_backup_and_restore_from_the_command_line(bundled_store, db_path, tmp_path):
    first = next(bundled_store.load_plan().walk_tasks())
    bundled_store.close()
    copy = tmp_path / "elsewhere" / "copy.sqlite"
    copy.parent.mkdir()

    def planner(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "planner_gui.cli.main", *args],
                              capture_output=True, text=True, timeout=60)

    result = planner("backup", "--db", str(db_path), "--out", str(copy))
    assert result.returncode == 0, result.stderr
    assert task_titles(copy) == task_titles(db_path)
    result = planner("update", "--db", str(db_path), "--task", first.id, "--progress", "55")
    assert result.returncode == 0, result.stderr
    result = planner("restore", "--db", str(db_path), str(copy))
    assert result.returncode == 0, result.stderr
    assert "previous content is saved in" in result.stdout
    with PlanStore.open(db_path) as store:
        assert [u.progress for u in store.get_task(first.id).updates] == [
            u.progress for u in first.updates]
    listed = planner("backups", "--db", str(db_path))
    assert "before-restore" in listed.stdout
    refused = planner("backup", "--db", str(db_path), "--out", str(db_path))
    assert refused.returncode == 1 and "plan file itself" in refused.stderr


def test_a_backup_taken_before_migration_can_be_restored_and_is_upgraded(tmp_path):
    from test_reliability_bad_files import _version_1_file

    path = tmp_path / "old.sqlite"
    _version_1_file(path)
    with PlanStore.open(path) as store:
        store.edit("task", "t", title="新标题")
        migration = next(b for b in backups.list_backups(path) if b.reason.startswith("before-migration"))
        backups.restore_backup(store, migration.path)
        assert store.get_task("t").title == "旧任务"
        from planner_gui.store.schema import SCHEMA_VERSION

        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.get_task("t").deadline_text == ""


def test_copies_beside_the_plan_are_listed_for_restore(bundled_store, db_path):
    from planner_gui.store.connection import backup_copy

    backup_copy(bundled_store.db.conn, db_path.with_name(f"{db_path.name}.before-import-20240501-093000.bak"))
    backup_copy(bundled_store.db.conn, db_path.with_name(f"{db_path.name}.before-migration-v1.bak"))
    (db_path.parent / "other.sqlite.before-import-20240501-093000.bak").write_text("not ours")
    listed = {(b.reason, b.taken) for b in backups.list_backups(db_path)}
    assert ("before-import", datetime(2024, 5, 1, 9, 30)) in listed
    assert "before-migration-v1" in {reason for reason, _ in listed}
    assert len(listed) == 2


def test_import_text_from_the_command_line_backs_up_first(bundled_store, db_path, tmp_path):
    original = task_titles(db_path)
    bundled_store.close()
    document = tmp_path / "notice.txt"
    document.write_text("2025年重点工作任务\n一、加强城市管理\n1. 新建口袋公园不少于10个，6月底前完成。\n",
                        encoding="utf-8")
    assert main(["import-text", str(document), "--db", str(db_path)]) == 0
    assert task_titles(db_path) != original
    before_import = [b for b in backups.list_backups(db_path) if b.reason == "before-import"]
    assert len(before_import) == 1 and task_titles(before_import[0].path) == original
