"""Opening a plan file safely.

A file is inspected read-only before anything writes to it: a file that is
not SQLite, is damaged, is someone else's SQLite database, or was written by
a newer planner-gui is refused with a BadFileError naming the file and the
reason, and left byte for byte as it was. An older schema is copied aside
(SQLite backup API) and then migrated in one transaction.

Durability: WAL journal with synchronous=FULL, so a change is on disk when
its transaction commits and survives kill -9 and power loss; busy_timeout
lets a second process wait for the lock instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from planner_gui.domain.errors import BadFileError
from planner_gui.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def inspect_file(path: Path) -> int:
    """Check an existing file without changing it; return its schema version.

    Raises BadFileError with the reason when the file cannot be a plan.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise BadFileError(path, "is a folder, not a plan file") from None
    except PermissionError:
        raise BadFileError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(header) == 0:
        raise BadFileError(path, "is empty, not a planner-gui plan")
    if not header.startswith(SQLITE_HEADER):
        raise BadFileError(path, "is not a planner-gui plan (not an SQLite database)")
    if len(header) < 100:
        raise BadFileError(path, "is truncated (shorter than an SQLite header)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BadFileError(path, f"cannot be opened ({exc})") from None
    try:
        _configure(conn)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BadFileError(path, f"is damaged ({exc})") from None
    finally:
        conn.close()
    if check != "ok":
        raise BadFileError(path, f"is damaged (integrity check: {check})")
    if app_id != APPLICATION_ID:
        if not tables:
            raise BadFileError(path, "is an empty SQLite database, not a planner-gui plan")
        raise BadFileError(path, "is an SQLite database but not a planner-gui plan")
    if version > SCHEMA_VERSION:
        raise BadFileError(
            path,
            f"was written by a newer planner-gui (file format {version}, this program knows "
            f"{SCHEMA_VERSION}); update planner-gui to open it",
        )
    missing = [t for t in TABLES if t not in tables] if version >= 1 else []
    if missing:
        raise BadFileError(path, f"is not a complete planner-gui plan (missing {', '.join(missing)})")
    return version


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database to ``target`` through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One user-visible change: BEGIN IMMEDIATE takes the write lock up front
    (waiting up to busy_timeout for another process), nested blocks become
    savepoints, and the change is committed before the block returns."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        with db.atomic():  # a savepoint, so sqlite-utils helpers nest cleanly
            yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def open_database(path: Path | str, *, create: bool = False) -> tuple[sqlite_utils.Database, bool]:
    """Open (or with ``create``, make) a plan file; return the database and
    whether it is new (has no plan yet)."""
    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise BadFileError(path, "does not exist")
    version = inspect_file(path) if exists else 0
    if not exists and not path.parent.exists():
        raise BadFileError(path, "cannot be created (its folder does not exist)")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise BadFileError(path, f"cannot be opened ({exc})") from None
    try:
        _configure(conn)
        db = sqlite_utils.Database(conn)
        if version < SCHEMA_VERSION:
            if version > 0:
                backup_copy(conn, path.with_name(f"{path.name}.before-migration-v{version}.bak"))
            _migrate(db, version)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            # e.g. a file on a network share; fall back to a rollback journal
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise BadFileError(path, f"cannot be written ({exc})") from None
    except BaseException:
        conn.close()
        raise
    is_new = db.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
    return db, is_new


def _migrate(db: sqlite_utils.Database, from_version: int) -> None:
    with transaction(db):
        for step in MIGRATIONS[from_version:]:
            step(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate_to(db: sqlite_utils.Database, version: int) -> None:
    """Bring a new, empty database to an older schema version (for tests of migration)."""
    with transaction(db):
        for step in MIGRATIONS[:version]:
            step(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {version}")
