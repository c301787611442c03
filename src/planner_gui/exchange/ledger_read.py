"""Reading a ledger, whoever made it: ours, another office's, or a filled report form.

The header row is found below any title rows by its headings (with the usual
synonyms, see ledger_layout.SYNONYMS); a merged row, or a row with one filled
cell such as 一、…, starts an area; 1.1 under 1 is a sub-task. Values are read
the way people write them: deadlines as dates or words (6月底前), progress as
48%, 0.48, 48 or 已完成. Whatever cannot be read is reported as a Problem
naming the sheet, row and column, and the rest of the file is still read.
"""

from __future__ import annotations

import functools
import gc
import json
import operator
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner_gui.domain.dates import resolve_deadline, year_from_text
from planner_gui.domain.deadlines import is_implied_deadline_words
from planner_gui.domain.errors import BadFileError, ValidationError
from planner_gui.domain.fields import LEDGER_TEXT_FIELDS
from planner_gui.domain.validation import check_number
from planner_gui.exchange.ledger_exact import restore_updates
from planner_gui.exchange.ledger_grid import Grid, open_grids
from planner_gui.exchange.ledger_layout import (
    HEADERS,
    INDICATOR_HEADERS,
    MARKER,
    META_SHEET,
    SHEET_NAMES,
    SYNONYMS,
)
from planner_gui.exchange.ledger_values import (
    Problem,
    as_of_from_text,
    clean_area_name,
    is_note_row,
    is_section_label,
    parse_progress,
    split_progress_text,
    text_of,
)

HEADER_SEARCH_ROWS = 30
TEXT_KEYS = (*(f.ledger_key for f in LEDGER_TEXT_FIELDS), "text", "problems", "next_steps")


@dataclass
class LedgerRow:
    """One data row: an area (section row) or a task."""

    sheet: str
    row: int
    kind: str  # "area" or "task"
    area: str
    number: str = ""
    id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # column key -> heading of its sheet

    def where(self) -> str:
        return f"{self.sheet} row {self.row}"


class HistoryRow:
    """One row of the update-history sheet, read like a dict keyed as the JSON format
    (``item["text"]``, ``item.get("id")``). Slots instead of a dict: the city's 200,000 rows
    took 90 MB as dicts, and their places ("进展记录 row 2") 20 MB more as strings."""

    __slots__ = ("task_id", "id", "date", "progress", "text", "problems", "next_steps", "reporter",
                 "highlight", "readings", "sheet", "row")
    KEYS = frozenset(__slots__) - {"sheet", "row"} | {"where"}

    def __init__(self, task_id: str, id: str | None, date: date, progress: float | None, text: str,
                 problems: str, next_steps: str, reporter: str, highlight: bool, readings: dict[str, Any],
                 sheet: str, row: int) -> None:
        self.task_id, self.id, self.date, self.progress = task_id, id, date, progress
        self.text, self.problems, self.next_steps, self.reporter = text, problems, next_steps, reporter
        self.highlight, self.readings, self.sheet, self.row = highlight, readings, sheet, row

    @property
    def where(self) -> str:
        return f"{self.sheet} row {self.row}"

    def __getitem__(self, key: str) -> Any:
        if key not in self.KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self.KEYS or key == "where":
            raise KeyError(key)
        setattr(self, key, value)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.KEYS else default


@dataclass
class Meta:
    """What the hidden sheet says was exported (ledgers and forms made by planner-gui)."""

    kind: str
    as_of: date | None
    lang: str
    plan: dict[str, Any]
    extra: dict[str, Any]
    tasks: dict[str, dict[str, Any]] = field(default_factory=dict)
    areas: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Ledger:
    path: Path
    title: str = ""
    as_of: date | None = None
    year: int = 0
    rows: list[LedgerRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # key -> heading as written
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    meta: Meta | None = None
    history: list[HistoryRow] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.meta.kind if self.meta else "table"


def normalise_heading(text: str) -> str:
    text = re.sub(r"[（(【\[].*?[）)】\]]", "", text)
    return re.sub(r"[\s:：*＊]+", "", text).casefold()


_EXACT = {normalise_heading(s): key for key, names in SYNONYMS.items() for s in names}
_CONTAINS = sorted(((normalise_heading(s), key) for key, names in SYNONYMS.items() for s in names
                    if key != "id" and len(normalise_heading(s)) >= 2), key=lambda p: -len(p[0]))


def heading_key(text: str) -> str | None:
    """The column key a heading means (完成进度（%） -> progress), or None."""
    norm = normalise_heading(text)
    if not norm:
        return None
    if norm in _EXACT:
        return _EXACT[norm]
    for synonym, key in _CONTAINS:
        if synonym in norm:
            return key
    return None


def find_header(grid: Grid) -> tuple[int, dict[str, int], list[str]] | None:
    """(row index, key -> column, unrecognised headings) of the header row, or None."""
    for r in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        columns: dict[str, int] = {}
        unknown: list[str] = []
        for c, value in enumerate(grid.rows[r]):
            if not isinstance(value, str):
                continue
            key = heading_key(value)
            if key is None:
                unknown.append(value.strip())
            elif key not in columns:
                columns[key] = c
        if "title" in columns and len(columns) >= 2:
            return r, columns, unknown
    return None


def read_ledger(path: Path | str, plan_year: int | None = None, today: date | None = None) -> Ledger:
    """Read a ledger, CSV or report form. BadFileError when the file cannot be read at all."""
    # Millions of cells are made and none of them forms a reference cycle: without the
    # cyclic collector looking at all of them again and again, a city-sized ledger reads
    # 1.3 s (a quarter) faster. Reference counting frees everything as usual.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_ledger(Path(path), plan_year, today)
    finally:
        if was_enabled:
            gc.enable()


def _read_ledger(path: Path, plan_year: int | None, today: date | None) -> Ledger:
    grids = open_grids(path)
    ledger = Ledger(path)
    meta_grid = next((g for g in grids if g.name == META_SHEET), None)
    if meta_grid is not None:
        ledger.meta = _read_meta(meta_grid, ledger)
    if ledger.meta is not None:
        # Our own workbook: the ledger (or form) is the first sheet, history the updates sheet.
        tables = grids[:1]
        history_names = {names["updates"] for names in SHEET_NAMES.values()}
        indicator_names = {names["indicators"] for names in SHEET_NAMES.values()}
        for grid in grids:
            if grid.name in history_names:
                ledger.history = _read_history(grid, ledger)
                restore_updates(ledger.history, ledger.meta.tasks)  # texts a cell cannot hold
            elif grid.name in indicator_names:
                ledger.indicators = _read_indicators(grid, ledger)
    else:
        tables = [g for g in grids if not g.hidden]
    found = [(grid, header) for grid in tables if (header := find_header(grid)) is not None]
    if not found:
        raise BadFileError(path, "has no ledger header row (a row with 任务 and 牵头单位, 完成时限, … headings)")
    titles: list[str] = []
    for grid, (header_row, _, _) in found:
        titles += _read_title_rows(grid, header_row, ledger)
    ledger.title = titles[0] if titles else ""
    if ledger.meta and ledger.meta.as_of:
        ledger.as_of = ledger.meta.as_of
    ledger.year = _year_guess(ledger, plan_year, " ".join(titles), today or date.today())
    for index, (grid, header) in enumerate(found):
        # Without section rows, a sheet's tasks go into an area named after the sheet
        # (when tasks are spread over several sheets).
        default_area = grid.name if len(found) > 1 else ""
        _read_table(grid, header, ledger, default_area, first=index == 0)
    return ledger


_AS_OF_WORDS = re.compile(r"截至|截止|数据时间|统计时间|as\s+of", re.IGNORECASE)
_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*[:：]?$")


def _read_title_rows(grid: Grid, header_row: int, ledger: Ledger) -> list[str]:
    """Texts above the header, without a bare 附件1. The as-of date is the date on a
    截至… line, else the first date found."""
    texts = []
    said = False  # whether the as-of date came from a line that says so
    for r in range(header_row):
        for value in grid.rows[r]:
            if isinstance(value, date) and ledger.as_of is None:
                ledger.as_of = value
            elif isinstance(value, str) and value.strip() and not _ATTACHMENT.match(value.strip()):
                texts.append(value.strip())
                found = as_of_from_text(value)
                if found and _AS_OF_WORDS.search(value) and not said:
                    ledger.as_of, said = found, True
                elif found and ledger.as_of is None:
                    ledger.as_of = found
    return texts


def _read_meta(grid: Grid, ledger: Ledger) -> Meta | None:
    head = grid.rows[0] if grid.rows else []
    if not head or head[0] != MARKER:
        return None
    try:
        as_of = date.fromisoformat(str(head[3])) if len(head) > 3 and head[3] else None
        meta = Meta(kind=str(head[1]), as_of=as_of, lang=str(head[4] or "zh"),
                    plan=json.loads(text_of(head[5]) or "{}"), extra=json.loads(text_of(head[6]) or "{}"))
        for row in grid.rows[1:]:
            if not row or row[0] not in ("task", "area"):
                continue
            record = json.loads("".join(text_of(c) for c in row[2:] if c is not None))  # long: several cells
            (meta.tasks if row[0] == "task" else meta.areas)[str(row[1])] = record
    except (ValueError, IndexError, TypeError):
        ledger.problems.append(Problem(META_SHEET, None, "", "the hidden record of the export is damaged; "
                                       "rows are matched by title instead of by id"))
        return None
    return meta


def _year_guess(ledger: Ledger, plan_year: int | None, titles: str, today: date) -> int:
    if plan_year:
        return plan_year
    if ledger.meta and isinstance(ledger.meta.plan.get("year"), int):
        return ledger.meta.plan["year"]
    return year_from_text(titles) or (ledger.as_of or today).year


def _read_table(grid: Grid, header: tuple[int, dict[str, int], list[str]], ledger: Ledger,
                default_area: str, first: bool) -> None:
    header_row, columns, unknown = header
    headings = {key: text_of(grid.value(header_row, c)) for key, c in columns.items()}
    if first:
        ledger.columns = headings
        ledger.ignored_columns = unknown
    area = default_area
    fractions = not grid.formats_known and _all_fractions(grid, header_row, columns.get("progress"))
    for r in range(header_row + 1, len(grid.rows)):
        cells = {key: grid.value(r, c) for key, c in columns.items()}
        filled = [v for k, v in cells.items() if k != "id" and v not in (None, "")]
        other = [v for c, v in enumerate(grid.rows[r]) if v not in (None, "") and c not in columns.values()]
        if not filled and not other:
            continue
        row_id = text_of(cells.get("id")) or None
        first_text = next((v for v in grid.rows[r] if v not in (None, "")), None)
        if not row_id and isinstance(first_text, str) and is_note_row(first_text):
            continue  # 注：…, 填表人：…: a footer or note, not an area or a task
        section = _section_text(grid, r, cells, filled, columns)
        if section is not None:
            area = clean_area_name(section)
            ledger.rows.append(LedgerRow(grid.name, grid.row_number(r), "area", area, id=row_id))
            continue
        ledger.rows.append(_task_row(grid, r, cells, area, row_id, ledger, headings, fractions))


def _all_fractions(grid: Grid, header_row: int, column: int | None) -> bool:
    """Whether every number in the progress column is from 0 to 1: a percent-formatted column
    of an .xls or .ods, whose formats calamine does not give (48 % arrives as 0.48, 100 % as 1)."""
    if column is None:
        return False
    numbers = [v for r in range(header_row + 1, len(grid.rows)) for v in (grid.value(r, column),)
               if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return bool(numbers) and all(0 <= v <= 1 for v in numbers)


def _section_text(grid: Grid, r: int, cells: dict[str, Any], filled: list[Any],
                  columns: dict[str, int]) -> str | None:
    """The area name if row ``r`` is a section row, else None."""
    texts = {text_of(v) for v in filled}
    if r in grid.merged_rows and len(texts) == 1:
        return texts.pop()
    if len(filled) == 1:
        text = text_of(filled[0])
        title_only = text_of(cells.get("title")) == text
        if not title_only or "number" in columns or is_section_label(text):
            return text
        return None
    number = text_of(cells.get("number"))
    detail = any(cells.get(k) not in (None, "") for k in ("leader", "lead_unit", "deadline", "progress"))
    if number and is_section_label(number, bare=True) and not detail:
        return text_of(cells.get("title")) or number
    return None


def _task_row(grid: Grid, r: int, cells: dict[str, Any], area: str, row_id: str | None,
              ledger: Ledger, heading: dict[str, str], fractions: bool = False) -> LedgerRow:
    row = LedgerRow(grid.name, grid.row_number(r), "task", area, number=text_of(cells.get("number")), id=row_id,
                    headings=heading)

    def problem(key: str, message: str) -> None:
        ledger.problems.append(Problem(grid.name, row.row, heading.get(key, key), message))

    values = row.values
    for key in TEXT_KEYS:
        if key in cells:
            values[key] = text_of(cells[key]).strip()
    if values.get("text") and ledger.meta is None:
        # 存在问题：… / 下步计划：… written inside the progress cell go to their own fields
        # (our own ledgers have a column for each, and their text is kept as written).
        parts = split_progress_text(values["text"])
        if parts["problems"] or parts["next_steps"]:
            values["text"] = parts["text"]
            for key in ("problems", "next_steps"):
                if parts[key]:
                    values[key] = "\n".join(p for p in (values.get(key, ""), parts[key]) if p)
    if "co_units" in cells:
        values["co_units"] = [u for u in re.split(r"[、，,;；/\n]+", text_of(cells["co_units"])) if u.strip()]
        values["co_units"] = [u.strip() for u in values["co_units"]]
    if "deadline" in cells:
        values["deadline_text"], values["due"] = _deadline(cells["deadline"], ledger.year)
    if "progress" in cells:
        # A report form's 本期进度（%） column holds percentages as typed: 0.5 there is 0.5 %, not
        # half (a percent-formatted cell arrives as "50%" and is read by its format).
        typed_percent = ledger.kind == "form" and re.search(r"[（(]\s*[%％]\s*[）)]", heading.get("progress", ""))
        try:
            values["progress"] = parse_progress(cells["progress"], fraction=not typed_percent)
            if fractions and not typed_percent and cells["progress"] == 1 and not isinstance(cells["progress"], bool):
                values["progress"] = 100.0  # 100 % in a column of fractions (.xls/.ods)
        except ValueError as exc:
            problem("progress", str(exc))
    if not values.get("title"):
        problem("title", "no task title; row skipped")
    return row


def _deadline(value: Any, year: int) -> tuple[str, date | None]:
    """(words, date) of a deadline cell. Words that name no date are kept with no date;
    the merge reports them only where they would be taken in (a new or changed deadline).
    The words of an implied deadline are no deadline: ("", None)."""
    if value in (None, ""):
        return "", None
    if isinstance(value, date):
        return "", value
    if isinstance(value, (int, float)) and 20000 < value < 80000:
        return "", date(1899, 12, 30) + timedelta(days=int(value))  # an Excel date serial
    text = text_of(value).strip()
    if is_implied_deadline_words(text):
        # 年底（默认） as our ledgers and forms show a task without a deadline of its own: read
        # back (unchanged, through a CSV, from a form) it gives the task none; typed over, it does
        return "", None
    return text, _resolve_deadline(text, year)


# A ledger repeats the same few deadlines (6月底前, 年底前) on thousands of rows.
_resolve_deadline = functools.lru_cache(maxsize=4096)(resolve_deadline)


def _sheet_columns(grid: Grid) -> dict[str, int]:
    """Key -> column of one of our own list sheets (history, indicators), by its exact headings."""
    tables = (*HEADERS.values(), *INDICATOR_HEADERS.values())
    names = {text: key for table in tables for key, text in table.items()}
    if not grid.rows:
        return {}
    return {names[v]: c for c, v in enumerate(grid.rows[0]) if isinstance(v, str) and v in names}


def _read_indicators(grid: Grid, ledger: Ledger) -> list[dict[str, Any]]:
    """Target and current value of each indicator row, by indicator id."""
    columns = _sheet_columns(grid)
    found = []
    for r in range(1, len(grid.rows)):
        cells = {key: grid.value(r, c) for key, c in columns.items()}
        indicator_id = text_of(cells.get("indicator_id")).strip()
        if not indicator_id:
            continue
        item: dict[str, Any] = {"id": indicator_id, "task_id": text_of(cells.get("task_id")).strip(),
                                "where": f"{grid.name} row {r + 1}"}
        for key in ("target", "current"):
            if key not in cells:
                continue
            value = cells[key]
            try:
                item[key] = check_number(value.strip() if isinstance(value, str) else value, key)
            except ValidationError:
                heading = text_of(grid.value(0, columns[key]))
                ledger.problems.append(Problem(grid.name, r + 1, heading, f"{value!r} is not a number"))
        found.append(item)
    return found


def _read_history(grid: Grid, ledger: Ledger) -> list[HistoryRow]:
    """Rows of the update-history sheet, keyed like the JSON format.

    A city-sized plan has 200,000 of these rows, so each row is read by column
    number and text cells (nearly all of them) skip the general conversion."""
    columns = _sheet_columns(grid)
    keys = ("task_id", "update_id", "date", "progress", "text", "problems", "next_steps", "reporter",
            "highlight", "readings")
    index = [columns.get(key, -1) for key in keys]

    def text(value: Any) -> str:
        return value if type(value) is str else text_of(value)

    width = min((len(row) for row in grid.rows), default=0)
    # Our own sheet has every column in every (rectangular) row: one C call takes them all.
    pick = operator.itemgetter(*index) if all(0 <= c < width for c in index) else None
    history = []
    for r in range(1, len(grid.rows)):
        row = grid.rows[r]
        task_id, update_id, when, progress, note, problems, next_steps, reporter, highlight, readings = (
            pick(row) if pick else tuple(row[c] if 0 <= c < len(row) else None for c in index))
        if not task_id or not when:
            continue
        if not isinstance(when, date):
            try:
                when = date.fromisoformat(text_of(when).strip())
            except ValueError:
                ledger.problems.append(Problem(grid.name, r + 1, "date", f"{when!r} is not a date; update skipped"))
                continue
        try:
            if type(progress) is int or type(progress) is float:  # the usual case, without the general parser
                number = round(float(progress), 2)
                progress = number if 0 <= number <= 100 else parse_progress(progress, fraction=False)
            else:
                progress = parse_progress(progress, fraction=False)
            readings = parse_readings(text(readings)) if readings is not None else {}
        except ValueError as exc:
            ledger.problems.append(Problem(grid.name, r + 1, "", f"{exc}; update skipped"))
            continue
        history.append(HistoryRow(
            text(task_id), (text(update_id) if update_id is not None else "") or None, when, progress,
            text(note) if note is not None else "",
            text(problems) if problems is not None else "",
            text(next_steps) if next_steps is not None else "",
            text(reporter) if reporter is not None else "",
            bool(text(highlight)) if highlight is not None else False,
            readings if isinstance(readings, dict) else {}, grid.name, r + 1,
        ))
    return history


def parse_readings(text: str) -> dict[str, Any]:
    """The 指标读数 cell: one 名称：值 per line (what the ledger writes), or the JSON object that
    older ledgers held. ValueError, saying what is wrong, for anything else."""
    text = text.strip()
    if not text:
        return {}
    if text.startswith("{"):
        found = json.loads(text)
        return found if isinstance(found, dict) else {}
    readings: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = re.split(r"[:：](?=[^:：]*$)", line.strip(), maxsplit=1)  # at the last colon
        name, value = (parts[0], parts[1]) if len(parts) == 2 else ("", "")
        if not name.strip():
            raise ValueError(f"indicator reading {line.strip()!r} is not 名称：值")
        try:
            readings[name.strip()] = float(value.strip())
        except ValueError:
            raise ValueError(f"indicator reading {line.strip()!r} has no number") from None
    return readings
