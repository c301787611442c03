"""Opening a plan file safely.

A file is inspected read-only before anything writes to it: a file that is
not SQLite, is damaged, is someone else's SQLite database, or was written by
a newer planner-gui is refused with a BadFileError naming the file and the
reason, and left byte for byte as it was. An older schema is copied aside
(SQLite backup API) and then migrated in one transaction.

Durability: WAL journal with synchronous=FULL, so a change is on disk when
its transaction commits and survives kill -9 and power loss; busy_timeout
lets a second process wait for the lock instead of failing. A write that
fails (disk full, read-only file, another program holding the lock too long)
is rolled back whole and reported as a SaveError in plain words.

Every open of an existing file runs PRAGMA quick_check (read-only, before
anything writes), so damage left by a crash is found at once. A daily backup
is taken only when asked (``daily_backup=True``: the window opening a file, a
command about to change it), never by a command that only reads.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from planner_gui.domain.errors import BadFileError, PlannerError
from planner_gui.store.database import PlanDatabase
from planner_gui.store.filesystems import network_filesystem
from planner_gui.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class SaveError(PlannerError):
    """A change that could not be written; nothing of it was saved."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _database_path(conn: sqlite3.Connection) -> str:
    try:
        return conn.execute("PRAGMA database_list").fetchone()[2] or "the plan file"
    except sqlite3.Error:
        return "the plan file"


def explain_write_failure(conn: sqlite3.Connection, exc: sqlite3.Error) -> SaveError | None:
    """A SaveError in plain words for a failed write, or None if it is not one
    a user can act on (then the original error is the right one to show)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    path = _database_path(conn)
    if name == "SQLITE_FULL" or "disk is full" in text:
        reason = ("the disk is full (or the file reached its size limit): the change was not "
                  "saved and the file is as it was; free some space or save a copy elsewhere")
    elif (name.startswith("SQLITE_READONLY") or "readonly" in text) and network_filesystem(path):
        reason = network_reason(network_filesystem(path) or "")
    elif name.startswith("SQLITE_READONLY") or "readonly" in text:
        reason = ("the file is open read-only (opened so, or the file or its folder cannot be "
                  "written): the change was not saved; save a copy elsewhere to keep working")
    elif name.startswith("SQLITE_BUSY") or "database is locked" in text:
        reason = (f"another program kept the file busy for more than {BUSY_TIMEOUT_MS // 1000} "
                  "seconds: the change was not saved; try again")
    elif name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        reason = f"the disk reported an error ({exc}): the change was not saved"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        reason = "the file or its folder cannot be written: the change was not saved"
    else:
        return None
    return SaveError(path, reason)


def network_reason(kind: str) -> str:
    return (f"the file is on a network share ({kind}), where SQLite cannot keep it safe from "
            "two PCs writing at once, so it is open read-only: copy it to this PC's disk and "
            "exchange changes with the other copies (planner-cli sync, File > Sync)")


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def one_line(problem: str) -> str:
    """SQLite's check messages span lines ("*** in database main ***\nPage 3: ...")."""
    return " ".join(problem.replace("*** in database main ***", "").split())


def inspection_uri(path: Path, header: bytes) -> str:
    """A read-only URI that leaves nothing beside the file.

    A WAL-mode file opened read-only gets -wal and -shm files created next to
    it, which would stay behind a file we refuse. When no -wal file exists no
    committed change is waiting outside the main file, so it can be read as
    immutable: nothing is created. With a -wal present (another program has
    the file open, or one crashed) its content matters, so the normal
    read-only mode is used."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal_mode = header[18:20] == b"\x02\x02"
    if not wal_mode or not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


WAL_MAGIC = (0x377F0682, 0x377F0683)


def refuse_foreign_wal(path: Path, header: bytes) -> None:
    """Refuse a file beside which lies a -wal journal that cannot be its own,
    before SQLite reads it: SQLite would replay another database's WAL onto
    this file (a plan copied over an older one, the old -wal left behind), and
    switching a rollback-mode file to WAL would do the same. A WAL names no
    database, so what can be told is told: a -wal that is not a WAL journal,
    one beside a file that is not in WAL mode, and one of another page size.
    An empty -wal holds nothing and is left alone."""
    wal = Path(f"{path}-wal")
    try:
        with wal.open("rb") as handle:
            wal_header = handle.read(32)
    except OSError:
        return  # none (or unreadable: SQLite then refuses the file with its own reason)
    if not wal_header:
        return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if len(wal_header) < 32 or int.from_bytes(wal_header[:4], "big") not in WAL_MAGIC:
        reason = "is not an SQLite WAL journal"
    elif header[18:20] != b"\x02\x02":
        reason = "belongs to another database (this file is not in WAL mode)"
    elif int.from_bytes(wal_header[8:12], "big") != page_size:
        reason = "belongs to another database (its page size differs)"
    else:
        return
    raise BadFileError(path, f"has a journal {wal.name} beside it that {reason}; "
                             "move that file away to open this one")


def inspect_file(path: Path) -> int:
    """Check an existing file without changing it; return its schema version.

    Raises BadFileError with the reason when the file cannot be a plan.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
            # opening a FIFO waits for a writer for ever; a device reads without end
            raise BadFileError(path, "is not a regular file (a pipe or device), not a plan file")
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
    refuse_foreign_wal(path, header)
    try:
        conn = sqlite3.connect(inspection_uri(path, header), uri=True)
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
        raise BadFileError(path, f"is damaged (integrity check: {one_line(check)})")
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


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database to ``target`` through SQLite's backup API.

    The copy is written beside the target under a temporary name, made a
    self-contained file (rollback journal, no -wal), flushed to disk and only
    then renamed into place: a crash or a full disk never leaves a half copy
    under the real name. Works on a file that is open read-only or whose own
    disk is full, so "save a copy elsewhere" is always possible.
    """
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        detail = getattr(exc, "strerror", None) or str(exc)
        raise SaveError(target, f"the copy cannot be written ({detail})") from None
    return target


def check_integrity(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """Problems found in an open database (empty list: the file is sound).

    quick_check reads every page but skips the index cross-checks; the full
    check is integrity_check plus the foreign keys (task -> area, ...).
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        broken = list(conn.execute("PRAGMA foreign_key_check")) if full else []
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    found = [one_line(p) for p in problems if p != "ok"]
    found += [f"{table} row {rowid} refers to a missing {parent}" for table, rowid, parent, _ in broken]
    return found


@contextlib.contextmanager
def transaction(db: PlanDatabase) -> Iterator[PlanDatabase]:
    """One user-visible change: BEGIN IMMEDIATE takes the write lock up front
    (waiting up to busy_timeout for another process), nested blocks become
    savepoints, and the change is committed before the block returns.

    A failure to write (disk full, read-only, locked) rolls back the whole
    change and becomes a SaveError saying so."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            with db.atomic():  # a savepoint, so sqlite-utils helpers nest cleanly
                yield db
                for hook in getattr(db, "commit_hooks", ()):  # tests pass a bare sqlite-utils db
                    hook(db)
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        explained = explain_write_failure(db.conn, exc)
        if explained is None:
            raise
        raise explained from exc


def is_replaceable_stub(path: Path) -> bool:
    """Whether ``path`` is an empty file or a planner-gui file without a plan: what a killed
    first start or import of an older version left behind. ``init`` may replace such a file."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return False
        if info.st_size == 0:
            return True
        with path.open("rb") as handle:
            header = handle.read(100)
        inspect_file(path)
    except (OSError, PlannerError):
        return False
    try:
        conn = sqlite3.connect(inspection_uri(path, header), uri=True)
        try:
            return conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


@contextlib.contextmanager
def building(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path`` to build a new file under; on success the file is
    flushed and renamed into place, so ``path`` is never a half-made file (a kill or a failed
    import leaves at most the temporary file, which the next build removes)."""
    folder = path.parent
    if not folder.is_dir():
        raise BadFileError(path, "cannot be created (its folder does not exist)")
    for stale in folder.glob(f".{path.name}.*.creating"):
        pid = stale.name[len(path.name) + 2:-len(".creating")]
        if pid.isdigit() and not _alive(int(pid)):
            _remove_with_journals(stale)
    partial = folder / f".{path.name}.{os.getpid()}.creating"
    _remove_with_journals(partial)
    try:
        yield partial
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
        _fsync_folder(folder)
    except OSError as exc:
        raise BadFileError(path, f"cannot be created ({exc.strerror or exc})") from None
    finally:
        _remove_with_journals(partial)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove_with_journals(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            name.unlink(missing_ok=True)


def writable(path: Path) -> bool:
    """Whether this user may change the file (WAL also needs its folder)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_read_only(db: PlanDatabase) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _open_read_only(path: Path, version: int) -> tuple[PlanDatabase, bool]:
    if version < SCHEMA_VERSION:
        raise BadFileError(
            path, f"uses an older file format ({version}); open it once for writing to upgrade it"
        )
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not writable(path) and not Path(f"{path}-wal").exists():
        # A read-only file or folder: nobody is writing it and nothing is pending in a -wal, so
        # it is read as immutable, and SQLite makes no -wal or -shm beside it (they were left
        # behind). A file open read-only beside a writer (a second window) is read normally.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        _configure(conn)
        conn.execute("PRAGMA query_only = ON")
        db = PlanDatabase(conn)
        is_new = db.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
    except sqlite3.Error as exc:
        raise BadFileError(path, f"cannot be opened read-only ({exc})") from None
    return db, is_new


def open_database(
    path: Path | str, *, create: bool = False, read_only: bool = False, daily_backup: bool = False
) -> tuple[PlanDatabase, bool]:
    """Open (or with ``create``, make) a plan file; return the database and
    whether it is new (has no plan yet).

    ``read_only`` opens an existing file so that nothing can write to it
    (SQLite mode=ro plus query_only). ``daily_backup``: take today's daily
    backup unless there is one (for the window's open; a read, an export or
    a check has nothing to protect and leaves no backup behind).
    """
    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise BadFileError(path, "does not exist")
    version = inspect_file(path) if exists else 0
    if exists and not read_only and network_filesystem(path):
        read_only = True  # WAL and locks do not work there (store/filesystems.py)
    if exists and not read_only and not writable(path):
        # A read-only file or folder (a CD, a share, a locked-down PC): open it
        # for reading; a write then fails with a clear SaveError.
        read_only = True
    if read_only:
        if not exists:
            raise BadFileError(path, "does not exist")
        return _open_read_only(path, version)
    if not exists and not path.parent.exists():
        raise BadFileError(path, "cannot be created (its folder does not exist)")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise BadFileError(path, f"cannot be opened ({exc})") from None
    try:
        _configure(conn)
        db = PlanDatabase(conn)
        if version < SCHEMA_VERSION:
            if version > 0:
                backup_copy(conn, path.with_name(f"{path.name}.before-migration-v{version}.bak"))
            _migrate(db, version)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            # e.g. a file on a network share; fall back to a rollback journal
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    except (sqlite3.OperationalError, SaveError) as exc:
        conn.close()
        raise BadFileError(path, f"cannot be written ({exc})") from None
    except BaseException:
        conn.close()
        raise
    is_new = db.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
    if exists and not is_new and daily_backup:
        take_daily_backup(conn, path)
    return db, is_new


def take_daily_backup(conn: sqlite3.Connection, path: Path) -> None:
    """Today's daily backup unless there is one; a failure is logged, not raised."""
    # A failed backup must not stop the user from working: it is logged, and
    # the next open tries again.
    from planner_gui.store import backups

    try:
        if backups.daily_backup(conn, path) is not None:
            _tidy_dirty_rows(conn)
    except (PlannerError, OSError, sqlite3.Error) as exc:
        import logging  # only on this rare path: 2-3 ms of every command's start otherwise

        logging.getLogger(__name__).warning("daily backup of %s failed: %s", path, exc)


def _tidy_dirty_rows(conn: sqlite3.Connection) -> None:
    """Once a day: a copy that never syncs keeps listing changed rows in
    sync_dirty (schema v3), once per change; keep each row once, so the list
    never outgrows the plan itself."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM sync_dirty WHERE rowid NOT IN "
                     "(SELECT min(rowid) FROM sync_dirty GROUP BY tbl, id)")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _migrate(db: PlanDatabase, from_version: int) -> None:
    with transaction(db):
        for step in MIGRATIONS[from_version:]:
            step(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate_to(db: PlanDatabase, version: int) -> None:
    """Bring a new, empty database to an older schema version (for tests of migration)."""
    with transaction(db):
        for step in MIGRATIONS[:version]:
            step(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {version}")


def upgrade_in_place(db: PlanDatabase) -> None:
    """Migrate an open database whose content was just replaced by an older
    copy (a restored backup) to the current schema."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        _migrate(db, version)


def check_file(path: Path | str, *, full: bool = False) -> list[str]:
    """Check a plan file without changing it: BadFileError if it cannot be a
    plan, else the problems found (quick_check, or with ``full`` the whole
    integrity_check plus foreign keys); an empty list means sound."""
    path = Path(path)
    inspect_file(path)
    with path.open("rb") as handle:
        header = handle.read(100)
    conn = sqlite3.connect(inspection_uri(path, header), uri=True)
    try:
        _configure(conn)
        return check_integrity(conn, full=full)
    finally:
        conn.close()
