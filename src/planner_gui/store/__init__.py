"""Storage: one SQLite file holds one plan (sqlite-utils; schema by version)."""

from planner_gui.store.repository import PlanStore

__all__ = ["PlanStore"]
