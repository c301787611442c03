"""Storage: one SQLite file holds one plan (sqlite-utils; schema by version)."""

from planner_gui.store.sqlite_utils_import import import_sqlite_utils

import_sqlite_utils()  # first, before any module of the store imports it (see there why)

from planner_gui.store.repository import PlanStore  # noqa: E402 - after the import above

__all__ = ["PlanStore"]
