"""Importing plan JSON, replacing the whole plan: `planner-cli import-json`
and File > Import/Export > Plan JSON call these two, so the steps exist once.
The window asks between them and makes the import one undo step."""

from __future__ import annotations

from pathlib import Path

from planner_gui.domain.model import Plan
from planner_gui.exchange import json_format
from planner_gui.store import PlanStore
from planner_gui.store.backups import Backup, backup_before_import


def prepare(source: Path | str) -> Plan:
    """Read and check the JSON file; nothing is changed yet."""
    return json_format.read_file(source)


def apply(store: PlanStore, plan: Plan) -> Backup:
    """Back up the open plan (data folder, rotated), then replace it with `plan`."""
    backup = backup_before_import(store)
    store.replace_plan(plan)
    return backup
