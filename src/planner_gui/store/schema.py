"""The SQLite schema, created and migrated by version (PRAGMA user_version).

Each entry of MIGRATIONS takes the file from version N-1 to N. The store runs
every pending step inside one transaction, after taking a backup copy of an
existing file (see connection.open_database). Never edit a released step: add
a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from planner_gui.store.database import PlanDatabase

# PRAGMA application_id marks a file as a planner-gui plan ("PLNR").
APPLICATION_ID = 0x504C4E52


def _v1_tables(db: PlanDatabase) -> None:
    db.executescript(
        """
        CREATE TABLE plan (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            year INTEGER NOT NULL,
            declared_areas INTEGER,
            declared_tasks INTEGER,
            source TEXT NOT NULL DEFAULT '',
            settings TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        );
        CREATE TABLE area (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            weight REAL NOT NULL DEFAULT 1
        );
        CREATE TABLE task (
            id TEXT PRIMARY KEY,
            area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE,
            parent_id TEXT REFERENCES task(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            leader TEXT NOT NULL DEFAULT '',
            lead_unit TEXT NOT NULL DEFAULT '',
            co_units TEXT NOT NULL DEFAULT '[]',
            start TEXT,
            due TEXT,
            municipal INTEGER NOT NULL DEFAULT 0,
            source_text TEXT NOT NULL DEFAULT '',
            progress REAL,
            done_on TEXT,
            weight REAL NOT NULL DEFAULT 1
        );
        CREATE TABLE indicator (
            id TEXT PRIMARY KEY,
            task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            comparator TEXT NOT NULL DEFAULT '>=',
            baseline REAL,
            target REAL,
            current REAL,
            due TEXT
        );
        CREATE TABLE milestone (
            id TEXT PRIMARY KEY,
            task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            due TEXT,
            done_on TEXT
        );
        CREATE TABLE progress_update (
            id TEXT PRIMARY KEY,
            task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            progress REAL,
            text TEXT NOT NULL DEFAULT '',
            problems TEXT NOT NULL DEFAULT '',
            next_steps TEXT NOT NULL DEFAULT '',
            reporter TEXT NOT NULL DEFAULT '',
            highlight INTEGER NOT NULL DEFAULT 0,
            readings TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL
        );
        """
    )


def _v2_deadline_words_and_indexes(db: PlanDatabase) -> None:
    # Keep the deadline as written (4月底前) and the task's source (市政府工作报告);
    # index the lookups the window makes on every selection.
    db["task"].add_column("deadline_text", str, not_null_default="")
    db["task"].add_column("source", str, not_null_default="")
    db["area"].create_index(["plan_id", "position"])
    db["task"].create_index(["area_id", "parent_id", "position"])
    db["task"].create_index(["parent_id"])
    db["indicator"].create_index(["task_id", "position"])
    db["milestone"].create_index(["task_id", "position"])
    db["progress_update"].create_index(["task_id", "date"])


# The tables whose rows are replicated between copies of a plan (planner_gui.sync).
SYNCED_TABLES = ("plan", "area", "task", "indicator", "milestone", "progress_update")


def _v3_sync_log(db: PlanDatabase) -> None:
    """The replication log beside the tables (issue 25): the plan's Y document
    as the list of its updates (sync_update), the rows changed since they were
    last written into it (sync_dirty, kept by triggers so that every writer,
    whatever module it is in, is covered in the same transaction as its
    change), what each peer last said it has (sync_peer) and this copy's own
    settings (sync_meta: its owner, the plan's packet key). Every existing row
    is marked changed: the first sync operation builds the Y document from
    the tables in one step. sync_dirty is a plain append (a row changed twice
    is listed twice, the flush reads it DISTINCT): the demo's bulk write of
    10,000 tasks and 200,000 updates took 6.6-7.1 s without triggers, 10.3-12.7 s
    with a keyed INSERT OR IGNORE per row and 8.8-10.9 s with the append
    (a loaded host; BENCHMARKS.md)."""
    db.executescript(
        """
        CREATE TABLE sync_update (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE sync_dirty (tbl TEXT NOT NULL, id TEXT NOT NULL);
        CREATE TABLE sync_peer (peer TEXT PRIMARY KEY, state BLOB NOT NULL, received TEXT NOT NULL);
        CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    for _name, sql in _sync_triggers():
        db.execute(sql)
    mark_all_rows_changed(db)
    db.execute("INSERT INTO sync_meta VALUES ('plan_key', ?)", [_plan_key(db).hex()])


def _sync_triggers() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) of the triggers that list changed rows in sync_dirty."""
    return [
        (f"sync_{table}_{event.lower()}",
         f"CREATE TRIGGER sync_{table}_{event.lower()} AFTER {event} ON {table} "
         f"BEGIN INSERT INTO sync_dirty VALUES ('{table}', {row}.id); END")
        for table in SYNCED_TABLES
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))
    ]


def mark_all_rows_changed(db: PlanDatabase) -> None:
    """List every row of the synced tables in sync_dirty, set-based."""
    for table in SYNCED_TABLES:
        db.execute(f"INSERT INTO sync_dirty SELECT '{table}', id FROM {table}")


@contextmanager
def rows_marked_in_bulk(db: PlanDatabase) -> Iterator[None]:
    """Replace a whole plan with the sync triggers off, marking the rows that
    go and the rows that come in two set-based statements instead: a trigger
    per row added about 2 s to a 10,000-task, 200,000-update import into a new
    file (issue 24's 10 s target). Must run inside a transaction: a failure
    rolls the dropped triggers back with everything else."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    triggers = [(name, sql) for name, sql in _sync_triggers() if name in present]
    if not triggers:  # a file before schema v3: nothing to mark
        yield
        return
    mark_all_rows_changed(db)  # the rows about to be deleted
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    yield
    for _name, sql in triggers:
        db.execute(sql)
    mark_all_rows_changed(db)  # the rows now there


def _plan_key(db: PlanDatabase) -> bytes:
    """The key that signs this plan's packets (planner_gui.sync.packet), the
    same in every copy of the plan. A file made by this version gets a random
    one, which travels with every copy of the file. A file that already holds
    a plan was made by an older version and may have been copied before: each
    copy is migrated on its own PC, so its key is derived from what every copy
    holds and nothing changes, the plan's id and creation time (kept only in
    the file, not in its JSON or Excel exports). That key is guessable by
    whoever has the plan's id (an export) and its year; docs/sync.md says
    what it still guards against."""
    found = db.execute("SELECT id, created FROM plan").fetchall()
    if len(found) != 1:
        return os.urandom(32)
    plan_id, created = found[0]
    return hmac.new(b"planner-gui plan key 1", f"{plan_id}\n{created}".encode(), hashlib.sha256).digest()


def _v4_supervision_level(db: PlanDatabase) -> None:
    # 督办级别 (domain/fields.py): free text, empty for the tasks already entered.
    db["task"].add_column("supervision_level", str, not_null_default="")


MIGRATIONS: list[Callable[[PlanDatabase], None]] = [
    _v1_tables,
    _v2_deadline_words_and_indexes,
    _v3_sync_log,
    _v4_supervision_level,
]
SCHEMA_VERSION = len(MIGRATIONS)
TABLES = ("plan", "area", "task", "indicator", "milestone", "progress_update")
