"""Undoable edits. Every change the window makes goes through one of these
QUndoCommands, pushed on the document's QUndoStack: redo() and undo() both
write to the plan file at once (the store commits before returning), so
undo reaches the database too.

Each step works out what it changed (a change of ui/changes.py, returned by
:meth:`PlanCommand.apply` and :meth:`PlanCommand.revert`) and hands it to the
``report`` the document gave the command, so the tree, editor and chart
refresh just that.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner_gui.domain.model import Area, Indicator, Milestone, ProgressUpdate, Task
from planner_gui.store import PlanStore
from planner_gui.store.rows import convert_fields
from planner_gui.ui.changes import (
    Change,
    ContentPutBack,
    ItemEdited,
    OutlineChanged,
    Report,
    TasksMoved,
)

translate = QCoreApplication.translate


def _named(label: str, name: str) -> str:
    """An undo/redo text with the item's name in %1 (user text, put in as is)."""
    return label.replace("%1", name)


# QUndoCommand.id() of an add and of the naming that follows it: naming a new
# area or task right after adding it merges into the add (one undo step).
NAMING = 1


class PlanCommand(QUndoCommand):
    """An undo step that says what it changed: redo() runs :meth:`apply`, undo()
    :meth:`revert`, and the change either returns goes to ``report``."""

    def __init__(self, store: PlanStore, report: Report, text: str) -> None:
        super().__init__(text)
        self.store, self.report = store, report

    def apply(self) -> Change | None:
        """Make the change; what it changed (None: nothing, as a first redo that repeats nothing)."""
        raise NotImplementedError

    def revert(self) -> Change | None:
        """Take the change back; what that changed."""
        raise NotImplementedError

    def redo(self) -> None:
        self._tell(self.apply())

    def undo(self) -> None:
        self._tell(self.revert())

    def _tell(self, change: Change | None) -> None:
        if change is not None:
            self.report(change)


class EditFieldsCommand(PlanCommand):
    """Change fields of a task, area, indicator or milestone."""

    def __init__(
        self, store: PlanStore, report: Report, table: str, item_id: str,
        fields: dict[str, object], text: str,
    ) -> None:
        super().__init__(store, report, text)
        self.table, self.item_id, self.new = table, item_id, dict(fields)
        # Validate now, so that a wrong value is refused before the command is pushed.
        convert_fields(table, self.new)
        # the values before the change, as edit() returns them at the first redo
        # (reading them here as well cost a query of every edit)
        self.old: dict[str, object] | None = None

    def id(self) -> int:  # noqa: A003 - Qt API
        names = self.table in ("task", "area") and set(self.new) <= {"title", "name"}
        return NAMING if names else -1

    def apply(self) -> Change:
        old = self.store.edit(self.table, self.item_id, **self.new)
        if self.old is None:
            self.old = old
        return ItemEdited(self.table, self.item_id)

    def revert(self) -> Change:
        assert self.old is not None, "undo before redo"
        self.store.edit(self.table, self.item_id, **self.old)
        return ItemEdited(self.table, self.item_id)


class EditPlanCommand(PlanCommand):
    """Change the plan's own fields or its settings."""

    table = "plan"  # the table it edits, as EditFieldsCommand.table says (a refusal names the field by it)

    def __init__(self, store: PlanStore, report: Report, text: str, *,
                 fields: dict[str, object] | None = None, settings: object = None) -> None:
        super().__init__(store, report, text)
        info = store.plan_info()
        self.new_fields = dict(fields or {})
        self.old_fields = {k: getattr(info, k) for k in self.new_fields}
        self.new_settings, self.old_settings = settings, info.settings

    def _write(self, fields: dict[str, object], settings: object) -> Change:
        if fields:
            self.store.update_plan(**fields)
        if settings is not None:
            self.store.update_settings(settings)  # type: ignore[arg-type]
        return ItemEdited("plan", "")

    def apply(self) -> Change:
        return self._write(self.new_fields, self.new_settings)

    def revert(self) -> Change:
        return self._write(self.old_fields, self.old_settings if self.new_settings is not None else None)


class AddUpdateCommand(PlanCommand):
    """Append a progress update; undo removes it and restores indicator values."""

    def __init__(self, store: PlanStore, report: Report, task_id: str, update: ProgressUpdate) -> None:
        super().__init__(store, report, translate("Commands", "Add progress update"))
        self.task_id, self.update = task_id, update
        task = store.get_task(task_id)
        self.currents = {i.id: i.current for i in task.indicators}

    def apply(self) -> Change:
        self.store.add_update(self.task_id, copy.deepcopy(self.update))
        return ItemEdited("task", self.task_id)

    def revert(self) -> Change:
        self.store.delete_update(self.update.id)
        for indicator_id, value in self.currents.items():
            self.store.edit("indicator", indicator_id, current=value)
        return ItemEdited("task", self.task_id)


class AddTaskCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, task: Task, area_id: str,
                 parent_id: str | None = None, position: int | None = None) -> None:
        super().__init__(store, report, _named(translate("Commands", "Add task %1"), task.title))
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

    def apply(self) -> Change:
        self.store.add_task(copy.deepcopy(self.task), self.area_id, self.parent_id, self.position)
        return TasksMoved((self.area_id,))

    def revert(self) -> Change:
        self.store.delete_task(self.task.id)
        return TasksMoved((self.area_id,))


class DeleteTaskCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, task_id: str) -> None:
        super().__init__(store, report, translate("Commands", "Delete task"))
        self.task_id = task_id
        self.removed: tuple[Task, str, str | None, int] | None = None

    def apply(self) -> Change:
        self.removed = self.store.delete_task(self.task_id)
        self.setText(_named(translate("Commands", "Delete task %1"), self.removed[0].title))
        return TasksMoved((self.removed[1],))

    def revert(self) -> Change:
        assert self.removed is not None
        task, area_id, parent_id, position = self.removed
        self.store.add_task(copy.deepcopy(task), area_id, parent_id, position)
        return TasksMoved((area_id,))


class MoveTaskCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, task_id: str, area_id: str,
                 parent_id: str | None, position: int | None) -> None:
        super().__init__(store, report, translate("Commands", "Move task"))
        self.task_id = task_id
        self.target = (area_id, parent_id, position)
        self.origin: tuple[str, str | None, int] | None = None

    def apply(self) -> Change:
        self.origin = self.store.move_task(self.task_id, *self.target)
        return self._moved()

    def revert(self) -> Change:
        assert self.origin is not None
        self.store.move_task(self.task_id, *self.origin)
        return self._moved()

    def _moved(self) -> Change:
        assert self.origin is not None
        return TasksMoved(tuple(dict.fromkeys((self.origin[0], self.target[0]))))  # from and to, once each


class AddAreaCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, area: Area, position: int | None = None) -> None:
        super().__init__(store, report, _named(translate("Commands", "Add area %1"), area.name))
        self.area, self.position = area, position

    def id(self) -> int:  # noqa: A003 - Qt API
        return NAMING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not (isinstance(other, EditFieldsCommand) and other.table == "area" and other.item_id == self.area.id):
            return False
        self.area.name = str(other.new["name"])
        self.setText(_named(translate("Commands", "Add area %1"), self.area.name))
        return True

    def apply(self) -> Change:
        self.store.add_area(copy.deepcopy(self.area), self.position)
        return OutlineChanged()

    def revert(self) -> Change:
        self.store.delete_area(self.area.id)
        return OutlineChanged()


class DeleteAreaCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, area_id: str) -> None:
        super().__init__(store, report, translate("Commands", "Delete area"))
        self.area_id = area_id
        self.removed: tuple[Area, int] | None = None

    def apply(self) -> Change:
        self.removed = self.store.delete_area(self.area_id)
        self.setText(_named(translate("Commands", "Delete area %1"), self.removed[0].name))
        return OutlineChanged()

    def revert(self) -> Change:
        assert self.removed is not None
        area, position = self.removed
        self.store.add_area(copy.deepcopy(area), position)
        return OutlineChanged()


class MoveAreaCommand(PlanCommand):
    def __init__(self, store: PlanStore, report: Report, area_id: str, position: int) -> None:
        super().__init__(store, report, translate("Commands", "Move area"))
        self.area_id, self.position = area_id, position
        self.old_position: int | None = None

    def apply(self) -> Change:
        self.old_position = self.store.move_area(self.area_id, self.position)
        return OutlineChanged()

    def revert(self) -> Change:
        assert self.old_position is not None
        self.store.move_area(self.area_id, self.old_position)
        return OutlineChanged()


class _AddPartCommand(PlanCommand):
    """Add an indicator or milestone to a task (subclasses name which)."""

    table = ""

    def __init__(self, store: PlanStore, report: Report, task_id: str, item: Indicator | Milestone,
                 label: str) -> None:
        super().__init__(store, report, label)
        self.task_id, self.item = task_id, item
        self.position: int | None = None

    def apply(self) -> Change:
        self.store.add_part(self.table, self.task_id, copy.deepcopy(self.item), self.position)
        return ItemEdited("task", self.task_id)

    def revert(self) -> Change:
        _, _, self.position = self.store.delete_part(self.table, self.item.id)
        return ItemEdited("task", self.task_id)


class _DeletePartCommand(PlanCommand):
    """Remove an indicator or milestone; undo puts it back in its place."""

    table = ""

    def __init__(self, store: PlanStore, report: Report, item_id: str, label: str) -> None:
        super().__init__(store, report, label)
        self.item_id = item_id
        self.removed: tuple[Indicator | Milestone, str, int] | None = None

    def apply(self) -> Change:
        self.removed = self.store.delete_part(self.table, self.item_id)
        return ItemEdited("task", self.removed[1])

    def revert(self) -> Change:
        assert self.removed is not None
        item, task_id, position = self.removed
        self.store.add_part(self.table, task_id, copy.deepcopy(item), position)
        return ItemEdited("task", task_id)


class AddIndicatorCommand(_AddPartCommand):
    table = "indicator"

    def __init__(self, store: PlanStore, report: Report, task_id: str, indicator: Indicator) -> None:
        super().__init__(store, report, task_id, indicator, _named(translate("Commands", "Add indicator %1"), indicator.name))
        self.indicator = indicator


class DeleteIndicatorCommand(_DeletePartCommand):
    table = "indicator"

    def __init__(self, store: PlanStore, report: Report, indicator_id: str) -> None:
        super().__init__(store, report, indicator_id, translate("Commands", "Delete indicator"))


class AddMilestoneCommand(_AddPartCommand):
    table = "milestone"

    def __init__(self, store: PlanStore, report: Report, task_id: str, milestone: Milestone) -> None:
        super().__init__(store, report, task_id, milestone, _named(translate("Commands", "Add milestone %1"), milestone.title))
        self.milestone = milestone


class DeleteMilestoneCommand(_DeletePartCommand):
    table = "milestone"

    def __init__(self, store: PlanStore, report: Report, milestone_id: str) -> None:
        super().__init__(store, report, milestone_id, translate("Commands", "Delete milestone"))


class ReplaceContentCommand(PlanCommand):
    """An import (ledger, filled form, plan JSON) as one undo step.

    The import itself has run before the command is pushed (its errors are
    reported by the import's own dialog), so the first redo does nothing.
    ``before`` is an in-memory copy of the file taken just before the import;
    each step swaps it with the file's current content, so undo puts back the
    plan exactly as it was and redo the plan exactly as imported, whatever
    the import touched, and only one copy is held at a time.
    """

    def __init__(self, store: PlanStore, report: Report, before: PlanStore, text: str) -> None:
        super().__init__(store, report, text)
        self.saved = before
        self.first = True

    def _swap(self) -> Change:
        from planner_gui.store.backups import put_content
        from planner_gui.store.ledger_apply import memory_copy

        current = memory_copy(self.store)
        put_content(self.store, self.saved.db.conn)
        self.saved.close()
        self.saved = current
        return ContentPutBack()

    def apply(self) -> Change | None:
        if self.first:  # the import wrote the file; whoever pushed this shows it (MainWindow.push_import)
            self.first = False
            return None
        return self._swap()

    def revert(self) -> Change:
        return self._swap()
