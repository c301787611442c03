"""Conversion between domain objects and table rows.

Dates are stored as YYYY-MM-DD text, lists and dicts as JSON text, booleans
as 0/1. Each table lists the fields a user may edit; anything else is refused.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.model import (
    COMPARATORS,
    Area,
    Indicator,
    Milestone,
    PlanSettings,
    ProgressUpdate,
    Task,
)
from planner_gui.domain.validation import (
    check_count,
    check_number,
    check_progress,
    check_text,
    check_title,
    parse_iso_date,
)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _text(value: object, field: str) -> str:
    return check_text(value, field)


def _flag(value: object, field: str) -> int:
    if isinstance(value, bool) or value in (0, 1):
        return int(bool(value))
    raise ValidationError(field, "must be true or false")


def _weight(value: object, field: str) -> float:
    number = check_number(value, field)
    if number is None or number < 0:
        raise ValidationError(field, "must be a number of 0 or more")
    return number


def _co_units(value: object, field: str) -> str:
    if isinstance(value, str):
        value = [part.strip() for part in value.replace("，", ",").replace("、", ",").split(",")]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValidationError(field, "must be a list of unit names")
    return json.dumps([v for v in value if v], ensure_ascii=False)


def _comparator(value: object, field: str) -> str:
    if value not in COMPARATORS:
        raise ValidationError(field, f"must be one of {', '.join(COMPARATORS)}")
    return str(value)


def _date(value: object, field: str) -> str | None:
    return iso(parse_iso_date(value, field))


# field -> converter from a Python value to the stored value, per table
EDITABLE: dict[str, dict[str, Any]] = {
    "plan": {
        "title": check_title,
        "year": lambda v, f: _year(v, f),
        "declared_areas": lambda v, f: _count(v, f),
        "declared_tasks": lambda v, f: _count(v, f),
        "source": _text,
    },
    "area": {"name": lambda v, f: check_title(v, f), "description": _text, "weight": _weight},
    "task": {
        "title": lambda v, f: check_title(v, f),
        "description": _text,
        "leader": _text,
        "lead_unit": _text,
        "co_units": _co_units,
        "start": _date,
        "due": _date,
        "deadline_text": _text,
        "municipal": _flag,
        "source": _text,
        "source_text": _text,
        "progress": check_progress,
        "done_on": _date,
        "weight": _weight,
    },
    "indicator": {
        "name": lambda v, f: check_title(v, f),
        "unit": _text,
        "comparator": _comparator,
        "baseline": check_number,
        "target": check_number,
        "current": check_number,
        "due": _date,
    },
    "milestone": {"title": lambda v, f: check_title(v, f), "due": _date, "done_on": _date},
}


def _year(value: object, field: str) -> int:
    try:
        year = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, f"{value!r} is not a year") from None
    if not 1900 <= year <= 2200:
        raise ValidationError(field, f"{year} is not a plausible year")
    return year


def _count(value: object, field: str) -> int | None:
    return check_count(value, field)  # SQLite's INTEGER ends at 2**63; no plan declares 100,001


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
    if field == "co_units":
        return json.loads(value) if value else []  # type: ignore[arg-type]
    if field == "municipal":
        return bool(value)
    return value


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
    return Task(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        leader=row["leader"],
        lead_unit=row["lead_unit"],
        co_units=json.loads(row["co_units"] or "[]"),
        start=from_iso(row["start"]),
        due=from_iso(row["due"]),
        deadline_text=row.get("deadline_text") or "",
        municipal=bool(row["municipal"]),
        source=row.get("source") or "",
        source_text=row["source_text"],
        progress=row["progress"],
        done_on=from_iso(row["done_on"]),
        weight=row["weight"],
    )


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
    row = convert_fields(
        "task",
        {
            "title": task.title,
            "description": task.description,
            "leader": task.leader,
            "lead_unit": task.lead_unit,
            "co_units": task.co_units,
            "start": task.start,
            "due": task.due,
            "deadline_text": task.deadline_text,
            "municipal": task.municipal,
            "source": task.source,
            "source_text": task.source_text,
            "progress": task.progress,
            "done_on": task.done_on,
            "weight": task.weight,
        },
    )
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
