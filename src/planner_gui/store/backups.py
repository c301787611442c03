"""Backup copies of a plan file, through SQLite's backup API.

When: before every import (``backup_before_import(store)``, called
by every importer), before every restore, once a day (``daily_backup``) when
the window opens the file or a command is about to change it
(connection.open_database(daily_backup=True), PlanStore.back_up_for_today),
and on demand. Never from a command that only reads (summary, check,
export): it has nothing to protect. A schema
migration copies the file beside itself first (connection.open_database);
those copies are listed here too.

Where: ``<data folder>/backups/<file name>-<hash of its full path>/``, one
folder per plan file, so two plans with the same name never mix, and a plan
in a read-only folder still gets backups. ``PLANNER_GUI_BACKUP_DIR`` moves
the whole tree.

How many: all backups of the 7 most recent days on which backups were taken,
plus the newest backup of each of the 4 weeks before those; older ones are
deleted after each new backup. Days with backups rather than calendar days,
so a PC left off for a month still has its last week of copies. Both numbers
are configurable (BackupPolicy; PLANNER_GUI_BACKUP_DAYS / _WEEKS).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from planner_gui.domain.errors import BadFileError
from planner_gui.paths import data_dir
from planner_gui.store.connection import (
    SaveError,
    backup_copy,
    inspect_file,
    inspection_uri,
    upgrade_in_place,
)

if TYPE_CHECKING:
    from planner_gui.store.repository import PlanStore

BACKUP_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:_\d+)?-(?P<reason>[a-z0-9-]+)\.sqlite$"
)
# copies beside the plan: <file>.before-migration-v1.bak, <file>.before-import-20240501-093000.bak
BESIDE_BACKUP = re.compile(
    r"\.(?P<reason>before-[a-z]+(?:-v\d+)?)(?:-(?P<stamp>\d{8}-\d{6}))?\.bak$"
)
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
DAILY = "daily"


def clock() -> datetime:
    """The local time backups are stamped with (tests replace it)."""
    return datetime.now()


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups rotation keeps."""

    keep_days: int = 7
    keep_weeks: int = 4

    @classmethod
    def from_environment(cls) -> BackupPolicy:
        def number(name: str, default: int) -> int:
            try:
                return max(1, int(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(number("PLANNER_GUI_BACKUP_DAYS", cls.keep_days),
                   number("PLANNER_GUI_BACKUP_WEEKS", cls.keep_weeks))


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def describe(self) -> str:
        """One plain line for lists: "2024-05-01 09:30:00  daily  (1.2 MB)"."""
        return f"{self.taken:%Y-%m-%d %H:%M:%S}  {self.reason}  ({self.size / 1_000_000:.1f} MB)"


def backup_folder(plan_path: Path | str) -> Path:
    """The folder holding the backups of one plan file."""
    override = os.environ.get("PLANNER_GUI_BACKUP_DIR")
    base = Path(override) if override else data_dir() / "backups"
    resolved = Path(plan_path).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    # The name is only a readable hint; the digest makes the folder unique.
    stem = re.sub(r"[^\w.-]", "_", resolved.name)[:40] or "plan"
    return base / f"{stem}-{digest}"


def list_backups(plan_path: Path | str) -> list[Backup]:
    """Every backup of a plan file, newest first: the rotated ones, and copies
    beside the file (before a migration, before an import from the window)."""
    plan_path = Path(plan_path)
    found: list[Backup] = []
    folder = backup_folder(plan_path)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = BACKUP_NAME.match(entry.name)
            if match:
                taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
                found.append(Backup(entry, taken, match["reason"]))
    if plan_path.parent.is_dir():
        for entry in plan_path.parent.glob(f"{glob_escape(plan_path.name)}.before-*.bak"):
            match = BESIDE_BACKUP.search(entry.name)
            if match:
                if match["stamp"]:
                    taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                else:
                    taken = datetime.fromtimestamp(entry.stat().st_mtime).replace(microsecond=0)
                found.append(Backup(entry, taken, match["reason"]))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _free_name(folder: Path, stamp: str, reason: str) -> Path:
    target = folder / f"{stamp}-{reason}.sqlite"
    counter = 2
    while target.exists():
        target = folder / f"{stamp}_{counter}-{reason}.sqlite"
        counter += 1
    return target


def take_backup(
    conn: sqlite3.Connection,
    plan_path: Path | str,
    reason: str,
    *,
    now: datetime | None = None,
    policy: BackupPolicy | None = None,
) -> Backup:
    """Copy the open database into its backup folder, then rotate old backups."""
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"backup reason must be lower-case words joined by '-': {reason!r}")
    taken = (now or clock()).replace(microsecond=0)
    folder = backup_folder(plan_path)
    target = _free_name(folder, taken.strftime(STAMP_FORMAT), reason)
    backup_copy(conn, target)
    rotate(plan_path, policy or BackupPolicy.from_environment(), keep=target)
    return Backup(target, taken, reason)


def backup_before(store: PlanStore, reason: str, *, now: datetime | None = None) -> Backup:
    """Back up an open plan before an operation that replaces much of it
    (``"before-import"``, ``"before-restore"``, ``"manual"``)."""
    return take_backup(store.db.conn, store.path, reason, now=now)



BEFORE_IMPORT = "before-import"


def backup_before_import(store: PlanStore) -> Backup:
    """Every import's backup, in one place (JSON, text, ledger, forms, sync packets,
    from the command line and the window alike): rotated, in the data folder, so a
    plan in a read-only folder can be imported into and File > Restore from backup
    (`planner-cli restore`) finds the copy."""
    return backup_before(store, BEFORE_IMPORT)

def daily_backup(
    conn: sqlite3.Connection, plan_path: Path | str, *, now: datetime | None = None,
    policy: BackupPolicy | None = None,
) -> Backup | None:
    """Take today's daily backup unless it has been taken already."""
    now = now or clock()
    today = now.date()
    if any(b.reason == DAILY and b.taken.date() == today for b in list_backups(plan_path)):
        return None
    return take_backup(conn, plan_path, DAILY, now=now, policy=policy)


def backups_to_keep(backups: list[Backup], policy: BackupPolicy) -> set[Path]:
    """All backups of the newest ``keep_days`` days that have backups, and the
    newest backup of each of the ``keep_weeks`` (ISO) weeks before those."""
    days = sorted({b.taken.date() for b in backups}, reverse=True)
    recent_days = set(days[: policy.keep_days])
    keep = {b.path for b in backups if b.taken.date() in recent_days}
    covered = {_week(day) for day in recent_days}  # weeks the daily backups already stand for
    weekly: set[tuple[int, int]] = set()
    older = sorted((b for b in backups if b.taken.date() not in recent_days),
                   key=lambda b: b.taken, reverse=True)
    for backup in older:
        week = _week(backup.taken.date())
        if week in covered or week in weekly:
            continue
        if len(weekly) >= policy.keep_weeks:
            break
        weekly.add(week)
        keep.add(backup.path)
    return keep


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso[0], iso[1]


def rotate(plan_path: Path | str, policy: BackupPolicy, *, keep: Path | None = None) -> list[Path]:
    """Delete backups the policy no longer keeps; returns what was deleted.

    Only files this module named are touched (never migration copies beside
    the plan, never anything else in the folder)."""
    rotated = [b for b in list_backups(plan_path) if BACKUP_NAME.match(b.path.name)
               and b.path.parent == backup_folder(plan_path)]
    kept = backups_to_keep(rotated, policy)
    if keep is not None:
        kept.add(keep)
    deleted = []
    for backup in rotated:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                deleted.append(backup.path)
            except OSError:
                pass  # tried again after the next backup
    return deleted


def restore_backup(store: PlanStore, backup_path: Path | str, *, now: datetime | None = None) -> Backup:
    """Put a backup's content into the open plan file; returns the backup taken
    of the current content first (so a restore can itself be undone).

    The backup is checked before anything changes; the copy goes through the
    backup API into the live file, in one step that other connections see as
    a commit (their data_version changes)."""
    backup_path = Path(backup_path)
    inspect_file(backup_path)  # BadFileError if it is not a sound plan
    # Opened as the inspection opens it (immutable when no -wal is beside it): a plain copy of a
    # WAL-mode file on a CD or a read-only share cannot get its -shm, and the restore then
    # failed blaming the target.
    with backup_path.open("rb") as handle:
        header = handle.read(100)
    source = sqlite3.connect(inspection_uri(backup_path, header), uri=True)
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        source.close()
        raise BadFileError(backup_path, f"cannot be read ({exc}); nothing was changed") from None
    safety = backup_before(store, "before-restore", now=now)
    try:
        put_content(store, source)
    except sqlite3.Error as exc:
        raise SaveError(store.path, f"the backup could not be restored ({exc}); "
                        f"the current content is saved in {safety.path}") from None
    finally:
        source.close()
    upgrade_in_place(store.db)  # a copy taken before a migration
    return safety


def put_content(store: PlanStore, source: sqlite3.Connection) -> None:
    """Replace the open file's whole content with ``source``'s, in one step that
    other connections see as a commit (a restore, an import undone)."""
    source.backup(store.db.conn)
    # The copied header carries the source's journal mode; the live file stays in WAL.
    store.db.execute("PRAGMA journal_mode = WAL")
    store.db.execute("PRAGMA synchronous = FULL")


def check_backup(path: Path | str) -> None:
    """BadFileError unless ``path`` is a sound planner-gui plan."""
    path = Path(path)
    if not path.is_file():
        raise BadFileError(path, "does not exist")
    inspect_file(path)
