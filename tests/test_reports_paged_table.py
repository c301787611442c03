"""Long tables in the printed report: each page gets the rows that fit on it.

PagedTable measures each row with the font's metrics before adding it; Qt's
own layout is the judge. These tests lay a long table of short, long and
multi-line rows out and check against Qt that no row runs past a page's end,
that no page is left short when the next row would have fitted, that the
measured heights are Qt's, and that every row is printed once, in order.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCharFormat, QTextTable

from planner_gui.reports.flow import Flow
from planner_gui.reports.fonts import register_fonts
from planner_gui.reports.paged_table import Cell, PagedTable
from planner_gui.reports.text_blocks import char_format, heading

WIDTHS = [6.0, 24.0, 12.0, 18.0, 40.0]
HEADER = ["序号", "任务", "牵头单位", "完成时限", "最新进展"]
WORDS = ["推进", "城市更新", "示范工程", "接诉即办", "响应机制", "建设", "Project", "phase two",
         "，", "。", "完成方案编制并报区政府审议", "100%", "（一）"]


def _texts(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)

    def words(most: int) -> str:
        return "".join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))

    rows = []
    for number in range(1, count + 1):
        latest = words(18)
        if number % 11 == 0:
            latest += "\n" + words(6)  # a second paragraph in the cell
        rows.append([str(number), f"第{number}项" + words(8), words(3), words(2), latest])
    return rows


def _cells_maker(small: QTextCharFormat, bold: QTextCharFormat):
    def cells(texts: list[str]) -> list[Cell]:
        number, title, unit, deadline, latest = texts
        return [Cell([(number, small)]), Cell([(title, bold if int(number) % 5 == 0 else small)]),
                Cell([(unit, small)]), Cell([(deadline, small)]),
                # two runs in one cell, as the summary's "latest progress" column has
                Cell([("9月1日 ", small), (latest, small)] if latest else [])]
    return cells


@pytest.fixture
def laid_out(qapp):
    register_fonts()
    small, bold = char_format(9), char_format(9, bold=True)
    cells = _cells_maker(small, bold)
    rows = _texts(260)
    flow = Flow()
    heading(flow.cursor, "一、长表", 1)
    paged = PagedTable(flow, WIDTHS, HEADER, cells)
    paged.add(rows)
    flow.finish()
    return flow, paged, rows, cells


def _tables(flow: Flow) -> list[tuple[object, QTextTable, int]]:
    """(segment, table, page of its header) for every table of the report, in order."""
    found = []
    for segment in flow.segments:
        layout = segment.doc.documentLayout()
        for frame in segment.doc.rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                top = layout.blockBoundingRect(frame.cellAt(0, 0).firstCursorPosition().block()).top()
                found.append((segment, frame, int(top // flow.page_height)))
    return found


def _cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_every_row_is_printed_once_in_order_under_a_header(laid_out):
    flow, _, rows, _ = laid_out
    tables = _tables(flow)
    assert len(tables) >= 5  # 260 rows take several pages
    printed = []
    for _, table, _ in tables:
        assert [_cell_text(table, 0, c) for c in range(len(HEADER))] == HEADER
        printed += [_cell_text(table, r, 0) for r in range(1, table.rows())]
    assert printed == [texts[0] for texts in rows]
    pages = [flow.segments.index(segment) for segment, _, _ in tables]
    assert pages == sorted(set(pages))  # one table per segment, one segment per page


def test_no_row_runs_past_the_end_of_its_page(laid_out):
    flow, _, _, _ = laid_out
    for segment, table, page in _tables(flow):
        bottom = segment.doc.documentLayout().frameBoundingRect(table).bottom()
        assert bottom <= (page + 1) * flow.page_height + 0.5


def test_a_page_ends_only_when_the_next_row_would_not_fit(laid_out):
    flow, _, _, _ = laid_out
    tables = _tables(flow)
    for (segment, table, page), (next_segment, next_table, _) in zip(tables, tables[1:], strict=False):
        room = (page + 1) * flow.page_height + 0.5 - segment.doc.documentLayout().frameBoundingRect(table).bottom()
        layout = next_segment.doc.documentLayout()
        first_row = layout.blockBoundingRect(next_table.cellAt(1, 0).firstCursorPosition().block()).top()
        second_row = (layout.blockBoundingRect(next_table.cellAt(2, 0).firstCursorPosition().block()).top()
                      if next_table.rows() > 2 else layout.frameBoundingRect(next_table).bottom())
        assert second_row - first_row > room, f"page {page + 1} had room for the next row"


def test_measured_row_heights_are_those_qt_lays_out(laid_out):
    flow, paged, rows, cells = laid_out
    by_number = {texts[0]: texts for texts in rows}
    checked = 0
    for segment, table, _ in _tables(flow):
        layout = segment.doc.documentLayout()
        tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top()
                for r in range(1, table.rows())]
        for r, (top, below) in enumerate(zip(tops, tops[1:], strict=False), start=1):
            measured = paged.row_height(cells(by_number[_cell_text(table, r, 0)]))
            # never taller than Qt's row (a page would end with room for it), and
            # short of it by less than a pixel (a row too many is taken back)
            assert 0 <= (below - top) - measured < 0.5, _cell_text(table, r, 0)
            checked += 1
    assert checked > 200
