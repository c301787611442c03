"""Drag and drop inside the plan tree: where a dropped area or task goes.

The model only works out the destination (area, parent task, position among
all siblings, shown or filtered out) and emits ``move_requested``; the window
pushes the undoable move, which writes the file and rebuilds the tree.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, Qt

if TYPE_CHECKING:
    from planner_gui.ui.plan_tree import Node

MIME_TYPE = "application/x-planner-gui-tree-item"


class DragDropMixin:
    """Drag-and-drop half of PlanTreeModel (needs ``by_id``, ``root``, ``node()``,
    ``editable`` and the ``move_requested`` signal)."""

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        nodes = {id(self.node(i)): self.node(i) for i in indexes if i.isValid()}
        mime = QMimeData()
        payload = [{"kind": n.kind, "id": n.id} for n in nodes.values()][:1]
        mime.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        target = self.drop_target(data, row, parent)
        if target is None:
            return False
        self.move_requested.emit(*target)
        return True

    def drop_target(self, data: QMimeData, row: int, parent: QModelIndex) -> tuple[str, str, str, str, int] | None:
        """Where a drop puts the dragged item: (kind, id, area id, parent id, position),
        or None when it cannot go there (an area into a task, a task onto the plan,
        a task into its own subtree)."""
        if not self.editable or not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE)).decode("utf-8"))[0]
        except (ValueError, IndexError, KeyError):
            return None
        moved = self.by_id.get(payload.get("id", ""))
        target = self.node(parent)
        if moved is None or moved.kind != payload.get("kind"):
            return None
        if moved.kind == "area":
            if target is not self.root:
                return None
            return "area", moved.id, moved.id, "", self._position(target, row, moved)
        if target is self.root:
            return None
        ancestor: Node | None = target
        while ancestor is not None:
            if ancestor is moved:
                return None
            ancestor = ancestor.parent
        parent_id = target.id if target.kind == "task" else ""
        return "task", moved.id, target.area_id, parent_id, self._position(target, row, moved)

    @staticmethod
    def _position(target: Node, row: int, moved: Node) -> int:
        """The position among all (not just shown) siblings, counted without the moved item."""
        siblings = [c for c in target.children if c is not moved]
        if row < 0 or row >= len(target.shown):
            return -1
        anchor = target.shown[row]
        if anchor is moved:
            following = target.shown[row + 1:]
            anchor = following[0] if following else None
        return siblings.index(anchor) if anchor is not None else -1
