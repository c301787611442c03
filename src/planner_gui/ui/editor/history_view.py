"""A task's progress updates, newest first, read-only (history is never edited)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner_gui.domain.model import Indicator, ProgressUpdate
from planner_gui.ui.editor.fields import format_number
from planner_gui.ui.plan_tree import plain_tooltip

DATE, PROGRESS, TEXT, PROBLEMS, NEXT_STEPS, REPORTER, HIGHLIGHT, READINGS = range(8)
MAX_ROW_LINES = 6


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
        # The date, the figure and the highlight mark always fit: sized to contents, these
        # columns were measured before the rows came and showed "20…" and "8…". Their
        # width is the cell's, not the header's (an elided header has its tooltip).
        metrics, padding = self.fontMetrics(), 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        for column, sample in ((DATE, "2024-06-30"), (PROGRESS, "100%"), (HIGHLIGHT, self.tr("Yes"))):
            width = metrics.horizontalAdvance(sample) + padding
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        # The text columns share what is left of the width (the editor is about 380 px
        # wide in the first window at 1366×768: at 180 px each, 存在问题 and the rest fell
        # off the right); a header or cell too narrow for its text is elided, and its
        # tooltip holds the whole text.
        for column in (TEXT, PROBLEMS, NEXT_STEPS, REPORTER, READINGS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(2 * header.fontMetrics().horizontalAdvance("…") + padding // 2)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
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
        self.resizeRowsToContents()
        # a long text in a narrow column would make one row taller than the table:
        # at most a few lines each, the rest elided (and in the tooltip)
        tallest = MAX_ROW_LINES * self.fontMetrics().lineSpacing() + 8
        for row in range(self.history.rowCount()):
            if self.rowHeight(row) > tallest:
                self.setRowHeight(row, tallest)

    def row_texts(self) -> list[list[str]]:
        """The cells, for tests and copying (filled first if the table is hidden)."""
        self._fill()
        return [
            [self.history.item(row, column).text() for column in range(self.history.columnCount())]
            for row in range(self.history.rowCount())
        ]
