"""Use cases of a plan kept in several copies: name a copy's owner, write
what a peer lacks into a packet, import a peer's packet. The command line
(`planner-cli sync ...`) and the window (File > Sync) both call these.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.store import PlanStore
from planner_gui.store.connection import transaction
from planner_gui.sync import packet as packets
from planner_gui.sync.rights import BASELINE, OFFICE, may_change
from planner_gui.sync.ydoc import HISTORY, ROW, Change, PlanDoc

ALL = "all"


class SyncError(PlannerError):
    """A sync operation that cannot be done as asked; nothing was changed."""


def _meta(store: PlanStore, key: str) -> str | None:
    found = store.db.execute("SELECT value FROM sync_meta WHERE key = ?", [key]).fetchone()
    return None if found is None else found[0]


def _file_identity(path: Path) -> str:
    """Which file this is: a copy (USB stick, e-mail) is another file."""
    info = os.stat(path)
    return f"{info.st_dev}:{info.st_ino}"


def owner(store: PlanStore) -> str | None:
    """This copy's owner (``office`` or a unit), or None if it has none yet.
    An owner named in another file (the one this was copied from) does not
    count: a copy must be named for its new place."""
    name = _meta(store, "owner")
    if name is None or _meta(store, "owner_file") != _file_identity(store.path):
        return None
    return name


def require_owner(store: PlanStore) -> str:
    name = owner(store)
    if name is None:
        raise SyncError(f"{store.path}: this copy has no owner yet; name it first with "
                        f"'planner-cli sync init --db {store.path} --as UNIT' (or --as office)")
    return name


def init_copy(store: PlanStore, name: str) -> None:
    """Name the owner of this copy (the office, or a unit of the plan)."""
    name = name.strip()
    if not name or name == ALL or "|" in name:
        raise ValidationError("--as", f"{name!r} cannot name a copy's owner")
    if name != OFFICE:
        units = {row[0] for row in store.db.execute("SELECT lead_unit FROM task")}
        if name not in units:
            raise ValidationError("--as", f"no task of this plan has the lead unit {name!r} "
                                  f"(say 'office' for the supervision office's copy)")
    copied_from = _meta(store, "owner")
    with transaction(store.db):
        for key, value in (("owner", name), ("owner_file", _file_identity(store.path))):
            store.db.execute("INSERT OR REPLACE INTO sync_meta VALUES (?, ?)", [key, value])
        doc = PlanDoc.load(store.db)
        if copied_from is not None and copied_from != name:
            # A copy of another owner's file: that owner had all of this when it
            # was copied, so the first packet back holds only what is new since.
            store.db.execute("INSERT OR IGNORE INTO sync_peer VALUES (?, ?, ?)",
                             [copied_from, doc.state(), datetime.now(timezone.utc).isoformat()])
            # rows changed but not yet synced when the file was copied are that owner's edits
            doc.flush(store.db, copied_from)
        doc.flush(store.db, name)


def known_peers(store: PlanStore) -> list[str]:
    """The owners this copy has received packets from, by name."""
    return [row[0] for row in store.db.execute("SELECT peer FROM sync_peer ORDER BY peer")]


def _key(store: PlanStore) -> bytes:
    return bytes.fromhex(_meta(store, "plan_key") or "")


# --- export --------------------------------------------------------------------


@dataclass
class ExportResult:
    path: Path
    size: int
    peer: str
    everything: bool  # the peer was not heard from (or 'all'): the whole plan


def export_packet(store: PlanStore, peer: str, out: Path) -> ExportResult:
    """Write into ``out`` what ``peer`` lacks, by the state it last sent us."""
    who = require_owner(store)
    with transaction(store.db):
        doc = PlanDoc.load(store.db)
        doc.flush(store.db, who)
    known = None
    if peer != ALL:
        found = store.db.execute("SELECT state FROM sync_peer WHERE peer = ?", [peer]).fetchone()
        known = bytes(found[0]) if found else None
    plan = store.plan_info()
    made = packets.Packet(plan.id, plan.title, who, peer, doc.state(),
                          datetime.now(timezone.utc).isoformat(timespec="seconds"),
                          doc.update_since(known))
    data = packets.encode(made, _key(store))
    from planner_gui.replacing import replacing

    with replacing(out) as partial:
        Path(partial).write_bytes(data)
    return ExportResult(Path(out), len(data), peer, known is None)


# --- import --------------------------------------------------------------------------


@dataclass
class Conflict:
    """A field both sides changed: ``kept`` is on every copy now, ``lost`` in the history."""
    what: str
    field: str
    kept: object
    kept_by: str
    lost: object
    lost_by: str


@dataclass
class ImportReport:
    path: Path
    sender: str
    new: bool  # whether the packet held anything this copy lacked
    tasks_changed: list[str] = field(default_factory=list)  # titles
    updates_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    backup: Path | None = None


class _DryRun(Exception):
    pass


@contextmanager
def _rolled_back_if(dry_run: bool, store: PlanStore) -> Iterator[None]:
    try:
        with transaction(store.db):
            yield
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass


def read_packet(store: PlanStore, path: Path) -> packets.Packet:
    """The packet in ``path`` if it is a sound one of this plan (BadFileError otherwise)."""
    plan = store.plan_info()
    return packets.verify(path, packets.read(path), plan.id, plan.title, _key(store))


def import_packet(store: PlanStore, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Apply a peer's packet: backup first, then one transaction. With
    ``dry_run`` the same report is made and nothing is kept (the preview)."""
    return import_packets(store, [Path(path)], dry_run=dry_run)[0]


def import_packets(store: PlanStore, paths: list[Path], *, dry_run: bool = False) -> list[ImportReport]:
    """Apply several packets in the order given: every one is checked before
    anything changes, then one backup and one transaction for all (the
    office's month-end round of fifty departments reads the log once)."""
    who = require_owner(store)
    received = [(Path(path), read_packet(store, Path(path))) for path in paths]
    reports = [ImportReport(path, packet.sender, new=False) for path, packet in received]
    if not dry_run and reports:
        from planner_gui.store.backups import backup_before_import

        reports[0].backup = backup_before_import(store).path
    with _rolled_back_if(dry_run, store):
        doc = PlanDoc.load(store.db)
        doc.flush(store.db, who)
        for (path, packet), report in zip(received, reports, strict=True):
            _apply_packet(store, doc, path, packet, report)
    return reports


def _apply_packet(store: PlanStore, doc: PlanDoc, path: Path, packet: packets.Packet,
                  report: ImportReport) -> None:
    before = doc.state()
    try:
        changes = doc.apply(packet.payload)
    except Exception as exc:  # Yrs' own error for an update it cannot read
        raise SyncError(f"{path}: its content cannot be read as plan changes ({exc}); "
                        "nothing was imported") from None
    report.new = doc.state() != before
    if report.new:
        judge(store, doc, changes, report)
        doc.append_since(store.db, before)  # what was new here, and what was set back
        doc.write_tables(store.db, changes)
        store.db.execute("DELETE FROM sync_dirty")  # what the tables got is in the document
    store.db.execute(
        "INSERT OR REPLACE INTO sync_peer VALUES (?, ?, ?)",
        [packet.sender, packet.state, datetime.now(timezone.utc).isoformat(timespec="seconds")],
    )


def _migrated(value: list) -> bool:
    """Whether a Y value is a file's tables as first built into its document
    (the baseline, overwriting nothing), not an edit or a set-back."""
    return str(value[3]) == BASELINE and not value[2]


def judge(store: PlanStore, doc: PlanDoc, changes: list[Change], report: ImportReport) -> None:
    """Check each change against its author's rights (a refused one is set
    back, in a change of this copy that goes to every peer), keep the values
    that lost to a concurrent edit, and describe what came in."""
    titles: dict[str, str] = {}

    def task_of(change: Change) -> str | None:
        if change.table == "task":
            return change.row_id
        if change.table == "progress_update":
            row = doc.value("progress_update", change.row_id, ROW)
            return row.get("task_id") if isinstance(row, dict) else None
        if change.table in ("indicator", "milestone"):
            return doc.value(change.table, change.row_id, "task_id")
        return None

    def unit_here(task_id: str | None) -> str | None:
        if task_id is None:
            return None
        found = store.db.execute("SELECT lead_unit FROM task WHERE id = ?", [task_id]).fetchone()
        return None if found is None else found[0]

    def title(change: Change) -> str:
        task_id = task_of(change)
        if task_id is None:
            name = doc.value(change.table, change.row_id, "name" if change.table == "area" else "title")
            return f"{change.table} {name or change.row_id}"
        if task_id not in titles:
            titles[task_id] = str(doc.value("task", task_id, "title") or task_id)
        return titles[task_id]

    kept: list[Change] = []
    for change in changes:
        if change.table == HISTORY or change.new is None:
            kept.append(change)
            continue
        old_value = change.old[0] if change.old else None
        if change.old is not None and old_value == change.new[0]:
            kept.append(change)
            continue
        if _migrated(change.new) and change.old is not None and not _migrated(change.old):
            # another copy's tables as migrated won Y's tie-break over an edit
            # made since: the edit stands (every copy that sees this does so)
            doc.restore(change, str(change.old[3]))
            continue
        if change.via is not None and change.who != change.via:
            # a unit's connection may send only that unit's own changes
            doc.restore(change, owner(store) or OFFICE)
            line = (f"{change.via}: {title(change)}: sent over {change.via}'s connection in "
                    f"the name of {change.who or 'the file as migrated'}")
            if line not in report.refused:
                report.refused.append(line)
            continue
        adds_row = change.table == "progress_update" and (
            (change.field == "" and change.new[0] == 1 and old_value != 1)
            or (change.field == ROW and change.old is None))
        reason = may_change(change.who, change.table, change.field,
                            lead_unit=unit_here(task_of(change)),
                            old_who=str(change.old[3]) if change.old else None, adds_row=adds_row)
        if reason is not None:
            doc.restore(change, owner(store) or OFFICE)
            label = "row" if change.field in ("", ROW) else change.field
            line = f"{change.who}: {title(change)}: {label}: {reason}"
            if line not in report.refused:  # an update's existence and content: one line
                report.refused.append(line)
            continue
        kept.append(change)
    for change in kept:
        if change.table == HISTORY:
            continue
        if change.table == "progress_update" and change.field == "" and change.new[0] == 1 \
                and (change.old is None or change.old[0] != 1):
            report.updates_added += 1
        if task_of(change) is not None or change.table == "task":
            name = title(change)
            if name not in report.tasks_changed:
                report.tasks_changed.append(name)
    with doc.doc.transaction():
        lost = [c for c in kept if c.table != HISTORY and c.field not in ("", ROW)]
        doc.record_conflicts(lost)
    for change in lost:
        old, new = change.old, change.new
        if old is not None and new is not None and old[1] != new[1] and old[1] not in new[2] \
                and old[0] != new[0]:
            report.conflicts.append(Conflict(title(change), change.field, new[0], str(new[3]),
                                             old[0], str(old[3])))


def history(store: PlanStore) -> list[dict]:
    """Every value that lost to a concurrent edit of the same field, oldest first."""
    return PlanDoc.load(store.db).history()
