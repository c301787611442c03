"""Reading old Excel 97-2003 (.xls) and OpenDocument (.ods) workbooks, through python-calamine.

Many offices still keep last year's ledger as .xls (or, with WPS and LibreOffice,
as .ods). python-calamine (a maintained Rust reader of xls, xlsx and ods) reads
them into the same shape as ``ledger_bulk_read.read_workbook_grids`` gives for
.xlsx — (name, hidden, rows, merged ranges) per sheet, rows and columns from 0 —
so the grids, and everything read from them, follow the same rules and previews.

Like the .xlsx reader, nothing is calculated: calamine gives a formula's cached
value (what the sheet showed), never runs it. A sheet larger than the caps below
is refused before its cells are made (a small file can declare a huge sheet).

What calamine does not give is a cell's number format: a percent-formatted 100 %
arrives as 1 (1 % under the usual rule, a number below 1 being a fraction). The
grids say so (``Grid.formats_known``), and the reader takes a progress column whose
numbers are all from 0 to 1 as fractions, 1 being 100 % (ledger_read._all_fractions).
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from planner_gui.domain.errors import BadFileError
from planner_gui.exchange import input_limits

# The limits every reader keeps (exchange/input_limits.py, documented in docs/ledger.md); the
# cells of a sheet as calamine gives them, rows x columns (the 10,000-task ledger's history
# sheet is 2.2 million cells).
MAX_ROWS = input_limits.MAX_ROWS
MAX_COLUMNS = input_limits.MAX_COLUMNS
MAX_CELLS = input_limits.MAX_CELLS

Sheet = tuple[str, bool, list[list[Any]], list[tuple[int, int, int, int]]]


def _value(value: Any) -> Any:
    """A calamine cell as the .xlsx reader gives it: None for empty, dates as dates, whole
    floats as ints (calamine gives every number of an .xls as a float)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def read_calamine_grids(path: Path) -> list[Sheet]:
    """(name, hidden, rows, merged ranges, 0-based inclusive) of every sheet of ``path``.

    BadFileError, naming the file, when calamine cannot read it or a sheet is too large."""
    from python_calamine import CalamineWorkbook  # a dependency, imported for old workbooks only

    if path.suffix.lower() != ".xls" and zipfile.is_zipfile(path):  # .ods: its parts' sizes and ratio first
        input_limits.open_archive(path).close()
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error kinds for every damaged file
        raise BadFileError(path, f"is damaged or not a workbook ({type(exc).__name__}: {exc})") from None
    try:
        visible = {m.name: "Visible" in str(m.visible) for m in book.sheets_metadata}
        sheets: list[Sheet] = []
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
            except Exception as exc:  # noqa: BLE001 - a chart sheet or a damaged one
                raise BadFileError(path, f"sheet {name!r} cannot be read ({type(exc).__name__})") from None
            height, width = sheet.total_height, sheet.total_width
            if height > MAX_ROWS or width > MAX_COLUMNS or height * width > MAX_CELLS:
                raise BadFileError(path, f"sheet {name!r} is too large to be a ledger "
                                         f"({height:,} rows × {width:,} columns; at most {MAX_ROWS:,} rows, "
                                         f"{MAX_COLUMNS} columns and {MAX_CELLS:,} cells are read)")
            try:
                raw = sheet.to_python(skip_empty_area=False)
            except Exception as exc:  # noqa: BLE001
                raise BadFileError(path, f"sheet {name!r} cannot be read ({type(exc).__name__}: {exc})") from None
            rows = [[_value(v) for v in row] for row in raw]
            while rows and all(v is None for v in rows[-1]):
                rows.pop()
            for row in rows:
                while row and row[-1] is None:
                    row.pop()
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            sheets.append((name, not visible.get(name, True), rows, merged))
        return sheets
    finally:
        book.close()
