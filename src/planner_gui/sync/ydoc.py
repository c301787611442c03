"""The plan's Y document beside its SQLite tables (the replication log).

Layout: one root Y Map per replicated table, with flat keys ``"<row id>|<field>"``
and a header key ``"<row id>|"`` saying whether the row exists (1) or was
deleted (0). Flat keys, not a nested map per row, so that two copies which
built their Y documents from the same tables independently still merge field
by field instead of one copy's whole row replacing the other's. A progress
update is immutable, so its row is one value (``"<id>|row"``).

Every value is ``[value, stamp, overwritten, who]``: ``stamp`` names the edit,
``overwritten`` the stamps of the edits it replaced as its author saw them,
``who`` the owner of the copy that made it (office or a unit). With these an
import can tell a deliberate overwrite from two copies editing the same field
at once (the loser goes to the ``history`` map) and check who may change what.

The tables stay the query store. Triggers (store/schema.py, v3) list every
changed row in ``sync_dirty`` in the same transaction as the change;
:meth:`PlanDoc.flush` turns those into one Y transaction and appends its
update to ``sync_update``. The Y client id is Yrs' random one for each Doc:
never stored, so copies of a file never write under the same id.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pycrdt import Doc, Map

from planner_gui.store.database import PlanDatabase
from planner_gui.store.schema import SYNCED_TABLES
from planner_gui.sync.rights import BASELINE

HISTORY = "history"
ROW = "row"  # the one field of a progress update
# Not replicated: when the copy itself last changed, rewritten by every change.
LOCAL_ONLY = {"plan": {"modified"}}
# Rows refer to rows of these tables; a row whose parent is missing waits in Y.
PARENT = {"area": ("plan_id", "plan"), "task": ("area_id", "area"),
          "indicator": ("task_id", "task"), "milestone": ("task_id", "task"),
          "progress_update": ("task_id", "task")}
# Keep a compact log: more updates than this are merged into one.
COMPACT_AFTER = 200
ANCESTORS_KEPT = 8


def _stamp() -> str:
    return os.urandom(6).hex()


def _key(row_id: str, field: str = "") -> str:
    return f"{row_id}|{field}"


@dataclass
class Change:
    """One key of the Y document changed by applying an update."""
    table: str
    row_id: str
    field: str  # "" for the row's existence
    old: list | None
    new: list | None
    via: str | None = None  # the unit whose own connection brought it (live, per-unit token)

    @property
    def who(self) -> str:
        return str(self.new[3]) if self.new else ""


@dataclass
class Columns:
    names: list[str]
    integer: set[str]


def table_columns(db: PlanDatabase, table: str) -> Columns:
    info = db.execute(f"PRAGMA table_info([{table}])").fetchall()
    skip = {"id"} | LOCAL_ONLY.get(table, set())
    names = [r[1] for r in info if r[1] not in skip]
    integer = {r[1] for r in info if r[2].upper() == "INTEGER"}
    return Columns(names, integer)


class PlanDoc:
    """The Y document of one plan file, read from its log."""

    def __init__(self) -> None:
        self.doc = Doc()
        self.maps: dict[str, Map] = {t: self.doc.get(t, type=Map) for t in (*SYNCED_TABLES, HISTORY)}
        self._columns: dict[str, Columns] = {}

    @classmethod
    def load(cls, db: PlanDatabase) -> PlanDoc:
        plan_doc = cls()
        for (data,) in db.execute("SELECT data FROM sync_update ORDER BY seq"):
            plan_doc.doc.apply_update(bytes(data))
        return plan_doc

    def state(self) -> bytes:
        return self.doc.get_state()

    def update_since(self, state: bytes | None) -> bytes:
        return self.doc.get_update(state) if state else self.doc.get_update()

    def columns(self, db: PlanDatabase, table: str) -> Columns:
        if table not in self._columns:
            self._columns[table] = table_columns(db, table)
        return self._columns[table]

    # --- local changes into Y ------------------------------------------------

    def flush(self, db: PlanDatabase, who: str) -> bool:
        """Write the rows changed since the last flush into one Y transaction
        and append it to the log (call inside the store's transaction).
        Returns whether anything changed. The first flush of a file (its
        tables as migrated) is the baseline (:meth:`_flush_baseline`)."""
        dirty = db.execute("SELECT DISTINCT tbl, id FROM sync_dirty").fetchall()
        if not dirty:
            return False
        before = self.state()
        by_table: dict[str, list[str]] = {}
        for table, row_id in dirty:
            by_table.setdefault(table, []).append(row_id)
        if db.execute("SELECT 1 FROM sync_update LIMIT 1").fetchone() is None:
            self._flush_baseline(db, by_table)
        else:
            with self.doc.transaction():
                for table, ids in by_table.items():
                    ymap = self.maps[table]
                    for key, value in self._row_values(db, table, ids):
                        self._set(ymap, key, value, who)
        canonical_update_order(db, by_table.get("progress_update", []))
        db.execute("DELETE FROM sync_dirty")
        return self.append_since(db, before)

    def _flush_baseline(self, db: PlanDatabase, by_table: dict[str, list[str]]) -> None:
        """The file's tables as first built into its document, written by no
        owner (BASELINE). Copies of an older file are migrated on their own PCs
        and each builds one: built alike from the same rows, under a Y client id
        and stamps derived from those rows, they are the same Y items and merge
        into one. Only copies that differ already (one was edited by the older
        version) get different ids; their baselines then meet as concurrent
        writes, and copies.judge never lets a baseline beat a later edit. The
        id is used for this one transaction: two documents that write under it
        write identical items, so the rule that no two copies share a client id
        for their own edits still holds."""
        values = [(table, key, value) for table in SYNCED_TABLES if table in by_table
                  for key, value in self._row_values(db, table, sorted(set(by_table[table])))
                  if not (value == 0 and key.endswith("|"))]  # deleted before it was ever synced
        digest = hashlib.sha256()
        for item in values:
            digest.update(json.dumps(item, ensure_ascii=False, sort_keys=True).encode())
            digest.update(b"\n")
        seed = digest.digest()
        base = Doc(client_id=int.from_bytes(seed[:6], "big"))
        maps = {table: base.get(table, type=Map) for table in (*SYNCED_TABLES, HISTORY)}
        with base.transaction():
            for table, key, value in values:
                stamp = hashlib.sha256(seed + key.encode()).hexdigest()[:12]
                maps[table][key] = [value, stamp, [], BASELINE]
        self.doc.apply_update(base.get_update())

    def _row_values(self, db: PlanDatabase, table: str, ids: list[str]) -> Iterable[tuple[str, Any]]:
        """The Y keys and values of these rows as the tables hold them."""
        names = self.columns(db, table).names
        found: dict[str, dict] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start:start + 500]
            marks = ", ".join("?" * len(batch))
            for row in db.select(table, f"id IN ({marks})", batch):
                found[row["id"]] = row
        for row_id in ids:
            row = found.get(row_id)
            if row is None:
                yield _key(row_id), 0
                continue
            yield _key(row_id), 1
            if table == "progress_update":
                yield _key(row_id, ROW), {n: row[n] for n in names}
            else:
                for name in names:
                    yield _key(row_id, name), row[name]

    @staticmethod
    def _set(ymap: Map, key: str, value: Any, who: str) -> None:
        current = ymap.get(key)
        if current is not None and current[0] == value:
            return
        if current is None and value == 0 and key.endswith("|"):
            return  # a row made and deleted between two flushes never existed for peers
        overwritten = [current[1], *current[2]][:ANCESTORS_KEPT] if current is not None else []
        ymap[key] = [value, _stamp(), overwritten, who]

    def restore(self, change: Change, who: str) -> None:
        """Set a key back to its value before ``change`` (a refused change)."""
        ymap = self.maps[change.table]
        key = _key(change.row_id, change.field)
        forbidden = change.new[1] if change.new else None
        if change.old is None:
            value, author = (0, who) if change.field == "" else (None, who)
        else:
            value, author = change.old[0], str(change.old[3])
        if change.old is None and change.field != "":
            return  # the row's header is set to deleted; a field of it stays unused
        ymap[key] = [value, _stamp(), [s for s in (forbidden,) if s], author]

    def append_since(self, db: PlanDatabase, before: bytes) -> bool:
        """Append to the log what the document gained since state ``before``."""
        if self.state() == before:
            return False
        db.execute("INSERT INTO sync_update (data) VALUES (?)", [self.doc.get_update(before)])
        self._compact(db)
        return True

    def _compact(self, db: PlanDatabase) -> None:
        count = db.execute("SELECT count(*) FROM sync_update").fetchone()[0]
        if count > COMPACT_AFTER:
            db.execute("DELETE FROM sync_update")
            db.execute("INSERT INTO sync_update (data) VALUES (?)", [self.doc.get_update()])

    # --- remote changes -----------------------------------------------------------

    def apply(self, update: bytes) -> list[Change]:
        """Apply a peer's update to the document; the keys it changed."""
        changes: list[Change] = []

        def watcher(table: str):
            def seen(event: Any) -> None:
                for key, what in event.keys.items():
                    row_id, _, field = key.rpartition("|")
                    changes.append(Change(table, row_id, field, what.get("oldValue"),
                                          what.get("newValue")))
            return seen

        subscriptions = [(ymap, ymap.observe(watcher(table))) for table, ymap in self.maps.items()]
        try:
            self.doc.apply_update(update)
        finally:
            for ymap, subscription in subscriptions:
                ymap.unobserve(subscription)
        return changes

    def value(self, table: str, row_id: str, field: str = "") -> Any:
        found = self.maps[table].get(_key(row_id, field))
        return None if found is None else found[0]

    def row(self, db: PlanDatabase, table: str, row_id: str) -> dict | None:
        """The row as the document holds it, typed for the table; None if it
        does not exist (or not completely)."""
        if self.value(table, row_id) != 1:
            return None
        columns = self.columns(db, table)
        if table == "progress_update":
            fields = self.value(table, row_id, ROW)
            if not isinstance(fields, dict):
                return None
        else:
            ymap = self.maps[table]
            fields = {}
            for name in columns.names:
                found = ymap.get(_key(row_id, name))
                if found is None:
                    return None
                fields[name] = found[0]
        row = {"id": row_id}
        for name in columns.names:
            value = fields.get(name)
            if name in columns.integer and isinstance(value, float) and value.is_integer():
                value = int(value)
            row[name] = value
        return row

    def record_conflicts(self, changes: Iterable[Change], when: datetime | None = None) -> int:
        """Keep in the history every value that lost to a concurrent edit of
        the same field; returns how many."""
        when = when or datetime.now(timezone.utc)
        history = self.maps[HISTORY]
        count = 0
        for change in changes:
            if change.field == "" or change.old is None or change.new is None:
                continue
            old, new = change.old, change.new
            if old[1] is None or old[1] == new[1] or old[1] in new[2] or old[0] == new[0]:
                continue
            history[str(old[1])] = [change.table, change.row_id, change.field, old[0], old[3],
                                    new[0], new[3], when.isoformat(timespec="seconds")]
            count += 1
        return count

    def history(self) -> list[dict]:
        names = ("table", "id", "field", "lost", "lost_by", "kept", "kept_by", "when")
        items = [dict(zip(names, value, strict=True)) for value in self.maps[HISTORY].values()]
        return sorted(items, key=lambda item: (item["when"], item["id"], item["field"]))

    # --- the document into the tables ------------------------------------------------

    def write_tables(self, db: PlanDatabase, changes: Iterable[Change]) -> None:
        """Make the tables hold what the document says for the rows ``changes``
        touched (inside the store's transaction). Parents are written before
        their children; a row whose parent the tables lack is left out (it
        stays in the document). Siblings are then numbered 0..n-1 by
        (position, id), which every copy computes alike from the same
        document, so the positions need not go back into it."""
        touched: dict[str, set[str]] = {}
        for change in changes:
            if change.table in SYNCED_TABLES:
                touched.setdefault(change.table, set()).add(change.row_id)
        groups: set[tuple[str, str | None]] = set()
        for table in SYNCED_TABLES:
            ids = touched.get(table, set())
            rows = {row_id: self.row(db, table, row_id) for row_id in ids}
            for row_id, row in rows.items():
                if row is None:
                    old = db.select(table, "id = ?", [row_id])
                    if old:
                        groups.add(_group(table, old[0]))
                        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
            present = [row for row in rows.values() if row is not None]
            if table == "task":
                present = _parents_first(present)
            for row in present:
                if not self._parent_exists(db, table, row):
                    continue
                if table == "plan":  # not replicated, but a row needs it
                    row["modified"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
                old = db.select(table, "id = ?", [row["id"]])
                if old:
                    groups.add(_group(table, old[0]))
                groups.add(_group(table, row))
                names = list(row)
                sets = ", ".join(f"[{n}] = excluded.[{n}]" for n in names if n != "id")
                db.execute(
                    f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)}) "
                    f"VALUES ({', '.join('?' * len(names))}) ON CONFLICT(id) DO UPDATE SET {sets}",
                    [row[n] for n in names],
                )
        for table, parent in groups:
            if table:
                _renumber(db, table, parent)
        canonical_update_order(db, touched.get("progress_update", set()))

    @staticmethod
    def _parent_exists(db: PlanDatabase, table: str, row: dict) -> bool:
        if table == "plan":
            return True
        column, parent_table = PARENT[table]
        if db.execute(f"SELECT 1 FROM [{parent_table}] WHERE id = ?", [row[column]]).fetchone() is None:
            return False
        if table == "task" and row["parent_id"] is not None:
            return db.execute("SELECT 1 FROM task WHERE id = ? AND area_id = ?",
                              [row["parent_id"], row["area_id"]]).fetchone() is not None
        return True


def _group(table: str, row: dict) -> tuple[str, str | None]:
    """The sibling group a row is numbered in ("" table: not positioned)."""
    if table == "area":
        return ("area", None)
    if table == "task":
        return ("task", json.dumps([row["area_id"], row["parent_id"]]))
    if table in ("indicator", "milestone"):
        return (table, row["task_id"])
    return ("", None)


def _renumber(db: PlanDatabase, table: str, group: str | None) -> None:
    if table == "area":
        where, params = "1 = 1", []
    elif table == "task":
        area_id, parent_id = json.loads(group or "[]")
        where, params = (("area_id = ? AND parent_id IS NULL", [area_id]) if parent_id is None
                         else ("parent_id = ?", [parent_id]))
    else:
        where, params = "task_id = ?", [group]
    ordered = db.execute(f"SELECT id, position FROM [{table}] WHERE {where} ORDER BY position, id",
                         params).fetchall()
    for rank, (row_id, position) in enumerate(ordered):
        if position != rank:
            db.execute(f"UPDATE [{table}] SET position = ? WHERE id = ?", [rank, row_id])


def canonical_update_order(db: PlanDatabase, update_ids: Iterable[str]) -> None:
    """Same-day updates of a task are read in the order of their rows
    (store/loading.py); rows from another copy arrive later than rows typed
    here, so the updates of each day these ids touch are rewritten in an
    order every copy computes alike: when they were written, then by id."""
    wanted = set(update_ids)
    if not wanted:
        return
    crowded = db.execute("SELECT task_id, date FROM progress_update GROUP BY task_id, date "
                         "HAVING count(*) > 1").fetchall()
    if not crowded:
        return
    days = {(task_id, day) for task_id, day in crowded}
    touched: set[tuple[str, str]] = set()
    ids = list(wanted)
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        marks = ", ".join("?" * len(batch))
        for task_id, day in db.execute(
                f"SELECT task_id, date FROM progress_update WHERE id IN ({marks})", batch):
            if (task_id, day) in days:
                touched.add((task_id, day))
    for task_id, day in touched:
        rows = db.select("progress_update", "task_id = ? AND date = ?", [task_id, day],
                         order_by="rowid")
        ordered = sorted(rows, key=lambda row: (row["created"], row["id"]))
        if [r["id"] for r in ordered] == [r["id"] for r in rows]:
            continue
        db.execute("DELETE FROM progress_update WHERE task_id = ? AND date = ?", [task_id, day])
        names = list(rows[0])
        for row in ordered:
            db.execute(f"INSERT INTO progress_update ({', '.join(names)}) "
                       f"VALUES ({', '.join('?' * len(names))})", [row[n] for n in names])


def _parents_first(rows: list[dict]) -> list[dict]:
    by_id = {row["id"]: row for row in rows}
    done: set[str] = set()
    ordered: list[dict] = []

    def visit(row: dict, depth: int = 0) -> None:
        if row["id"] in done or depth > len(rows):
            return
        parent = by_id.get(row["parent_id"] or "")
        if parent is not None:
            visit(parent, depth + 1)
        done.add(row["id"])
        ordered.append(row)

    for row in rows:
        visit(row)
    return ordered
