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
from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.domain.progress import Status, status_word
from planner_gui.domain.rounding import format_progress
from planner_gui.domain.validation import check_dates
from planner_gui.store import PlanStore
from planner_gui.store.rows import from_iso
from planner_gui.ui.commands import EditFieldsCommand, PlanEvents

# Red readable on light and dark backgrounds alike.
ERROR_COLOUR = "#ef4444"
# QDateEdit cannot be empty: its minimum date stands for "no date".
NO_DATE = QDate(1900, 1, 1)


@dataclass
class EditorContext:
    """What every page needs: the open file, its events, the undo stack, the as-of date."""

    store: PlanStore
    events: PlanEvents
    undo_stack: QUndoStack
    as_of: date

    def push_edit(self, table: str, item_id: str, fields: dict[str, object], text: str) -> ValidationError | None:
        """Write ``fields`` through an undoable command; a wrong value is refused
        (nothing written) and returned so the page can name the field."""
        try:
            if table == "task" and ("start" in fields or "due" in fields):
                row = self.store.get_row("task", item_id)
                start = fields["start"] if "start" in fields else from_iso(row["start"])
                due = fields["due"] if "due" in fields else from_iso(row["due"])
                check_dates(start, due)  # type: ignore[arg-type]
            command = EditFieldsCommand(self.store, self.events, table, item_id, fields, text)
        except ValidationError as error:
            return error
        except (PlannerError, sqlite3.Error) as error:
            return ValidationError(next(iter(fields), table), str(error))
        failure = self.push(command)
        return None if failure is None else ValidationError(next(iter(fields), table), failure)

    def push(self, command: QUndoCommand) -> str | None:
        """Push a command; if writing fails (file read-only, disk full, changed
        under us) drop it from the stack without undoing and return why."""
        try:
            self.undo_stack.push(command)
        except (PlannerError, sqlite3.Error, OSError) as error:
            command.setObsolete(True)
            self.undo_stack.undo()  # an obsolete command is removed, its undo() not called
            return str(error)
        return None


def ui_language() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def status_text(status: Status) -> str:
    return status_word(status, ui_language())


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
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2 if grow else height)

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


class OptionalDateEdit(QDateEdit):
    """A date or none. Delete/Backspace on the whole field clears it."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("none"))
        self._shown: date | None = None
        self._advanced = False
        self.default_page = date.today()
        self.setDate(NO_DATE)
        self.editingFinished.connect(self._finish)
        self.calendarWidget().clicked.connect(lambda _d: self._finish())
        self.calendarWidget().activated.connect(lambda _d: self._finish())

    def value(self) -> date | None:
        qdate = self.date()
        return None if qdate == NO_DATE else qdate.toPython()

    def set_value(self, value: date | None) -> None:
        if self.hasFocus() and self.value() != self._shown:
            return
        self._shown = value
        self.setDate(QDate(value) if value else NO_DATE)

    def revert(self) -> None:
        self.setDate(QDate(self._shown) if self._shown else NO_DATE)

    def mark_saved(self) -> None:
        self._shown = self.value()

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        if self.value() is None:
            # Open the calendar near the plan's dates, not in 1900.
            self.calendarWidget().setCurrentPage(self.default_page.year, self.default_page.month)

    def event(self, event: QEvent) -> bool:
        # QDateEdit uses Tab to step through year/month/day (typing "-" does that too),
        # and showing "none" it never lets go: Tab leaves the field, as everywhere else.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.lineEdit().selectedText() == self.text():
            self.setDate(NO_DATE)
            return
        if self.value() is None and event.text().isdigit():
            # Typing into "none": start from a date near the plan and overwrite its year first.
            self.setDate(QDate(self.default_page))
            self.setSelectedSection(QDateEdit.Section.YearSection)
        if event.text() in ("-", "/", ".") and self._advanced:
            # A full section already moved on to the next one; the typed separator
            # must not skip another (so "2024-02-15" types as written).
            self._advanced = False
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = event.text().isdigit() and self.currentSection() != section

    def _finish(self) -> None:
        if self.value() != self._shown:
            self.committed.emit(self.value())


def set_widgets_read_only(widgets: list[QWidget], read_only: bool) -> None:
    """Fields stay readable and selectable; other controls are disabled."""
    for widget in widgets:
        if hasattr(widget, "setReadOnly"):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)
