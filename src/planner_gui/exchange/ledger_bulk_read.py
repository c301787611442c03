"""Reading an .xlsx workbook's cell values fast, as plain grids.

openpyxl makes an object per cell: a city-sized ledger (a 200,000-row history
sheet) took 40 s to read. Plain sheets (cells with values, shared or inline
strings, numbers, dates, booleans, merged ranges) are read here straight from
the sheet XML with a few regular expressions, giving exactly the grid
``ledger_grid`` builds from openpyxl (with openpyxl's number-format rules,
copied into ``excel_numbers`` so that openpyxl is not imported at all).
Anything less usual — a formula, a cell without its reference, prefixed XML
names, strict OOXML — returns None, and the caller reads the file with
openpyxl as before. The file is only ever read.

Hostile files are bounded here (limits in ``input_limits``): every zip member
is streamed with a cap on its size and compression ratio, a value beyond the
rows and columns read refuses the file, the grid reaches only as far as the
cells that hold values, and merged ranges are clipped to it (one
``A1:XFD1048576`` merge used to build a grid of 10 GB).
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from planner_gui.exchange import input_limits
from planner_gui.exchange.excel_numbers import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    from_excel,
    is_date_format,
    is_timedelta_format,
)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"m": MAIN_NS}

# A cell as openpyxl, Excel and WPS write it: reference first, then style and type.
# The two usual shapes (a one-run inline string, a bare <v>) are taken apart by the
# expression itself; anything else inside the cell is looked at separately.
_CELL = re.compile(r'<c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?(?: t="(\w+)")?\s*'
                   r'(?:/>|><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>|><v>([^<]*)</v></c>'
                   # anything else up to </c>, never past the next cell or row end: in a damaged
                   # file without </c> a lazy ".*?" would search to the end for every cell
                   r'|>((?:[^<]|<(?!/c>|c[\s>/]|/row>))*)</c>)')
_VALUE = re.compile(r"<v>(.*?)</v>", re.DOTALL)
_TEXT = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>", re.DOTALL)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.DOTALL)
_FORMULA = re.compile(r"<f[\s>/]")
_MERGE = re.compile(r'<mergeCell ref="([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?"')
# Beyond this many cells the grid's rows are left ragged (no padding, missing rows
# empty): values at A1 and CV250000 would otherwise fill 25 million slots.
MAX_DENSE = 5_000_000
EXACT_INTEGERS = 2**53  # beyond this a spreadsheet's (double) number is no exact integer


class Unsupported(Exception):
    """The workbook uses something this reader does not handle; openpyxl reads it instead."""


def _text(xml: str) -> str:
    """The text of a string item (<si> or <is>): its <t> runs without phonetic hints."""
    if "<rPh" in xml:
        xml = _PHONETIC.sub("", xml)
    return "".join(_unescape(t) for t in _TEXT.findall(xml))


def _unescape(text: str) -> str:
    # An XML parser reads a raw line end (CR LF or CR) as LF; a written &#13; stays CR.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" not in text:
        return text
    import html  # only for text with entities: html.entities is a large table

    return html.unescape(text)


def _column_index(letters: str, cache: dict[str, int]) -> int:
    index = cache.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + ord(ch) - 64
        index -= 1
        cache[letters] = index
    return index


class _Workbook:
    """Shared strings, number styles and sheet list of one open workbook."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, percent: Callable[[str], bool]) -> None:
        self.path = path
        self.archive = archive
        self.budget = input_limits.MAX_UNCOMPRESSED  # bytes still to be unpacked from the zip
        self.values = 0  # cells with a value read so far, in all sheets
        # Each text once: a long sheet repeats its texts (task ids in the history, reporters,
        # units, the same problem week after week), and the grid, the rows read from it and the
        # plan all hold them; one copy each cut the city's import by 80 MB.
        self.texts: dict[str, str] = {}
        workbook = self._xml("xl/workbook.xml")
        if workbook.tag != f"{{{MAIN_NS}}}workbook":
            raise Unsupported("not transitional SpreadsheetML")
        pr = workbook.find("m:workbookPr", _NS)
        date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        targets = self._relations("xl/_rels/workbook.xml.rels")
        self.sheets = [(s.get("name", ""), s.get("state", "visible"), targets[s.get(f"{{{REL_NS}}}id", "")][0])
                       for s in workbook.iterfind("m:sheets/m:sheet", _NS)]
        shared = [path for path, kind in targets.values() if kind.endswith("/sharedStrings")]
        self.strings = self._strings(shared[0]) if shared else []
        # Per cell style number: "date", "timedelta", "percent" or None.
        self.kinds: list[str | None] = []
        styles = [path for path, kind in targets.values() if kind.endswith("/styles")]
        if styles:
            root = self._xml(styles[0])
            formats = dict(BUILTIN_FORMATS)
            for fmt in root.iterfind("m:numFmts/m:numFmt", _NS):
                formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
            for xf in root.iterfind("m:cellXfs/m:xf", _NS):
                code = formats.get(int(xf.get("numFmtId", "0")), "General")
                kind = None
                if is_timedelta_format(code):
                    kind = "timedelta"
                elif is_date_format(code):
                    kind = "date"
                elif percent(code):
                    kind = "percent"
                self.kinds.append(kind)

    def stream(self, name: str) -> Iterator[bytes]:
        """A member in pieces, within what is left of the workbook's budget."""
        for chunk in input_limits.stream_member(self.path, self.archive, name, self.budget):
            self.budget -= len(chunk)
            yield chunk

    def read(self, name: str) -> bytes:
        return b"".join(self.stream(name))

    def _xml(self, name: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.read(name))

    def _relations(self, name: str) -> dict[str, tuple[str, str]]:
        base = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/x.rels -> xl
        found = {}
        for rel in self._xml(name):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            found[rel.get("Id", "")] = (path, rel.get("Type", ""))
        return found

    def _strings(self, name: str) -> list[str]:
        data = self.read(name).decode("utf-8")
        return [_text(item) for item in re.findall(r"<si>(.*?)</si>|<si/>", data, re.DOTALL)]

    def number(self, raw: str, style: str | None) -> Any:
        try:
            value: Any = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
        except ValueError:  # an integer of thousands of digits; float says inf, which is reported
            value = float(raw)
        if type(value) is int and not -EXACT_INTEGERS <= value <= EXACT_INTEGERS:
            value = float(raw)  # Excel holds every number as a double: 10**400 is inf, as there
        kind = self.kinds[int(style)] if style and int(style) < len(self.kinds) else None
        if kind == "date" or kind == "timedelta":
            try:
                value = from_excel(value, self.epoch, timedelta=kind == "timedelta")
            except (OverflowError, ValueError):
                return value  # no date Python can hold: the number, which the reader reports
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, time):
                return value.isoformat()
            return str(value)  # a duration, as ledger_grid shows one
        if kind == "percent" and not isinstance(value, bool):
            return f"{round(value * 100, 6):g}%"
        return value


def _cell_value(book: _Workbook, style: str | None, kind: str | None, inner: str | None) -> Any:
    if not inner:
        return None
    if kind == "inlineStr":
        text = _text(inner)
    else:
        found = _VALUE.search(inner)
        if found is None:
            return None
        raw = found.group(1)
        if kind is None or kind == "n":
            return book.number(raw, style)
        if kind == "s":
            text = book.strings[int(raw)]
        elif kind == "b":
            return raw.strip() in ("1", "true")
        elif kind in ("str", "e"):
            text = _unescape(raw)
        else:  # "d" (ISO dates) and anything newer
            raise Unsupported(f"cell type {kind}")
    return text if text.strip() else None


def _pieces(texts: Iterable[str]) -> Iterator[str]:
    """The sheet's XML in pieces that end just after a </row> (or at the end), about as long as
    the texts given: a sheet is never held whole (the city's history is 141 MB of XML)."""
    parts: list[str] = []
    for text in texts:
        end = text.rfind("</row>")
        if end < 0:
            parts.append(text)
            continue
        end += len("</row>")
        parts.append(text[:end])
        yield "".join(parts)
        parts = [text[end:]]
    if any(parts):
        yield "".join(parts)


def _cells(xml: str) -> list[tuple[str, ...]]:
    """The parts of the cells of a piece of sheet; Unsupported when a cell is not in the expected shape."""
    found = _CELL.findall(xml)
    if len(found) != xml.count("<c ") + xml.count("<c>"):
        raise Unsupported("cells written in another way")
    return found


def _decoded(chunks: Iterable[bytes]) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8")()
    for chunk in chunks:
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _sheet_rows(book: _Workbook, xml: str | Iterable[str], sheet: str = "") -> tuple[list[list[Any]],
                                                                                   list[tuple[int, int, int, int]]]:
    """(rows from row 1, merged ranges as 0-based (r0, c0, r1, c1) inclusive, clipped to the cells
    with values) of the sheet's XML, given whole or in pieces. Rows are rectangular unless that
    would take more than MAX_DENSE cells."""
    first = True
    merges: list[tuple[str, str, str, str]] = []
    columns: dict[str, int] = {}
    cells: dict[int, list[Any]] = {}  # row -> its values so far, by column
    numbers: dict[tuple[str, str], Any] = {}  # dates and figures repeat a lot in a long sheet
    strings, texts = book.strings, book.texts
    row_cells: list[Any] = []
    current = ""
    max_columns, max_cells = input_limits.MAX_COLUMNS, input_limits.MAX_CELLS
    for piece in _pieces([xml] if isinstance(xml, str) else xml):
        if (first and "<worksheet" not in piece) or _FORMULA.search(piece):
            raise Unsupported("formulas or prefixed names")
        first = False
        merges.extend(_MERGE.findall(piece))
        if len(merges) > input_limits.MAX_MERGES:
            input_limits.check_merged_cells(book.path, sheet, 0, len(merges))
        for letters, row_text, style, kind, inline, raw, inner in _cells(piece):
            if row_text != current:
                book.values += len(row_cells)  # the row just read, up to its last value
                if book.values > max_cells:
                    input_limits.check_cell_count(book.path, book.values)
                current = row_text
                row_index = int(row_text) - 1
                row_cells = cells.get(row_index) or []  # a row enters the grid by its first value
            c = columns.get(letters)
            if c is None:
                c = columns[letters] = _column_index(letters, {})
            value: Any
            if inline:  # the usual one-run inline string
                value = _unescape(inline) if ("&" in inline or "\r" in inline) else inline
                if value[0].isspace() and not value.strip():
                    continue
                value = texts.setdefault(value, value)
            elif kind == "s" and raw:  # a shared string, as Excel and WPS save text
                value = strings[int(raw)]
                if not value or (value[0].isspace() and not value.strip()):
                    continue
            elif raw and not kind:  # a number, a date or a percentage
                value = numbers.get((raw, style))
                if value is None:
                    value = numbers[(raw, style)] = book.number(raw, style)
            elif raw or kind or inner:
                if raw:
                    inner = f"<v>{raw}</v>"
                value = _cell_value(book, style, kind or None, inner)
                if value is None:
                    continue
            else:
                continue
            if c >= max_columns or not row_cells:  # compared here: a call per cell cost 0.4 s at 1.8M
                input_limits.check_cell(book.path, sheet, row_index + 1, c + 1)
                if not row_cells:
                    cells[row_index] = row_cells
            if c == len(row_cells):
                row_cells.append(value)
            elif c > len(row_cells):
                row_cells.extend([None] * (c - len(row_cells)))
                row_cells.append(value)
            else:
                row_cells[c] = value
    book.values += len(row_cells)
    input_limits.check_cell_count(book.path, book.values)
    max_row = max(cells, default=-1)
    max_col = max((len(row) for row in cells.values()), default=0) - 1
    merged = []
    covered = 0
    for a, b, c2, d in merges:
        r0, c0 = int(b) - 1, _column_index(a, {})
        r1, c1 = (int(d) - 1, _column_index(c2, {})) if c2 else (r0, c0)
        # A merge gives the value of its top-left cell: one starting outside the values is empty.
        if r0 > max_row or c0 > max_col or r0 > r1 or c0 > c1:
            continue
        # Clipped, a merge over one row still says it spans columns (a section row 一、…).
        r1, c1 = min(r1, max_row), min(c1, max(max_col, c0 + 1))
        merged.append((r0, c0, r1, c1))
        covered += (r1 - r0 + 1) * (c1 - c0 + 1)
    input_limits.check_merged_cells(book.path, sheet, covered)
    if max_row < 0:
        return [], merged
    width = max_col + 1
    dense = (max_row + 1) * width <= MAX_DENSE
    rows = []
    for r in range(max_row + 1):
        row = cells.get(r)
        if row is None:
            row = [None] * width if dense else []
        elif dense and len(row) < width:
            row.extend([None] * (width - len(row)))
        rows.append(row)
    return rows, merged


def read_workbook_grids(path: Path, percent: Callable[[str], bool]) -> list[tuple[str, bool, list[list[Any]],
                                                                              list[tuple[int, int, int, int]]]]:
    """(name, hidden, rows, merged ranges) per sheet; Unsupported when openpyxl must read it.
    Errors of a damaged zip or XML are raised as they are."""
    with input_limits.open_archive(path) as archive:
        book = _Workbook(path, archive, percent)
        sheets = []
        for name, state, target in book.sheets:
            rows, merged = _sheet_rows(book, _decoded(book.stream(target)), name)
            sheets.append((name, state != "visible", rows, merged))
        return sheets
