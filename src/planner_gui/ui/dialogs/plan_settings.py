"""Plan ▸ Settings… (Ctrl+,): the plan's year and the rules its lights follow.

The plan page shows the same settings only while nothing is selected in the
tree, and the tree selects an area as soon as it has the focus: a clerk did
not find them. This dialog is always one shortcut away. OK writes every
change as one undo step ("Edit plan settings"); a wrong value is refused in
the dialog, naming the field, and nothing is written.

A new plan setting (a field of domain.model.PlanSettings) gets a row in
``_ROWS`` below; settings without a row keep their value when OK is pressed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.model import REPORTING_CYCLES
from planner_gui.ui.commands import EditPlanCommand
from planner_gui.ui.document import PlanDocument, refused_words
from planner_gui.ui.editor.fields import message_label
from planner_gui.ui.editor.plan_editor import field_label


class Parent(Protocol):
    """The window's side of the dialog: ``push``, which runs the command through
    the document and shows why one was refused, and the slot the open dialog is
    kept in (the menu drops what it opens; tests reach the dialog there).
    (Named here, not imported: this module is below main_window.py.)"""

    plan_settings_dialog: PlanSettingsDialog | None

    def push(self, make_command: Callable[[], QUndoCommand]) -> bool: ...


def _spin(low: int, high: int) -> Callable[[QWidget], QWidget]:
    def make(parent: QWidget) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(low, high)
        return box
    return make


def _points(parent: QWidget) -> QWidget:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 100)
    box.setDecimals(1)
    return box


def _cycle(parent: QWidget) -> QWidget:
    combo = QComboBox(parent)
    names = {"monthly": QCoreApplication.translate("PlanSettingsDialog", "Monthly"),
             "quarterly": QCoreApplication.translate("PlanSettingsDialog", "Quarterly")}
    for cycle in REPORTING_CYCLES:
        combo.addItem(names.get(cycle, cycle), cycle)
    return combo


def _yes_no(parent: QWidget) -> QWidget:
    return QCheckBox(parent)


# PlanSettings field -> the widget that edits it (labels: plan_editor.FIELD_LABELS).
# Spin boxes, combo boxes (their item data) and check boxes (_yes_no, for a
# yes/no setting) are read and set below.
_ROWS: dict[str, Callable[[QWidget], QWidget]] = {
    "behind_tolerance": _points,
    "due_soon_days": _spin(0, 366),
    "reporting_cycle": _cycle,
    "report_due_day": _spin(1, 31),
}


def _read(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return widget.value()  # type: ignore[attr-defined]


def _write(widget: QWidget, value: object) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        widget.setValue(value)  # type: ignore[attr-defined]


class PlanSettingsDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: Parent) -> None:
        super().__init__(parent)  # the window
        self.setObjectName("planSettingsDialog")
        self.document, self.parent_ = document, parent
        self.setWindowTitle(self.tr("Plan Settings"))
        info = document.store.plan_info()
        self.settings = info.settings
        layout = QVBoxLayout(self)
        self.message = message_label(self)
        layout.addWidget(self.message)
        plan_form = QFormLayout()
        self.year = QSpinBox(self)
        self.year.setRange(1900, 2200)
        self.year.setValue(info.year)
        self.year.setToolTip(self.tr("Deadlines written in words (4月底前, 年内) are read in this year"))
        plan_form.addRow(field_label("year"), self.year)
        layout.addLayout(plan_form)
        rules = QGroupBox(self.tr("Status rules and reporting"), self)
        rules_form = QFormLayout(rules)
        self.widgets: dict[str, QWidget] = {}
        for field, make in _ROWS.items():
            widget = make(rules)
            _write(widget, getattr(self.settings, field))
            rules_form.addRow(field_label(field), widget)
            self.widgets[field] = widget
        layout.addWidget(rules)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   Qt.Orientation.Horizontal, self)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        read_only = document.read_only
        for widget in (self.year, *self.widgets.values()):
            widget.setEnabled(not read_only)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not read_only)

    def apply(self) -> None:
        """Write what changed as one undo step and close; refuse a wrong value and stay."""
        document = self.document
        try:
            settings = dataclasses.replace(self.settings, **{f: _read(w) for f, w in self.widgets.items()})
        except ValidationError as error:
            self._refuse(error)
            return
        fields = {"year": self.year.value()} if self.year.value() != document.store.plan_info().year else {}
        if settings == self.settings and not fields:
            self.accept()
            return
        command = EditPlanCommand(document.store, document.report, self.tr("Edit plan settings"),
                                  fields=fields, settings=settings if settings != self.settings else None)
        if not self.parent_.push(lambda: command):
            return  # the window said why; the dialog stays open with the values
        self.accept()

    def _refuse(self, error: ValidationError) -> None:
        self.message.setText(self.tr("Not saved — {0}").format(refused_words(field_label(error.field), error)))
        self.message.show()


def open_dialog(document: PlanDocument, parent: Parent) -> PlanSettingsDialog:
    dialog = PlanSettingsDialog(document, parent)
    dialog.setModal(True)
    parent.plan_settings_dialog = dialog  # kept while open; tests reach it here
    dialog.open()
    return dialog
