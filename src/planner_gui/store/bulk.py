"""Writing many rows at once (the demo generator, large imports).

PlanStore's methods make one transaction per user action, which is right for
the window but far too slow for 200,000 rows: each commit is an fsync. Here
all rows go in through sqlite-utils ``insert_all`` inside ONE transaction, so
a failure leaves the file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

from planner_gui.domain.errors import ValidationError
from planner_gui.store.connection import transaction
from planner_gui.store.schema import TABLES

# Parents before children, so the foreign keys hold row by row.
INSERT_ORDER = ("area", "task", "indicator", "milestone", "progress_update")
BATCH_SIZE = 2000


def insert_rows(db: sqlite_utils.Database, tables: Mapping[str, Iterable[dict]]) -> dict[str, int]:
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
            batch = list(tables[name])
            if batch:
                db[name].insert_all(batch, batch_size=BATCH_SIZE)
            written[name] = len(batch)
    return written
