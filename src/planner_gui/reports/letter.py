"""The per-leader target responsibility letter (目标责任书).

One leader's tasks with their targets (indicators, milestones) and deadlines,
then signature lines. Printed after the leader's summary, or alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from planner_gui.domain.dates import format_date_words
from planner_gui.reports.flow import Flow
from planner_gui.reports.labels import label
from planner_gui.reports.paged_table import Cell, PagedTable
from planner_gui.reports.report_data import ReportData, TaskRow, letter_rows
from planner_gui.reports.text_blocks import (
    MUTED,
    after_table,
    block_format,
    char_format,
    heading,
    paragraph,
    set_cell,
    start_table,
)


def write_letter(flow: Flow, data: ReportData, new_page: bool = False) -> None:
    """Append the letter for ``data.scope.leader`` (or the whole scope) to the report."""
    if new_page:
        flow.new_segment(new_page=True)
    cursor = flow.cursor
    lang = data.lang
    leader = data.scope.leader or ""
    body = char_format(11)
    small = char_format(9.5)
    paragraph(cursor, data.title, char_format(18, bold=True),
              block_format(Qt.AlignmentFlag.AlignCenter, bottom=4))
    paragraph(cursor, label(lang, "letter_title"), char_format(16, bold=True),
              block_format(Qt.AlignmentFlag.AlignCenter, bottom=10))
    if leader:
        paragraph(cursor, label(lang, "letter_leader", leader), char_format(12, bold=True),
                  block_format(bottom=6))
    intro = block_format(bottom=8)
    intro.setTextIndent(22 if lang == "zh" else 0)
    paragraph(cursor, label(lang, "letter_intro", data.title, leader or data.scope.describe(lang, data.leaf_count)),
              body, intro)
    heading(cursor, label(lang, "letter_tasks"), 2)
    rows = letter_rows(data)
    header = [label(lang, k) for k in ("col_no", "col_task", "col_targets", "col_unit",
                                       "col_deadline")]
    centre = Qt.AlignmentFlag.AlignCenter

    def cells(row: TaskRow) -> list[Cell]:
        return [
            Cell([(row.number, small)], centre),
            Cell([("　" * row.depth + row.title, small)]),
            Cell([("\n".join(row.targets) or label(lang, "none"), small)]),
            Cell([(row.lead_unit, small)], centre),
            Cell([(row.deadline or label(lang, "none"), small)], centre),
        ]

    PagedTable(flow, [7, 33, 32, 14, 14], header, cells).add(rows)
    cursor = flow.cursor  # a long table continues in new segments
    paragraph(cursor, f"{label(lang, 'as_of')}: {format_date_words(data.as_of, lang)}"
              if lang != "zh" else f"{label(lang, 'as_of')}：{format_date_words(data.as_of, lang)}",
              char_format(9, colour=MUTED), block_format(bottom=24))
    _signatures(cursor, lang)


def _signatures(cursor: QTextCursor, lang: str) -> None:
    """Two signature blocks side by side, with room to sign and a date line each."""
    table = start_table(cursor, 2, [50, 50], border=False)
    text = char_format(11)
    line = "＿" * 10 if lang == "zh" else "_" * 24
    for column, key in enumerate(("sign_leader", "sign_office")):
        set_cell(table, 0, column, label(lang, key), text)
        cell_cursor = table.cellAt(0, column).lastCursorPosition()
        cell_cursor.insertBlock(block_format(top=18), text)
        cell_cursor.insertText(line, text)
        date_text = label(lang, "sign_date")
        set_cell(table, 1, column, date_text if lang == "zh" else f"{date_text} {line}", text)
    fmt = table.format()
    fmt.setTopMargin(16)
    table.setFormat(fmt)
    after_table(cursor, table)
