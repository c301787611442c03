"""Writing a plan as an Excel ledger (台账), the layout offices mail around.

Sheet 1 is the ledger itself (title, as-of date, header, a section row per
area, one row per task with its light coloured); sheet 2 the indicators;
sheet 3 the whole update history; a hidden sheet records what was exported
for each id, so that a later import can tell a change made in the file from
a change made in the database since (a conflict). Status and progress come
from :func:`evaluate_plan`, like everywhere else.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from planner_gui.domain.dates import format_date_words
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.progress import STATUS_COLOURS, PlanFigures, evaluate_plan, status_word
from planner_gui.exchange.json_format import plan_to_dict, task_to_dict
from planner_gui.exchange.ledger_bulk_write import BulkWorkbook
from planner_gui.exchange.ledger_layout import (
    HEADERS,
    INDICATOR_HEADERS,
    LEDGER_COLUMNS,
    MARKER,
    META_SHEET,
    META_VERSION,
    SHEET_NAMES,
)
from planner_gui.exchange.safe_cells import write_cell
from planner_gui.imports import import_without_numpy

WIDTHS = {
    "number": 7, "title": 42, "leader": 10, "lead_unit": 16, "co_units": 18, "deadline": 14,
    "progress": 10, "status": 9, "text": 44, "problems": 26, "id": 38,
}
HEADER_FILL = "DDE4EE"
SECTION_FILL = "EEF2F7"
FIRST_DATA_ROW = 4  # title, as-of, header


def shown_deadline(task: Task) -> str | date | None:
    """What the 完成时限 cell shows: the words as written, else the date."""
    return task.deadline_text or task.due


def baseline(task: Task, figures: PlanFigures) -> dict[str, Any]:
    """The values a ledger row shows for a task, as recorded in the hidden sheet."""
    fig = figures.tasks[task.id]
    latest = fig.latest
    due = shown_deadline(task)
    return {
        "title": task.title,
        "leader": task.leader,
        "lead_unit": task.lead_unit,
        "co_units": "、".join(task.co_units),
        "deadline": due.isoformat() if isinstance(due, date) else (due or ""),
        "progress": fig.progress,
        "text": latest.text if latest else "",
        "problems": latest.problems if latest else "",
        "next_steps": latest.next_steps if latest else "",
    }


def ledger_title(plan: Plan, lang: str) -> str:
    return f"{plan.title}台账" if lang == "zh" else f"{plan.title} — ledger"


def as_of_line(as_of: date, lang: str) -> str:
    if lang == "zh":
        return f"截至{format_date_words(as_of, 'zh')}"
    return f"As of {format_date_words(as_of, 'en')}"


def export_ledger(plan: Plan, out: Path | str, as_of: date, lang: str = "zh") -> Path:
    """Write the ledger workbook for ``plan`` as of ``as_of`` to ``out``."""
    # Two million cells' values and texts are made and none forms a reference cycle: the
    # cyclic collector would only look at all of them again and again (the workbook's own
    # cycles are collected once it is back on).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _export_ledger(plan, Path(out), as_of, lang)
    finally:
        if was_enabled:
            gc.enable()


def _export_ledger(plan: Plan, out: Path, as_of: date, lang: str) -> Path:
    import_without_numpy("openpyxl")  # planner_gui/imports.py: 40 ms less
    from openpyxl import Workbook

    figures = evaluate_plan(plan, as_of)
    wb = Workbook()
    bulk = BulkWorkbook(wb)
    ledger = wb.active
    ledger.title = SHEET_NAMES[lang]["ledger"]
    meta_rows: list[list[Any]] = []
    _write_ledger_sheet(ledger, plan, figures, lang, meta_rows, bulk)
    _write_indicators(wb.create_sheet(SHEET_NAMES[lang]["indicators"]), plan, lang, bulk)
    _write_updates(wb.create_sheet(SHEET_NAMES[lang]["updates"]), plan, lang, bulk)
    write_meta_sheet(wb, "ledger", as_of, lang, plan, meta_rows, bulk=bulk)
    bulk.save(out, save_workbook)
    return out


def save_workbook(wb: Any, out: Path) -> None:
    """Save next to ``out`` and then rename, so a failure never leaves half a workbook under its name."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    try:
        wb.save(partial)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def write_meta_sheet(wb: Any, kind: str, as_of: date, lang: str, plan: Plan,
                     rows: list[list[Any]], extra: dict[str, Any] | None = None,
                     bulk: BulkWorkbook | None = None) -> None:
    """The hidden sheet: marker, plan fields, and one row per exported object
    (written by ``bulk`` when given, which is much faster for many rows)."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "hidden"
    # Only the plan's own fields: without its areas, not every task and update is converted.
    info = plan_to_dict(dataclasses.replace(plan, areas=[]))["plan"]
    header = [MARKER, kind, META_VERSION, as_of.isoformat(), lang, json.dumps(info, ensure_ascii=False),
              json.dumps(extra or {}, ensure_ascii=False)]
    for col, value in enumerate(header, start=1):
        write_cell(ws, 1, col, value)
    if bulk is not None:
        bulk.add_rows(ws, 2, rows, [bulk.styles.column()] * 3)
        return
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            write_cell(ws, r, col, value)


def ledger_styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A0A0A0")
    return {
        "title": Font(bold=True, size=16),
        "bold": Font(bold=True),
        "white_bold": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "section_fill": PatternFill("solid", fgColor=SECTION_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "Alignment": Alignment,
        "PatternFill": PatternFill,
    }


def _write_ledger_sheet(ws: Any, plan: Plan, figures: PlanFigures, lang: str,
                        meta_rows: list[list[Any]], bulk: BulkWorkbook) -> None:
    """Title, as-of line and header through openpyxl; the section and task rows through ``bulk``."""
    from openpyxl.utils import get_column_letter

    style = ledger_styles()
    ncols = len(LEDGER_COLUMNS)
    last = get_column_letter(ncols - 1)  # the hidden id column stays outside the title
    write_cell(ws, 1, 1, ledger_title(plan, lang)).font = style["title"]
    ws.merge_cells(f"A1:{last}1")
    ws.cell(1, 1).alignment = style["centre"]
    ws.row_dimensions[1].height = 30
    write_cell(ws, 2, 1, as_of_line(figures.as_of, lang))
    ws.merge_cells(f"A2:{last}2")
    for col, key in enumerate(LEDGER_COLUMNS, start=1):
        cell = write_cell(ws, 3, col, HEADERS[lang][key])
        cell.font, cell.fill, cell.border, cell.alignment = (
            style["bold"], style["header_fill"], style["border"], style["centre"])
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[key]
    ws.column_dimensions[get_column_letter(ncols)].hidden = True
    plain = bulk.styles.column()
    section = [bulk.styles.column(font=style["bold"], fill=style["section_fill"])] + [plain] * (ncols - 1)
    rows: list[tuple[list[Any], list[Any]]] = []
    looks = _TaskLooks(bulk, style)
    for area_number, area in enumerate(plan.areas, start=1):
        row = FIRST_DATA_ROW + len(rows)
        values: list[Any] = [None] * ncols
        values[0], values[-1] = f"{chinese_ordinal(area_number)}、{area.name}", area.id
        rows.append((values, section))
        # The range alone: merge_cells would also make (empty) cells that openpyxl writes itself.
        ws.merged_cells.add(f"A{row}:{last}{row}")
        meta_rows.append(["area", area.id, json.dumps({"name": area.name, "description": area.description,
                                                        "weight": area.weight}, ensure_ascii=False)])
        for number, task in enumerate(area.tasks, start=1):
            _task_rows(rows, task, str(number), 0, area.id, None, figures, lang, looks, meta_rows)
    bulk.add_styled_rows(ws, FIRST_DATA_ROW, rows, ncols)
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"  # by name: ws.cell() would make a cell in the bulk rows
    print_setup(ws)


class _TaskLooks:
    """The style numbers of a task row's cells, made once per look (column, depth, light, date)."""

    def __init__(self, bulk: BulkWorkbook, style: dict[str, Any]) -> None:
        self._bulk, self._style = bulk, style
        self._made: dict[Any, Any] = {}

    def row(self, values: dict[str, Any], depth: int, status: Any) -> list[Any]:
        looks = []
        for key in LEDGER_COLUMNS:
            is_date = key == "deadline" and isinstance(values[key], date)
            look = (key, depth if key == "title" else 0, status if key == "status" else None, is_date)
            made = self._made.get(look)
            if made is None:
                made = self._made[look] = self._bulk.styles.styled(
                    lambda c, k=key: _style_task_cell(c, k, depth, status, self._style),
                    sample=date(2000, 1, 1) if is_date else None)
            looks.append(made)
        return looks


def _task_rows(rows: list[tuple[list[Any], list[Any]]], task: Task, number: str, depth: int, area_id: str,
               parent_id: str | None, figures: PlanFigures, lang: str, looks: _TaskLooks,
               meta_rows: list[list[Any]]) -> None:
    fig = figures.tasks[task.id]
    shown = baseline(task, figures)
    values = {
        "number": number, "title": task.title, "leader": task.leader, "lead_unit": task.lead_unit,
        "co_units": shown["co_units"], "deadline": shown_deadline(task),
        "progress": fig.progress / 100.0, "status": status_word(fig.status, lang),
        "text": shown["text"], "problems": shown["problems"], "id": task.id,
    }
    rows.append(([values[key] for key in LEDGER_COLUMNS], looks.row(values, depth, fig.status)))
    # The record holds the task's own fields: its sub-tasks have their own rows and its
    # updates are in the history sheet, so they are not converted only to be dropped.
    record = task_to_dict(dataclasses.replace(task, subtasks=[], updates=[]))
    record.pop("subtasks")
    record.pop("updates")
    record.update(area_id=area_id, parent_id=parent_id, shown=shown)
    meta_rows.append(["task", task.id, json.dumps(record, ensure_ascii=False)])
    for sub_number, sub in enumerate(task.subtasks, start=1):
        _task_rows(rows, sub, f"{number}.{sub_number}", depth + 1, area_id, task.id, figures, lang, looks,
                   meta_rows)


def _style_task_cell(cell: Any, key: str, depth: int, status: Any, style: dict[str, Any]) -> None:
    cell.border = style["border"]
    cell.alignment = style["wrap"]
    if key == "title" and depth:
        cell.alignment = style["Alignment"](wrap_text=True, vertical="top", indent=2 * depth)
    elif key == "progress":
        cell.number_format = "0%"
    elif key == "deadline" and isinstance(cell.value, date):
        cell.number_format = "yyyy-mm-dd"
    elif key == "status":
        cell.fill = style["PatternFill"]("solid", fgColor=STATUS_COLOURS[status].lstrip("#").upper())
        cell.font = style["white_bold"]
        cell.alignment = style["centre"]


def print_setup(ws: Any) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{FIRST_DATA_ROW - 1}"
    ws.print_options.horizontalCentered = True


def _header_row(ws: Any, keys: list[str], lang: str, widths: dict[str, float]) -> None:
    from openpyxl.utils import get_column_letter

    style = ledger_styles()
    for col, key in enumerate(keys, start=1):
        cell = write_cell(ws, 1, col, HEADERS[lang].get(key, INDICATOR_HEADERS[lang].get(key, key)))
        cell.font, cell.fill, cell.border = style["bold"], style["header_fill"], style["border"]
        ws.column_dimensions[get_column_letter(col)].width = widths.get(key, 14)
    ws.freeze_panes = "A2"


INDICATOR_KEYS = ["title", "name", "comparator", "target", "unit", "baseline", "current", "due",
                  "task_id", "indicator_id"]
UPDATE_KEYS = ["title", "date", "progress", "text", "problems", "next_steps", "reporter", "highlight",
               "readings", "task_id", "update_id"]


def _write_indicators(ws: Any, plan: Plan, lang: str, bulk: BulkWorkbook) -> None:
    _header_row(ws, INDICATOR_KEYS, lang, {"title": 40, "name": 24, "task_id": 38, "indicator_id": 38})
    rows = [[task.title, ind.name, ind.comparator, ind.target, ind.unit, ind.baseline, ind.current, ind.due,
             task.id, ind.id]
            for task in plan.walk_tasks() for ind in task.indicators]
    plain, dated = bulk.styles.column(), bulk.styles.column(number_format="yyyy-mm-dd")
    bulk.add_rows(ws, 2, rows, [dated if key == "due" else plain for key in INDICATOR_KEYS])


def _write_updates(ws: Any, plan: Plan, lang: str, bulk: BulkWorkbook) -> None:
    _header_row(ws, UPDATE_KEYS, lang, {"title": 36, "date": 12, "text": 44, "problems": 26,
                                        "next_steps": 26, "task_id": 38, "update_id": 38})
    # a generator: the rows are made while the sheet is written, not all held at once
    rows = ([task.title, upd.date, upd.progress, upd.text, upd.problems, upd.next_steps,
             upd.reporter, "是" if upd.highlight else "",
             _readings_json(upd.readings) if upd.readings else "", task.id, upd.id]
            for task in plan.walk_tasks() for upd in sorted(task.updates, key=lambda u: u.date))
    count = sum(len(task.updates) for task in plan.walk_tasks())
    plain = bulk.styles.column()
    wrap = bulk.styles.column(alignment=ledger_styles()["wrap"])  # the long texts wrap
    dated = bulk.styles.column(number_format="yyyy-mm-dd")
    looks = {"title": wrap, "text": wrap, "problems": wrap, "next_steps": wrap, "date": dated}
    bulk.add_rows(ws, 2, rows, [looks.get(key, plain) for key in UPDATE_KEYS], count=count)


# One encoder for all readings: json.dumps with options builds a new encoder per call.
_readings_json = json.JSONEncoder(ensure_ascii=False).encode


_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """一, 二, … 十, 十一, … 九十九 for section numbers."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
