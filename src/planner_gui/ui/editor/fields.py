"""Field widgets shared by the editor pages.

Each editable widget emits ``committed`` when the user finishes a value
(Enter, leaving the field, choosing from a list or calendar) and only when the
value differs from what the file holds; ``set_value`` refreshes it from the file
but leaves a field alone while the user is typing in it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QUndoCommand, QWheelEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QWidget,
)

from planner_gui.domain.dates import parse_typed_date
from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.domain.fields import from_iso
from planner_gui.domain.progress import Status, status_word
from planner_gui.domain.rounding import format_progress
from planner_gui.domain.validation import check_dates
from planner_gui.store import PlanStore
from planner_gui.ui.changes import Report
from planner_gui.ui.commands import EditFieldsCommand
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.i18n import document_language

translate = QCoreApplication.translate

# Red readable on light and dark backgrounds alike.
ERROR_COLOUR = "#ef4444"


@dataclass
class EditorContext:
    """What every page needs: the open document (its file, the report its commands
    are given, its undo stack and as-of date)."""

    document: PlanDocument

    @property
    def store(self) -> PlanStore:
        return self.document.store

    @property
    def report(self) -> Report:
        """What a command built here is given to tell the document what it changed."""
        return self.document.report

    @property
    def as_of(self) -> date:
        return self.document.as_of

    def push_edit(self, table: str, item_id: str, fields: dict[str, object], text: str) -> ValidationError | None:
        """Write ``fields`` through an undoable command; a wrong value is refused
        (nothing written) and returned so the page can name the field."""
        try:
            if table == "task" and ("start" in fields or "due" in fields):
                row = self.store.get_row("task", item_id)
                start = fields["start"] if "start" in fields else from_iso(row["start"])
                due = fields["due"] if "due" in fields else from_iso(row["due"])
                check_dates(start, due)  # type: ignore[arg-type]
            command = EditFieldsCommand(self.store, self.report, table, item_id, fields, text)
        except ValidationError as error:
            return error
        except (PlannerError, sqlite3.Error) as error:
            return ValidationError(next(iter(fields), table), str(error))
        refusal = self.document.push(command)
        if refusal is None:
            return None
        return ValidationError(refusal.field or next(iter(fields), table), refusal.message)

    def push(self, command: QUndoCommand) -> str | None:
        """Push a command through the document; if writing fails (file read-only,
        disk full, changed under us) nothing is left on the stack: returns why."""
        refusal = self.document.push(command)
        return None if refusal is None else refusal.message


def status_text(status: Status) -> str:
    return status_word(status, document_language())


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A label that never interprets user text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


class OneLineLabel(QLabel):
    """One line of plain text, cut with "…" when it is too long, the whole of it
    in the tooltip. Its height never follows the text's length: the chart's
    heading wrapped long titles onto a second line, and both plots below it
    were laid out again at every click on a task (7 ms at 10,000 tasks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._whole = ""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._whole = text
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def whole_text(self) -> str:
        return self._whole

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self._whole if width <= 0 else self.fontMetrics().elidedText(
            self._whole, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        self.setToolTip(plain_tip(self._whole) if shown != self._whole else "")


def plain_tip(text: str) -> str:
    """Tooltips guess rich text; escaping keeps a title like <b>x</b> literal."""
    # convertFromPlainText lives on QtGui's Qt namespace, not QtCore's.
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def message_label(parent: QWidget | None = None) -> QLabel:
    """The plain-text line where a page says which field was refused and why."""
    label = plain_label("", parent)
    label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
    label.setObjectName("refusal")
    label.hide()
    return label


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A red border on a refused field (property 'invalid' for tests and styles)."""
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet(f"border: 2px solid {ERROR_COLOUR};" if invalid else "")


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def format_percent(value: float | None) -> str:
    return format_progress(value)


class CommitLineEdit(QLineEdit):
    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, text: str) -> None:
        if self.hasFocus() and self.text() != self._shown:
            return  # the user is typing here; keep their text
        self._shown = text
        self.setText(text)

    def revert(self) -> None:
        self.setText(self._shown)

    def mark_saved(self) -> None:
        self._shown = self.text()

    def _finish(self) -> None:
        if self.text() != self._shown:
            self.committed.emit(self.text())


class CommitTextEdit(QPlainTextEdit):
    """Multi-line, wrapping text; committed on leaving the field or Ctrl+Enter."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 3, grow: bool = True,
                 enter_commits: bool = False) -> None:
        super().__init__(parent)
        self._shown = ""
        # Titles and names are one line that wraps: Enter saves them instead of breaking the line.
        self.enter_commits = enter_commits
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._lines, self._grow = lines, grow
        self._fit_height()

    def _fit_height(self) -> None:
        height = self.fontMetrics().lineSpacing() * self._lines + 12
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2 if self._grow else height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # the task's title is set in a larger bold font after it is made: measured in
            # the plain font, its box showed one and a half of its two lines
            self._fit_height()

    def set_value(self, text: str) -> None:
        if self.hasFocus() and self.toPlainText() != self._shown:
            return
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def value(self) -> str:
        return self.toPlainText()

    def revert(self) -> None:
        self.setPlainText(self._shown)

    def mark_saved(self) -> None:
        self._shown = self.toPlainText()

    def commit_now(self) -> None:
        if self.toPlainText() != self._shown:
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit_now()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and (self.enter_commits or event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit_now()
            event.ignore()  # a form around it may act on Enter too (the update form adds)
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A date typed as text, with a calendar to pick from (the arrow, Alt+Down or F4).

    The text is taken whole when the field is committed (Enter, leaving it):
    2024-06-25, 2024/6/25, 2024年6月25日 or 20240625 (domain/dates.py), or it is
    refused visibly (``refused`` with the reason; the text stays for correcting).
    A QDateEdit edits its sections in place instead: select-all and typing
    2024-06-25 kept the old year. Empty means no date where ``optional``.
    Up/Down step the date by a day, Page Up/Down by a month.
    """

    committed = Signal(object)  # date | None, only when it differs from the file
    refused = Signal(str)  # the typed text is not a date: why
    restored = Signal()  # after a refusal, the text is back to the saved date

    def __init__(self, parent: QWidget | None = None, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self._shown: date | None = None
        self.default_page = date.today()
        self.setPlaceholderText(self.tr("none") if optional else "2024-06-25")
        self.setToolTip(self.tr("Type a date such as 2024-06-25, 2024/6/25 or 2024年6月25日, "
                                "or pick one from the calendar (Alt+Down)"))
        self.setMaxLength(40)
        self._calendar: QCalendarWidget | None = None
        self._pick = self.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                    QLineEdit.ActionPosition.TrailingPosition)
        self._pick.setToolTip(self.tr("Pick from the calendar"))
        self._pick.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self._finish)
        width = self.fontMetrics().horizontalAdvance("2024-06-25") + 48
        self.setMinimumWidth(width)

    # --- the value ---------------------------------------------------------

    def typed_value(self) -> date | None:
        """The date the text means; ValueError (translated) when it means none."""
        text = self.text()
        try:
            value = parse_typed_date(text)
        except ValueError:
            raise ValueError(self.tr("“{0}” is not a date: type it as 2024-06-25").format(text.strip())) from None
        if value is None and not self.optional:
            raise ValueError(self.tr("a date is needed"))
        return value

    def value(self) -> date | None:
        """The typed date, or the saved one while the text is not a date."""
        try:
            return self.typed_value()
        except ValueError:
            return self._shown

    def date(self) -> QDate:
        value = self.value()
        return QDate(value) if value else QDate()

    def setDate(self, day: QDate) -> None:  # noqa: N802 - the QDateEdit name callers know
        self._show_text(day.toPython() if day.isValid() else None)

    def set_value(self, value: date | None) -> None:
        if self.hasFocus() and self.text() != _iso(self._shown):
            return  # the user is typing here; keep their text
        self._shown = value
        self._show_text(value)

    def revert(self) -> None:
        self._show_text(self._shown)

    def mark_saved(self) -> None:
        self._shown = self.value()

    def _show_text(self, value: date | None) -> None:
        self.setText(_iso(value))

    def _finish(self) -> None:
        try:
            value = self.typed_value()
        except ValueError as error:
            self.refused.emit(str(error))
            return
        self._show_text(value)  # 2024/6/25 is shown as 2024-06-25 once taken
        if value != self._shown:
            self.committed.emit(value)
        elif self.property("invalid"):
            self.restored.emit()

    # --- keys and the calendar --------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.show_calendar()
            return
        steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0),
                 Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}
        if key in steps and not self.isReadOnly():
            days, months = steps[key]
            start = QDate(self.value() or self.default_page)
            self._show_text(start.addDays(days).addMonths(months).toPython())
            return
        super().keyPressEvent(event)

    def calendarWidget(self) -> QCalendarWidget:  # noqa: N802 - the QDateEdit name callers know
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        return self._calendar

    def show_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return
        calendar = self.calendarWidget()
        shown = self.value() or self.default_page
        calendar.setSelectedDate(QDate(shown))
        calendar.setCurrentPage(shown.year, shown.month)
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.calendarWidget().hide()
        self._show_text(day.toPython())
        self.setFocus()
        self._finish()


class CommitCheckBox(QCheckBox):
    """A yes/no field, committed as soon as the user ticks or clears it."""

    committed = Signal(object)  # bool

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(self.committed.emit)

    def set_value(self, value: bool) -> None:
        self.blockSignals(True)  # showing the file's value is not an edit
        self.setChecked(bool(value))
        self.blockSignals(False)


class CommitNumberBox(QDoubleSpinBox):
    """A number typed or stepped with the arrows, committed on Enter or leaving the field
    (not at each step), and only when it differs from what the file holds.

    ``optional``: one step below ``minimum`` is no number (None), shown as "none", so an
    empty value (progress worked out from the updates) can be chosen and seen.
    """

    committed = Signal(object)  # float | None

    def __init__(self, parent: QWidget | None = None, minimum: float = 0.0, maximum: float = 1e6,
                 optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setDecimals(2)
        self.setRange(minimum - 0.01 if optional else minimum, maximum)
        if optional:
            self.setSpecialValueText(translate("CommitNumberBox", "none"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel scrolls the page, not the figure
        self._shown = self.value()  # as the box shows the file's value (rounded to its decimals)
        self.editingFinished.connect(self._finish)

    def number(self) -> float | None:
        if self.optional and self.value() == self.minimum():
            return None
        return self.value()

    def set_value(self, value: float | None) -> None:
        if self.hasFocus() and self.value() != self._shown:
            return  # the user is typing here; keep their figure
        self.blockSignals(True)
        self.setValue(self.minimum() if value is None else value)
        self.blockSignals(False)
        self._shown = self.value()

    def revert(self) -> None:
        self.setValue(self._shown)

    def mark_saved(self) -> None:
        self._shown = self.value()

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        return f"{value:.2f}".rstrip("0").rstrip(".")  # 2, not 2.00: as the other figures are shown

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # scrolling past the field does not change it

    def _finish(self) -> None:
        if self.value() != self._shown:
            self.committed.emit(self.number())


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def set_widgets_read_only(widgets: list[QWidget], read_only: bool) -> None:
    """Fields stay readable and selectable; other controls are disabled."""
    for widget in widgets:
        if hasattr(widget, "setReadOnly"):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)
