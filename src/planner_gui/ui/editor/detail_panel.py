"""The detail panel: a stack of pages for the plan, an area or a task.

The main window calls show_plan/show_area/show_task on selection. The panel
is given the window's ``PlanDocument`` (ui/document.py): it shows the plan and
figures the document holds (it never evaluates the plan itself), follows the
document's as-of date, and pushes every edit through ``document.push``. It
follows the document's ``changed``: when the shown item (or anything its
figures depend on) changes, it shows it again — coalesced into one refresh per event-loop turn,
and without touching a field the user is typing in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget

from planner_gui.domain.deadlines import inherited_due
from planner_gui.domain.errors import NotFoundError
from planner_gui.domain.model import Plan, Task
from planner_gui.ui.document import CONTENT, ITEM, PlanChange, PlanDocument
from planner_gui.ui.editor.area_editor import AreaEditor
from planner_gui.ui.editor.fields import EditorContext, plain_label
from planner_gui.ui.editor.plan_editor import PlanEditor
from planner_gui.ui.editor.task_editor import TaskEditor

NOTHING, PLAN, AREA, TASK = "", "plan", "area", "task"


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


class DetailPanel(QStackedWidget):
    """Shows and edits whatever is selected in the tree."""

    # (kind, id) after the shown item was re-read because the file changed;
    # the window can refresh the chart from it.
    refreshed = Signal(str, str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = EditorContext(document)
        self.read_only = False
        self._task_source: Callable[[str], tuple[Task, Plan] | None] | None = None
        self.empty_page = plain_label(self._nothing_text(), self)
        self.plan_page = PlanEditor(self.context, self)
        self.area_page = AreaEditor(self.context, self)
        self.task_page = TaskEditor(self.context, self)
        self.addWidget(self.empty_page)
        self.addWidget(_scrolled(self.plan_page, self))
        self.addWidget(_scrolled(self.area_page, self))
        self.addWidget(self.task_page)
        self.kind, self.item_id = NOTHING, ""
        # ids whose change affects the shown task: its sub-tasks, indicators, milestones
        self._watched: set[str] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_from_file)
        document.changed.connect(self._on_changed)
        document.as_of_changed.connect(self._on_as_of_changed)
        self.task_page.update_form.set_as_of(document.as_of)

    def _nothing_text(self) -> str:
        return self.tr("Select the plan, an area or a task to see and edit it here.")

    # --- the contract -----------------------------------------------------

    def reset(self) -> None:
        """The document read its file again (or another one, at its own date): show
        nothing until told."""
        self.task_page.update_form.set_as_of(self.document.as_of)
        self.task_page.task = None
        self.task_page.update_form.task_id = None
        self.kind, self.item_id = NOTHING, ""
        self.setCurrentWidget(self.empty_page)

    def set_as_of(self, as_of: date) -> None:
        """Show the document as of ``as_of`` (the window's date follows)."""
        self.document.set_as_of(as_of)

    def as_of(self) -> date:
        return self.document.as_of

    def _on_as_of_changed(self, as_of: date) -> None:
        self.task_page.update_form.set_as_of(as_of)
        # Deferred: the window shows the figures of the new date first, and the
        # pages then take the same figures from the document.
        self._schedule_refresh()

    def set_task_source(self, source: Callable[[str], tuple[Task, Plan] | None] | None) -> None:
        """Let the panel take the shown task (and its plan) from the window, which
        holds the whole plan: reading it from the file took 2-5 ms of a click at
        10,000 tasks once the program had been idle, and after a change the
        window has re-read the task before the panel refreshes. None from it
        means "read the file"."""
        self._task_source = source

    def set_read_only(self, read_only: bool) -> None:
        """A file opened read-only: show everything, change nothing."""
        self.read_only = read_only
        for page in (self.plan_page, self.area_page, self.task_page):
            page.set_read_only(read_only)

    def show_plan(self) -> None:
        self._show(PLAN, "")

    def show_area(self, area_id: str) -> None:
        self._show(AREA, area_id)

    def show_task(self, task_id: str) -> None:
        self._show(TASK, task_id)

    def clear(self) -> None:
        self._show(NOTHING, "")

    def show_hidden(self, title: str) -> None:
        """The selected task is hidden by the tree's filter: say so rather than edit it unseen."""
        self._show(NOTHING, "")
        self.empty_page.setText(self.tr("“%s” is hidden by the filter: clear the filter to see and edit it.")
                                % title)

    # --- showing ----------------------------------------------------------

    def _show(self, kind: str, item_id: str) -> None:
        self.kind, self.item_id = kind, item_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown item from the file and show it as of the panel's date."""
        self._refresh_timer.stop()
        try:
            self._load()
        except NotFoundError:
            # The item was deleted (or the file replaced): show nothing rather than stale data.
            self.kind, self.item_id = NOTHING, ""
            self.setCurrentWidget(self.empty_page)

    def _load(self) -> None:
        as_of, store = self.document.as_of, self.document.store
        if self.kind == TASK:
            known = self._task_source(self.item_id) if self._task_source is not None else None
            if known is not None:
                task, info = known
                inherited = inherited_due(info, task.id)
            else:
                info = store.plan_info()
                task = store.get_task(self.item_id)
                inherited = self._inherited_from_file(task.id)
            self._watched = {t.id for t in task.walk()}
            self._watched |= {i.id for t in task.walk() for i in t.indicators}
            self._watched |= {m.id for t in task.walk() for m in t.milestones}
            self.task_page.show_task(task, info.year, info.settings, as_of, inherited)
            self.setCurrentWidget(self.task_page)
        elif self.kind == AREA:
            # the document's plan in memory: reading an area of 400 tasks from the
            # file took 0.1-0.3 s per click (and per filter keystroke, which
            # re-selects the area) at 10,000 tasks
            plan, figures = self.document.plan, self.document.figures
            area = next((a for a in plan.areas if a.id == self.item_id), None)
            if area is None or area.id not in figures.areas:
                raise NotFoundError(f"no area with id {self.item_id}")
            self.area_page.show_area(area, figures.areas[area.id], as_of)
            self.setCurrentWidget(self.area_page.parentWidget().parentWidget())
        elif self.kind == PLAN:
            plan, figures = self.document.plan, self.document.figures
            self.plan_page.show_plan(plan, figures.plan, as_of)
            self.setCurrentWidget(self.plan_page.parentWidget().parentWidget())
        else:
            self.empty_page.setText(self._nothing_text())
            self.setCurrentWidget(self.empty_page)

    def _inherited_from_file(self, task_id: str) -> date | None:
        """The deadline a sub-task's parent passes down, from the file's tasks
        without their updates (a top-level task's: none, and no read at all;
        while the window reads the updates, nothing here waits for them)."""
        store = self.document.store
        if store.task_location(task_id)[1] is None:
            return None
        return inherited_due(store.load_plan(with_updates=False), task_id)

    # --- following the file -----------------------------------------------

    def _on_changed(self, change: PlanChange) -> None:
        if change.kind == CONTENT:
            return  # the window reads the file again and shows the selection anew (reload_plan)
        if change.kind != ITEM or self._shows(change.table, change.ids[0]):
            self._schedule_refresh()

    def _shows(self, table: str, item_id: str) -> bool:
        """Whether an edit of this item changes what the panel shows."""
        return self.kind in (PLAN, AREA) or table == "plan" or item_id in self._watched or item_id == self.item_id

    def _schedule_refresh(self) -> None:
        if self.kind != NOTHING:
            self._refresh_timer.start()

    def _refresh_from_file(self) -> None:
        self.refresh()
        if self.kind != NOTHING:
            self.refreshed.emit(self.kind, self.item_id)
