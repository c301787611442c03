"""Structure editing from the tree: add, rename, delete and move areas and tasks.

Each operation takes the open plan (``document``, ui/document.py) and the
window's side (``parent``, a :class:`Parent`): it builds an undo command
(ui/commands.py) and hands it to ``parent.push``, which shows a refusal; the
command writes the file, and the window rebuilds the tree from the file when
the document reports the structural change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from planner_gui.domain.model import Area, Task
from planner_gui.ui.commands import (
    AddAreaCommand,
    AddTaskCommand,
    DeleteAreaCommand,
    DeleteTaskCommand,
    EditFieldsCommand,
    MoveAreaCommand,
    MoveTaskCommand,
)
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.plan_tree import Column
from planner_gui.ui.tree_pane import TreePane

translate = QCoreApplication.translate


class Parent(Protocol):
    """The window's side of tree editing: the tree (its selection, its inline
    editor), the parent of the question asked before a delete, and ``push``,
    which runs a command through the document and shows why one was refused.
    (Named here, not imported: this module is below main_window.py.)"""

    tree_pane: TreePane

    def push(self, make_command: Callable[[], QUndoCommand]) -> bool: ...


def rename(document: PlanDocument, parent: Parent, kind: str, item_id: str, text: str) -> bool:
    """Rename from the tree's inline editor. When the write fails (the file is locked or
    read-only) the window has said why in a dialog; the editor opens again holding what was
    typed, for another try or Escape."""
    store, report = document.store, document.report
    if kind == "area":
        done = parent.push(lambda: EditFieldsCommand(store, report, "area", item_id, {"name": text},
                                                     translate("TreeEditing", "Rename area")))
    else:
        done = parent.push(lambda: EditFieldsCommand(store, report, "task", item_id, {"title": text},
                                                     translate("TreeEditing", "Rename task")))
    if not done and not document.read_only:
        QTimer.singleShot(0, lambda: _rename_again(document, parent, item_id, text))
    return done


def _rename_again(document: PlanDocument, parent: Parent, item_id: str, text: str) -> None:
    if not parent.tree_pane.select_item(item_id):
        return
    start_rename(document, parent)
    editor = QApplication.focusWidget()
    if isinstance(editor, QLineEdit) and parent.tree_pane.tree.isAncestorOf(editor):
        editor.setText(text)


def start_rename(document: PlanDocument, parent: Parent) -> None:
    index = parent.tree_pane.tree.currentIndex()
    if index.isValid() and not document.read_only:
        parent.tree_pane.tree.edit(index.siblingAtColumn(Column.TITLE))


def _select_and_rename(document: PlanDocument, parent: Parent, item_id: str) -> None:
    # after the rebuild the command triggered: select the new item and let the user type its name
    if parent.tree_pane.select_item(item_id):
        QTimer.singleShot(0, lambda: start_rename(document, parent))


def add_area(document: PlanDocument, parent: Parent) -> bool:
    node = parent.tree_pane.current_node()
    position = None
    if node is not None:
        area_node = parent.tree_pane.model.by_id.get(node.area_id)
        if area_node is not None:
            position = parent.tree_pane.model.root.children.index(area_node) + 1
    area = Area(name=translate("TreeEditing", "New area"))
    if parent.push(lambda: AddAreaCommand(document.store, document.report, area, position)):
        _select_and_rename(document, parent, area.id)
        return True
    return False


def inherit_from_parent(task: Task, parent: Task) -> None:
    """A new sub-task works under its parent: its deadline, leader and lead unit
    unless set (an empty sub-task must not look on track while the parent is behind)."""
    task.leader = task.leader or parent.leader
    task.lead_unit = task.lead_unit or parent.lead_unit
    if task.due is None and not task.deadline_text:
        task.due, task.deadline_text = parent.due, parent.deadline_text


def add_task(document: PlanDocument, parent: Parent, as_subtask: bool = False) -> Task | None:
    """A new task after the selected one (or at the end of the selected area);
    with ``as_subtask``, a new last sub-task of the selected task."""
    node = parent.tree_pane.current_node()
    if node is None:
        if not document.plan.areas:
            return None
        area_id, parent_id, position = document.plan.areas[0].id, None, None
    elif as_subtask:
        if node.kind != "task":
            return None
        area_id, parent_id, position = node.area_id, node.id, None
    elif node.kind == "area":
        area_id, parent_id, position = node.id, None, None
    else:
        above = node.parent
        assert above is not None
        area_id = node.area_id
        parent_id = above.id if above.kind == "task" else None
        position = above.children.index(node) + 1
    task = Task(title=translate("TreeEditing", "New sub-task") if as_subtask else translate("TreeEditing", "New task"))
    if as_subtask and parent_id is not None:
        parent_task = document.plan.find_task(parent_id)
        if parent_task is not None:
            inherit_from_parent(task, parent_task)
    if parent.push(lambda: AddTaskCommand(document.store, document.report, task, area_id, parent_id, position)):
        _select_and_rename(document, parent, task.id)
        return task
    return None


def delete_selected(document: PlanDocument, parent: Parent) -> bool:
    """Delete the selected area or task after asking; undo brings it back whole."""
    node = parent.tree_pane.current_node()
    if node is None or document.read_only:
        return False
    title = node.texts[Column.TITLE]
    if node.kind == "area":
        tasks = sum(1 for n in parent.tree_pane.model.task_nodes() if n.area_id == node.id)
        question = (translate("TreeEditing", "Delete the area “%s”?") % title if tasks == 0
                    else translate("TreeEditing", "Delete the area “%s” and its task?") % title if tasks == 1
                    else translate("TreeEditing", "Delete the area “%s” and its %d tasks?") % (title, tasks))
    else:
        task = document.plan.find_task(node.id)
        subtasks = sum(1 for _ in task.walk()) - 1 if task else 0
        updates = sum(len(t.updates) for t in task.walk()) if task else 0
        # only what there is, in the singular for one ("with its 0 sub-tasks and 1 progress updates")
        parts = [text for count, text in (
            (subtasks, translate("TreeEditing", "1 sub-task") if subtasks == 1 else translate("TreeEditing", "%d sub-tasks") % subtasks),
            (updates, translate("TreeEditing", "1 progress update") if updates == 1 else translate("TreeEditing", "%d progress updates") % updates),
        ) if count]
        question = (translate("TreeEditing", "Delete the task “%s” with its %s?") % (title, translate("TreeEditing", " and ").join(parts)) if parts
                    else translate("TreeEditing", "Delete the task “%s”?") % title)
    box = QMessageBox(QMessageBox.Icon.Question, translate("TreeEditing", "Delete"),
                      question + "\n\n" + translate("TreeEditing", "You can undo this with Edit > Undo."),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)  # type: ignore[arg-type] - the window
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    # Keep the user's place: the row below takes the selection (else the one above, else the parent).
    neighbour = parent.tree_pane.neighbour_id(node)
    if node.kind == "area":
        done = parent.push(lambda: DeleteAreaCommand(document.store, document.report, node.id))
    else:
        done = parent.push(lambda: DeleteTaskCommand(document.store, document.report, node.id))
    if done and neighbour is not None:
        parent.tree_pane.select_item(neighbour)
    return done


def item_after_step(command: QUndoCommand | None, undone: bool) -> str | None:
    """The area or task to select after ``command`` was undone (or redone): the
    item it brings back or moves, so the user sees what the step changed."""
    command = getattr(command, "inner", command)  # a GuardedCommand's command
    if isinstance(command, DeleteTaskCommand | MoveTaskCommand) or (
            isinstance(command, AddTaskCommand) and not undone):
        return command.task.id if isinstance(command, AddTaskCommand) else command.task_id
    if isinstance(command, DeleteAreaCommand | MoveAreaCommand):
        return command.area_id
    if isinstance(command, AddAreaCommand) and not undone:
        return command.area.id
    if isinstance(command, EditFieldsCommand) and command.table in ("area", "task"):
        return command.item_id  # a rename undone: show the row whose name came back
    return None


def move(document: PlanDocument, parent: Parent, kind: str, item_id: str, area_id: str, parent_id: str | None,
         position: int) -> bool:
    """Move an area or task (drag and drop, move up/down); -1 puts it last."""
    if kind == "area":
        return parent.push(lambda: MoveAreaCommand(document.store, document.report, item_id, position))
    where = None if position < 0 else position
    return parent.push(lambda: MoveTaskCommand(document.store, document.report, item_id, area_id, parent_id, where))


def move_selected(document: PlanDocument, parent: Parent, step: int) -> bool:
    """Move the selected item one place up (-1) or down (+1) among its siblings."""
    node = parent.tree_pane.current_node()
    if node is None or node.parent is None:
        return False
    siblings = node.parent.children
    row = siblings.index(node)
    target = row + step
    if not 0 <= target < len(siblings):
        return False
    parent_id = node.parent.id if node.parent.kind == "task" else None
    return move(document, parent, node.kind, node.id, node.area_id, parent_id, target)
