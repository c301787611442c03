"""Bad files: refused with the file's name and the reason, and never changed.

Each kind of bad file is opened through PlanStore and through `planner-cli`; the
file must be byte for byte what it was, and nothing (-wal, -shm, -journal)
may appear beside it. An older schema is backed up first, then migrated.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from planner_gui.domain.errors import BadFileError
from planner_gui.store import PlanStore
from planner_gui.store.connection import migrate_to
from planner_gui.store.schema import SCHEMA_VERSION

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))


def _plan_bytes(tmp_path: Path) -> bytes:
    from planner_gui.services.plan_files import init_file

    path = tmp_path / "source" / "real.sqlite"
    path.parent.mkdir()
    init_file(path).close()
    return path.read_bytes()


def make_random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.sqlite"
    path.write_bytes(os.urandom(4096))
    return path


def make_text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    path.write_text("二〇二四年重点工作任务\n这不是数据库。\n", encoding="utf-8")
    return path


def make_png(tmp_path: Path) -> Path:
    path = tmp_path / "picture.sqlite"
    path.write_bytes(PNG_HEADER)
    return path


def make_truncated_plan(tmp_path: Path) -> Path:
    data = _plan_bytes(tmp_path)
    path = tmp_path / "half.sqlite"
    path.write_bytes(data[: len(data) // 2])
    return path


def make_scribbled_plan(tmp_path: Path) -> Path:
    """A whole plan with one page overwritten (a disk error, a crash of something else)."""
    data = bytearray(_plan_bytes(tmp_path))
    page = int.from_bytes(data[16:18], "big")
    data[2 * page: 3 * page] = b"\xa5" * page
    path = tmp_path / "scribbled.sqlite"
    path.write_bytes(bytes(data))
    return path


def make_other_app_db(tmp_path: Path) -> Path:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    return path


def make_newer_schema(tmp_path: Path) -> Path:
    path = tmp_path / "future.sqlite"
    path.write_bytes(_plan_bytes(tmp_path))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return path


BAD_FILES = {
    "random bytes": (make_random_bytes, "not an SQLite database"),
    "a text file": (make_text_file, "not an SQLite database"),
    "a PNG picture": (make_png, "not an SQLite database"),
    "a plan cut in half": (make_truncated_plan, "damaged"),
    "a plan with a damaged page": (make_scribbled_plan, "damaged"),
    "another program's database": (make_other_app_db, "not a planner-gui plan"),
    "a newer file format": (make_newer_schema, "newer planner-gui"),
}


def snapshot(path: Path) -> tuple[str, list[str]]:
    """The file's hash and everything in its folder (to see -wal/-shm/-journal appear)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(os.listdir(path.parent))


@pytest.fixture(params=list(BAD_FILES), ids=list(BAD_FILES))
def bad_file(request, tmp_path):
    make, reason = BAD_FILES[request.param]
    return make(tmp_path), reason


def test_the_store_refuses_a_bad_file_naming_it_and_leaves_it_unchanged(bad_file):
    path, reason = bad_file
    before = snapshot(path)
    with pytest.raises(BadFileError) as caught:
        PlanStore.open(path)
    assert str(path) in str(caught.value)
    assert reason in caught.value.reason
    assert snapshot(path) == before


def test_read_only_open_refuses_a_bad_file_too(bad_file):
    path, reason = bad_file
    before = snapshot(path)
    with pytest.raises(BadFileError, match=reason):
        PlanStore.open(path, read_only=True)
    assert snapshot(path) == before


@pytest.mark.parametrize("command", [["summary"], ["update", "--task", "x", "--progress", "5"],
                                     ["check", "--full"], ["backup"], ["import-json", "{json}"]])
def test_the_command_line_prints_one_line_and_exits_1(bad_file, command, tmp_path):
    path, reason = bad_file
    json_file = tmp_path / "plan.json"
    json_file.write_text('{"format": "planner-gui/1", "plan": {"title": "t", "year": 2024}}',
                         encoding="utf-8")
    args = [str(json_file) if a == "{json}" else a for a in command]
    before = snapshot(path)
    result = subprocess.run(
        [sys.executable, "-m", "planner_gui.cli.main", args[0], "--db", str(path), *args[1:]],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in lines[0] and reason in lines[0]
    assert snapshot(path) == before


def _version_1_file(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    migrate_to(old, 1)
    old["plan"].insert({"id": "p", "title": "旧计划", "year": 2023, "settings": "{}",
                        "created": "2023-01-01", "modified": "2023-01-01"})
    old["area"].insert({"id": "a", "plan_id": "p", "position": 0, "name": "旧方面"})
    old["task"].insert({"id": "t", "area_id": "a", "position": 0, "title": "旧任务",
                        "due": "2023-12-31"})
    old["progress_update"].insert({"id": "u", "task_id": "t", "date": "2023-06-30",
                                   "progress": 40, "text": "上半年进展", "created": "2023-06-30"})
    conn.close()


def test_an_older_schema_is_backed_up_first_then_migrated_with_its_data(tmp_path):
    from planner_gui.store.backups import list_backups

    path = tmp_path / "old.sqlite"
    _version_1_file(path)
    original = path.read_bytes()
    with PlanStore.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        task = store.get_task("t")
    assert (task.title, task.updates[0].text, task.updates[0].progress) == ("旧任务", "上半年进展", 40)
    migration = [b for b in list_backups(path) if b.reason == "before-migration-v1"]
    assert len(migration) == 1
    copy = sqlite3.connect(migration[0].path)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT text FROM progress_update").fetchone()[0] == "上半年进展"
        # the copy is the file as it was: same tables and rows
        restored = sqlite3.connect(":memory:")
        copy.backup(restored)
    finally:
        copy.close()
    assert original[:16] == b"SQLite format 3\x00"
    assert restored.execute("SELECT title FROM task").fetchone()[0] == "旧任务"


def test_an_older_schema_opened_read_only_is_refused_not_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    _version_1_file(path)
    before = snapshot(path)
    with pytest.raises(BadFileError, match="older file format"):
        PlanStore.open(path, read_only=True)
    assert snapshot(path) == before


def test_a_sound_plan_is_not_changed_by_check(bundled_store, db_path):
    bundled_store.close()
    before = snapshot(db_path)
    result = subprocess.run(
        [sys.executable, "-m", "planner_gui.cli.main", "check", "--full", "--db", str(db_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
    assert snapshot(db_path) == before
