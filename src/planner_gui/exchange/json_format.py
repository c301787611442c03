"""The planner-gui JSON format, version "planner-gui/1" (docs/json-format.md).

``plan_to_dict`` writes the whole plan; ``plan_from_dict`` reads it back and
names the exact place of anything wrong (``areas[2].tasks[0].due: ...``).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from planner_gui.domain.errors import FormatError, ValidationError
from planner_gui.domain.fields import TASK_FIELDS, TaskField
from planner_gui.domain.model import (
    COMPARATORS,
    Area,
    Indicator,
    Milestone,
    Plan,
    PlanSettings,
    ProgressUpdate,
    Task,
)
from planner_gui.domain.validation import check_count, check_number, check_progress, parse_iso_date
from planner_gui.exchange import input_limits
from planner_gui.replacing import replacing

FORMAT = "planner-gui/1"
MAX_SUBTASK_DEPTH = 20


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


# --- writing -------------------------------------------------------------------


def task_to_dict(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        **{f.key: f.to_json(getattr(task, f.name)) for f in TASK_FIELDS},
        "indicators": [
            {
                "id": i.id, "name": i.name, "unit": i.unit, "comparator": i.comparator,
                "baseline": i.baseline, "target": i.target, "current": i.current, "due": _iso(i.due),
            }
            for i in task.indicators
        ],
        "milestones": [
            {"id": m.id, "title": m.title, "due": _iso(m.due), "done_on": _iso(m.done_on)}
            for m in task.milestones
        ],
        "updates": [
            {
                "id": u.id, "date": _iso(u.date), "progress": u.progress, "text": u.text,
                "problems": u.problems, "next_steps": u.next_steps, "reporter": u.reporter,
                "highlight": u.highlight, "readings": dict(u.readings),
            }
            for u in sorted(task.updates, key=lambda u: u.date)
        ],
        "subtasks": [task_to_dict(s) for s in task.subtasks],
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "year": plan.year,
            "declared_areas": plan.declared_areas,
            "declared_tasks": plan.declared_tasks,
            "source": plan.source,
            "settings": asdict(plan.settings),
        },
        "areas": [
            {
                "id": a.id, "name": a.name, "description": a.description, "weight": a.weight,
                "tasks": [task_to_dict(t) for t in a.tasks],
            }
            for a in plan.areas
        ],
    }


def dumps(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def dump(plan: Plan, stream: TextIO) -> None:
    """What :func:`dumps` gives, written in pieces: with an indent, json builds the text from
    millions of small pieces in Python, and for a city's plan (117 MB of text) the pieces and
    the text took 875 MB at once."""
    pieces: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(plan_to_dict(plan)):
        pieces.append(piece)
        if len(pieces) >= 20_000:
            stream.write("".join(pieces))
            pieces.clear()
    pieces.append("\n")
    stream.write("".join(pieces))


def write_file(plan: Plan, path: Path | str) -> None:
    """Write the plan as JSON; through a temporary file, so a failure never
    leaves half a file under the real name (window and command line alike)."""
    with replacing(Path(path)) as partial, partial.open("w", encoding="utf-8") as out:
        dump(plan, out)


# --- reading -------------------------------------------------------------------


class _Reader:
    """Reads one JSON object, naming its place in every error."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise FormatError(where or "top level", "must be an object")
        self.data = data
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise FormatError(self.at(key), "is missing")
            return ""
        if not isinstance(value, str):
            raise FormatError(self.at(key), "must be text")
        if required and not value.strip():
            raise FormatError(self.at(key), "must not be empty")
        return value

    def id(self) -> dict[str, str]:
        value = self.data.get("id")
        if value is None:
            return {}
        if not isinstance(value, str) or not value.strip():
            raise FormatError(self.at("id"), "must be non-empty text")
        return {"id": value}

    def date(self, key: str) -> Any:
        try:
            return parse_iso_date(self.data.get(key), self.at(key))
        except ValidationError as exc:
            raise FormatError(self.at(key), exc.reason) from None

    def number(self, key: str) -> float | None:
        try:
            return check_number(self.data.get(key), self.at(key))
        except ValidationError as exc:
            raise FormatError(self.at(key), exc.reason) from None

    def progress(self, key: str) -> float | None:
        try:
            return check_progress(self.data.get(key), self.at(key))
        except ValidationError as exc:
            raise FormatError(self.at(key), exc.reason) from None

    def integer(self, key: str, required: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise FormatError(self.at(key), "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(self.at(key), "must be a whole number")
        return value

    def count(self, key: str) -> int | None:
        try:
            return check_count(self.integer(key), self.at(key))
        except ValidationError as exc:
            raise FormatError(self.at(key), exc.reason) from None

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise FormatError(self.at(key), "must be true or false")
        return value

    def weight(self) -> float:
        value = self.number("weight")
        if value is None:
            return 1.0
        if value < 0:
            raise FormatError(self.at("weight"), "must not be negative")
        return value

    def items(self, key: str) -> list[_Reader]:
        value = self.data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise FormatError(self.at(key), "must be a list")
        return [_Reader(item, f"{self.at(key)}[{i}]") for i, item in enumerate(value)]


def _indicator(r: _Reader) -> Indicator:
    comparator = r.data.get("comparator", ">=") or ">="
    if comparator not in COMPARATORS:
        raise FormatError(r.at("comparator"), f"must be one of {', '.join(COMPARATORS)}")
    return Indicator(
        name=r.text("name", required=True), unit=r.text("unit"), comparator=comparator,
        baseline=r.number("baseline"), target=r.number("target"), current=r.number("current"),
        due=r.date("due"), **r.id(),
    )


def _update(r: _Reader) -> ProgressUpdate:
    when = r.date("date")
    if when is None:
        raise FormatError(r.at("date"), "is missing")
    raw = r.data.get("readings") or {}
    if not isinstance(raw, dict):
        raise FormatError(r.at("readings"), "must be an object of indicator name to number")
    readings = {}
    for name, value in raw.items():
        try:
            number = check_number(value, name)
        except ValidationError as exc:
            # the name as JSON writes it: a line break or tab in it stays visible, on one line
            raise FormatError(r.at(f"readings[{json.dumps(name, ensure_ascii=False)}]"), exc.reason) from None
        if number is not None:
            readings[name] = number
    return ProgressUpdate(
        date=when, progress=r.progress("progress"), text=r.text("text"), problems=r.text("problems"),
        next_steps=r.text("next_steps"), reporter=r.text("reporter"), highlight=r.flag("highlight"),
        readings=readings, **r.id(),
    )


def _task_field(r: _Reader, field: TaskField) -> Any:
    """One declared task field read from the file, by its kind."""
    key = field.key
    if field.kind == "title":
        return r.text(key, required=True)
    if field.kind == "text":
        return r.text(key)
    if field.kind == "units":
        units = r.data.get(key) or []
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise FormatError(r.at(key), "must be a list of unit names")
        return list(units)
    if field.kind == "date":
        return r.date(key)
    if field.kind == "flag":
        return r.flag(key)
    if field.kind == "progress":
        return r.progress(key)
    if field.kind == "weight":
        return r.weight()
    raise AssertionError(f"no JSON reading for kind {field.kind!r}")


def _task(r: _Reader, depth: int = 0) -> Task:
    if depth > MAX_SUBTASK_DEPTH:  # real plans nest 2 or 3 levels; this stops a hostile file
        raise FormatError(r.where, f"sub-tasks are nested more than {MAX_SUBTASK_DEPTH} levels deep")
    values = {f.name: _task_field(r, f) for f in TASK_FIELDS}
    start, due = values["start"], values["due"]
    if start and due and due < start:
        raise FormatError(r.at("due"), f"deadline {due} is before the start {start}")
    return Task(
        **values,
        indicators=[_indicator(i) for i in r.items("indicators")],
        milestones=[
            Milestone(title=m.text("title", required=True), due=m.date("due"), done_on=m.date("done_on"), **m.id())
            for m in r.items("milestones")
        ],
        updates=[_update(u) for u in r.items("updates")],
        subtasks=[_task(s, depth + 1) for s in r.items("subtasks")],
        **r.id(),
    )


def _settings(data: Any) -> PlanSettings:
    if data is None:
        return PlanSettings()
    r = _Reader(data, "plan.settings")
    known = {k: v for k, v in r.data.items() if k in PlanSettings.__dataclass_fields__}
    try:
        return PlanSettings(**known)
    except ValidationError as exc:
        raise FormatError(r.at(exc.field), exc.reason) from None
    except TypeError as exc:
        raise FormatError("plan.settings", str(exc)) from None


def plan_from_dict(data: Any) -> Plan:
    """Read a plan in the planner-gui/1 format; FormatError names what is wrong and where."""
    top = _Reader(data, "")
    fmt = data.get("format")
    if fmt != FORMAT:
        raise FormatError("format", f"expected {FORMAT!r}, found {fmt!r}")
    info = _Reader(data.get("plan"), "plan")
    year = info.integer("year", required=True)
    if year is None or not 1900 <= year <= 2200:
        raise FormatError("plan.year", f"{year} is not a plausible year")
    plan = Plan(
        title=info.text("title", required=True), year=year,
        declared_areas=info.count("declared_areas"), declared_tasks=info.count("declared_tasks"),
        source=info.text("source"), settings=_settings(info.data.get("settings")), **info.id(),
    )
    for area in top.items("areas"):
        plan.areas.append(
            Area(
                name=area.text("name", required=True), description=area.text("description"),
                weight=area.weight(), tasks=[_task(t) for t in area.items("tasks")], **area.id(),
            )
        )
    _check_unique_ids(plan)
    return plan


def _check_unique_ids(plan: Plan) -> None:
    seen: set[str] = set()

    def claim(kind: str, item_id: str) -> None:
        if item_id in seen:
            raise FormatError(kind, f"id {item_id} is used twice")
        seen.add(item_id)

    for area in plan.areas:
        claim("area", area.id)
        for task in area.walk_tasks():
            claim("task", task.id)
            for child in (*task.indicators, *task.milestones, *task.updates):
                claim(type(child).__name__.lower(), child.id)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def loads(text: str, source: str = "") -> Plan:
    return _plan_of(_parsed(text, source), source)


def _parsed(text: str, source: str) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(source, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:  # e.g. [[[[... 100,000 deep: a hostile or broken file
        raise FormatError(source, "is nested too deeply to be a plan") from None
    except ValueError:  # Python reads integers of at most 4,300 digits
        raise FormatError(source, "has a number of more than 4,300 digits; no plan figure is that long") from None
    try:
        # "\ud800" escapes decode to lone surrogates, which no file or database can hold (checked
        # only when the text has such an escape: the check copies the whole plan, 117 MB for a city)
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError(source, "contains text that is not valid Unicode (a lone \\ud800-style escape)") from None
    except RecursionError:
        raise FormatError(source, "is nested too deeply to be a plan") from None
    return data


def _plan_of(data: Any, source: str) -> Plan:
    try:
        return plan_from_dict(data)
    except RecursionError:
        raise FormatError(source, "has sub-tasks nested too deeply to be a plan") from None
    except FormatError as exc:
        if source:
            raise FormatError(f"{source}: {exc.where}" if exc.where else source, exc.reason) from None
        raise


def read_file(path: Path | str) -> Plan:
    path = Path(path)
    raw = input_limits.read_input(path, input_limits.MAX_JSON_BYTES)  # no FIFO, device or /dev/zero
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(str(path), "is not UTF-8 text") from None
    del raw
    data = _parsed(text, str(path))
    # The text is not needed once parsed: not holding it while the plan is made keeps a city's
    # import under 500 MB (the text is 117 MB, the parsed dicts and the plan as much again each).
    del text
    return _plan_of(data, str(path))
