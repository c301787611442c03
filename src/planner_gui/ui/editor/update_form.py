"""The form that appends a dated progress update (进展情况) to a task."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.domain.model import Indicator, ProgressUpdate
from planner_gui.domain.validation import check_number, check_progress
from planner_gui.store.rows import update_row
from planner_gui.ui.commands import AddUpdateCommand
from planner_gui.ui.document import validation_reason
from planner_gui.ui.editor.fields import (
    ERROR_COLOUR,
    CommitTextEdit,
    DateField,
    EditorContext,
    OneLineLabel,
    format_number,
    mark_invalid,
    plain_label,
)
from planner_gui.ui.editor.indicator_table import comparator_text

NO_FIGURE = -1
# What the progress box lets be typed: a figure over 100 is refused with a
# message when the update is added, not cut to its first two digits as a
# spin box limited to 100 does with a typed 150.
TYPED_MAXIMUM = 999


class PercentBox(QSpinBox):
    """Progress in %; "no figure" below 0; the arrows stop at 100."""

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt API
        self.setValue(max(NO_FIGURE, min(100, self.value() + steps)))


def default_update_date(as_of: date, plan_year: int, today: date | None = None) -> date:
    """The date a new update starts with: the as-of date, which the clerk sets to
    the reporting day being entered, but never after today nor after the plan's
    year (a 2024 plan looked at in 2026 is reported on by 31 December 2024)."""
    day = min(as_of, today or date.today())
    return min(day, date(plan_year, 12, 31))


class UpdateForm(QWidget):
    refused = Signal(str, str)
    added = Signal(str)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task_id: str | None = None
        self.indicators: list[Indicator] = []
        form = QFormLayout(self)
        self.plan_year = date.today().year
        self.date = DateField(self, optional=False)
        self.progress = PercentBox(self)
        self.progress.setRange(NO_FIGURE, TYPED_MAXIMUM)
        self.progress.setSuffix("%")
        self.progress.setSpecialValueText(self.tr("no figure"))
        self.text = CommitTextEdit(self, lines=3)
        self.problems = CommitTextEdit(self, lines=2)
        self.next_steps = CommitTextEdit(self, lines=2)
        self.reporter = QLineEdit(self)
        self.highlight = QCheckBox(self.tr("Highlight (亮点) for the summary"), self)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Progress"), self.progress)
        form.addRow(self.tr("What was done"), self.text)
        form.addRow(self.tr("Problems"), self.problems)
        form.addRow(self.tr("Next steps"), self.next_steps)
        form.addRow(self.tr("Reporter"), self.reporter)
        form.addRow("", self.highlight)
        self.readings_form = QFormLayout()
        form.addRow(self.readings_form)
        self.reading_edits: dict[str, QLineEdit] = {}
        buttons = QHBoxLayout()
        # Why an update was refused, on the button's own row: a banner above the
        # form moved the button from under the mouse (one line, whole text in the tooltip).
        self.message = OneLineLabel(self)
        self.message.setObjectName("refusal")
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.refused.connect(lambda _field, text: self.message.setText(text))
        buttons.addWidget(self.message, 1)
        self.add_button = QPushButton(self.tr("Add progress update"), self)
        self.add_button.clicked.connect(self.add_update)
        self.add_button.setToolTip(self.tr("Add the update (Ctrl+Enter)"))

        buttons.addWidget(self.add_button)
        form.addRow(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter from any field of the form (text fields pass it up) adds the update.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.add_update()
            return
        super().keyPressEvent(event)

    def set_task(self, task_id: str, indicators: list[Indicator], progress: float, as_of: date,
                 plan_year: int | None = None) -> None:
        """Prepare the form for a task; typed text survives a refresh of the same task."""
        same_task = task_id == self.task_id
        self.task_id = task_id
        if plan_year is not None:
            self.plan_year = plan_year
        if not same_task:
            self.clear()
            self.set_as_of(as_of)
            self.progress.setValue(round(progress))
        if not same_task or [i.name for i in indicators] != [i.name for i in self.indicators]:
            self._build_readings(indicators)
        self.indicators = list(indicators)

    def set_as_of(self, as_of: date) -> None:
        self.date.set_value(default_update_date(as_of, self.plan_year))
        mark_invalid(self.date, False)

    def _build_readings(self, indicators: list[Indicator]) -> None:
        while self.readings_form.rowCount():
            self.readings_form.removeRow(0)
        self.reading_edits = {}
        for ind in indicators:
            edit = QLineEdit(self)
            target = f"{comparator_text(ind.comparator)} {format_number(ind.target)}{ind.unit}"
            edit.setPlaceholderText(self.tr("reading, target {0}").format(target.strip()))
            self.reading_edits[ind.name] = edit
            self.readings_form.addRow(plain_label(ind.name, self), edit)

    def clear(self) -> None:
        self.message.clear()
        for edit in (self.text, self.problems, self.next_steps):
            edit.setPlainText("")  # even the field being typed in: its text was just added
            edit.mark_saved()
        self.highlight.setChecked(False)
        for edit in self.reading_edits.values():
            edit.clear()
            mark_invalid(edit, False)

    def build_update(self) -> ProgressUpdate:
        """The update as typed; ValidationError names a wrong reading."""
        mark_invalid(self.date, False)
        mark_invalid(self.progress, False)
        try:
            day = self.date.typed_value()
        except ValueError as error:
            mark_invalid(self.date, True)
            raise ValidationError(self.tr("Date"), str(error)) from None
        assert day is not None  # the field is not optional
        value = self.progress.value()
        try:
            figure = None if value == NO_FIGURE else check_progress(value, self.tr("Progress"))
        except ValidationError:
            mark_invalid(self.progress, True)
            raise ValidationError(self.tr("Progress"), self.tr("{0}% is over 100%").format(value)) from None
        readings: dict[str, float] = {}
        for name, edit in self.reading_edits.items():
            mark_invalid(edit, False)
            try:
                number = check_number(edit.text().strip(), name)
            except ValidationError:
                mark_invalid(edit, True)
                raise
            if number is not None:
                readings[name] = number
        return ProgressUpdate(
            date=day,
            progress=figure,
            text=self.text.value().strip(),
            problems=self.problems.value().strip(),
            next_steps=self.next_steps.value().strip(),
            reporter=self.reporter.text().strip(),
            highlight=self.highlight.isChecked(),
            readings=readings,
        )

    def add_update(self) -> bool:
        if self.task_id is None:
            return False
        try:
            update = self.build_update()
            update_row(update, self.task_id, "")  # the store's own checks, before anything is pushed
        except ValidationError as error:
            self.refused.emit(error.field, self.tr("Reading {0}: {1}").format(error.field, validation_reason(error))
                              if error.field in self.reading_edits else str(error))
            return False
        try:
            command = AddUpdateCommand(self.context.store, self.context.report, self.task_id, update)
        except PlannerError as error:
            self.refused.emit("", str(error))
            return False
        failure = self.context.push(command)
        if failure is not None:
            self.refused.emit("", failure)  # nothing added: the typed update stays in the form
            return False
        self.clear()
        self.added.emit(self.task_id)
        return True
