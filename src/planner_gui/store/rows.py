"""Conversion between domain objects and table rows.

Dates are stored as YYYY-MM-DD text, lists and dicts as JSON text, booleans
as 0/1. Each table lists the fields a user may edit; anything else is refused.
The checks are the domain's (domain/fields.py); a task's fields come from its
declarations there.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from planner_gui.domain import fields as domain_fields
from planner_gui.domain.errors import ValidationError
from planner_gui.domain.fields import (
    KINDS,
    TASK_FIELDS,
    comparator_value,
    count_value,
    date_value,
    from_iso,
    iso,
    text_value,
    title_value,
    weight_value,
    year_value,
)
from planner_gui.domain.model import (
    Area,
    Indicator,
    Milestone,
    PlanSettings,
    ProgressUpdate,
    Task,
)
from planner_gui.domain.validation import check_number, check_progress

__all__ = ["from_iso", "iso"]  # the editor and importers still read dates through here

_text = text_value

# field -> converter from a Python value to the stored value, per table
EDITABLE: dict[str, dict[str, Any]] = {
    "plan": {
        "title": title_value,
        "year": year_value,
        "declared_areas": count_value,
        "declared_tasks": count_value,
        "source": text_value,
    },
    "area": {"name": title_value, "description": text_value, "weight": weight_value},
    "task": {f.name: KINDS[f.kind].to_row for f in TASK_FIELDS if f.editable},
    "indicator": {
        "name": title_value,
        "unit": text_value,
        "comparator": comparator_value,
        "baseline": check_number,
        "target": check_number,
        "current": check_number,
        "due": date_value,
    },
    "milestone": {"title": title_value, "due": date_value, "done_on": date_value},
}


def convert_fields(table: str, fields: dict[str, object]) -> dict[str, object]:
    """Validate user-editable fields of ``table`` and convert them for storage."""
    allowed = EDITABLE[table]
    out: dict[str, object] = {}
    for name, value in fields.items():
        if name not in allowed:
            raise ValidationError(name, f"is not an editable field of {table}")
        out[name] = allowed[name](value, name)
    return out


def stored_to_python(table: str, field: str, value: object) -> object:
    """A stored value back to what convert_fields accepts (for undo)."""
    return domain_fields.stored_to_python(field, value) if table == "task" else value


# --- rows to objects -------------------------------------------------------


def settings_from_json(text: str) -> PlanSettings:
    data = json.loads(text or "{}")
    known = {k: v for k, v in data.items() if k in PlanSettings.__dataclass_fields__}
    return PlanSettings(**known)


def settings_to_json(settings: PlanSettings) -> str:
    return json.dumps(asdict(settings), ensure_ascii=False)


def area_from_row(row: dict) -> Area:
    return Area(id=row["id"], name=row["name"], description=row["description"], weight=row["weight"])


def task_from_row(row: dict) -> Task:
    return Task(id=row["id"], **{f.name: f.from_row(row.get(f.name)) for f in TASK_FIELDS})


def indicator_from_row(row: dict) -> Indicator:
    return Indicator(
        id=row["id"],
        name=row["name"],
        unit=row["unit"],
        comparator=row["comparator"],
        baseline=row["baseline"],
        target=row["target"],
        current=row["current"],
        due=from_iso(row["due"]),
    )


def milestone_from_row(row: dict) -> Milestone:
    return Milestone(
        id=row["id"], title=row["title"], due=from_iso(row["due"]), done_on=from_iso(row["done_on"])
    )


def update_from_row(row: dict) -> ProgressUpdate:
    return ProgressUpdate(
        id=row["id"],
        date=date.fromisoformat(row["date"]),
        progress=row["progress"],
        text=row["text"],
        problems=row["problems"],
        next_steps=row["next_steps"],
        reporter=row["reporter"],
        highlight=bool(row["highlight"]),
        readings=json.loads(row["readings"] or "{}"),
    )


# --- objects to rows -------------------------------------------------------


def task_row(task: Task, area_id: str, parent_id: str | None, position: int) -> dict:
    row = {f.name: f.to_row(getattr(task, f.name)) for f in TASK_FIELDS}
    row.update(id=task.id, area_id=area_id, parent_id=parent_id, position=position)
    return row


def indicator_row(ind: Indicator, task_id: str, position: int) -> dict:
    row = convert_fields(
        "indicator",
        {
            "name": ind.name,
            "unit": ind.unit,
            "comparator": ind.comparator,
            "baseline": ind.baseline,
            "target": ind.target,
            "current": ind.current,
            "due": ind.due,
        },
    )
    row.update(id=ind.id, task_id=task_id, position=position)
    return row


def milestone_row(ms: Milestone, task_id: str, position: int) -> dict:
    row = convert_fields("milestone", {"title": ms.title, "due": ms.due, "done_on": ms.done_on})
    row.update(id=ms.id, task_id=task_id, position=position)
    return row


def update_row(upd: ProgressUpdate, task_id: str, created: str) -> dict:
    readings = {}
    for name, value in upd.readings.items():
        number = check_number(value, f"reading {name}")
        if number is not None:
            readings[str(name)] = number
    if not isinstance(upd.date, date):
        raise ValidationError("date", "an update needs a date")
    return {
        "id": upd.id,
        "task_id": task_id,
        "date": upd.date.isoformat(),
        "progress": check_progress(upd.progress),
        "text": _text(upd.text, "text"),
        "problems": _text(upd.problems, "problems"),
        "next_steps": _text(upd.next_steps, "next_steps"),
        "reporter": _text(upd.reporter, "reporter"),
        "highlight": int(bool(upd.highlight)),
        # most updates carry no readings: their "{}" without a call to json (200,000 at a city's size)
        "readings": json.dumps(readings, ensure_ascii=False) if readings else "{}",
        "created": created,
    }
