"""The left pane: filter bar above the plan tree, and what the tree remembers
(which items are expanded, which one is selected) across rebuilds and filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner_gui.domain.model import Plan
from planner_gui.domain.progress import PlanFigures
from planner_gui.ui.filter_bar import FilterBar, filter_choices, matching_task_ids
from planner_gui.ui.plan_tree import Node, PlanTreeModel
from planner_gui.ui.plan_tree_view import PlanTreeView


class TreePane(QWidget):
    # the current item changed (selection by the user or after a rebuild)
    current_changed = Signal()
    # the shown rows changed (filter or rebuild): counts need updating
    filtered = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanTreeModel(self)
        self.model.set_language(language)
        self.tree = PlanTreeView(self.model)
        self.filter_bar = FilterBar(language=language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree)
        # expanded items, remembered while no filter is active (a filter expands everything)
        self.expanded: set[str] = set()
        self._tracking = True
        # The item that was selected when the filter hid it: shown as hidden in
        # the editor (not edited unseen) and selected again once the filter shows it.
        self.hidden_id: str | None = None

        self.filter_bar.changed.connect(self.apply_filter)
        self.filter_bar.text.returnPressed.connect(self.filter_bar.flush)
        self.filter_bar.escaped.connect(self.tree.setFocus)
        self.tree.expanded.connect(lambda index: self._track_expansion(index, True))
        self.tree.collapsed.connect(lambda index: self._track_expansion(index, False))
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.current_changed.emit())

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def neighbour_id(self, node: Node) -> str | None:
        """Where the selection goes when ``node`` is removed: the next row at its
        level, else the one before, else its parent (None at the top)."""
        parent = node.parent
        if parent is None:
            return None
        siblings = parent.shown
        if node in siblings:
            row = siblings.index(node)
            for other in (row + 1, row - 1):
                if 0 <= other < len(siblings):
                    return siblings[other].id
        return parent.id if parent.parent is not None else None

    def visible_task_ids(self) -> list[str]:
        return [node.id for node in self.model.shown_nodes() if node.kind == "task"]

    def select_item(self, item_id: str) -> bool:
        index = self.reveal(item_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def reveal(self, item_id: str) -> QModelIndex:
        """Open the rows above ``item_id`` and scroll its row into view, selecting
        nothing; its index (invalid if the tree has no such row, e.g. filtered out)."""
        index = self.model.index_for_id(item_id)
        if not index.isValid():
            return index
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.scrollTo(index)
        return index

    def rebuild(self, plan: Plan, figures: PlanFigures, first: bool = False, keep: str | None = None) -> None:
        """New rows for a changed structure, keeping selection (or selecting
        ``keep``, the id selected before the model was cleared) and expansion."""
        current = self.current_node()
        keep = keep or (current.id if current is not None else None)
        self.model.set_plan(plan, figures)
        self.filter_bar.set_choices(*filter_choices(plan))
        if first:
            self.expanded = {area.id for area in plan.areas}
        self.apply_filter(keep=keep)

    def replace_areas(self, plan: Plan, figures: PlanFigures, area_ids: set[str]) -> None:
        """New rows for the tasks of these areas only (see rebuild)."""
        current = self.current_node()
        keep = current.id if current is not None else None
        self.model.replace_areas(plan, figures, area_ids)
        self.filter_bar.set_choices(*filter_choices(plan))
        self.apply_filter(keep=keep)

    def apply_filter(self, keep: str | None = None) -> None:
        criteria = self.filter_bar.criteria()
        current = self.current_node()
        keep = keep or (current.id if current is not None else self.hidden_id)
        before = current.id if current is not None else None
        self.model.set_visible(matching_task_ids(self.model.task_nodes(), criteria))
        self._restore_expansion(criteria.active)
        hidden_before = self.hidden_id
        self.hidden_id = None
        if keep and not self.select_item(keep) and keep in self.model.by_id:
            # The filter hides the selected item: nothing is selected, and the
            # window says so instead of editing a task the tree does not show.
            self.hidden_id = keep
        if self.current_node() is None and (before is not None or self.hidden_id != hidden_before):
            # a model reset drops the current row without telling anyone
            self.current_changed.emit()
        empty = criteria.active and self.model.rowCount() == 0
        self.tree.set_empty_text(self.tr("No task matches the filter.") if empty else "")
        self.filtered.emit()

    def _restore_expansion(self, filtering: bool) -> None:
        self._tracking = False
        if filtering:
            self.tree.expandAll()
        else:
            for item_id in self.expanded:
                index = self.model.index_for_id(item_id)
                if index.isValid():
                    self.tree.setExpanded(index, True)
        self._tracking = True

    def _track_expansion(self, index: QModelIndex, expanded: bool) -> None:
        if not self._tracking or self.filter_bar.criteria().active:
            return
        item_id = self.model.node(index).id
        if expanded:
            self.expanded.add(item_id)
        else:
            self.expanded.discard(item_id)
