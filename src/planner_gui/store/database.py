"""The plan file's connection, with sqlite-utils loaded only when it is used.

Every change to a plan goes through sqlite-utils (tables, inserts, updates,
migrations). Opening a file and reading a plan need only SQL, and importing
sqlite-utils took 35 ms, plus 60 ms for numpy, which it imports only to map
numpy's number types: a third of a `planner-cli summary` at the bundled plan
and a tenth of the window's start-up (planner_gui/imports.py). ``PlanDatabase`` therefore holds the
plain sqlite3 connection, answers ``execute`` and ``select`` itself, and
becomes a full ``sqlite_utils.Database`` (``db["task"].insert(...)``,
``db.atomic()``, ...) the first time one of those is asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from planner_gui.imports import import_without_numpy

if TYPE_CHECKING:
    import sqlite_utils

class PlanDatabase:
    """An sqlite3 connection that becomes an ``sqlite_utils.Database`` when used as one."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None
        # Called inside every outermost transaction just before it commits, so
        # that what they write commits with the change (planner_gui.sync turns
        # the change into a Y transaction there while a copy is live).
        self.commit_hooks: list[Callable[[PlanDatabase], None]] = []

    @property
    def full(self) -> sqlite_utils.Database:
        if self._full is None:
            # no plugins: what is installed beside sqlite-utils must not change a plan file
            sqlite_utils = import_without_numpy("sqlite_utils")
            self._full = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._full

    def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def select(self, table: str, where: str = "1 = 1", params: Iterable[Any] = (),
               order_by: str | None = None) -> list[dict[str, Any]]:
        """Rows of ``table`` as dicts (what sqlite-utils' rows_where gives).
        ``table``, ``where`` and ``order_by`` are this program's own SQL, never user text."""
        sql = f"SELECT * FROM [{table}] WHERE {where}" + (f" ORDER BY {order_by}" if order_by else "")
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, table: str) -> Any:
        return self.full[table]

    def __getattr__(self, name: str) -> Any:
        # only reached for what this class does not have itself: sqlite-utils' API
        if name.startswith("__") or name in ("conn", "_full", "commit_hooks"):
            raise AttributeError(name)
        return getattr(self.full, name)
