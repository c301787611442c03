"""Report forms (进展填报表) that departments fill in offline, and reading them back.

One workbook per lead unit (or per leader) with only its tasks. The title
names the reporting period (from PlanSettings.reporting_cycle: the month or
quarter holding the as-of date). The cells for this period's progress,
progress text, problems and next steps are unlocked; everything else is
locked by sheet protection WITHOUT a password (so an office can still unlock
a form in Excel: Review > Unprotect Sheet). Progress is validated to 0..100.

A hidden sheet marks the workbook as a form (who it is for, the period), so
``planner-cli import-xlsx`` recognises it. Each filled row becomes a dated
update with the unit or leader as reporter; a row already imported (same
reporter and content since the period began) is not added again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner_gui.domain.dates import month_end, quarter_end
from planner_gui.domain.errors import FormatError, PlannerError
from planner_gui.domain.fields import FORM_TASK_FIELDS, TaskField
from planner_gui.domain.model import Plan, PlanSettings, ProgressUpdate, Task
from planner_gui.domain.progress import evaluate_plan
from planner_gui.domain.rounding import format_progress, shown_progress
from planner_gui.exchange.ledger_export import (
    FIRST_DATA_ROW,
    HEADER_FILL,
    IMPLIED_COLOUR,
    chinese_ordinal,
    deadline_cell,
    meta_header,
    row_height,
    text_width,
)
from planner_gui.exchange.ledger_layout import HEADERS, META_SHEET, SHEET_NAMES
from planner_gui.exchange.ledger_merge import ChangeSet, Conflict, NewTask, NewUpdate
from planner_gui.exchange.ledger_read import Ledger, LedgerRow
from planner_gui.exchange.ledger_values import Problem
from planner_gui.exchange.safe_cells import write_cell
from planner_gui.imports import import_without_numpy
from planner_gui.replacing import replacing

# The task's own columns (locked) are the fields declared for the forms (domain/fields.py,
# form_width), by their ledger keys, so the reader finds them by the ledger's headings; the
# rest are the form's own.
TASK_COLUMNS: tuple[str, ...] = tuple(str(f.ledger_key) for f in FORM_TASK_FIELDS)
FORM_COLUMNS = ("number", *TASK_COLUMNS, "previous", "progress", "text", "problems", "next_steps", "id")
EDITABLE = ("progress", "text", "problems", "next_steps")
# Narrow enough that, fitted to an A4 landscape page, the text prints at about 9 pt (the sum of
# the printed widths was 207 and printed at 6.5 pt); the input columns stay the widest.
WIDTHS = {"number": 6, **{str(f.ledger_key): f.form_width or 0 for f in FORM_TASK_FIELDS}, "previous": 8,
          "progress": 9, "text": 36, "problems": 22, "next_steps": 22, "id": 38}
# The columns whose wrapped text a row's height makes room for (one line otherwise).
WRAPPED = (*TASK_COLUMNS, "text", "problems", "next_steps")
FORM_HEADERS = {"zh": {"progress": "本期进度（%）", "text": "本期进展情况"},
                "en": {"progress": "Progress this period (%)", "text": "Progress this period"}}
INPUT_FILL = "FFF9DB"
FORM_FIRST_ROW = 4


@dataclass
class RowMismatch(Conflict):
    """A form row whose hidden id names one task and whose visible title another."""

    def __str__(self) -> str:
        return (f"{self.where}: conflict — the row's id is the task {self.database!r} but its title is "
                f"{self.file!r} (was the form sorted or pasted over its visible columns?); not imported")


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
    """Tasks (with their area name) per lead unit or leader, in plan order. A sub-task without
    its own unit or leader is its parent's (it inherits them), so it goes into the parent's form;
    tasks without one even so are left out."""
    groups: dict[str, list[tuple[str, Task]]] = {}

    def visit(task: Task, area: str, inherited: str) -> None:
        key = (task.lead_unit if by == "unit" else task.leader).strip() or inherited
        if key:
            groups.setdefault(key, []).append((area, task))
        for sub in task.subtasks:
            visit(sub, area, key)

    for area in plan.areas:
        for task in area.tasks:
            visit(task, area.name, "")
    return groups


def no_forms_reason(plan: Plan, by: str) -> str | None:
    """Why no form could be made (no task has a lead unit, or a leader), or None."""
    if group_tasks(plan, by):
        return None
    if by == "unit":
        return "no task has a lead unit (牵头单位) filled in, so there is nobody to send a form to"
    return "no task has a responsible leader (责任领导) filled in, so there is nobody to send a form to"


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
    reason = no_forms_reason(plan, by)
    if reason is not None:  # said before anything (a folder) is made
        raise PlannerError(f"no forms written: {reason}")
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
    title_cell = write_cell(ws, 1, 1, title)
    title_cell.font, title_cell.alignment = style["title"], style["centre"]
    ws.merge_cells(f"A1:{last}1")
    # the 16 pt title is not clipped: its height, and a second line when it is longer than the row
    printed = sum(WIDTHS[k] for k in FORM_COLUMNS if k != "id")
    ws.row_dimensions[1].height = 26 if text_width(title) * 16 / 11 <= printed else 48
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
    ws.row_dimensions[3].height = 30  # 本期进度（%） takes two lines in its narrow column
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
        # a sub-task that inherits its parent's unit (or leader) shows the one the form is for
        values = {"number": str(number), **{str(f.ledger_key): _shown(task, f) for f in FORM_TASK_FIELDS},
                  "leader": task.leader or (name if by == "leader" else ""),
                  "lead_unit": task.lead_unit or (name if by == "unit" else ""),
                  "deadline": deadline_cell(task, figures.tasks[task.id], plan.year, lang),
                  "previous": shown_progress(figures.tasks[task.id].progress), "id": task.id}
        for col, key in enumerate(FORM_COLUMNS, start=1):
            cell = write_cell(ws, row, col, values.get(key))
            cell.border, cell.alignment = style["border"], style["wrap"]
            if key == "id":  # not wrapped: LibreOffice prints a hidden column's wrapped text, invisibly
                cell.border, cell.alignment = style["no_border"], style["plain"]
            if key in EDITABLE:
                cell.protection, cell.fill = unlocked, input_fill
            if isinstance(values.get(key), date):
                cell.number_format = "yyyy-mm-dd"
            elif key == "deadline" and values[key] and not (task.deadline_text or task.due):
                cell.font = style["implied"]  # grey: the deadline the task works to, not its own
        height = row_height(values, widths=WIDTHS, keys=WRAPPED)
        if height is not None:  # a long title is not cut off in print
            ws.row_dimensions[row].height = height
        # what the row showed, so a form sorted over its visible columns is caught on import
        meta_rows.append(["task", task.id, json.dumps({"title": task.title}, ensure_ascii=False)])
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


def _shown(task: Task, field: TaskField) -> Any:
    """A declared field's cell on the form, as the ledger shows it."""
    value = getattr(task, field.name)
    return "、".join(value) if field.kind == "units" else value


def _update_date(today: date, start: date, end: date) -> date:
    """A form's updates are dated today, kept inside its reporting period."""
    return min(max(today, start), end)


def _already_reported(task: Task, update: ProgressUpdate, since: date) -> bool:
    same = (update.progress, update.text, update.problems, update.next_steps, update.reporter)
    return any(
        (u.progress, u.text, u.problems, u.next_steps, u.reporter) == same and u.date >= since
        for u in task.updates
    )


def _same_title(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a or "") == re.sub(r"\s+", "", b or "")


def merge_form(plan: Plan, ledger: Ledger, today: date,
               accept_new_rows: bool | Collection[str] = False) -> ChangeSet:
    """The updates a filled report form adds to ``plan`` (the plan is not modified).

    A row is its task when the hidden id AND the visible title agree (the title as exported,
    or the task's title now): a form sorted or pasted over its visible columns leaves the hidden
    ids where they were, and booking such a row on the id's task would put one department's
    report on another task. A disagreement is a conflict, not an update. A row the department
    added (no id) is a proposed new task, added only when the office accepts it
    (``accept_new_rows``: True for all, or the places, "Sheet row N", of those accepted). Repeated rows are flagged, and a figure lower than the task's
    previous one is pointed out (it may be a typing slip)."""
    assert ledger.meta is not None
    meta = ledger.meta
    try:  # the hidden record as it was written; a changed one is refused in one line
        if meta.plan.get("id") not in (None, plan.id):
            raise FormatError(str(ledger.path), f"this report form was made from another plan "
                                                f"({meta.plan.get('title', '?')})")
        start = date.fromisoformat(meta.extra["period_start"])
        end = date.fromisoformat(meta.extra["period_end"])
        reporter = str(meta.extra.get("name", ""))
        by = str(meta.extra.get("by", "unit"))
    except (AttributeError, KeyError, TypeError, ValueError):
        raise FormatError(str(ledger.path), "the hidden record of this report form is damaged; "
                                            "export the form again") from None
    when = _update_date(today, start, end)
    filled_columns = {ledger.columns.get(k, k) for k in (*EDITABLE, "title")}
    changes = ChangeSet(problems=[p for p in ledger.problems if p.column in filled_columns or not p.column])
    tasks = {t.id: t for t in plan.walk_tasks()}
    figures = evaluate_plan(plan, when)
    taken: dict[str, tuple[str, tuple[Any, ...]]] = {}  # task id -> (where, what) of its row
    for row in ledger.rows:
        if row.kind != "task":
            continue
        v = row.values
        if all(v.get(k) in (None, "") for k in EDITABLE):
            continue
        update = ProgressUpdate(date=when, progress=v.get("progress"),
                                text=v.get("text", ""), problems=v.get("problems", ""),
                                next_steps=v.get("next_steps", ""), reporter=reporter)
        if not row.id:
            accepted = accept_new_rows is True or (
                not isinstance(accept_new_rows, bool) and row.where() in accept_new_rows)
            _new_row(plan, row, update, reporter, by, changes, accepted)
            continue
        task = tasks.get(row.id)
        if task is None:
            changes.problems.append(Problem(row.sheet, row.row, "", "this task is no longer in the plan; row skipped"))
            continue
        exported = str((meta.tasks.get(row.id) or {}).get("title") or "")
        title = str(v.get("title", ""))
        if not (_same_title(title, task.title) or (exported and _same_title(title, exported))):
            changes.conflicts.append(RowMismatch(task.id, task.title, ledger.columns.get("title", "任务"),
                                                 exported or task.title, task.title, title, row.where()))
            continue
        what = (update.progress, update.text, update.problems, update.next_steps)
        if task.id in taken:
            first_where, first_what = taken[task.id]
            if first_what == what:
                message = f"repeats {first_where} (the same task and report); taken once"
            else:
                message = f"is the same task as {first_where} with another report; only {first_where} is taken"
            changes.problems.append(Problem(row.sheet, row.row, "", message))
            continue
        taken[task.id] = (row.where(), what)
        if _already_reported(task, update, start):
            continue
        previous = figures.tasks[task.id].progress
        if update.progress is not None and update.progress < previous:
            changes.notes.append(f"{row.where()}: {task.title!r} — progress {format_progress(update.progress)} "
                                 f"is lower than its previous {format_progress(previous)}; check the figure")
        changes.new_updates.append(NewUpdate(task.id, task.title, update, row.where()))
    return changes


def _new_row(plan: Plan, row: LedgerRow, update: ProgressUpdate, reporter: str, by: str,
             changes: ChangeSet, accept: bool) -> None:
    """A row the department added: a new task under its section's area, once accepted."""
    v = row.values
    if not v.get("title"):
        changes.problems.append(Problem(row.sheet, row.row, "", "a row without a task title or id; row skipped"))
        return
    area = next((a for a in plan.areas if a.name.strip() == row.area.strip()), None) if row.area else None
    if area is None:
        area = next(iter(plan.areas), None)
    if area is None:
        changes.problems.append(Problem(row.sheet, row.row, "", "a new row, but the plan has no area to put it in"))
        return
    task = Task(title=v["title"], leader=v.get("leader", "") or (reporter if by == "leader" else ""),
                lead_unit=v.get("lead_unit", "") or (reporter if by == "unit" else ""),
                deadline_text=v.get("deadline_text", ""), due=v.get("due"), updates=[update])
    new = NewTask(task, area.id, None, row.where())
    (changes.new_tasks if accept else changes.proposed_tasks).append(new)


def form_styles() -> dict[str, Any]:
    """The ledger's look in openpyxl's terms (the forms are made with openpyxl)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A0A0A0")
    return {
        "title": Font(bold=True, size=16),
        "bold": Font(bold=True),
        "implied": Font(color=IMPLIED_COLOUR),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "plain": Alignment(),
        "no_border": Border(),
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
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"
    if ws.max_column > 1:  # the hidden id column (the last) is outside the print area
        from openpyxl.utils import get_column_letter

        ws.print_area = f"A1:{get_column_letter(ws.max_column - 1)}{ws.max_row}"


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
