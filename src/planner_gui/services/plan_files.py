"""Operations on whole plan files, shared by the command line and the window."""

from __future__ import annotations

from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.domain.model import Plan
from planner_gui.exchange import json_format
from planner_gui.paths import default_db_path
from planner_gui.resources_path import bundled_plan_path
from planner_gui.store import PlanStore
from planner_gui.store.connection import is_replaceable_stub


def bundled_plan() -> Plan:
    """The plan the program ships with (丰台区2024年度重点工作任务)."""
    return json_format.read_file(bundled_plan_path())


def empty_plan(year: int, title: str | None = None) -> Plan:
    return Plan(title=title or f"{year}年度重点工作任务", year=year)


def init_file(path: Path | str, *, empty: bool = False, year: int | None = None) -> PlanStore:
    """Create a new plan file from the bundled plan, or an empty plan."""
    path = Path(path)
    if path.exists() and not is_replaceable_stub(path):  # an empty or plan-less file may go
        raise BadFileError(path, "already exists; choose another file name")
    if empty:
        from datetime import date

        plan = empty_plan(year or date.today().year)
    else:
        plan = bundled_plan()
    return PlanStore.create(path, plan)


def open_or_create(path: Path | str | None) -> PlanStore:
    """Open a plan file for the window (with today's daily backup); a file
    that does not exist yet is made from the bundled plan.

    Without a path, the user's file in the application-data folder is used.
    """
    if path is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    path = Path(path)
    if not path.exists() or is_replaceable_stub(path):  # e.g. left by a killed first start
        return init_file(path)
    return PlanStore.open(path, daily_backup=True)
