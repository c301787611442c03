"""How much of an input file is read: the limits and their checks, in one place.

A 2 KB spreadsheet can name a million rows in one merged range, and a 3 MB zip
can hold 6 GB of XML: without limits such a file froze the window or used up
the office PC's memory. Every importer (.xlsx, .xls/.ods, CSV, JSON, plan
text) calls these checks before and while it reads, and a file beyond a limit
is refused in one line naming the file and the limit (a LimitError, which is a
BadFileError). The limits are far above any real ledger — a city's 200,000-row
history fits — and are documented in docs/ledger.md.

API (for every reader):

- ``open_input(path)`` / ``read_input(path)``: refuse a FIFO, device or folder
  before opening it (opening a FIFO blocks), and a file over MAX_INPUT_BYTES.
- ``open_archive(path)``: the zip opened, a damaged one refused in one line, and
  checked by ``check_archive(path, archive)``: every member of a zip (.xlsx, .ods) within
  MAX_UNCOMPRESSED in all and MAX_RATIO of its compressed size, by what the
  zip declares; ``stream_member(path, archive, name)`` (or ``read_member``
  for the whole) then unpacks one member and stops at the cap whatever the zip
  declared; a damaged member (zlib.error, an unknown zip version) is a
  BadFileError.
- ``check_for_openpyxl(path)``: the unusual workbook that openpyxl reads (it
  makes an object for every cell of a sheet's whole rectangle and of every
  merged range) within MAX_OPENPYXL_CELLS.
- ``check_cell_count(path, cells)``: at most MAX_CELLS cells with values.
- ``check_merged_cells(path, sheet, cells, ranges)``: merged ranges.
- ``check_cell(path, sheet, row, column)`` (1-based) and
  ``check_sheet_size(path, sheet, rows, columns)``: a sheet within MAX_ROWS
  and MAX_COLUMNS.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from planner_gui.domain.errors import BadFileError

MAX_ROWS = 250_000  # a city's ledger: 200,000 updates in one history sheet
MAX_COLUMNS = 100
# A city's ledger (10,000 tasks, 200,000 updates) unpacks to 158 MB and holds 1.8 million values;
# reading it peaks at 440 MB of memory, so these limits are just above it.
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes of all a workbook's zip members together
MAX_CELLS = 2_500_000  # cells with a value, in all a workbook's sheets
MAX_RATIO = 100  # uncompressed / compressed, for a member over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024  # small members (styles, empty sheets) compress far better
MAX_INPUT_BYTES = 50 * 1024 * 1024  # a CSV or text file, or a whole workbook (the city's: 26 MB)
MAX_JSON_BYTES = 160 * 1024 * 1024  # a plan as JSON: the city's is 117 MB
MAX_MEMBERS = 10_000
MAX_MERGED_CELLS = 5_000_000  # cells covered by a sheet's merged ranges, once clipped to its values
MAX_MERGES = 100_000  # merged ranges in a sheet
MAX_OPENPYXL_CELLS = 1_000_000  # a sheet's rows x columns, merged cells included
_READ = 1 << 20
_OVERLAP = 256  # longer than any cell or merge reference
_REF = re.compile(rb'<(?:\w+:)?(?:c|mergeCell)\b[^>]*?\b(?:r|ref)="\$?([A-Z]+)\$?([0-9]+)(?::\$?([A-Z]+)\$?([0-9]+))?"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]+)"')


class LimitError(BadFileError):
    """A file beyond one of the documented input limits."""


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def check_regular(path: Path) -> int:
    """The file's size; refuses what is not a regular file without opening it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise BadFileError(path, "does not exist") from None
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BadFileError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise BadFileError(path, "is not a regular file (a pipe or device); save it as a file first")
    return info.st_size


def open_input(path: Path | str, limit: int = MAX_INPUT_BYTES) -> BinaryIO:
    """The file opened for reading, once it is a regular file within ``limit`` bytes."""
    path = Path(path)
    if check_regular(path) > limit:
        raise LimitError(path, f"is larger than {_mb(limit)}, the most that is read")
    try:
        return path.open("rb")
    except IsADirectoryError:
        raise BadFileError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None


def read_input(path: Path | str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The whole file, refused beyond ``limit`` bytes (also when it grows while read)."""
    path = Path(path)
    with open_input(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise LimitError(path, f"is larger than {_mb(limit)}, the most that is read")
    return data


def open_archive(path: Path) -> zipfile.ZipFile:
    """The zip (.xlsx, .ods) opened and checked by ``check_archive``; one line when it is damaged."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, OverflowError) as exc:
        raise BadFileError(path, f"is damaged or not a workbook ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        check_archive(path, archive)
    except BaseException:
        archive.close()
        raise
    return archive


def check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip whose members declare more than the limits allow."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise LimitError(path, f"holds more than {MAX_MEMBERS} parts, the most that is read")
    total = 0
    for info in members:
        total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise LimitError(path, f"unpacks to more than {_mb(MAX_UNCOMPRESSED)}, the most that is read")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LimitError(path, f"{info.filename} is compressed more than {MAX_RATIO} to 1 "
                                   "(a zip bomb?); it is not read")


def stream_member(path: Path, archive: zipfile.ZipFile, name: str,
                  limit: int = MAX_UNCOMPRESSED) -> Iterator[bytes]:
    """One member in pieces of up to 1 MB, stopped at ``limit`` bytes or MAX_RATIO times its
    compressed size, whatever its header claims. KeyError when there is no such member."""
    info = archive.getinfo(name)
    ratio_cap = max(RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1))
    size = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(_READ)
                if not chunk:
                    return
                size += len(chunk)
                if size > limit:
                    raise LimitError(path, f"{name} unpacks to more than {_mb(limit)}, the most that is read")
                if size > ratio_cap:
                    raise LimitError(path, f"{name} is compressed more than {MAX_RATIO} to 1 (a zip bomb?); "
                                           "it is not read")
                yield chunk
    except (zlib.error, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        # A damaged stream, a compression or zip version nobody supports, an encrypted member.
        raise BadFileError(path, f"is damaged: {name} cannot be unpacked ({type(exc).__name__})") from None


def read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """One member, whole, within the same caps as ``stream_member``."""
    return b"".join(stream_member(path, archive, name, limit))


def check_cell(path: Path, sheet: str, row: int, column: int) -> None:
    """Refuse a cell (1-based row and column) beyond the rows and columns that are read."""
    if row > MAX_ROWS:
        raise LimitError(path, f"sheet {sheet} has a cell in row {row:,}; at most {MAX_ROWS:,} rows are read")
    if column > MAX_COLUMNS:
        raise LimitError(path, f"sheet {sheet} has a cell in column {column:,}; "
                               f"at most {MAX_COLUMNS} columns are read")


def check_merged_cells(path: Path, sheet: str, cells: int, ranges: int = 0) -> None:
    """Refuse merged ranges that are too many, or together cover more cells than a grid may hold."""
    if ranges > MAX_MERGES:
        raise LimitError(path, f"sheet {sheet} has more than {MAX_MERGES:,} merged ranges, the most that is read")
    if cells > MAX_MERGED_CELLS:
        raise LimitError(path, f"sheet {sheet} has merged ranges over more than {MAX_MERGED_CELLS:,} "
                               "cells, the most that is read")


def check_cell_count(path: Path, cells: int) -> None:
    """Refuse a workbook of more cells with values than are read."""
    if cells > MAX_CELLS:
        raise LimitError(path, f"has more than {MAX_CELLS:,} cells with values, the most that is read")


def check_sheet_size(path: Path, sheet: str, rows: int, columns: int) -> None:
    """Refuse a sheet of more rows or columns than are read."""
    check_cell(path, sheet, rows, columns)


def _number(digits: bytes) -> int:
    return int(digits) if len(digits) < 12 else 10**12  # a row of 5,000 digits is just far away


def _column(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index


def check_for_openpyxl(path: Path) -> None:
    """Refuse a workbook whose sheets would make openpyxl build more than MAX_OPENPYXL_CELLS
    cells: the rectangle up to the farthest cell, row or merged range any sheet names. Each
    sheet is streamed (a reference cut between two pieces is seen whole in the next), and the
    check stops at the first piece beyond the limit."""
    with open_archive(path) as archive:
        budget = MAX_UNCOMPRESSED
        for info in archive.infolist():
            if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                continue
            extent = [0, 0, 0]  # rows, columns, merged cells
            counted_cells = counted_rows = 0
            tail = b""
            for chunk in stream_member(path, archive, info.filename, budget):
                budget -= len(chunk)
                data = tail + chunk
                cut = max(len(data) - _OVERLAP, 0)
                for found in _ROW.finditer(data, 0, cut):
                    extent[0] = max(extent[0], _number(found[1]))
                for found in _REF.finditer(data):
                    if found.start() >= cut:
                        break  # seen again, whole, with the next piece
                    _take(found, extent)
                counted_rows += chunk.count(b"<row")
                counted_cells += chunk.count(b"<c ") + chunk.count(b"<c>")
                tail = data[cut:]
                _check_openpyxl_cells(path, info.filename, max(extent[0], counted_rows), extent[1],
                                      counted_cells, extent[2])
            for found in _ROW.finditer(tail):  # the last piece's end
                extent[0] = max(extent[0], _number(found[1]))
            for found in _REF.finditer(tail):
                _take(found, extent)
            _check_openpyxl_cells(path, info.filename, max(extent[0], counted_rows), extent[1],
                                  counted_cells, extent[2])


def _take(found: re.Match[bytes], extent: list[int]) -> None:
    """A cell or merge reference into (farthest row, farthest column, merged cells)."""
    a, b, c, d = found.groups()
    extent[0], extent[1] = max(extent[0], _number(b)), max(extent[1], _column(a))
    if c:
        extent[0], extent[1] = max(extent[0], _number(d)), max(extent[1], _column(c))
        extent[2] += (abs(_number(d) - _number(b)) + 1) * (abs(_column(c) - _column(a)) + 1)


def _check_openpyxl_cells(path: Path, name: str, rows: int, columns: int, cells: int, merged: int) -> None:
    if max(rows * max(columns, 1), cells, merged) > MAX_OPENPYXL_CELLS:
        raise LimitError(path, f"{name} spans {rows:,} rows by {columns:,} columns; "
                               f"a workbook like this one is read up to {MAX_OPENPYXL_CELLS:,} cells")
