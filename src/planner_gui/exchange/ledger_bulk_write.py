"""Writing the long sheets of a ledger (history, indicators, hidden record) fast.

openpyxl builds an object per cell and writes about 50,000 cells a second:
the history sheet of a city-sized plan (200,000 updates x 11 cells) took
half a minute. Here openpyxl still makes the workbook (styles, header rows,
frozen panes, column widths, the small ledger sheet), and the long sheets'
data rows are written afterwards straight as sheet XML into the saved file.

The cells follow the same rules as :func:`safe_cells.write_cell`: text is an
inline string cell (never a formula: no ``<f>`` is ever written), text that
would be a formula if typed gets the quote prefix, over-long text is cut.
Numbers, dates (as Excel serials with a date format) and booleans are as
openpyxl writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner_gui.exchange.safe_cells import FORMULA_TRIGGERS, MAX_CELL_TEXT, is_risky

# Characters XML 1.0 cannot hold (openpyxl refuses them too).
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_EPOCH = date(1899, 12, 30)
_CHUNK_ROWS = 2000
# Level 1 deflates the XML to about the same size as level 6 here, several times faster.
COMPRESS_LEVEL = 1


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class ColumnStyle:
    """Style numbers (the workbook's cellXfs) of one column: plain, and with the quote prefix."""

    plain: int = 0
    quoted: int = 0


class StyleNumbers:
    """Registers cell looks in a workbook's stylesheet and gives their numbers.

    A look is set on a scratch cell that belongs to no sheet; openpyxl then
    holds it in the workbook's style list, which it saves as cellXfs.
    """

    def __init__(self, wb: Any) -> None:
        self._ws = wb.worksheets[0]

    def column(self, **look: Any) -> ColumnStyle:
        """The style numbers of cells with these attributes (font=…, alignment=…)."""
        return self.styled(None, None, **look)

    def styled(self, style: Callable[[Any], None] | None, sample: Any = None, **look: Any) -> ColumnStyle:
        """The style numbers of a cell holding ``sample`` that ``style(cell)`` gives its look."""
        return ColumnStyle(self._number(style, sample, look, False), self._number(style, sample, look, True))

    def _number(self, style: Callable[[Any], None] | None, sample: Any, look: dict[str, Any],
                quoted: bool) -> int:
        from openpyxl.cell.cell import Cell

        cell = Cell(self._ws)
        if sample is not None:
            cell.value = sample
        if style is not None:
            style(cell)
        for name, value in look.items():
            setattr(cell, name, value)
        if quoted:
            cell.quotePrefix = True
        return cell.style_id if cell.has_style else 0


def _cell_xml(ref: str, value: Any, style: ColumnStyle) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}"{_s(style.plain)} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{_s(style.plain)}><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}"{_s(style.plain)}><v>{(value - _EPOCH).days}</v></c>'
    text = str(value)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    number = style.quoted if is_risky(text) else style.plain
    return f'<c r="{ref}"{_s(number)} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _s(number: int) -> str:
    return f' s="{number}"' if number else ""


def rows_xml(rows: Iterable[tuple[Sequence[Any], Sequence[ColumnStyle]]], first_row: int) -> Iterator[str]:
    """``<row>`` elements for (values, styles) pairs from sheet row ``first_row``. An empty
    value (None or "") is a cell only when it has a look (the ledger's borders).

    Text (nearly every cell) is written here without a call per cell: that loop runs
    two million times for a city-sized plan. Other values go through ``_cell_xml``."""
    letters: list[str] = []
    # What follows a text cell's reference, by style number: the style and the inline-string opening.
    openings: dict[int, str] = {}
    chunk: list[str] = []
    for r, (values, styles) in enumerate(rows, start=first_row):
        row = str(r)
        chunk.append(f'<row r="{row}">')
        while len(letters) < len(values):
            letters.append(column_letter(len(letters)))
        for c, value in enumerate(values):
            if type(value) is not str:
                if value is not None:
                    chunk.append(_cell_xml(letters[c] + row, value, styles[c]))
                elif styles[c].plain:
                    chunk.append(f'<c r="{letters[c]}{row}" s="{styles[c].plain}"/>')
                continue
            text = value
            if not text:
                if styles[c].plain:
                    chunk.append(f'<c r="{letters[c]}{row}" s="{styles[c].plain}"/>')
                continue
            if len(text) > MAX_CELL_TEXT:
                text = text[: MAX_CELL_TEXT - 1] + "…"
            if not text.isprintable() and _ILLEGAL.search(text):
                text = _ILLEGAL.sub("", text)
                if not text:
                    continue
            number = styles[c].quoted if text.startswith(FORMULA_TRIGGERS) else styles[c].plain
            opening = openings.get(number)
            if opening is None:
                opening = openings[number] = f'"{_s(number)} t="inlineStr"><is><t>'
            if text[0].isspace() or text[-1].isspace():
                opening = opening[:-1] + ' xml:space="preserve">'
            if "&" in text or "<" in text or ">" in text:
                text = _escape(text)
            chunk.append(f'<c r="{letters[c]}{row}{opening}{text}</t></is></c>')
        chunk.append("</row>")
        if len(chunk) >= _CHUNK_ROWS * 8:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


@dataclass
class _Job:
    ws: Any
    first_row: int
    rows: Iterable[tuple[Sequence[Any], Sequence[ColumnStyle]]]  # gone through once, on save
    width: int
    count: int


class BulkWorkbook:
    """An openpyxl workbook plus data rows to be written straight into some of its sheets on save."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.styles = StyleNumbers(wb)
        self._jobs: list[_Job] = []

    def add_rows(self, ws: Any, first_row: int, rows: Iterable[Sequence[Any]],
                 styles: Sequence[ColumnStyle], count: int | None = None) -> None:
        """Rows to write below what openpyxl holds for ``ws`` (which must end above ``first_row``),
        each column with its look. With ``count`` (how many there are) ``rows`` may be a
        generator, made into cells only while the file is written: the history of a city's
        plan held as a list of 200,000 rows took 50-100 MB more at once."""
        if count is None:
            listed = [(values, styles) for values in rows]
            self._jobs.append(_Job(ws, first_row, listed, len(styles), len(listed)))
        else:
            self._jobs.append(_Job(ws, first_row, ((values, styles) for values in rows), len(styles), count))

    def add_styled_rows(self, ws: Any, first_row: int, rows: list[tuple[Sequence[Any], Sequence[ColumnStyle]]],
                        width: int) -> None:
        """Like ``add_rows``, each row with its own looks (values, styles)."""
        self._jobs.append(_Job(ws, first_row, rows, width, len(rows)))

    def save(self, out: Path, save: Callable[[Any, Path], None]) -> None:
        """Save through ``save`` (atomic rename) with the bulk rows spliced in."""
        for job in self._jobs:
            _clear_below(job.ws, job.first_row)
        buffer = io.BytesIO()
        self.wb.save(buffer)
        jobs = {job.ws.path.lstrip("/"): job for job in self._jobs}
        save(_Spliced(buffer, jobs), out)


def _clear_below(ws: Any, first_row: int) -> None:
    """Drop openpyxl's cells from ``first_row`` on: an empty one (made by merely looking at it)
    would be written as a second <row> of that number, which Excel calls a damaged file."""
    for key in [k for k in ws._cells if k[0] >= first_row]:
        if ws._cells[key].value is not None:
            raise ValueError(f"{ws.title}!{ws._cells[key].coordinate} is written twice")
        del ws._cells[key]


class _Spliced:
    """What ``save_workbook`` saves: the openpyxl file with the jobs' rows put into their sheets."""

    def __init__(self, buffer: io.BytesIO, jobs: dict[str, _Job]) -> None:
        self._buffer = buffer
        self._jobs = jobs

    def save(self, path: Path) -> None:
        self._buffer.seek(0)
        with zipfile.ZipFile(self._buffer) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as target:
            for info in source.infolist():
                data = source.read(info)
                job = self._jobs.get(info.filename)
                if job is None:
                    target.writestr(info, data)
                    continue
                with target.open(info.filename, "w") as handle:  # no zip64: a sheet stays far below 2 GB
                    _write_sheet(handle, data.decode("utf-8"), job)


def _write_sheet(handle: Any, xml: str, job: _Job) -> None:
    end = xml.find("</sheetData>")
    if end < 0:  # openpyxl writes <sheetData /> for a sheet without cells
        empty = xml.find("<sheetData />")
        xml = xml[:empty] + "<sheetData></sheetData>" + xml[empty + len("<sheetData />"):]
        end = xml.find("</sheetData>")
    head, tail = xml[:end], xml[end:]
    last_row = job.first_row - 1 + job.count
    last_col = column_letter(max(job.width, 1) - 1)
    head = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:{last_col}{max(last_row, 1)}"/>', head,
                  count=1)
    handle.write(head.encode("utf-8"))
    for chunk in rows_xml(job.rows, job.first_row):
        handle.write(chunk.encode("utf-8"))
    handle.write(tail.encode("utf-8"))
