"""Long tables set one QTextTable per page, each with its header row.

Qt can repeat a table's header on every page itself (setHeaderRowCount), but
painting a page of a table costs time in proportion to the whole table, so a
1,000-row table on 120 pages is slow to print (measured: 2,000 rows 1.5 s,
6,000 rows 11.7 s). Here rows are added to a table until the page is full;
rows that ran onto the next page are moved to a fresh table that starts
that page. The pages look the same; the time grows with the rows only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtGui import QTextFormat, QTextTable

from planner_gui.reports.flow import Flow
from planner_gui.reports.text_blocks import BODY_SIZE, after_table, start_table

Item = TypeVar("Item")
# fill(table, row, item): write one item into row ``row`` of ``table``
FillRow = Callable[[QTextTable, int, Item], None]


class PagedTable:
    def __init__(self, flow: Flow, widths: Sequence[float], header: Sequence[str],
                 fill: FillRow) -> None:
        self.flow = flow
        self.widths = widths
        self.header = header
        self.fill = fill
        self.page_height = BODY_SIZE.height()
        self.guess = 24  # rows tried per step; adapts to what fitted last time

    def _top(self, table: QTextTable, row: int) -> float:
        block = table.cellAt(row, 0).firstCursorPosition().block()
        return self.flow.doc.documentLayout().blockBoundingRect(block).top()

    def _bottom(self, table: QTextTable) -> float:
        return self.flow.doc.documentLayout().frameBoundingRect(table).bottom()

    def _rows_on_first_page(self, table: QTextTable) -> int:
        """Data rows that lie wholly on the page where the table's header is."""
        self.flow.cursor.endEditBlock()  # lay out what was added so far (one small segment)
        self.flow.cursor.beginEditBlock()
        page_end = (self._top(table, 0) // self.page_height + 1) * self.page_height
        rows = table.rows()
        fitted = 0
        for row in range(1, rows):
            end = self._top(table, row + 1) if row + 1 < rows else self._bottom(table)
            if end > page_end + 0.5:
                break
            fitted = row
        return fitted

    def add(self, items: Sequence[Item]) -> None:
        start = 0
        while start < len(items):
            if start:
                self.flow.new_segment(new_page=True)
            table = start_table(self.flow.cursor, 0, self.widths, self.header)
            placed = self._fill_page(table, items, start)
            if placed == 0:  # not even one row below the header: start on the next page
                self._break_before(table)
                placed = self._fill_page(table, items, start, at_least_one=True)
            after_table(self.flow.cursor, table)
            start += placed

    def _fill_page(self, table: QTextTable, items: Sequence[Item], start: int,
                   at_least_one: bool = False) -> int:
        placed = table.rows() - 1
        while start + placed < len(items):
            count = min(self.guess, len(items) - start - placed)
            first = table.rows()
            table.appendRows(count)
            for offset in range(count):
                self.fill(table, first + offset, items[start + placed + offset])
            fitted = self._rows_on_first_page(table)
            if fitted < table.rows() - 1:
                keep = max(fitted, 1 if at_least_one else 0)
                table.removeRows(keep + 1, table.rows() - 1 - keep)
                # Next page: half as many rows again as fitted here. Every check lays the
                # page's table out anew, so trying too few (all fit, add more, lay out
                # again) costs more than a few rows laid out and taken back; too many
                # costs too (1,525 pages: keep+1 15.1 s, x1.25 14.3 s, x1.5 13.9 s, x2 17.2 s).
                self.guess = max(4, keep + keep // 2 + 2)
                return keep
            placed = fitted
        return placed

    @staticmethod
    def _break_before(table: QTextTable) -> None:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)
