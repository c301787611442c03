"""Writing many rows at once (the demo generator, large imports).

PlanStore's methods make one transaction per user action, which is right for
the window but far too slow for 200,000 rows: each commit is an fsync. Here
all rows go in inside ONE transaction, so a failure leaves the file exactly
as it was. Rows are written with ``executemany`` on one prepared INSERT per
table: sqlite-utils' insert_all rebuilds its SQL per batch and took twice as
long for 200,000 updates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner_gui.domain.errors import ValidationError
from planner_gui.store.connection import transaction
from planner_gui.store.database import PlanDatabase
from planner_gui.store.schema import TABLES

# Parents before children, so the foreign keys hold row by row.
INSERT_ORDER = ("area", "task", "indicator", "milestone", "progress_update")


def insert_rows(db: PlanDatabase, tables: Mapping[str, Iterable[dict]]) -> dict[str, int]:
    """Insert ready-made rows (already in stored form: ISO dates, JSON text,
    0/1 flags) into the plan tables in one transaction; returns rows written
    per table. Task rows must come parents first."""
    unknown = [name for name in tables if name not in TABLES or name == "plan"]
    if unknown:
        raise ValidationError("table", f"cannot bulk-insert into {', '.join(unknown)}")
    written: dict[str, int] = {}
    with transaction(db):
        for name in INSERT_ORDER:
            if name not in tables:
                continue
            written[name] = _insert_all(db, name, tables[name])
    return written


def _insert_all(db: PlanDatabase, table: str, rows: Iterable[dict]) -> int:
    rows = list(rows)
    if not rows:
        return 0
    columns = list(rows[0])
    known = {c.name for c in db[table].columns}
    strange = [c for c in columns if c not in known]
    if strange:
        raise ValidationError(table, f"has no column {', '.join(strange)}")
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    try:
        values = [tuple(row[c] for c in columns) for row in rows]
    except KeyError as exc:
        raise ValidationError(table, f"a row lacks the column {exc.args[0]}") from None
    db.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
    return len(values)
