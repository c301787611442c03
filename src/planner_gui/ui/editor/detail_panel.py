"""The detail panel: a stack of pages for the plan, an area or a task."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from planner_gui.store import PlanStore
from planner_gui.ui.commands import PlanEvents


class DetailPanel(QStackedWidget):
    """Shows and edits whatever is selected in the tree (first version: read-only)."""

    def __init__(self, store: PlanStore, events: PlanEvents, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.events, self.undo_stack = store, events, undo_stack
        self._as_of = date.today()
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self.addWidget(self._label)

    def set_store(self, store: PlanStore, events: PlanEvents, undo_stack: QUndoStack) -> None:
        self.store, self.events, self.undo_stack = store, events, undo_stack
        self._label.clear()

    def set_as_of(self, as_of: date) -> None:
        self._as_of = as_of

    def show_plan(self) -> None:
        self._label.setText(self.store.plan_info().title)

    def show_area(self, area_id: str) -> None:
        self._label.setText(str(self.store.get_row("area", area_id)["name"]))

    def show_task(self, task_id: str) -> None:
        self._label.setText(self.store.get_task(task_id).title)
