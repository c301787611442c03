"""Importing a plan document's text: `planner-cli import-text` and File > Import >
From document text… call these, so the steps exist once.

:func:`prepare` reads the text into a proposal and changes nothing; :func:`apply`
backs the plan up (store.backups.backup_before_import, the one import backup) and adds the proposal
in one transaction; :func:`create` makes a new plan file of it instead. The
window lets the user correct the proposal between the two and makes the addition
one undo step (:func:`add_proposal` again on redo, :func:`remove_added` on undo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner_gui.domain.model import Area, Plan
from planner_gui.exchange.intake.apply import matching_area_id, new_plan_from, read_text_file
from planner_gui.store import PlanStore
from planner_gui.store.backups import backup_before_import
from planner_gui.store.connection import transaction

if TYPE_CHECKING:
    from planner_gui.exchange.intake.parse import Proposal


@dataclass
class TextPreview:
    """What the text proposes, and the year of the plan it would go into (None: a new file)."""

    proposal: Proposal
    plan_year: int | None = None

    @property
    def plan(self) -> Plan:
        return self.proposal.plan

    @property
    def other_year(self) -> bool:
        """The text is for another year than the plan it would be added to (the caller says so)."""
        return self.plan_year is not None and self.plan_year != self.plan.year

    def task_count(self) -> int:
        return sum(len(a.tasks) for a in self.plan.areas)


def plan_year_of(path: Path) -> int | None:
    """The year of the plan file at ``path``, or None when there is no plan file there yet."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with PlanStore.open(path) as store:
        return store.plan_info().year


def prepare(text: str, *, year: int | None = None, plan_year: int | None = None,
            source: str | None = None) -> TextPreview:
    """Read ``text`` into a proposal; nothing is written. ``year`` is the one the user named;
    ``plan_year`` (the open plan's) is taken when the text states none."""
    # text intake is loaded only when used, so `planner-cli` starts fast
    from planner_gui.exchange.intake.parse import propose_plan

    proposal = propose_plan(text, year=year, default_year=plan_year)
    if source is not None:
        proposal.plan.source = source
    return TextPreview(proposal, plan_year)


def read_file(file: Path | str) -> str:
    """A text file's text (UTF-8, GB18030 or UTF-16 with a BOM); BadFileError names the file."""
    return read_text_file(file)


def prepare_file(file: Path | str, *, year: int | None = None, plan_year: int | None = None) -> TextPreview:
    """:func:`prepare` for a text file; BadFileError names the file."""
    file = Path(file)
    return prepare(read_file(file), year=year, plan_year=plan_year, source=f"imported from {file.name}")


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


def apply(store: PlanStore, proposed: Plan) -> AddResult:
    """Back up the open plan (data folder, rotated), then add ``proposed`` to it."""
    backup_before_import(store)  # File > Restore from backup can take the import back
    return add_proposal(store, proposed)


def create(path: Path, proposed: Plan) -> Plan:
    """A new plan file at ``path`` holding the proposal (without its empty areas)."""
    plan = new_plan_from(proposed)
    PlanStore.create(path, plan).close()
    return plan


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
