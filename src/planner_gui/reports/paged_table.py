"""Long tables set one QTextTable per page, each with its header row.

Qt can repeat a table's header on every page itself (setHeaderRowCount), but
painting a page of a table costs time in proportion to the whole table, so a
1,000-row table on 120 pages is slow to print (measured: 2,000 rows 1.5 s,
6,000 rows 11.7 s). Here each page gets a table of its own, holding the rows
that fit on that page. The pages look the same; the time grows with the rows
only.

Which rows fit is worked out before they are added: each row's height is its
tallest cell's text, broken into lines at the column's width with QTextLayout
as the document breaks it (a small part of the cost of laying the table out),
plus the cell padding and border. The page's table is then laid out once, which also
checks the measurement: rows that ran past the page end after all are taken
back, and if room is left, more rows are tried. Adding rows by guess and
taking back those that did not fit laid each page out two or three times
(1,525 pages: 9 s of a 15 s PDF).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import islice
from typing import NamedTuple, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextCharFormat,
    QTextFormat,
    QTextLayout,
    QTextOption,
    QTextTable,
)

from planner_gui.reports.flow import Flow
from planner_gui.reports.text_blocks import (
    BODY_SIZE,
    CELL_BORDER,
    CELL_PADDING,
    after_table,
    char_format,
    layout_device,
    set_cell,
    start_table,
)

Item = TypeVar("Item")
_OPTION = QTextOption()
_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
_OPTION.setUseDesignMetrics(True)


class Cell(NamedTuple):
    """One table cell: runs of literal text, each in its character format."""

    runs: Sequence[tuple[str, QTextCharFormat]]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


# cells(item): the cells of one item's row, column by column
RowCells = Callable[[Item], Sequence[Cell]]


class PagedTable:
    def __init__(self, flow: Flow, widths: Sequence[float], header: Sequence[str],
                 cells: RowCells) -> None:
        self.flow = flow
        self.widths = widths
        self.header = header
        self.cells = cells
        self.page_height = BODY_SIZE.height()
        # The width the text of each column wraps at, and what a row adds to its
        # tallest text (Qt's collapsed borders: each cell loses its padding and
        # gains back one border's width; checked against Qt's own layout in
        # tests/test_reports_paged_table.py).
        self.text_widths = [BODY_SIZE.width() * w / 100 - 2 * CELL_PADDING + CELL_BORDER
                            for w in widths]
        self.row_extra = 2 * CELL_PADDING + CELL_BORDER
        self.empty_line = QFontMetricsF(flow.doc.defaultFont(), layout_device()).height()
        self._fonts: dict[int, tuple[QTextCharFormat, QFont]] = {}
        self._heights: dict[tuple[str, int, int], float] = {}

    def add(self, items: Sequence[Item]) -> None:
        start = 0
        while start < len(items):
            if start:
                self.flow.new_segment(new_page=True)
            table = start_table(self.flow.cursor, 0, self.widths, self.header)
            self.flow.trim_last_block()  # now, not after the rows are laid out (flow.py)
            placed = self._fill_page(table, items, start)
            if placed == 0:  # not even one row below the header: start on the next page
                self._break_before(table)
                placed = self._fill_page(table, items, start, at_least_one=True)
            after_table(self.flow.cursor, table)
            start += placed

    def row_height(self, cells: Sequence[Cell]) -> float:
        """The height Qt's layout gives a row of these cells (tallest wrapped text + padding)."""
        tallest = 0.0
        known = self._heights
        for column, (runs, _) in enumerate(cells):
            text = runs[0][0] if len(runs) == 1 else "".join(text for text, _ in runs)
            if not text:  # an empty cell keeps one line in the document's own font
                height = self.empty_line
            else:
                # names, units, deadlines and lights repeat from row to row
                key = (text, column, id(runs[0][1]))
                height = known.get(key)
                if height is None:
                    height = known[key] = self._text_height(text, runs[0][1], self.text_widths[column])
            tallest = max(tallest, height)
        return tallest + self.row_extra

    def _text_height(self, text: str, fmt: QTextCharFormat, width: float) -> float:
        """Lines broken as the document breaks them; each line but the last
        takes its height rounded up, as the document places the next line on
        a whole pixel."""
        font = self._font(fmt)
        heights = []
        for paragraph in text.split("\n"):  # each its own block in the cell
            layout = QTextLayout(paragraph, font, layout_device())
            layout.setTextOption(_OPTION)
            layout.beginLayout()
            line = layout.createLine()
            while line.isValid():
                line.setLineWidth(width)
                heights.append(line.ascent() + line.descent())
                line = layout.createLine()
            layout.endLayout()
        return sum(math.ceil(h) for h in heights[:-1]) + heights[-1]

    def _font(self, fmt: QTextCharFormat) -> QFont:
        # keyed by the format object (the writers make each format once), kept alive here
        found = self._fonts.get(id(fmt))
        if found is None:
            found = self._fonts[id(fmt)] = (fmt, fmt.font())
        return found[1]

    def _fill_page(self, table: QTextTable, items: Sequence[Item], start: int,
                   at_least_one: bool = False) -> int:
        """Add the rows that fit on the page where ``table`` starts; return how many."""
        placed = 0
        while start + placed < len(items):
            room = self._page_end(table) + 0.5 - self._bottom(table)
            rows: list[Sequence[Cell]] = []
            for item in islice(items, start + placed, None):  # no copy of the rest per page
                cells = self.cells(item)
                room -= self.row_height(cells)
                if room < 0 and (rows or placed or not at_least_one):
                    break
                rows.append(cells)
            if not rows:
                return placed
            first = table.rows()
            table.appendRows(len(rows))
            for offset, cells in enumerate(rows):
                self._fill(table, first + offset, cells)
            fitted = self._rows_on_first_page(table)
            if fitted < table.rows() - 1:  # measured too short: take back what ran over
                keep = max(fitted, 1 if at_least_one else 0)
                table.removeRows(keep + 1, table.rows() - 1 - keep)
                return keep
            placed = fitted
        return placed

    @staticmethod
    def _fill(table: QTextTable, row: int, cells: Sequence[Cell]) -> None:
        for column, (runs, align) in enumerate(cells):
            if runs:
                cursor = set_cell(table, row, column, runs[0][0], runs[0][1], align)
                for text, fmt in runs[1:]:
                    cursor.insertText(text, fmt)

    def _layout(self) -> None:
        self.flow.cursor.endEditBlock()  # lays out what was added since (one small segment)
        self.flow.cursor.beginEditBlock()

    def _top(self, table: QTextTable, row: int) -> float:
        block = table.cellAt(row, 0).firstCursorPosition().block()
        return self.flow.doc.documentLayout().blockBoundingRect(block).top()

    def _bottom(self, table: QTextTable) -> float:
        return self.flow.doc.documentLayout().frameBoundingRect(table).bottom()

    def _page_end(self, table: QTextTable) -> float:
        """The end of the page on which the table's header row is."""
        self._layout()
        return (self._top(table, 0) // self.page_height + 1) * self.page_height

    def _rows_on_first_page(self, table: QTextTable) -> int:
        """Data rows that lie wholly on the page where the table's header is."""
        page_end = self._page_end(table)
        rows = table.rows()
        fitted = 0
        for row in range(1, rows):
            end = self._top(table, row + 1) if row + 1 < rows else self._bottom(table)
            if end > page_end + 0.5:
                break
            fitted = row
        return fitted

    @staticmethod
    def _break_before(table: QTextTable) -> None:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)


def fit_widths(widths: Sequence[float], texts: dict[int, tuple[set[str], QTextCharFormat, bool]],
               header: Sequence[str], stretch: Sequence[int]) -> list[float]:
    """Column widths (percent) sized to what the columns hold.

    ``texts``: column -> (its texts, their format, whether it may never wrap).
    A column that must not wrap (序号 "15.2.1", 状态 "已完成") gets its widest
    text; another gets at most its default width (a long unit name may wrap)
    and shrinks to its header when empty. What is saved goes to the ``stretch``
    columns (任务, 最新进展) in proportion: an empty 责任领导 column kept its
    width while task titles wrapped to three or four lines.
    """
    device = layout_device()
    bold = QFontMetricsF(char_format(9, bold=True).font(), device)
    fitted = list(widths)
    for column, (values, fmt, whole) in texts.items():
        metrics = QFontMetricsF(fmt.font(), device)
        if len(values) > 64:  # 10,000 task numbers: the longest are the widest (55 ms to measure all)
            values = set(sorted(values, key=len)[-64:])
        widest = max([bold.horizontalAdvance(header[column]), *(metrics.horizontalAdvance(v) for v in values)])
        need = 100 * (widest + 2 * CELL_PADDING + 2 * CELL_BORDER + 1) / BODY_SIZE.width()
        fitted[column] = need if whole else min(widths[column], need)
    spare = 100 - sum(fitted)
    weights = sum(widths[c] for c in stretch)
    for column in stretch:
        fitted[column] += spare * widths[column] / weights
    return fitted
