"""Base for the editable tables of a task's indicators and milestones.

A cell edit becomes an EditFieldsCommand on the undo stack (so it is written
at once and undoable); a wrong value is refused and reported through
``refused(field, message)`` without touching the file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner_gui.domain.errors import ValidationError
from planner_gui.ui.document import refused_words
from planner_gui.ui.editor.fields import EditorContext

translate = QCoreApplication.translate


Index = QModelIndex | QPersistentModelIndex


class ItemTableModel(QAbstractTableModel):
    refused = Signal(str, str)

    TABLE = ""
    # (field, header) per column; subclasses define the column constants in this order
    COLUMNS: tuple[tuple[str, str], ...] = ()

    def __init__(self, context: EditorContext | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task_id: str | None = None
        self._given: tuple = (None, ())  # what set_items last showed
        self.items: list[Any] = []
        self.read_only = False

    def set_items(self, task_id: str | None, items: list[Any]) -> bool:
        """Show these items; False when they are the ones given last time
        (another field of their task was edited): the rows, the selection and
        the column widths are then left as they are, and nothing is laid out
        again. A cell edited here since then makes them differ, so the page's
        reload after it still fits the columns to the new text."""
        given = (task_id, tuple(items))
        if given == self._given:
            return False
        self.beginResetModel()
        self._given = given
        self.task_id, self.items = task_id, list(items)
        self.endResetModel()
        return True

    def field(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def header(self, column: int) -> str:
        return translate("ItemTableModel", self.COLUMNS[column][1])

    def header_for_field(self, field: str) -> str:
        for name, header in self.COLUMNS:
            if name == field:
                return translate("ItemTableModel", header)
        return field

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header(section)
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        field = self.field(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(item, field)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_text(item, field)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.context is None:
            return False
        item = self.items[index.row()]
        field = self.field(index.column())
        new = self.parse(field, value)
        if new == self.edit_value(item, field):
            return True
        error = self.check(item, field, new) or self.context.push_edit(
            self.TABLE, item.id, {field: new}, translate("ItemTableModel", "Edit {0}").format(self.header(index.column()))
        )
        if error is not None:
            self.refused.emit(error.field, refused_words(self.header_for_field(error.field), error))
            return False
        # Keep the row as the file now holds it until the page reloads.
        self.items[index.row()] = self.reload(item)
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(len(self.COLUMNS) - 1))
        return True

    # --- per table -------------------------------------------------------

    def display(self, item: Any, field: str) -> str:
        return self.edit_text(item, field)

    def edit_text(self, item: Any, field: str) -> str:
        value = getattr(item, field)
        if value is None:
            return ""
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def edit_value(self, item: Any, field: str) -> Any:
        return getattr(item, field)

    def parse(self, field: str, value: Any) -> Any:
        """Cell text to what EditFieldsCommand takes; empty means none."""
        if isinstance(value, str):
            value = value.strip()
            return None if value == "" else value
        return value

    def check(self, item: Any, field: str, value: Any) -> ValidationError | None:
        """A rule of this table beyond the field's own (none by default)."""
        return None

    def reload(self, item: Any) -> Any:
        raise NotImplementedError
