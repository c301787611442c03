"""The filter bar above the tree and the matching it drives.

Matching runs over the model's cached nodes in one Python loop (a lowercase
haystack per task: title, leader, units, deadline words and the latest
progress text), which stays in the low milliseconds for 10,000 tasks;
typing is debounced so a burst of keys filters once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from planner_gui.domain.model import Plan
from planner_gui.domain.progress import STATUS_ORDER, Status, status_word
from planner_gui.ui.plan_tree import Node, PlanTreeModel

DEBOUNCE_MS = 150
NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class FilterCriteria:
    text: str = ""
    status: str = ""  # a Status value, NOT_REPORTED, or "" for any
    leader: str = ""
    unit: str = ""
    area_id: str = ""
    overdue_only: bool = False

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.status or self.leader or self.unit
                    or self.area_id or self.overdue_only)


def matching_task_ids(nodes: Iterable[Node], criteria: FilterCriteria) -> set[str] | None:
    """Ids of the tasks that pass every criterion; None when nothing filters."""
    if not criteria.active:
        return None
    words = criteria.text.lower().split()
    if words and not (criteria.area_id or criteria.overdue_only or criteria.status
                      or criteria.leader or criteria.unit):
        return _matching_text(nodes, words)
    found: set[str] = set()
    for node in nodes:
        if node.kind != "task":
            continue
        if criteria.area_id and node.area_id != criteria.area_id:
            continue
        if criteria.overdue_only and node.status is not Status.RED:
            continue
        if criteria.status == NOT_REPORTED:
            if node.reported:
                continue
        elif criteria.status and (node.status is None or node.status.value != criteria.status):
            continue
        if criteria.leader and node.leader != criteria.leader:
            continue
        if criteria.unit and criteria.unit not in node.units:
            continue
        if words:
            # the node's cached haystack; built (once per refresh of its row) when missing
            haystack = node.haystack if node.haystack is not None else PlanTreeModel.search_text(node)
            if not all(word in haystack for word in words):
                continue
        found.add(node.id)
    return found


def _matching_text(nodes: Iterable[Node], words: list[str]) -> set[str]:
    """The same answer for a filter of words only (what typing gives), in one
    comprehension: the general loop's checks cost 5 ms a keystroke at 10,000 tasks."""
    search = PlanTreeModel.search_text  # builds a node's haystack when it is missing
    if len(words) == 1:
        word = words[0]
        return {node.id for node in nodes if node.kind == "task"
                and word in (node.haystack if node.haystack is not None else search(node))}
    return {node.id for node in nodes if node.kind == "task"
            and all(w in (node.haystack if node.haystack is not None else search(node)) for w in words)}


def filter_choices(plan: Plan) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Leaders, units (lead and co-units) and areas for the filter bar's lists."""
    leaders: set[str] = set()
    units: set[str] = set()
    # plain loops over a stack: asked again after every added or moved task (10,000 at a city)
    stack = [task for area in plan.areas for task in area.tasks]
    while stack:
        task = stack.pop()
        leaders.add(task.leader)
        units.add(task.lead_unit)
        if task.co_units:
            units.update(task.co_units)
        if task.subtasks:
            stack.extend(task.subtasks)
    leaders.discard("")
    units.discard("")
    return sorted(leaders), sorted(units), [(area.name, area.id) for area in plan.areas]


class FilterBar(QWidget):
    """Free text, status, leader, unit, area and "overdue only"."""

    changed = Signal()
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self._filled: dict[str, list[tuple[str, str]]] = {}  # combo's name -> items it holds
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Filter: title, leader, unit, progress text…"))
        self.text.setClearButtonEnabled(True)
        self.status = self._combo("filterStatus", self.tr("Any status"))
        for status in STATUS_ORDER:
            self.status.addItem(status_word(status, language), status.value)
        self.status.addItem(self.tr("Not reported"), NOT_REPORTED)
        self.leader = self._combo("filterLeader", self.tr("Any leader"))
        self.unit = self._combo("filterUnit", self.tr("Any unit"))
        self.area = self._combo("filterArea", self.tr("Any area"))
        self.overdue = QCheckBox(self.tr("&Overdue only"), self)
        self.overdue.setObjectName("filterOverdue")
        # names for screen readers: the lists show "Any …" rather than a label
        self.text.setAccessibleName(self.tr("Filter text"))
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.leader.setAccessibleName(self.tr("Filter by leader"))
        self.unit.setAccessibleName(self.tr("Filter by unit"))
        self.area.setAccessibleName(self.tr("Filter by area"))

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 0, 0, 1, 3)
        layout.addWidget(self.overdue, 0, 3)
        for column, widget in enumerate((self.status, self.leader, self.unit, self.area)):
            layout.addWidget(widget, 1, column)
            layout.setColumnStretch(column, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(self._timer.start)
        for combo in (self.status, self.leader, self.unit, self.area):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)

    def _combo(self, name: str, any_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(any_text, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    def criteria(self) -> FilterCriteria:
        return FilterCriteria(
            text=self.text.text(),
            status=self.status.currentData() or "",
            leader=self.leader.currentData() or "",
            unit=self.unit.currentData() or "",
            area_id=self.area.currentData() or "",
            overdue_only=self.overdue.isChecked(),
        )

    def set_choices(self, leaders: list[str], units: list[str], areas: list[tuple[str, str]]) -> None:
        """Fill the leader, unit and area lists, keeping what was chosen if it still exists."""
        self._refill(self.leader, [(name, name) for name in leaders])
        self._refill(self.unit, [(name, name) for name in units])
        self._refill(self.area, areas)

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        if self._filled.get(combo.objectName()) == items:
            return  # the same list (most edits): a thousand leaders are not added again
        self._filled[combo.objectName()] = items
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)
        if chosen and combo.currentData() != chosen:
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape in the filter: clear every criterion and go back to the tree
        if event.key() == Qt.Key.Key_Escape and self.criteria().active:
            self.clear()
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def clear(self) -> None:
        """Show everything again (one refilter, not one per control)."""
        widgets = (self.text, self.status, self.leader, self.unit, self.area, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        self.text.clear()
        for combo in (self.status, self.leader, self.unit, self.area):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._timer.stop()
        self.changed.emit()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def flush(self) -> None:
        """Apply pending typing at once (Enter in the box, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()
