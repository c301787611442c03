"""The table of a task's indicators (量化指标): name, comparator, target, unit,
baseline, current — each cell editable through an undoable command."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.model import COMPARATOR_WORDS, COMPARATORS, Indicator
from planner_gui.store.rows import indicator_from_row
from planner_gui.ui.editor.table_model import ItemTableModel

NAME, COMPARATOR, TARGET, UNIT, BASELINE, CURRENT = range(6)


def comparator_text(comparator: str) -> str:
    return f"{comparator} {COMPARATOR_WORDS.get(comparator, '')}".strip()


class IndicatorTableModel(ItemTableModel):
    TABLE = "indicator"
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("ItemTableModel", "Indicator")),
        ("comparator", QT_TRANSLATE_NOOP("ItemTableModel", "Comparator")),
        ("target", QT_TRANSLATE_NOOP("ItemTableModel", "Target")),
        ("unit", QT_TRANSLATE_NOOP("ItemTableModel", "Unit")),
        ("baseline", QT_TRANSLATE_NOOP("ItemTableModel", "Baseline")),
        ("current", QT_TRANSLATE_NOOP("ItemTableModel", "Current")),
    )

    def display(self, item: Indicator, field: str) -> str:
        if field == "comparator":
            return comparator_text(item.comparator)
        return self.edit_text(item, field)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (TARGET, BASELINE, CURRENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def parse(self, field: str, value: Any) -> Any:
        value = super().parse(field, value)
        if field == "comparator" and isinstance(value, str):
            # Accept the symbol, the Chinese word or the shown "symbol word".
            for comparator in COMPARATORS:
                if value in (comparator, COMPARATOR_WORDS[comparator], comparator_text(comparator)):
                    return comparator
        return value

    def check(self, item: Indicator, field: str, value: Any) -> ValidationError | None:
        # Readings in updates are keyed by indicator name: two of one name would mix them up.
        if field == "name" and isinstance(value, str):
            if any(other.name == value.strip() and other.id != item.id for other in self.items):
                return ValidationError("name", f"another indicator of this task is already called {value.strip()}")
        return None

    def reload(self, item: Indicator) -> Indicator:
        assert self.context is not None
        return indicator_from_row(self.context.store.get_row("indicator", item.id))


class ComparatorDelegate(QStyledItemDelegate):
    """Choose the comparator from a list instead of typing it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for comparator in COMPARATORS:
            combo.addItem(comparator_text(comparator), comparator)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.model().parse("comparator", index.data(Qt.ItemDataRole.EditRole)))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
