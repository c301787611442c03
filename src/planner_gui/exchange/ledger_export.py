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
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from planner_gui.domain.dates import format_date_words
from planner_gui.domain.deadlines import implied_deadline_words
from planner_gui.domain.fields import LEDGER_TEXT_FIELDS
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.progress import (
    STATUS_COLOURS,
    PlanFigures,
    TaskFigures,
    evaluate_plan,
    status_word,
)
from planner_gui.domain.rounding import shown_progress
from planner_gui.exchange.json_format import plan_to_dict, task_to_dict
from planner_gui.exchange.ledger_exact import exact_updates
from planner_gui.exchange.ledger_layout import (
    HEADERS,
    INDICATOR_HEADERS,
    LEDGER_COLUMNS,
    MARKER,
    META_SHEET,
    META_VERSION,
    SHEET_NAMES,
)
from planner_gui.exchange.safe_cells import shown_text
from planner_gui.exchange.xlsx_writer import (
    ColumnStyle,
    Look,
    Sheet,
    Styles,
    Workbook,
    column_letter,
)

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


def deadline_cell(task: Task, fig: TaskFigures, plan_year: int, lang: str) -> str | date | None:
    """What the 完成时限 cell of a ledger or form shows: the task's own deadline, else the one
    it works to, marked implied (年底（默认）). The readers take those words back as no deadline
    of its own (is_implied_deadline_words), and the hidden record keeps the own value ("")."""
    own = shown_deadline(task)
    if own or fig.due is None or not fig.due_implied:
        return own
    return implied_deadline_words(fig.due, plan_year, lang)


IMPLIED_COLOUR = "808080"  # an implied deadline is grey, as in the window's tree


def baseline(task: Task, figures: PlanFigures) -> dict[str, Any]:
    """The values a ledger row shows for a task, as recorded in the hidden sheet."""
    fig = figures.tasks[task.id]
    latest = fig.latest
    due = shown_deadline(task)
    # Each text as its cell will read back (shown_text): a cell Excel cannot hold exactly (a
    # control character, 40,000 characters) is then not taken for an edit on import, and the
    # file's exact text stays; this record's other fields keep it exactly for a new file.
    return {
        **{f.ledger_key: shown_text(getattr(task, f.name)) for f in LEDGER_TEXT_FIELDS},
        "co_units": shown_text("、".join(task.co_units)),
        "deadline": due.isoformat() if isinstance(due, date) else shown_text(due or ""),
        "progress": shown_progress(fig.progress),
        "text": shown_text(latest.text) if latest else "",
        "problems": shown_text(latest.problems) if latest else "",
        "next_steps": shown_text(latest.next_steps) if latest else "",
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
    # cyclic collector would only look at all of them again and again.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _export_ledger(plan, Path(out), as_of, lang, evaluate_plan(plan, as_of))
    finally:
        if was_enabled:
            gc.enable()


def _export_ledger(plan: Plan, out: Path, as_of: date, lang: str, figures: PlanFigures) -> Path:
    wb = Workbook()
    _write_ledger_sheet(wb, plan, figures, lang)
    _write_indicators(wb, plan, lang)
    _write_updates(wb, plan, lang)
    _write_meta_sheet(wb, plan, figures, as_of, lang)
    wb.save(out)
    return out


def meta_header(kind: str, as_of: date, lang: str, plan: Plan, extra: dict[str, Any] | None = None) -> list[Any]:
    """Row 1 of the hidden sheet: marker, what the workbook is, and the plan's own fields."""
    # Only the plan's own fields: without its areas, not every task and update is converted.
    info = plan_to_dict(dataclasses.replace(plan, areas=[]))["plan"]
    return [MARKER, kind, META_VERSION, as_of.isoformat(), lang, json.dumps(info, ensure_ascii=False),
            json.dumps(extra or {}, ensure_ascii=False)]


def _write_meta_sheet(wb: Workbook, plan: Plan, figures: PlanFigures, as_of: date, lang: str) -> None:
    """The hidden sheet: marker, plan fields, and one row per area and task as exported."""
    ws = wb.add_sheet(META_SHEET, hidden=True)
    plain = wb.styles.column()
    header = meta_header("ledger", as_of, lang, plan)
    ws.add_rows(1, [header], [plain] * len(header))
    count = len(plan.areas) + sum(1 for _ in plan.walk_tasks())
    # a generator: each record is made as it is written, not all (17 MB at 10,000 tasks) at once
    ws.add_rows(2, _meta_rows(plan, figures), [plain] * (2 + RECORD_CELLS), count=count)


def _meta_rows(plan: Plan, figures: PlanFigures) -> Iterator[list[Any]]:
    for area in plan.areas:
        yield ["area", area.id, *_record_cells(json.dumps(
            {"name": area.name, "description": area.description, "weight": area.weight}, ensure_ascii=False))]
        for task in area.tasks:
            yield from _task_records(task, area.id, None, figures)


# A record longer than one cell holds (Excel's 32,767 characters: a title of 100,000 characters
# stored before titles were limited) goes on in the next cells of its row; the reader joins them.
RECORD_CELL_TEXT = 30_000
RECORD_CELLS = 14


def _record_cells(text: str) -> list[str]:
    return [text[i:i + RECORD_CELL_TEXT] for i in range(0, len(text), RECORD_CELL_TEXT)][:RECORD_CELLS] or [""]


def _task_records(task: Task, area_id: str, parent_id: str | None, figures: PlanFigures) -> Iterator[list[Any]]:
    # The record holds the task's own fields: its sub-tasks have their own rows and its
    # updates are in the history sheet, so they are not converted only to be dropped.
    record = task_to_dict(dataclasses.replace(task, subtasks=[], updates=[]))
    record.pop("subtasks")
    record.pop("updates")
    record.update(area_id=area_id, parent_id=parent_id, shown=baseline(task, figures))
    exact = exact_updates(task)
    if exact:
        record["exact_updates"] = exact
    yield ["task", task.id, *_record_cells(json.dumps(record, ensure_ascii=False))]
    for sub in task.subtasks:
        yield from _task_records(sub, area_id, task.id, figures)


_BORDERED = dict(border=True, wrap=True, vertical="top")
_CENTRED = dict(horizontal="center", vertical="center", wrap=True)


def _header_look() -> Look:
    return Look(bold=True, fill=HEADER_FILL, border=True, **_CENTRED)


def _write_ledger_sheet(wb: Workbook, plan: Plan, figures: PlanFigures, lang: str) -> None:
    """Title, as-of line and header, then a section row per area and a row per task."""
    ws = wb.add_sheet(SHEET_NAMES[lang]["ledger"])
    styles = wb.styles
    ncols = len(LEDGER_COLUMNS)
    last = column_letter(ncols - 2)  # the hidden id column stays outside the title
    ws.cell(1, 1, ledger_title(plan, lang), styles.column(Look(bold=True, size=16, **_CENTRED)))
    ws.merged.append(f"A1:{last}1")
    ws.heights[1] = 30
    ws.cell(2, 1, as_of_line(figures.as_of, lang))
    ws.merged.append(f"A2:{last}2")
    header = styles.column(_header_look())
    for col, key in enumerate(LEDGER_COLUMNS, start=1):
        ws.cell(3, col, HEADERS[lang][key], header)
        ws.widths[col - 1] = WIDTHS.get(key, 16)
    ws.hidden_columns.add(ncols - 1)
    plain = styles.column()
    section = [styles.column(Look(bold=True, fill=SECTION_FILL))] + [plain] * (ncols - 1)
    rows: list[tuple[list[Any], list[ColumnStyle]]] = []
    looks = _TaskLooks(wb.styles)
    for area_number, area in enumerate(plan.areas, start=1):
        row = FIRST_DATA_ROW + len(rows)
        values: list[Any] = [None] * ncols
        values[0], values[-1] = f"{chinese_ordinal(area_number)}、{area.name}", area.id
        rows.append((values, section))
        ws.merged.append(f"A{row}:{last}{row}")
        for number, task in enumerate(area.tasks, start=1):
            _task_rows(rows, task, str(number), 0, figures, lang, looks, ws.heights, plan.year)
    ws.add_styled_rows(FIRST_DATA_ROW, rows, ncols)
    ws.frozen_rows = FIRST_DATA_ROW - 1
    ws.print_a4_landscape = True
    ws.print_columns = ncols - 1  # the id column is not printed


class _TaskLooks:
    """The styles of a task row's cells, made once per look (column, depth, light, date)."""

    def __init__(self, styles: Styles) -> None:
        self._styles = styles
        self._made: dict[Any, ColumnStyle] = {}

    def row(self, values: dict[str, Any], depth: int, status: Any) -> list[ColumnStyle]:
        looks = []
        for key in LEDGER_COLUMNS:
            is_date = key == "deadline" and isinstance(values[key], date)
            implied = key == "deadline" and values.get("deadline_implied", False)
            look = (key, depth if key == "title" else 0, status if key == "status" else None, is_date, implied)
            made = self._made.get(look)
            if made is None:
                made = self._made[look] = self._styles.column(_task_cell_look(*look))
            looks.append(made)
        return looks


def _task_cell_look(key: str, depth: int, status: Any, is_date: bool, implied: bool = False) -> Look:
    if key == "id":
        # not wrapped: LibreOffice draws a hidden column's wrapped text into the printed page,
        # clipped to the row, as invisible text (a PDF's text then holds pieces of ids)
        return Look()
    if key == "title" and depth:
        return Look(indent=2 * depth, **_BORDERED)
    if key == "progress":
        return Look(number_format="0%", **_BORDERED)
    if is_date:
        return Look(number_format="yyyy-mm-dd", **_BORDERED)
    if implied:
        return Look(colour=IMPLIED_COLOUR, **_BORDERED)
    if key == "status":
        return Look(bold=True, colour="FFFFFF", fill=STATUS_COLOURS[status].lstrip("#").upper(), border=True,
                    **_CENTRED)
    return Look(**_BORDERED)


def _task_rows(rows: list[tuple[list[Any], list[ColumnStyle]]], task: Task, number: str, depth: int,
               figures: PlanFigures, lang: str, looks: _TaskLooks, heights: dict[int, float],
               plan_year: int) -> None:
    fig = figures.tasks[task.id]
    shown = baseline(task, figures)
    deadline = deadline_cell(task, fig, plan_year, lang)
    values = {
        "number": number, **{f.ledger_key: getattr(task, f.name) for f in LEDGER_TEXT_FIELDS},
        "co_units": shown["co_units"], "deadline": deadline,
        "progress": shown_progress(fig.progress) / 100.0, "status": status_word(fig.status, lang),
        "text": shown["text"], "problems": shown["problems"], "id": task.id,
        "deadline_implied": bool(deadline) and not shown["deadline"],
    }
    height = row_height(values, depth)
    if height is not None:
        heights[FIRST_DATA_ROW + len(rows)] = height
    rows.append(([values[key] for key in LEDGER_COLUMNS], looks.row(values, depth, fig.status)))
    for sub_number, sub in enumerate(task.subtasks, start=1):
        _task_rows(rows, sub, f"{number}.{sub_number}", depth + 1, figures, lang, looks, heights, plan_year)


# Points per line of 11 pt text, and Excel's largest row height.
LINE_POINTS = 15.0
MAX_ROW_POINTS = 409.0
_WRAPPED = ("title", "lead_unit", "co_units", "deadline", "text", "problems")


def text_width(text: str) -> int:
    """Width in column units (a digit's width): Chinese characters take two. Any
    character outside ASCII counts as two, which errs on the side of a taller row
    and is counted in C (a city's ledger has millions of characters)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


# Twentieths of a digit's width: a Chinese (any non-ASCII) character 33 (1.65 digits),
# any other character 20. Measured against LibreOffice's own optimal row heights of
# three ledgers of the bundled plan (Noto Sans CJK beside the sheet's font): counted
# as 1.8 and 0.9, one row in ten printed a line too tall (a blank band under its text).
_WIDE_TWENTIETHS, _NARROW_TWENTIETHS = 33, 20


def wrapped_lines(text: str, width: float) -> int:
    """The lines ``text`` takes in a column ``width`` digits wide, less a digit of
    the cell's margins (LibreOffice, 11 pt)."""
    room = max(width - 1, 4) * 20
    lines = 0
    for part in text.split("\n"):
        narrow = len(part.encode("ascii", "ignore"))
        needed = (len(part) - narrow) * _WIDE_TWENTIETHS + narrow * _NARROW_TWENTIETHS
        lines += max(1, -(-int(needed) // int(room)))
    return lines


def row_height(values: dict[str, Any], depth: int = 0, widths: dict[str, float] = WIDTHS,
               keys: Iterable[str] = ()) -> float | None:
    """The height a task row needs for its longest wrapped text (in the columns ``keys``,
    the ledger's by default), None for one line. Neither Excel nor LibreOffice grows a row
    to fit wrapped text when it opens a file, so without this a long title or progress
    report is cut off in print."""
    lines = 1
    for key in keys or _WRAPPED:
        text = values.get(key)
        if not isinstance(text, str) or not text:
            continue
        width = widths[key] - (2 * depth if key == "title" else 0)
        if 2 * len(text) <= width - 1 and "\n" not in text:
            continue  # one line whatever the characters
        lines = max(lines, wrapped_lines(text, width))
    return None if lines == 1 else min(lines * LINE_POINTS + 3, MAX_ROW_POINTS)


def _sheet_with_header(wb: Workbook, name: str, keys: list[str], lang: str, widths: dict[str, float]) -> Sheet:
    ws = wb.add_sheet(name)
    header = wb.styles.column(Look(bold=True, fill=HEADER_FILL, border=True))
    for col, key in enumerate(keys, start=1):
        ws.cell(1, col, HEADERS[lang].get(key, INDICATOR_HEADERS[lang].get(key, key)), header)
        ws.widths[col - 1] = widths.get(key, 14)
    ws.frozen_rows = 1
    # printed like the ledger: A4 landscape, one page wide, the header on every page, and
    # without the id columns (the last ones), which mean nothing on paper
    ws.print_a4_landscape = True
    ws.print_columns = len([k for k in keys if not k.endswith("_id")])
    return ws


INDICATOR_KEYS = ["title", "name", "comparator", "target", "unit", "baseline", "current", "due",
                  "task_id", "indicator_id"]
UPDATE_KEYS = ["title", "date", "progress", "text", "problems", "next_steps", "reporter", "highlight",
               "readings", "task_id", "update_id"]


def _write_indicators(wb: Workbook, plan: Plan, lang: str) -> None:
    ws = _sheet_with_header(wb, SHEET_NAMES[lang]["indicators"], INDICATOR_KEYS, lang,
                            {"title": 40, "name": 24, "task_id": 38, "indicator_id": 38})
    rows = [[task.title, ind.name, ind.comparator, ind.target, ind.unit, ind.baseline, ind.current, ind.due,
             task.id, ind.id]
            for task in plan.walk_tasks() for ind in task.indicators]
    plain, dated = wb.styles.column(), wb.styles.column(Look(number_format="yyyy-mm-dd"))
    ws.add_rows(2, rows, [dated if key == "due" else plain for key in INDICATOR_KEYS])


def _write_updates(wb: Workbook, plan: Plan, lang: str) -> None:
    ws = _sheet_with_header(wb, SHEET_NAMES[lang]["updates"], UPDATE_KEYS, lang,
                            {"title": 36, "date": 12, "text": 44, "problems": 26, "next_steps": 26,
                             "readings": 24, "task_id": 38, "update_id": 38})
    # a generator: the rows are made while the sheet is written, not all held at once
    rows = ([task.title, upd.date, upd.progress, upd.text, upd.problems, upd.next_steps,
             upd.reporter, "是" if upd.highlight else "",
             readings_text(upd.readings) if upd.readings else "", task.id, upd.id]
            for task in plan.walk_tasks() for upd in sorted(task.updates, key=lambda u: u.date))
    count = sum(len(task.updates) for task in plan.walk_tasks())
    plain = wb.styles.column()
    wrap = wb.styles.column(Look(wrap=True, vertical="top"))  # the long texts wrap
    dated = wb.styles.column(Look(number_format="yyyy-mm-dd"))
    looks = {"title": wrap, "text": wrap, "problems": wrap, "next_steps": wrap, "readings": wrap, "date": dated}
    ws.add_rows(2, rows, [looks.get(key, plain) for key in UPDATE_KEYS], count=count)


def readings_text(readings: dict[str, float]) -> str:
    """Indicator readings as people read them, one per line: 新引进企业：12 (the reader takes this
    and the JSON of older ledgers)."""
    return "\n".join(f"{name}：{_number(value)}" for name, value in readings.items())


def _number(value: float) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """一, 二, … 十, 十一, … 九十九 for section numbers."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
