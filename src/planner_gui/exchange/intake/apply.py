"""Reading a document file and adding a (checked) proposal to a plan file.

Shared by ``planner-cli import-text`` and the window's import dialog, so both
read files and match areas the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.domain.model import Area, Plan
from planner_gui.exchange import input_limits
from planner_gui.store import PlanStore
from planner_gui.store.connection import transaction

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(raw: bytes, source: object) -> str:
    """UTF-8 (with or without BOM), GB18030, or UTF-16 with a BOM (Notepad's "Unicode");
    BadFileError for anything else."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise BadFileError(source, "is not readable UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise BadFileError(source, "is not a text file (it holds binary data)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:8192])) > max(2, len(text[:8192]) // 100):
            break
        return text
    raise BadFileError(source, "is not a text file in UTF-8 or GB18030")


def read_text_file(path: Path | str) -> str:
    path = Path(path)
    return decode_text(input_limits.read_input(path), path)  # no FIFO, device or endless file


def area_key(name: str) -> str:
    """Area names compared without spaces, quotes and punctuation."""
    return re.sub(r"[\s“”\"'‘’，,。、；;：:]", "", name)


def matching_area_id(plan: Plan, name: str) -> str | None:
    key = area_key(name)
    return next((a.id for a in plan.areas if area_key(a.name) == key), None)


@dataclass
class AddResult:
    areas_added: int = 0
    areas_reused: int = 0
    tasks_added: int = 0
    # tasks left out because the area already has a task with the same title
    tasks_already_there: int = 0
    # what was added, so that it can be taken out again (undo)
    added_area_ids: list[str] = field(default_factory=list)
    added_task_ids: list[str] = field(default_factory=list)


def add_proposal(store: PlanStore, proposed: Plan) -> AddResult:
    """Add the proposed areas and tasks to the plan in ``store``, in one transaction.

    An area whose name matches an existing one gets the new tasks at its end
    (a task whose title that area already has is left out, so importing the
    same text twice adds nothing); other areas are added after the existing ones.
    """
    existing = store.load_plan()
    result = AddResult()
    with transaction(store.db):
        for area in proposed.areas:
            if not area.tasks:
                continue
            area_id = matching_area_id(existing, area.name)
            if area_id is None:
                store.add_area(Area(name=area.name, description=area.description, tasks=list(area.tasks), id=area.id))
                result.areas_added += 1
                result.added_area_ids.append(area.id)
                result.tasks_added += len(area.tasks)
            else:
                titles = {t.title for a in existing.areas if a.id == area_id for t in a.tasks}
                for task in area.tasks:
                    if task.title in titles:
                        result.tasks_already_there += 1
                        continue
                    store.add_task(task, area_id)
                    result.tasks_added += 1
                    result.added_task_ids.append(task.id)
                result.areas_reused += 1
    return result


def remove_added(store: PlanStore, result: AddResult) -> None:
    """Take out what :func:`add_proposal` added (undo), in one transaction."""
    with transaction(store.db):
        for task_id in reversed(result.added_task_ids):
            store.delete_task(task_id)
        for area_id in reversed(result.added_area_ids):
            store.delete_area(area_id)


def new_plan_from(proposed: Plan) -> Plan:
    """The plan for a new file: the proposal without empty areas."""
    return Plan(
        title=proposed.title, year=proposed.year, declared_areas=proposed.declared_areas,
        declared_tasks=proposed.declared_tasks, source=proposed.source,
        areas=[a for a in proposed.areas if a.tasks], id=proposed.id,
    )
