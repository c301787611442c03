"""The area page: name, description, weight and the area's roll-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from planner_gui.domain.model import Area
from planner_gui.domain.progress import GroupFigures
from planner_gui.ui.document import refused_words
from planner_gui.ui.editor.fields import (
    CommitLineEdit,
    CommitTextEdit,
    EditorContext,
    format_number,
    mark_invalid,
    message_label,
    plain_label,
    set_widgets_read_only,
)
from planner_gui.ui.editor.figures import RollupBox

FIELD_LABELS = {"name": QT_TRANSLATE_NOOP("AreaEditor", "Name"), "description": QT_TRANSLATE_NOOP("AreaEditor", "Description"), "weight": QT_TRANSLATE_NOOP("AreaEditor", "Weight")}


def field_label(field: str) -> str:
    return QCoreApplication.translate("AreaEditor", FIELD_LABELS.get(field, field))


class AreaEditor(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area_id: str | None = None
        layout = QVBoxLayout(self)
        self.message = message_label(self)
        layout.addWidget(self.message)
        form = QFormLayout()
        self.widgets = {
            "name": CommitTextEdit(self, lines=2, grow=False, enter_commits=True),
            "description": CommitTextEdit(self, lines=4),
            "weight": CommitLineEdit(self),
        }
        for field, widget in self.widgets.items():
            form.addRow(field_label(field), widget)
            widget.committed.connect(lambda value, f=field, w=widget: self.commit(f, w, value))
        layout.addLayout(form)
        box = QGroupBox(self.tr("Roll-up"), self)
        box_layout = QVBoxLayout(box)
        self.as_of_label = plain_label("", box)
        self.rollup = RollupBox(box)
        box_layout.addWidget(self.as_of_label)
        box_layout.addWidget(self.rollup)
        layout.addWidget(box)
        layout.addStretch(1)

    def show_area(self, area: Area, figures: GroupFigures, as_of: date) -> None:
        if area.id != self.area_id:
            self.message.hide()
            for widget in self.widgets.values():
                mark_invalid(widget, False)
        self.area_id = area.id
        values = {"name": area.name, "description": area.description, "weight": format_number(area.weight)}
        for field, value in values.items():
            if not self.widgets[field].property("invalid"):  # a refused value stays in sight
                self.widgets[field].set_value(value)
        # the count is the roll-up's (work items), not a second number of another kind
        self.as_of_label.setText(self.tr("As of {0}").format(as_of.isoformat()))
        self.rollup.set_figures(figures)

    def set_read_only(self, read_only: bool) -> None:
        set_widgets_read_only(list(self.widgets.values()), read_only)

    def commit(self, field: str, widget: QWidget, value: object) -> bool:
        if self.area_id is None:
            return False
        error = self.context.push_edit("area", self.area_id, {field: value},
                                       self.tr("Edit {0}").format(field_label(field)))
        mark_invalid(widget, error is not None)
        if error is not None:
            self.message.setText(self.tr("Not saved — {0}").format(refused_words(field_label(error.field), error)))
            self.message.show()
            return False
        widget.mark_saved()  # type: ignore[attr-defined]
        self.message.hide()
        return True
