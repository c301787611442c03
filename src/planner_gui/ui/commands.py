"""Undoable edits. Every change the window makes goes through one of these
QUndoCommands, pushed on the window's QUndoStack: redo() and undo() both
write to the plan file at once (the store commits before returning), so
undo reaches the database too.

After each redo/undo the command tells ``PlanEvents`` what changed, and the
tree, editor and chart refresh just that.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from planner_gui.domain.model import Area, Indicator, Milestone, ProgressUpdate, Task
from planner_gui.store import PlanStore
from planner_gui.store.rows import convert_fields

translate = QCoreApplication.translate


def _named(label: str, name: str) -> str:
    """An undo/redo text with the item's name in %1 (user text, put in as is)."""
    return label.replace("%1", name)


# QUndoCommand.id() of an add and of the naming that follows it: naming a new
# area or task right after adding it merges into the add (one undo step).
NAMING = 1


class PlanEvents(QObject):
    """What changed in the plan file, for views to refresh."""

    # table ("task", "area", "indicator", "milestone", "plan"), item id
    item_changed = Signal(str, str)
    # a task's history changed (update added or removed): task id
    updates_changed = Signal(str)
    # areas or tasks were added, removed or moved: refresh the tree's structure
    structure_changed = Signal()
    # tasks were added to, removed from or moved between these areas (a list of
    # area ids): only those areas' rows and figures need making again
    tasks_restructured = Signal(list)
    # the whole plan was replaced (import, restore, file changed by another process)
    plan_reset = Signal()
    # the whole content was put back by an undo step (an import undone or redone):
    # views re-read everything, but the undo history stays
    content_replaced = Signal()


class EditFieldsCommand(QUndoCommand):
    """Change fields of a task, area, indicator or milestone."""

    def __init__(
        self, store: PlanStore, events: PlanEvents, table: str, item_id: str,
        fields: dict[str, object], text: str,
    ) -> None:
        super().__init__(text)
        self.store, self.events = store, events
        self.table, self.item_id, self.new = table, item_id, dict(fields)
        # Validate now, so that a wrong value is refused before the command is pushed.
        convert_fields(table, self.new)
        # the values before the change, as edit() returns them at the first redo
        # (reading them here as well cost a query of every edit)
        self.old: dict[str, object] | None = None

    def id(self) -> int:  # noqa: A003 - Qt API
        names = self.table in ("task", "area") and set(self.new) <= {"title", "name"}
        return NAMING if names else -1

    def redo(self) -> None:
        old = self.store.edit(self.table, self.item_id, **self.new)
        if self.old is None:
            self.old = old
        self.events.item_changed.emit(self.table, self.item_id)

    def undo(self) -> None:
        assert self.old is not None, "undo before redo"
        self.store.edit(self.table, self.item_id, **self.old)
        self.events.item_changed.emit(self.table, self.item_id)


class EditPlanCommand(QUndoCommand):
    """Change the plan's own fields or its settings."""

    def __init__(self, store: PlanStore, events: PlanEvents, text: str, *,
                 fields: dict[str, object] | None = None, settings: object = None) -> None:
        super().__init__(text)
        self.store, self.events = store, events
        info = store.plan_info()
        self.new_fields = dict(fields or {})
        self.old_fields = {k: getattr(info, k) for k in self.new_fields}
        self.new_settings, self.old_settings = settings, info.settings

    def _apply(self, fields: dict[str, object], settings: object) -> None:
        if fields:
            self.store.update_plan(**fields)
        if settings is not None:
            self.store.update_settings(settings)  # type: ignore[arg-type]
        self.events.item_changed.emit("plan", "")

    def redo(self) -> None:
        self._apply(self.new_fields, self.new_settings)

    def undo(self) -> None:
        self._apply(self.old_fields, self.old_settings if self.new_settings is not None else None)


class AddUpdateCommand(QUndoCommand):
    """Append a progress update; undo removes it and restores indicator values."""

    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str, update: ProgressUpdate) -> None:
        super().__init__(translate("Commands", "Add progress update"))
        self.store, self.events, self.task_id, self.update = store, events, task_id, update
        task = store.get_task(task_id)
        self.currents = {i.id: i.current for i in task.indicators}

    def redo(self) -> None:
        self.store.add_update(self.task_id, copy.deepcopy(self.update))
        self.events.updates_changed.emit(self.task_id)

    def undo(self) -> None:
        self.store.delete_update(self.update.id)
        for indicator_id, value in self.currents.items():
            self.store.edit("indicator", indicator_id, current=value)
        self.events.updates_changed.emit(self.task_id)


class AddTaskCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, task: Task, area_id: str,
                 parent_id: str | None = None, position: int | None = None) -> None:
        super().__init__(_named(translate("Commands", "Add task %1"), task.title))
        self.store, self.events = store, events
        self.task, self.area_id, self.parent_id, self.position = task, area_id, parent_id, position

    def id(self) -> int:  # noqa: A003 - Qt API
        return NAMING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Naming the new task is part of adding it: undo removes it, redo adds it named."""
        if not (isinstance(other, EditFieldsCommand) and other.table == "task" and other.item_id == self.task.id):
            return False
        self.task.title = str(other.new["title"])
        self.setText(_named(translate("Commands", "Add task %1"), self.task.title))
        return True

    def redo(self) -> None:
        self.store.add_task(copy.deepcopy(self.task), self.area_id, self.parent_id, self.position)
        self.events.tasks_restructured.emit([self.area_id])

    def undo(self) -> None:
        self.store.delete_task(self.task.id)
        self.events.tasks_restructured.emit([self.area_id])


class DeleteTaskCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str) -> None:
        super().__init__(translate("Commands", "Delete task"))
        self.store, self.events, self.task_id = store, events, task_id
        self.removed: tuple[Task, str, str | None, int] | None = None

    def redo(self) -> None:
        self.removed = self.store.delete_task(self.task_id)
        self.setText(_named(translate("Commands", "Delete task %1"), self.removed[0].title))
        self.events.tasks_restructured.emit([self.removed[1]])

    def undo(self) -> None:
        assert self.removed is not None
        task, area_id, parent_id, position = self.removed
        self.store.add_task(copy.deepcopy(task), area_id, parent_id, position)
        self.events.tasks_restructured.emit([area_id])


class MoveTaskCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str, area_id: str,
                 parent_id: str | None, position: int | None) -> None:
        super().__init__(translate("Commands", "Move task"))
        self.store, self.events, self.task_id = store, events, task_id
        self.target = (area_id, parent_id, position)
        self.origin: tuple[str, str | None, int] | None = None

    def redo(self) -> None:
        self.origin = self.store.move_task(self.task_id, *self.target)
        self.events.tasks_restructured.emit(self._areas())

    def undo(self) -> None:
        assert self.origin is not None
        self.store.move_task(self.task_id, *self.origin)
        self.events.tasks_restructured.emit(self._areas())

    def _areas(self) -> list[str]:
        assert self.origin is not None
        return list(dict.fromkeys((self.origin[0], self.target[0])))  # from and to, once each


class AddAreaCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, area: Area, position: int | None = None) -> None:
        super().__init__(_named(translate("Commands", "Add area %1"), area.name))
        self.store, self.events, self.area, self.position = store, events, area, position

    def id(self) -> int:  # noqa: A003 - Qt API
        return NAMING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not (isinstance(other, EditFieldsCommand) and other.table == "area" and other.item_id == self.area.id):
            return False
        self.area.name = str(other.new["name"])
        self.setText(_named(translate("Commands", "Add area %1"), self.area.name))
        return True

    def redo(self) -> None:
        self.store.add_area(copy.deepcopy(self.area), self.position)
        self.events.structure_changed.emit()

    def undo(self) -> None:
        self.store.delete_area(self.area.id)
        self.events.structure_changed.emit()


class DeleteAreaCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, area_id: str) -> None:
        super().__init__(translate("Commands", "Delete area"))
        self.store, self.events, self.area_id = store, events, area_id
        self.removed: tuple[Area, int] | None = None

    def redo(self) -> None:
        self.removed = self.store.delete_area(self.area_id)
        self.setText(_named(translate("Commands", "Delete area %1"), self.removed[0].name))
        self.events.structure_changed.emit()

    def undo(self) -> None:
        assert self.removed is not None
        area, position = self.removed
        self.store.add_area(copy.deepcopy(area), position)
        self.events.structure_changed.emit()


class MoveAreaCommand(QUndoCommand):
    def __init__(self, store: PlanStore, events: PlanEvents, area_id: str, position: int) -> None:
        super().__init__(translate("Commands", "Move area"))
        self.store, self.events, self.area_id, self.position = store, events, area_id, position
        self.old_position: int | None = None

    def redo(self) -> None:
        self.old_position = self.store.move_area(self.area_id, self.position)
        self.events.structure_changed.emit()

    def undo(self) -> None:
        assert self.old_position is not None
        self.store.move_area(self.area_id, self.old_position)
        self.events.structure_changed.emit()


class _AddPartCommand(QUndoCommand):
    """Add an indicator or milestone to a task (subclasses name which)."""

    table = ""

    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str, item: Indicator | Milestone,
                 label: str) -> None:
        super().__init__(label)
        self.store, self.events, self.task_id, self.item = store, events, task_id, item
        self.position: int | None = None

    def redo(self) -> None:
        self.store.add_part(self.table, self.task_id, copy.deepcopy(self.item), self.position)
        self.events.item_changed.emit("task", self.task_id)

    def undo(self) -> None:
        _, _, self.position = self.store.delete_part(self.table, self.item.id)
        self.events.item_changed.emit("task", self.task_id)


class _DeletePartCommand(QUndoCommand):
    """Remove an indicator or milestone; undo puts it back in its place."""

    table = ""

    def __init__(self, store: PlanStore, events: PlanEvents, item_id: str, label: str) -> None:
        super().__init__(label)
        self.store, self.events, self.item_id = store, events, item_id
        self.removed: tuple[Indicator | Milestone, str, int] | None = None

    def redo(self) -> None:
        self.removed = self.store.delete_part(self.table, self.item_id)
        self.events.item_changed.emit("task", self.removed[1])

    def undo(self) -> None:
        assert self.removed is not None
        item, task_id, position = self.removed
        self.store.add_part(self.table, task_id, copy.deepcopy(item), position)
        self.events.item_changed.emit("task", task_id)


class AddIndicatorCommand(_AddPartCommand):
    table = "indicator"

    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str, indicator: Indicator) -> None:
        super().__init__(store, events, task_id, indicator, _named(translate("Commands", "Add indicator %1"), indicator.name))
        self.indicator = indicator


class DeleteIndicatorCommand(_DeletePartCommand):
    table = "indicator"

    def __init__(self, store: PlanStore, events: PlanEvents, indicator_id: str) -> None:
        super().__init__(store, events, indicator_id, translate("Commands", "Delete indicator"))


class AddMilestoneCommand(_AddPartCommand):
    table = "milestone"

    def __init__(self, store: PlanStore, events: PlanEvents, task_id: str, milestone: Milestone) -> None:
        super().__init__(store, events, task_id, milestone, _named(translate("Commands", "Add milestone %1"), milestone.title))
        self.milestone = milestone


class DeleteMilestoneCommand(_DeletePartCommand):
    table = "milestone"

    def __init__(self, store: PlanStore, events: PlanEvents, milestone_id: str) -> None:
        super().__init__(store, events, milestone_id, translate("Commands", "Delete milestone"))


class ReplaceContentCommand(QUndoCommand):
    """An import (ledger, filled form, plan JSON) as one undo step.

    The import itself has run before the command is pushed (its errors are
    reported by the import's own dialog), so the first redo does nothing.
    ``before`` is an in-memory copy of the file taken just before the import;
    each step swaps it with the file's current content, so undo puts back the
    plan exactly as it was and redo the plan exactly as imported, whatever
    the import touched, and only one copy is held at a time.
    """

    def __init__(self, store: PlanStore, events: PlanEvents, before: PlanStore, text: str) -> None:
        super().__init__(text)
        self.store, self.events, self.saved = store, events, before
        self.first = True

    def _swap(self) -> None:
        from planner_gui.store.backups import put_content
        from planner_gui.store.ledger_apply import memory_copy

        current = memory_copy(self.store)
        put_content(self.store, self.saved.db.conn)
        self.saved.close()
        self.saved = current
        self.events.content_replaced.emit()

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self._swap()

    def undo(self) -> None:
        self._swap()
