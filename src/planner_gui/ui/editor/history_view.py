"""A task's progress updates, newest first, read-only (history is never edited)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner_gui.domain.model import Indicator, ProgressUpdate
from planner_gui.ui.editor.fields import format_number
from planner_gui.ui.plan_tree import plain_tooltip

DATE, PROGRESS, TEXT, PROBLEMS, NEXT_STEPS, REPORTER, HIGHLIGHT, READINGS = range(8)
TEXT_COLUMNS = (TEXT, PROBLEMS, NEXT_STEPS, REPORTER, READINGS)
MAX_ROW_LINES = 6
TEXT_COLUMN_CHARACTERS = 6  # the narrowest a text column gets: six Chinese characters a line


def readings_text(update: ProgressUpdate, indicators: list[Indicator]) -> str:
    units = {ind.name: ind.unit for ind in indicators}
    return "; ".join(
        f"{name} {format_number(value)}{units.get(name, '')}" for name, value in update.readings.items()
    )


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = QStandardItemModel(0, 8, self)
        self._shown: tuple = ((), ())  # (updates, indicators) the rows show
        self._wanted: tuple = ((), ())  # what they are to show once the table is visible
        self.history.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Progress"), self.tr("Progress text"), self.tr("Problems"),
            self.tr("Next steps"), self.tr("Reporter"), self.tr("Highlight"), self.tr("Readings"),
        ])
        self.setModel(self.history)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        # The date, the figure and the highlight mark always fit, and so do their headers:
        # sized to contents, these columns were measured before the rows came and showed
        # "20…" and "8…".
        for column, sample in ((DATE, "2024-06-30"), (PROGRESS, "100%"), (HIGHLIGHT, self.tr("Yes"))):
            label = self.history.headerData(column, Qt.Orientation.Horizontal)
            width = max(self.fontMetrics().horizontalAdvance(sample),
                        header.fontMetrics().horizontalAdvance(label)) + padding
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        # The text columns share what is left of the width, but never fall below a few
        # words: squeezed into the editor's ~330 px at 1366×768 they were 33 px each,
        # two characters a line. Too narrow for all of them, the table scrolls sideways;
        # a cell too long for its few lines is elided, its tooltip holds the whole text.
        self.text_column_width = TEXT_COLUMN_CHARACTERS * self.fontMetrics().horizontalAdvance("中") + padding
        for column in TEXT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, self.text_column_width)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # not a whole column a step
        for column in range(self.history.columnCount()):
            label = self.history.headerData(column, Qt.Orientation.Horizontal)
            self.history.setHeaderData(column, Qt.Orientation.Horizontal, plain_tooltip(label),
                                       Qt.ItemDataRole.ToolTipRole)

    def set_updates(self, updates: list[ProgressUpdate], indicators: list[Indicator]) -> None:
        self._wanted = (tuple(updates), tuple(indicators))
        if self.isVisible():
            self._fill()
        # else filled when shown: the history sits on its own tab, and making its
        # rows and their heights cost 3-5 ms of every click on a task

    def showEvent(self, event: QShowEvent) -> None:
        self._fill()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_text_columns():
            self._fit_rows()

    def _fit_text_columns(self) -> bool:
        """Share the width the fixed columns leave among the shown text columns, none
        narrower than TEXT_COLUMN_CHARACTERS; True if a width changed."""
        shown = [c for c in TEXT_COLUMNS if not self.isColumnHidden(c)]
        if not shown:
            return False
        # measured without the vertical scroll bar's room, so that the bar coming or
        # going (rows taller or shorter at the new widths) cannot flip the widths back
        free = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        free -= sum(self.columnWidth(c) for c in range(self.history.columnCount())
                    if c not in TEXT_COLUMNS and not self.isColumnHidden(c))
        width = max(self.text_column_width, free // len(shown))
        changed = False
        for column in shown:
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)
                changed = True
        return changed

    def _fit_rows(self) -> None:
        self.resizeRowsToContents()
        # a long text in a narrow column would make one row taller than the table:
        # at most a few lines each, the rest elided (and in the tooltip)
        tallest = MAX_ROW_LINES * self.fontMetrics().lineSpacing() + 8
        for row in range(self.history.rowCount()):
            if self.rowHeight(row) > tallest:
                self.setRowHeight(row, tallest)

    def _fill(self) -> None:
        if self._wanted == self._shown:
            # the same history (the task's leader or title was edited): rebuilding
            # the rows and their heights cost 5-8 ms per edit for a long history
            return
        self._shown = self._wanted
        updates, indicators = self._wanted
        self.history.removeRows(0, self.history.rowCount())
        newest_first = sorted(updates, key=lambda u: u.date, reverse=True)
        for update in newest_first:
            cells = [
                update.date.isoformat(),
                "" if update.progress is None else f"{update.progress:g}%",
                update.text, update.problems, update.next_steps, update.reporter,
                self.tr("Yes") if update.highlight else "",
                readings_text(update, indicators),
            ]
            row = []
            for text in cells:
                item = QStandardItem(text)  # plain text: never interpreted as HTML
                item.setEditable(False)
                item.setToolTip(plain_tooltip(text))  # the whole text of an elided cell, shown literally
                row.append(item)
            row[PROGRESS].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.history.appendRow(row)
        # a column no update fills (no highlight, a task without indicators) gives its
        # width to the others
        for column in (HIGHLIGHT, READINGS):
            self.setColumnHidden(column, not any(self.history.item(row, column).text()
                                                 for row in range(self.history.rowCount())))
        self._fit_text_columns()
        self._fit_rows()

    def row_texts(self) -> list[list[str]]:
        """The cells, for tests and copying (filled first if the table is hidden)."""
        self._fill()
        return [
            [self.history.item(row, column).text() for column in range(self.history.columnCount())]
            for row in range(self.history.rowCount())
        ]
