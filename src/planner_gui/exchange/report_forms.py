"""Report forms (进展填报表) that departments fill in offline, and reading them back.

One workbook per lead unit (or per leader) with only its tasks. The title
names the reporting period (from PlanSettings.reporting_cycle: the month or
quarter holding the as-of date). The cells for this period's progress,
progress text, problems and next steps are unlocked; everything else is
locked by sheet protection WITHOUT a password (so an office can still unlock
a form in Excel: Review > Unprotect Sheet). Progress is validated to 0..100.

A hidden sheet marks the workbook as a form (who it is for, the period), so
``planner import-xlsx`` recognises it. Each filled row becomes a dated
update with the unit or leader as reporter; a row already imported (same
reporter and content since the period began) is not added again.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from planner_gui.domain.dates import month_end, quarter_end
from planner_gui.domain.errors import FormatError
from planner_gui.domain.model import Plan, PlanSettings, ProgressUpdate, Task
from planner_gui.domain.progress import evaluate_plan
from planner_gui.exchange.ledger_export import (
    FIRST_DATA_ROW,
    HEADER_FILL,
    chinese_ordinal,
    meta_header,
    row_height,
)
from planner_gui.exchange.ledger_layout import HEADERS, META_SHEET, SHEET_NAMES
from planner_gui.exchange.ledger_merge import ChangeSet, NewUpdate
from planner_gui.exchange.ledger_read import Ledger
from planner_gui.exchange.ledger_values import Problem
from planner_gui.exchange.safe_cells import write_cell
from planner_gui.imports import import_without_numpy
from planner_gui.replacing import replacing

FORM_COLUMNS = ("number", "title", "leader", "lead_unit", "deadline", "previous",
                "progress", "text", "problems", "next_steps", "id")
EDITABLE = ("progress", "text", "problems", "next_steps")
WIDTHS = {"number": 7, "title": 40, "leader": 10, "lead_unit": 14, "deadline": 14, "previous": 10,
          "progress": 12, "text": 44, "problems": 28, "next_steps": 28, "id": 38}
FORM_HEADERS = {"zh": {"progress": "本期进度（%）", "text": "本期进展情况"},
                "en": {"progress": "Progress this period (%)", "text": "Progress this period"}}
INPUT_FILL = "FFF9DB"
FORM_FIRST_ROW = 4


def reporting_period(settings: PlanSettings, as_of: date) -> tuple[date, date, date]:
    """(first day, last day, report due date) of the reporting period holding ``as_of``."""
    if settings.reporting_cycle == "monthly":
        start, end = date(as_of.year, as_of.month, 1), month_end(as_of.year, as_of.month)
    else:
        quarter = (as_of.month - 1) // 3 + 1
        start, end = date(as_of.year, quarter * 3 - 2, 1), quarter_end(as_of.year, quarter)
    due = date(end.year, end.month, min(settings.report_due_day, end.day))
    return start, end, due


def period_label(settings: PlanSettings, as_of: date, lang: str = "zh") -> str:
    start, end, _ = reporting_period(settings, as_of)
    if settings.reporting_cycle == "monthly":
        return f"{start.year}年{start.month}月" if lang == "zh" else start.strftime("%B %Y")
    quarter = (start.month - 1) // 3 + 1
    return f"{start.year}年第{chinese_ordinal(quarter)}季度" if lang == "zh" else f"Q{quarter} {start.year}"


def group_tasks(plan: Plan, by: str) -> dict[str, list[tuple[str, Task]]]:
    """Tasks (with their area name) per lead unit or leader, in plan order; tasks without one are left out."""
    groups: dict[str, list[tuple[str, Task]]] = {}
    for area in plan.areas:
        for task in area.walk_tasks():
            key = (task.lead_unit if by == "unit" else task.leader).strip()
            if key:
                groups.setdefault(key, []).append((area.name, task))
    return groups


# Names Windows keeps for devices, whatever the extension: CON.xlsx cannot be opened or mailed.
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def _file_name(name: str, used: set[str]) -> str:
    base = re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", name).strip("._")[:100].rstrip("._") or "form"
    if base.split(".")[0].upper() in _DEVICE_NAMES:
        base += "_"
    candidate, n = base, 2
    while candidate.casefold() in used:
        candidate, n = f"{base}_{n}", n + 1
    used.add(candidate.casefold())
    return f"{candidate}.xlsx"


def export_forms(plan: Plan, by: str, out_dir: Path | str, as_of: date, lang: str = "zh") -> list[Path]:
    """Write one form per unit (``by="unit"``) or leader (``by="leader"``) into ``out_dir``."""
    if by not in ("unit", "leader"):
        raise FormatError("--by", "must be unit or leader")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    written = []
    for name, tasks in group_tasks(plan, by).items():
        path = out_dir / _file_name(name, used)
        _write_form(plan, by, name, tasks, as_of, lang, path)
        written.append(path)
    return written


def _write_form(plan: Plan, by: str, name: str, tasks: list[tuple[str, Task]], as_of: date,
                lang: str, path: Path) -> None:
    import_without_numpy("openpyxl")  # planner_gui/imports.py: 40 ms less
    from openpyxl import Workbook
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    style = form_styles()
    start, end, due = reporting_period(plan.settings, as_of)
    label = period_label(plan.settings, as_of, lang)
    figures = evaluate_plan(plan, as_of)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAMES[lang]["form"]
    last = get_column_letter(len(FORM_COLUMNS) - 1)
    title = (f"{plan.title}进展填报表（{label}）— {name}" if lang == "zh"
             else f"{plan.title} — progress report for {label} — {name}")
    write_cell(ws, 1, 1, title).font = style["title"]
    ws.merge_cells(f"A1:{last}1")
    note = (f"填报期间：{start.isoformat()}至{end.isoformat()}；报送截止：{due.isoformat()}。"
            "请在浅黄色单元格填写本期进度（0-100）、进展情况、存在问题和下步计划，其他单元格已锁定。"
            if lang == "zh" else
            f"Period {start.isoformat()} to {end.isoformat()}; due {due.isoformat()}. Fill in the yellow "
            "cells (progress 0-100, progress, problems, next steps); the rest is locked.")
    write_cell(ws, 2, 1, note).alignment = style["wrap"]
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = 32
    headers = {**HEADERS[lang], **FORM_HEADERS[lang]}
    for col, key in enumerate(FORM_COLUMNS, start=1):
        cell = write_cell(ws, 3, col, headers[key])
        cell.font, cell.fill, cell.border, cell.alignment = (
            style["bold"], style["header_fill"], style["border"], style["centre"])
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[key]
    ws.column_dimensions[get_column_letter(len(FORM_COLUMNS))].hidden = True
    unlocked = Protection(locked=False)
    input_fill = style["PatternFill"]("solid", fgColor=INPUT_FILL)
    meta_rows: list[list[Any]] = []
    row, area_name = FORM_FIRST_ROW, None
    for number, (area, task) in enumerate(tasks, start=1):
        if area != area_name:
            area_name = area
            write_cell(ws, row, 1, area).font = style["bold"]
            ws.merge_cells(f"A{row}:{last}{row}")
            row += 1
        values = {"number": str(number), "title": task.title, "leader": task.leader,
                  "lead_unit": task.lead_unit, "deadline": task.deadline_text or task.due,
                  "previous": figures.tasks[task.id].progress, "id": task.id}
        for col, key in enumerate(FORM_COLUMNS, start=1):
            cell = write_cell(ws, row, col, values.get(key))
            cell.border, cell.alignment = style["border"], style["wrap"]
            if key in EDITABLE:
                cell.protection, cell.fill = unlocked, input_fill
            if key == "deadline" and isinstance(values[key], date):
                cell.number_format = "yyyy-mm-dd"
        height = row_height(values, widths=WIDTHS)
        if height is not None:  # a long title is not cut off in print
            ws.row_dimensions[row].height = height
        meta_rows.append(["task", task.id, "{}"])
        row += 1
    progress_col = get_column_letter(FORM_COLUMNS.index("progress") + 1)
    check = DataValidation(type="decimal", operator="between", formula1="0", formula2="100",
                           allow_blank=True, showErrorMessage=True, errorTitle="进度 / Progress",
                           error="请填写0到100之间的数字 / a number from 0 to 100")
    check.add(f"{progress_col}{FORM_FIRST_ROW}:{progress_col}{max(row - 1, FORM_FIRST_ROW)}")
    ws.add_data_validation(check)
    ws.freeze_panes = ws.cell(FORM_FIRST_ROW, 1)
    print_setup(ws)
    # Locked without a password, on purpose: the office can still unprotect the sheet.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    extra = {"by": by, "name": name, "period_start": start.isoformat(), "period_end": end.isoformat(),
             "label": label}
    write_meta_sheet(wb, as_of, lang, plan, meta_rows, extra)
    save_workbook(wb, path)


def _update_date(today: date, start: date, end: date) -> date:
    """A form's updates are dated today, kept inside its reporting period."""
    return min(max(today, start), end)


def _already_reported(task: Task, update: ProgressUpdate, since: date) -> bool:
    same = (update.progress, update.text, update.problems, update.next_steps, update.reporter)
    return any(
        (u.progress, u.text, u.problems, u.next_steps, u.reporter) == same and u.date >= since
        for u in task.updates
    )


def merge_form(plan: Plan, ledger: Ledger, today: date) -> ChangeSet:
    """The updates a filled report form adds to ``plan`` (the plan is not modified)."""
    assert ledger.meta is not None
    meta = ledger.meta
    try:  # the hidden record as it was written; a changed one is refused in one line
        if meta.plan.get("id") not in (None, plan.id):
            raise FormatError(str(ledger.path), f"this report form was made from another plan "
                                                f"({meta.plan.get('title', '?')})")
        start = date.fromisoformat(meta.extra["period_start"])
        end = date.fromisoformat(meta.extra["period_end"])
        reporter = str(meta.extra.get("name", ""))
    except (AttributeError, KeyError, TypeError, ValueError):
        raise FormatError(str(ledger.path), "the hidden record of this report form is damaged; "
                                            "export the form again") from None
    filled_columns = {ledger.columns.get(k, k) for k in (*EDITABLE, "title")}
    changes = ChangeSet(problems=[p for p in ledger.problems if p.column in filled_columns or not p.column])
    tasks = {t.id: t for t in plan.walk_tasks()}
    for row in ledger.rows:
        if row.kind != "task":
            continue
        v = row.values
        if all(v.get(k) in (None, "") for k in EDITABLE):
            continue
        task = tasks.get(row.id or "")
        if task is None:
            changes.problems.append(Problem(row.sheet, row.row, "", "this task is no longer in the plan; row skipped"))
            continue
        update = ProgressUpdate(date=_update_date(today, start, end), progress=v.get("progress"),
                                text=v.get("text", ""), problems=v.get("problems", ""),
                                next_steps=v.get("next_steps", ""), reporter=reporter)
        if _already_reported(task, update, start):
            continue
        changes.new_updates.append(NewUpdate(task.id, task.title, update, row.where()))
    return changes


def form_styles() -> dict[str, Any]:
    """The ledger's look in openpyxl's terms (the forms are made with openpyxl)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A0A0A0")
    return {
        "title": Font(bold=True, size=16),
        "bold": Font(bold=True),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "PatternFill": PatternFill,
    }


def print_setup(ws: Any) -> None:
    """A4 landscape, one page wide, centred, the title and header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{FIRST_DATA_ROW - 1}"
    ws.print_options.horizontalCentered = True


def write_meta_sheet(wb: Any, as_of: date, lang: str, plan: Plan, rows: list[list[Any]],
                     extra: dict[str, Any]) -> None:
    """The hidden sheet that marks the workbook as a form (as the ledger's marks a ledger)."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "hidden"
    for col, value in enumerate(meta_header("form", as_of, lang, plan, extra), start=1):
        write_cell(ws, 1, col, value)
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            write_cell(ws, r, col, value)


def save_workbook(wb: Any, out: Path) -> None:
    """Save next to ``out`` and then rename, so a failure never leaves half a workbook under its name."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with replacing(out) as partial:
        wb.save(partial)
