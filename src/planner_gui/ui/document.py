"""The open plan, owned in one place: no widgets.

``PlanDocument`` holds the store, the in-memory ``Plan`` (its outline at once,
its progress updates read from the event loop for a big plan, see
ui/plan_loading.py), the ``PlanFigures`` worked out once per (plan version,
as-of date), the as-of date, the selection, the read-only state and the undo
stack. The window composes widgets and shows what the document holds; the
tree, editor and chart take figures from it and never evaluate the plan
themselves.

Every change goes through :meth:`PlanDocument.push`, the only caller of
``QUndoStack.push``: a value refused or a write that fails comes back as a
:class:`Refusal` naming the field, and nothing is left half-done on the
stack. Each command hands what it changed (ui/changes.py) to
:meth:`PlanDocument.report`; the document brings its plan and figures up to
date (one task re-read and its figures worked out again incrementally,
domain/incremental.py) and emits one ``changed`` signal with a
:class:`PlanChange` per change.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.domain.incremental import refresh_figures, replace_area_tasks
from planner_gui.domain.model import Plan, PlanSettings, Task
from planner_gui.domain.progress import PlanFigures, TaskFigures, evaluate_plan, evaluate_subtree
from planner_gui.store import PlanStore
from planner_gui.store.loading import no_cycle_collection
from planner_gui.ui.changes import (
    Change,
    ContentPutBack,
    FileReplaced,
    ItemEdited,
    OutlineChanged,
    TasksMoved,
)
from planner_gui.ui.i18n import ENGLISH, current_language
from planner_gui.ui.plan_loading import UpdatesLoader
from planner_gui.ui.plan_sync import refresh_item
from planner_gui.ui.undo_guard import GuardedCommand

translate = QCoreApplication.translate

_OVERRIDE_PREFIX = re.compile(r"^Error calling Python override of [^:]*:\s*")

# PlanChange.kind
ITEM = "item"  # fields, parts or updates of one item: its row's figures (and its area's, the plan's)
AREAS = "areas"  # tasks added to, removed from or moved between these areas (ids)
STRUCTURE = "structure"  # areas added, removed or moved: the whole outline again
RESET = "reset"  # the file was replaced (import, restore, another process): read it again
CONTENT = "content"  # an undo step put the whole content back: read it again, keep the history


@dataclass(frozen=True)
class PlanChange:
    """What one change did to the document's plan, for the views to follow."""

    kind: str
    ids: tuple[str, ...] = ()  # the item (ITEM) or the areas (AREAS) changed
    table: str = ""  # ITEM: "plan", "area", "task", "indicator", "milestone"
    structural: bool = False  # rows were added, removed or moved
    figure_ids: frozenset[str] | None = None  # tasks and areas whose figures changed (None: all)


@dataclass(frozen=True)
class Refusal:
    """A change that was not made: the field refused ("" for the change as a whole) and why."""

    field: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Selection:
    kind: str  # "area" or "task"
    id: str  # noqa: A003 - the item's id
    area_id: str | None


def error_message(exc: BaseException, table: str = "") -> str:
    """The user's message of an error, without PySide's note that it passed through a Qt call.
    A refused value in another language than English names the field as the editor of
    ``table`` labels it and says why in that language; in English it reads as the
    command line's (the field's name and the English reason)."""
    if isinstance(exc, ValidationError) and current_language() != ENGLISH:
        return refused_words(field_words(table, exc.field), exc)
    return _OVERRIDE_PREFIX.sub("", str(exc))


def refused_words(label: str, error: ValidationError) -> str:
    """"Label: why" as the editor pages say a refused value, in the interface language."""
    return translate("Validation", "{0}: {1}").format(label, validation_reason(error))


def validation_reason(error: ValidationError) -> str:
    """Why a value was refused, in the interface language: the domain's template
    translated under "Validation" and filled with its values (the English when
    there is no translation, as for the plain reasons of store/ and sync/)."""
    if not error.values:
        return translate("Validation", error.template)
    try:
        return translate("Validation", error.template).format(**error.values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return error.reason


def field_words(table: str, field: str) -> str:
    """A field as the editor page of ``table`` labels it (a task's when not known)."""
    # Here, not at the top: the editor pages import this module.
    from planner_gui.ui.editor import area_editor, plan_editor, task_editor

    if table == "area":
        return area_editor.field_label(field)
    if table == "plan" or (field in plan_editor.FIELD_LABELS and field not in task_editor.FIELD_LABELS):
        return plan_editor.field_label(field)
    return task_editor.field_label(field)


def _table_of(command: QUndoCommand) -> str:
    table = getattr(command, "table", None)  # EditFieldsCommand and EditPlanCommand say which
    return table if isinstance(table, str) else ""


def _field_of(command: QUndoCommand, exc: BaseException) -> str:
    field = getattr(exc, "field", None)
    if isinstance(field, str):
        return field
    fields = getattr(command, "new", None)  # EditFieldsCommand: the fields it writes
    return next(iter(fields), "") if isinstance(fields, dict) else ""


class PlanDocument(QObject):
    """The open plan and everything about it that is not a widget."""

    changed = Signal(object)  # PlanChange, once per change
    as_of_changed = Signal(object)  # date
    read_only_changed = Signal(bool)
    selection_changed = Signal(object)  # Selection | None
    reading_progress = Signal(int, int)  # tasks whose updates are read, tasks in all
    reading_finished = Signal()  # every update read: figures can be had without waiting
    reading_failed = Signal(str)  # why some updates cannot be read (a damaged file)
    reloaded = Signal()  # the plan was read again from its file (another file, an import, a restore)

    def __init__(self, store: PlanStore, as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.undo_stack = QUndoStack(self)
        self._errors: list[BaseException] = []  # raised inside guarded commands, checked after each step
        self._read_only = False  # set by whoever opened the file (ui/file_guard.py)
        self._selection: Selection | None = None
        self._plan: Plan = store.load_plan(with_updates=False)
        self._as_of = as_of
        self._loader: UpdatesLoader | None = None
        self._read_whole = False  # the updates of every task are in (or being read by _loader)
        self._version = 0  # goes up whenever the plan changes in a way the figures do not follow
        self._figures: PlanFigures | None = None
        self._figures_key: tuple[int, date] | None = None
        # Where a task is, as a view knows it (the tree's row): searched first on an edit.
        self.area_hint: Callable[[str], str | None] = lambda _task_id: None

    # --- the file -------------------------------------------------------------

    @property
    def store(self) -> PlanStore:
        return self._store

    @store.setter
    def store(self, store: PlanStore) -> None:
        """Another file, or the same one opened read-only (the caller closes the old
        store once every view has moved to the new one); read it with :meth:`reload`."""
        self._store = store

    # --- the plan, read in two steps ------------------------------------------

    @property
    def plan(self) -> Plan:
        """The whole plan, updates included (finishes reading them first if need be)."""
        self.finish_reading()
        return self._plan

    @property
    def outline(self) -> Plan:
        """The plan's areas and tasks, whose updates may still be being read."""
        return self._plan

    @property
    def version(self) -> int:
        return self._version

    @property
    def reading(self) -> bool:
        """Whether the plan's updates are still being read (no figures yet)."""
        return self._loader is not None

    def finish_reading(self) -> None:
        if not self._read_whole:  # nobody asked for the updates yet (a document without a window)
            self.read_updates()
        if self._loader is not None:
            self._loader.finish_now()

    def read_updates(self) -> bool:
        """Read the outline's updates: at once for a small plan (True), else from
        the event loop once :meth:`start_reading` is called (False)."""
        self.stop_reading()
        self._read_whole = True
        loader = UpdatesLoader(self._store, self._plan, self)
        loader.failed.connect(self._on_reading_failed)
        self._changed_whole()
        if loader.small:
            loader.read_all()
            loader.deleteLater()
            return True
        self._loader = loader
        loader.progress.connect(self.reading_progress)
        loader.finished.connect(self._on_updates_read)
        self.reading_progress.emit(0, loader.total)
        return False

    def start_reading(self) -> None:
        if self._loader is not None:
            self._loader.start()

    def stop_reading(self) -> None:
        """Drop the reading of a plan that is being replaced by another read of the file."""
        if self._loader is not None:
            self._loader.cancel()
            self._loader.deleteLater()
            self._loader = None

    def _on_updates_read(self) -> None:
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.deleteLater()
        self.reading_finished.emit()

    def _on_reading_failed(self, reason: str) -> None:
        if self._loader is not None:  # read in slices: the figures from what was read
            self._on_updates_read()
        self.reading_failed.emit(reason)

    def reload(self) -> None:
        """Read the file's outline again (its updates follow with :meth:`read_updates`)."""
        self.stop_reading()
        self._plan = self._store.load_plan(with_updates=False)
        self._read_whole = False
        self._changed_whole()
        self.reloaded.emit()

    def release(self) -> None:
        """Let go of the plan before the next one is read (no two plans held at once)."""
        self.stop_reading()
        self._plan = Plan(title=self._plan.title, year=self._plan.year)
        self._changed_whole()

    # --- figures, once per (version, as-of) -----------------------------------

    @property
    def figures(self) -> PlanFigures:
        """The plan's figures as of :attr:`as_of` (worked out now only if the plan or the date changed)."""
        plan = self.plan
        key = (self._version, self.as_of)
        if self._figures is None or self._figures_key != key:
            self._figures = evaluate_plan(plan, key[1])
            self._figures_key = key
        return self._figures

    def task_figures(self, task: Task, plan_year: int, settings: PlanSettings,
                     inherited: date | None = None) -> TaskFigures:
        """A task's figures (with its sub-tasks') as of :attr:`as_of`: the plan's
        when its updates are read; while they are still being read (the task was
        read from the file for the editor), worked out for this task alone, so
        that a click never waits for the whole plan."""
        if not self.reading:
            known = self.figures.tasks.get(task.id)
            if known is not None:
                return known
        return evaluate_subtree(task, self.as_of, plan_year, settings, {}, {}, inherited)

    def _changed_whole(self) -> None:
        self._version += 1
        self._figures, self._figures_key = None, None

    def _refresh_task(self, task_id: str) -> frozenset[str] | None:
        """After one task changed: only its top-level tree, its area and the plan
        are worked out again (domain/incremental.py; 3 ms instead of 150 ms for
        evaluate_plan at 10,000 tasks). Returns the ids whose figures changed, or
        None when they were all worked out again (or will be, when asked for)."""
        current = self._figures_key == (self._version, self.as_of)
        self._version += 1
        if self._figures is None or not current:
            self._figures, self._figures_key = None, None
            return None
        area_id = self.area_hint(task_id)
        changed = refresh_figures(self._plan, self._figures, [task_id], [area_id] if area_id else ())
        self._figures_key = (self._version, self.as_of)
        return frozenset(changed)

    # --- the as-of date -------------------------------------------------------

    @property
    def as_of(self) -> date:
        if self._as_of is None:
            from planner_gui.domain.dates import default_as_of

            self._as_of = default_as_of(self._plan.year)
        return self._as_of

    def set_as_of(self, day: date, announce: bool = True) -> None:
        """Show the plan as of ``day``; ``announce`` False when another file opens
        at its own date (the views are refreshed with it anyway)."""
        if day == self._as_of:
            return
        self._as_of = day
        if announce:
            self.as_of_changed.emit(day)

    # --- read-only and selection ------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True when the file may not be changed (another window has it, or it is a backup)."""
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self._read_only:
            self._read_only = read_only
            self.read_only_changed.emit(read_only)

    @property
    def selection(self) -> Selection | None:
        return self._selection

    def select(self, selection: Selection | None) -> None:
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit(selection)

    # --- changes ------------------------------------------------------------

    def push(self, command: QUndoCommand | Callable[[], QUndoCommand]) -> Refusal | None:
        """Run ``command`` (or the command ``command()`` builds) as one undo step.
        Returns None when it was made, else a :class:`Refusal` naming the field;
        a refused change leaves the file, the plan and the stack as they were."""
        if self._read_only:
            return Refusal("", self.tr("The plan file is open read-only."))
        if not isinstance(command, QUndoCommand):
            try:
                command = command()
            except (PlannerError, sqlite3.Error) as exc:
                return Refusal(getattr(exc, "field", "") or "", error_message(exc))
        errors = self._errors
        errors.clear()
        try:
            self.undo_stack.push(GuardedCommand(command, errors))
        except (PlannerError, sqlite3.Error, OSError) as exc:
            errors.append(exc)
        if errors:
            # redo() failed and changed nothing; the stack already dropped the command
            return Refusal(_field_of(command, errors[0]), error_message(errors[0], _table_of(command)))
        return None

    def step(self, undoing: bool) -> BaseException | None:
        """Undo or redo one step; the error if the file could not follow it."""
        errors = self._errors
        errors.clear()
        try:
            (self.undo_stack.undo if undoing else self.undo_stack.redo)()
        except (PlannerError, sqlite3.Error, OSError) as exc:  # a command pushed by another panel
            errors.append(exc)
        return errors[0] if errors else None

    def report(self, change: Change) -> None:
        """Take in what a command changed in the file (the ``report`` every command
        is given): the plan and figures follow, then ``changed`` is emitted once."""
        try:
            done = self._take_in(change)
        except (PlannerError, sqlite3.Error):
            # The file was written but could not be read back here: the views read
            # it again, and the undo history (holding this step) stays.
            self._changed_whole()
            done = PlanChange(CONTENT, structural=True)
        self.changed.emit(done)

    def file_replaced(self) -> None:
        """Another process changed the file (no command did): every view reads it again."""
        self.report(FileReplaced())

    def _take_in(self, change: Change) -> PlanChange:
        match change:
            case ItemEdited(table=table, item_id=item_id):
                return self._take_item(table, item_id)
            case TasksMoved(area_ids=area_ids):
                return self._take_areas(area_ids)
            case OutlineChanged():
                return self._take_outline()
            case FileReplaced():
                return PlanChange(RESET, structural=True)
            case ContentPutBack():
                return PlanChange(CONTENT, structural=True)
        raise TypeError(f"not a change: {change!r}")

    def _changed_task(self, table: str, item_id: str) -> str | None:
        """The task whose figures an edit of this item changes (None: the plan's or an area's)."""
        if table == "task":
            return item_id
        if table in ("indicator", "milestone"):
            return self._store.get_row(table, item_id)["task_id"]
        return None

    def _take_item(self, table: str, item_id: str) -> PlanChange:
        task_id = None
        try:
            task_id = self._changed_task(table, item_id)
            # an indicator or milestone: its task is re-read (its row was just read for the task's id)
            self._plan = refresh_item(self.plan, self._store, "task" if task_id else table, task_id or item_id,
                                      self.area_hint(task_id) if task_id else None)
        except PlannerError:
            self.stop_reading()
            self._plan = self._store.load_plan()  # the item is gone: take the file as it is
            self._read_whole = True
            task_id = None
        if task_id is not None:
            figure_ids = self._refresh_task(task_id)
        else:
            self._changed_whole()
            figure_ids = None
        return PlanChange(ITEM, (item_id,), table, False, figure_ids)

    def _take_outline(self) -> PlanChange:
        # The updates of the tasks already held are kept (store.reload_structure). The
        # new outline and figures make no garbage cycles: without the collector's passes
        # over the whole plan meanwhile, evaluating it takes 170 ms, not 170-520 at random.
        with no_cycle_collection():
            self._plan = self._store.reload_structure(self.plan)
            self._changed_whole()
            self.figures  # noqa: B018 - worked out here, without the collector
        return PlanChange(STRUCTURE, structural=True)

    def _take_areas(self, area_ids: tuple[str, ...]) -> PlanChange:
        """Tasks were added to, removed from or moved between these areas: only
        their tasks are read again (their updates taken over) and evaluated.
        At 10,000 tasks, 0.5 s for the whole plan and tree."""
        plan, wanted = self.plan, set(area_ids)
        if self._figures is None or self._figures_key != (self._version, self.as_of):
            return self._take_outline()  # no figures of this date to update: the whole path anyway
        held = {task.id: task.updates for area in plan.areas if area.id in wanted
                for task in area.walk_tasks()}
        new_tasks = {area_id: self._store.area_tasks(area_id, held) for area_id in wanted}
        if not replace_area_tasks(plan, self._figures, new_tasks):
            return self._take_outline()
        self._version += 1
        self._figures_key = (self._version, self.as_of)
        return PlanChange(AREAS, tuple(area_ids), structural=True)
