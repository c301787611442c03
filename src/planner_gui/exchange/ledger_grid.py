"""Opening a spreadsheet as plain grids of values, safely.

The file is checked by its first bytes before anything parses it: an
encrypted workbook (Excel wraps those in an OLE2 container, header D0 CF 11
E0), an old .xls, a damaged zip or any other file is refused with one line
naming the file and the reason. The file is only ever read.

In a grid, formulas are their text (never evaluated), numbers shown as
percentages become "48%", dates become dates, and a block merged over
several rows gives its value to every row it covers (a leader written once
for three tasks belongs to all three). A merge within one row is remembered
instead: that is how a section row (一、…) looks.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from planner_gui.domain.errors import BadFileError
from planner_gui.exchange import input_limits
from planner_gui.exchange.ledger_csv import CSV_SUFFIXES, read_csv_rows
from planner_gui.exchange.safe_cells import cell_text
from planner_gui.imports import import_without_numpy

OLE2_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_HEADER = b"PK\x03\x04"
_QUOTED = re.compile(r'"[^"]*"')


@dataclass
class Grid:
    """One sheet as values; rows and columns count from 0, ``row_number`` gives the sheet's row."""

    name: str
    rows: list[list[Any]]
    merged_rows: set[int] = field(default_factory=set)
    hidden: bool = False
    # False for .xls/.ods (read by calamine, which gives no number formats): a percent-formatted
    # 100 % arrives as the number 1, not as "100%"
    formats_known: bool = True

    def value(self, r: int, c: int) -> Any:
        row = self.rows[r]
        return row[c] if c < len(row) else None

    @staticmethod
    def row_number(r: int) -> int:
        return r + 1


def open_grids(path: Path | str) -> list[Grid]:
    """Every sheet of an .xlsx workbook, or the one table of a CSV file."""
    path = Path(path)
    try:
        with input_limits.open_input(path) as handle:  # no FIFO, device or giant file
            head = handle.read(8)
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise BadFileError(path, "is empty")
    if head.startswith(OLE2_HEADER):
        if _is_encrypted(path):
            raise BadFileError(path, "is password-protected; remove the password in Excel or WPS and save again")
        return _calamine_grids(path)  # an old Excel 97-2003 (.xls) workbook
    if head.startswith(ZIP_HEADER):
        if _is_opendocument(path):
            return _calamine_grids(path)
        return _xlsx_grids(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        return [Grid(path.stem, [list(r) for r in read_csv_rows(path)])]
    raise BadFileError(path, "is not an Excel workbook (.xlsx, .xls), an OpenDocument sheet (.ods) or a CSV file")


def _is_encrypted(path: Path) -> bool:
    # An encrypted OOXML file is an OLE2 container holding an "EncryptedPackage" stream.
    data = path.read_bytes()
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _is_opendocument(path: Path) -> bool:
    # An OpenDocument file is a zip whose first entry, "mimetype", names its kind.
    try:
        with zipfile.ZipFile(path) as archive:
            mimetype = input_limits.read_member(path, archive, "mimetype", 200)  # streamed and capped
            return mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError, ValueError, BadFileError):
        return False  # not an .ods; the .xlsx reader says what is wrong with a damaged zip


def _calamine_grids(path: Path) -> list[Grid]:
    from planner_gui.exchange.ledger_calamine import read_calamine_grids

    grids = [_merged_grid(name, rows, merged, hidden) for name, hidden, rows, merged in read_calamine_grids(path)]
    for grid in grids:
        grid.formats_known = False
    return grids


def _xlsx_grids(path: Path) -> list[Grid]:
    from xml.etree.ElementTree import ParseError

    from planner_gui.exchange.ledger_bulk_read import Unsupported, read_workbook_grids

    try:
        return [_merged_grid(name, rows, merged, hidden)
                for name, hidden, rows, merged in read_workbook_grids(path, _is_percent)]
    except (Unsupported, zipfile.BadZipFile, ParseError, KeyError, ValueError, IndexError, OSError, EOFError,
            OverflowError, LookupError):  # LookupError: an XML declaration naming no known encoding
        # Unusual or damaged: openpyxl reads it, or says what is wrong with it.
        input_limits.check_for_openpyxl(path)  # openpyxl reads everything into memory
        return _openpyxl_grids(path)


def _openpyxl_grids(path: Path) -> list[Grid]:
    import_without_numpy("openpyxl")  # planner_gui/imports.py: 40 ms less
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only=False: a formula stays its text; nothing is calculated.
        wb = load_workbook(path, data_only=False, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError) as exc:
        raise BadFileError(path, f"is damaged or not an Excel workbook ({type(exc).__name__})") from None
    except Exception as exc:  # openpyxl raises many kinds of error for a broken file
        raise BadFileError(path, f"is damaged and cannot be read ({_first_line(exc)})") from None
    try:
        return [_sheet_grid(ws) for ws in wb.worksheets]
    except (OverflowError, ValueError, TypeError) as exc:  # a number or date no one can hold
        raise BadFileError(path, f"is damaged and cannot be read ({_first_line(exc)})") from None
    finally:
        wb.close()


def _first_line(exc: Exception) -> str:
    """An exception as one short line: openpyxl's messages run over several."""
    text = " ".join(str(exc).split("\n", 1)[0].split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _is_percent(number_format: str) -> bool:
    return "%" in _QUOTED.sub("", number_format or "")


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "f" or not isinstance(value, (int, float, str, date, datetime, time, bool)):
        return cell_text(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _is_percent(cell.number_format):
        return f"{round(value * 100, 6):g}%"
    if isinstance(value, str):
        return value if value.strip() else None
    if type(value) is int and not -(2**53) <= value <= 2**53:
        return float(str(value))  # a double, as Excel holds it: 10**400 is inf, reported as such
    return value


def _sheet_grid(ws: Any) -> Grid:
    rows = [[_cell_value(c) for c in row] for row in ws.iter_rows()]
    merged = [(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1)
              for rng in ws.merged_cells.ranges]
    return _merged_grid(ws.title, rows, merged, ws.sheet_state != "visible")


def _merged_grid(name: str, rows: list[list[Any]], merged: list[tuple[int, int, int, int]],
                 hidden: bool) -> Grid:
    """A grid of ``rows`` with its merged ranges (0-based, inclusive) applied."""
    grid = Grid(name, rows, hidden=hidden)
    for r0, c0, r1, c1 in merged:
        if r0 >= len(rows):
            continue
        top_left = grid.value(r0, c0)
        if r0 == r1:
            if c1 > c0 and top_left is not None:
                grid.merged_rows.add(r0)
            continue
        for r in range(r0, min(r1 + 1, len(rows))):
            row = rows[r]
            while len(row) < c1 + 1:
                row.append(None)
            for c in range(c0, c1 + 1):
                row[c] = top_left
    return grid
