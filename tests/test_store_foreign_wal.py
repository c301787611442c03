"""A -wal journal beside a plan that cannot be the plan's own is refused before
SQLite reads it, and neither file is changed (issue 20, point 6)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner_gui.domain.errors import BadFileError
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _live_wal(folder: Path, page_size: int) -> Path:
    """A -wal of another database, with committed frames not yet checkpointed."""
    other = folder / "other.db"
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('other program')")
    conn.commit()
    wal = Path(f"{other}-wal")
    kept = folder / "kept-wal"
    shutil.copyfile(wal, kept)  # copied while the connection holds it open, frames and all
    conn.close()
    return kept


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


@pytest.mark.parametrize(("content", "said"), [
    ("page size", "page size differs"),
    ("garbage", "not an SQLite WAL journal"),
])
def test_a_wal_that_is_not_the_plans_own_is_refused_naming_it(tmp_path, content, said):
    plan = _plan(tmp_path)
    page_size = sqlite3.connect(plan).execute("PRAGMA page_size").fetchone()[0]
    wal = Path(f"{plan}-wal")
    if content == "page size":
        shutil.copyfile(_live_wal(tmp_path, 8192 if page_size != 8192 else 4096), wal)
    else:
        wal.write_bytes(b"not a journal at all, but forty bytes long")
    before = (_digest(plan), _digest(wal))
    with pytest.raises(BadFileError) as caught:
        PlanStore.open(plan)
    assert "plan.sqlite-wal" in str(caught.value) and said in str(caught.value)
    assert "\n" not in str(caught.value)
    assert (_digest(plan), _digest(wal)) == before
    assert not Path(f"{plan}-shm").exists()


def test_a_wal_beside_a_file_not_in_wal_mode_is_refused(tmp_path):
    plan = tmp_path / "plain.sqlite"
    shutil.copyfile(_plan(tmp_path), plan)
    conn = sqlite3.connect(plan)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    page_size = sqlite3.connect(plan).execute("PRAGMA page_size").fetchone()[0]
    shutil.copyfile(_live_wal(tmp_path, page_size), Path(f"{plan}-wal"))
    with pytest.raises(BadFileError, match="not in WAL mode"):
        PlanStore.open(plan)


def test_the_plans_own_wal_and_an_empty_one_are_accepted(tmp_path):
    plan = _plan(tmp_path)
    Path(f"{plan}-wal").write_bytes(b"")
    with PlanStore.open(plan) as store:
        title = store.load_plan().title
    writer = PlanStore.open(plan)  # a second program holds the file, its -wal live beside it
    try:
        writer.db.execute("PRAGMA wal_autocheckpoint = 0")
        writer.update_plan(title="另一个程序写的标题")
        assert Path(f"{plan}-wal").stat().st_size > 0
        with PlanStore.open(plan) as reader:
            assert reader.load_plan().title == "另一个程序写的标题" != title
    finally:
        writer.close()
