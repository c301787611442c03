"""A small .xlsx writer for the ledger: styled frame and long sheets, without openpyxl.

openpyxl builds an object per cell (about 50,000 cells a second: the history
of a city's plan, 200,000 updates x 11 cells, took half a minute) and merely
importing it takes 50 ms, half of what exporting the bundled plan may take.
The ledger needs little of it: a few styles, merged title rows, column
widths, frozen header rows, an A4 landscape print setup and a hidden sheet.
This module writes exactly that, and the rows as they are made.

The cells follow the same rules as :func:`safe_cells.write_cell`: text is an
inline string cell (never a formula: no ``<f>`` is ever written), text that
would be a formula if typed gets the quote prefix, over-long text is cut.
Numbers, dates (as Excel serials with a date format) and booleans are as
openpyxl writes them, so openpyxl, Excel and WPS read the file alike
(``tests/test_ledger_export.py`` and ``tests/test_ledger_bulk.py`` read it back
with openpyxl). The report forms, which need sheet protection and data
validation, are still made with openpyxl (``report_forms``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from planner_gui.exchange.excel_numbers import BUILTIN_FORMATS
from planner_gui.exchange.safe_cells import FORMULA_TRIGGERS, MAX_CELL_TEXT, is_risky
from planner_gui.replacing import replacing

# Characters XML 1.0 cannot hold (openpyxl refuses them too).
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_EPOCH = date(1899, 12, 30)
# Rows joined into one string before it is written: small enough that the text of a
# city's history is never held at once (the export runs inside the window too).
_CHUNK_ROWS = 500
# Level 1 deflates the XML to about the same size as level 6 here, several times faster.
COMPRESS_LEVEL = 1
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_BORDER_COLOUR = "A0A0A0"
_CUSTOM_FORMATS_START = 164  # ids below are Excel's built-in formats


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Look:
    """How a cell looks. Colours are RRGGBB; the border is thin and grey all round."""

    bold: bool = False
    size: float | None = None
    colour: str | None = None
    fill: str | None = None
    border: bool = False
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False
    indent: int = 0
    number_format: str | None = None


@dataclass(frozen=True)
class ColumnStyle:
    """Style numbers (the workbook's cellXfs) of one look: plain, and with the quote prefix."""

    plain: int = 0
    quoted: int = 0


class Styles:
    """The workbook's stylesheet: each look used gets a style number once."""

    def __init__(self) -> None:
        self._fonts: list[tuple[bool, float | None, str | None]] = [(False, None, None)]
        self._fills: list[str | None] = [None, None]  # "none" and "gray125", as Excel requires
        self._borders: list[bool] = [False]
        self._formats: dict[str, int] = {}
        self._xfs: list[tuple[Look, bool]] = [(Look(), False)]
        self._numbers: dict[tuple[Look, bool], int] = {(Look(), False): 0}
        self._builtin = {code: number for number, code in BUILTIN_FORMATS.items()}

    def column(self, look: Look | None = None) -> ColumnStyle:
        look = look or Look()
        return ColumnStyle(self.number(look), self.number(look, quoted=True))

    def number(self, look: Look, quoted: bool = False) -> int:
        key = (look, quoted)
        found = self._numbers.get(key)
        if found is None:
            found = self._numbers[key] = len(self._xfs)
            self._xfs.append(key)
        return found

    def xml(self) -> str:
        xfs = [self._xf(look, quoted) for look, quoted in self._xfs]  # registers fonts, fills, ...
        formats = "".join(f'<numFmt numFmtId="{number}" formatCode="{_attr(code)}"/>'
                          for code, number in self._formats.items())
        fonts = "".join(self._font_xml(*font) for font in self._fonts)
        fills = ('<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
                 + "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="00{rgb}"/>'
                           f'<bgColor rgb="00{rgb}"/></patternFill></fill>' for rgb in self._fills[2:]))
        borders = "".join(self._border_xml(on) for on in self._borders)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN_NS}">'
                + (f'<numFmts count="{len(self._formats)}">{formats}</numFmts>' if self._formats else "")
                + f'<fonts count="{len(self._fonts)}">{fonts}</fonts>'
                + f'<fills count="{len(self._fills)}">{fills}</fills>'
                + f'<borders count="{len(self._borders)}">{borders}</borders>'
                + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                + f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                + "</styleSheet>")

    def _xf(self, look: Look, quoted: bool) -> str:
        font = self._index(self._fonts, (look.bold, look.size, look.colour))
        fill = self._index(self._fills, look.fill) if look.fill else 0
        border = self._index(self._borders, look.border)
        fmt = 0
        if look.number_format:
            fmt = self._builtin.get(look.number_format, -1)
            if fmt < 0:
                fmt = self._formats.setdefault(look.number_format, _CUSTOM_FORMATS_START + len(self._formats))
        attrs = f'numFmtId="{fmt}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"'
        attrs += "".join(f' {name}="1"' for name, on in (
            ("applyNumberFormat", fmt), ("applyFont", font), ("applyFill", fill), ("applyBorder", border),
            ("quotePrefix", quoted)) if on)
        # An indent shows only with a left (or right) alignment: Excel and LibreOffice ignore it
        # under the default "general" one, so a sub-task's indent needs horizontal="left".
        horizontal = look.horizontal or ("left" if look.indent else None)
        align = "".join(f' {name}="{value}"' for name, value in (
            ("horizontal", horizontal), ("vertical", look.vertical), ("wrapText", 1 if look.wrap else None),
            ("indent", look.indent or None)) if value is not None)
        if not align:
            return f"<xf {attrs}/>"
        return f'<xf {attrs} applyAlignment="1"><alignment{align}/></xf>'

    @staticmethod
    def _index(items: list[Any], item: Any) -> int:
        if item not in items:
            items.append(item)
        return items.index(item)

    @staticmethod
    def _font_xml(bold: bool, size: float | None, colour: str | None) -> str:
        return ("<font>" + ("<b/>" if bold else "") + (f'<color rgb="00{colour}"/>' if colour else "")
                + f'<sz val="{size or 11}"/><name val="Calibri"/><family val="2"/></font>')

    @staticmethod
    def _border_xml(on: bool) -> str:
        if not on:
            return "<border><left/><right/><top/><bottom/><diagonal/></border>"
        side = "".join(f'<{edge} style="thin"><color rgb="00{_BORDER_COLOUR}"/></{edge}>'
                       for edge in ("left", "right", "top", "bottom"))
        return f"<border>{side}<diagonal/></border>"


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


def rows_xml(rows: Iterable[tuple[Sequence[Any], Sequence[ColumnStyle]]], first_row: int,
             heights: dict[int, float] | None = None) -> Iterator[str]:
    """``<row>`` elements for (values, styles) pairs from sheet row ``first_row``. An empty
    value (None or "") is a cell only when it has a look (the ledger's borders).
    ``heights`` gives rows a height of their own (points).

    Text (nearly every cell) is written here without a call per cell: that loop runs
    two million times for a city-sized plan. Other values go through ``_cell_xml``."""
    letters: list[str] = []
    # What follows a text cell's reference, by style number: the style and the inline-string opening.
    openings: dict[int, str] = {}
    chunk: list[str] = []
    for r, (values, styles) in enumerate(rows, start=first_row):
        row = str(r)
        if heights and r in heights:
            chunk.append(f'<row r="{row}" ht="{heights[r]}" customHeight="1">')
        else:
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
class _Rows:
    first_row: int
    rows: Iterable[tuple[Sequence[Any], Sequence[ColumnStyle]]]  # gone through once, on save
    width: int
    count: int


@dataclass
class Sheet:
    """One worksheet: a few single cells (title, header) and then rows written on save."""

    name: str
    hidden: bool = False
    widths: dict[int, float] = field(default_factory=dict)  # column index (0-based) -> width
    hidden_columns: set[int] = field(default_factory=set)
    heights: dict[int, float] = field(default_factory=dict)  # row number -> height in points
    merged: list[str] = field(default_factory=list)
    frozen_rows: int = 0  # rows kept in view above the scrolling part
    print_a4_landscape: bool = False  # one page wide, centred, the frozen rows on every page
    # columns printed, from A (0: all): the id columns after them stay outside the print area
    print_columns: int = 0
    last_row: int = 1  # known once the sheet is written
    _cells: dict[int, dict[int, tuple[Any, ColumnStyle]]] = field(default_factory=dict)
    _rows: list[_Rows] = field(default_factory=list)

    def cell(self, row: int, column: int, value: Any, style: ColumnStyle = ColumnStyle()) -> None:
        """Put one value in (row and column from 1, as Excel counts)."""
        self._cells.setdefault(row, {})[column - 1] = (value, style)

    def add_rows(self, first_row: int, rows: Iterable[Sequence[Any]], styles: Sequence[ColumnStyle],
                 count: int | None = None) -> None:
        """Rows from ``first_row`` on, each column with its style. With ``count`` (how many
        there are) ``rows`` may be a generator, made into cells only while the file is
        written: the history of a city's plan held as a list took 50-100 MB more at once."""
        if count is None:
            listed = [(values, styles) for values in rows]
            self._rows.append(_Rows(first_row, listed, len(styles), len(listed)))
        else:
            self._rows.append(_Rows(first_row, ((values, styles) for values in rows), len(styles), count))

    def add_styled_rows(self, first_row: int, rows: Sequence[tuple[Sequence[Any], Sequence[ColumnStyle]]],
                        width: int) -> None:
        """Like ``add_rows``, each row with its own styles (values, styles)."""
        self._rows.append(_Rows(first_row, rows, width, len(rows)))

    def write(self, handle: Any) -> None:
        """The sheet's XML, written to ``handle`` a chunk at a time."""
        last_row = max([*self._cells, *(part.first_row + part.count - 1 for part in self._rows), 1])
        self.last_row = last_row
        width = max([part.width for part in self._rows]
                    + [column + 1 for cells in self._cells.values() for column in cells] + [1])
        head = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}" '
                f'xmlns:r="{REL_NS}">']
        if self.print_a4_landscape:
            head.append('<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>'
                        '<pageSetUpPr fitToPage="1"/></sheetPr>')
        head.append(f'<dimension ref="A1:{column_letter(width - 1)}{last_row}"/>')
        if self.frozen_rows:
            top = f"A{self.frozen_rows + 1}"
            head.append(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{self.frozen_rows}" '
                        f'topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                        f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews>')
        else:
            head.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
        head.append('<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>')
        columns = sorted(set(self.widths) | self.hidden_columns)
        if columns:
            head.append("<cols>" + "".join(
                f'<col min="{c + 1}" max="{c + 1}" width="{self.widths.get(c, 13)}" customWidth="1"'
                + (' hidden="1"' if c in self.hidden_columns else "") + "/>" for c in columns) + "</cols>")
        head.append("<sheetData>")
        handle.write("".join(head).encode("utf-8"))
        for part in self._parts():
            for chunk in rows_xml(part.rows, part.first_row, self.heights):
                handle.write(chunk.encode("utf-8"))
        tail = ["</sheetData>"]
        if self.merged:
            tail.append(f'<mergeCells count="{len(self.merged)}">'
                        + "".join(f'<mergeCell ref="{ref}"/>' for ref in self.merged) + "</mergeCells>")
        if self.print_a4_landscape:
            tail.append('<printOptions horizontalCentered="1"/>')
        if self.print_a4_landscape:  # narrow margins: fitted to the width, the text prints larger
            tail.append('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>')
            tail.append('<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>')
            tail.append('<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>')
        else:
            tail.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>')
        tail.append("</worksheet>")
        handle.write("".join(tail).encode("utf-8"))

    def _parts(self) -> list[_Rows]:
        """The single cells' rows and the added rows, in sheet order (each row once)."""
        parts = list(self._rows)
        for row, cells in self._cells.items():
            values: list[Any] = [None] * (max(cells) + 1)
            styles = [ColumnStyle()] * len(values)
            for column, (value, style) in cells.items():
                values[column], styles[column] = value, style
            parts.append(_Rows(row, [(values, styles)], len(values), 1))
        parts.sort(key=lambda part: part.first_row)
        for before, after in zip(parts, parts[1:], strict=False):
            if before.first_row + before.count > after.first_row:
                raise ValueError(f"{self.name}: row {after.first_row} is written twice")
        return parts


class Workbook:
    """Sheets and their styles, saved as one .xlsx file."""

    def __init__(self) -> None:
        self.styles = Styles()
        self.sheets: list[Sheet] = []

    def add_sheet(self, name: str, hidden: bool = False) -> Sheet:
        sheet = Sheet(name, hidden)
        self.sheets.append(sheet)
        return sheet

    def save(self, out: Path) -> None:
        """Write next to ``out`` and then rename, so a failure never leaves half a workbook under its name."""
        out.parent.mkdir(parents=True, exist_ok=True)
        with replacing(out) as partial, \
                zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
            self._write(archive)

    def _write(self, archive: zipfile.ZipFile) -> None:
        sheets = range(1, len(self.sheets) + 1)
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in sheets)
            + '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'))
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        archive.writestr("docProps/core.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://'
            'schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
            'elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            'XMLSchema-instance"><dc:creator>planner-gui</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">'
            f"{now}</dcterms:created></cp:coreProperties>"))
        for number, sheet in zip(sheets, self.sheets, strict=True):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as handle:  # no zip64: far below 2 GB
                sheet.write(handle)
        archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            + "".join(f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                      for n in sheets)
            + f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
            "</Relationships>"))
        archive.writestr("xl/styles.xml", self.styles.xml())  # after the sheets: every look is known
        archive.writestr("xl/workbook.xml", self._workbook_xml())

    def _workbook_xml(self) -> str:
        first_visible = next((i for i, sheet in enumerate(self.sheets) if not sheet.hidden), 0)
        sheets = "".join(
            f'<sheet name="{_attr(sheet.name)}" sheetId="{n}"' + (' state="hidden"' if sheet.hidden else "")
            + f' r:id="rId{n}"/>' for n, sheet in enumerate(self.sheets, start=1))
        titles = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{_attr(_quoted_sheet(sheet.name))}!$1:${sheet.frozen_rows}</definedName>"
            for i, sheet in enumerate(self.sheets) if sheet.print_a4_landscape and sheet.frozen_rows)
        titles += "".join(
            f'<definedName name="_xlnm.Print_Area" localSheetId="{i}">'
            f"{_attr(_quoted_sheet(sheet.name))}!$A$1:${column_letter(sheet.print_columns - 1)}${sheet.last_row}"
            "</definedName>"
            for i, sheet in enumerate(self.sheets) if sheet.print_a4_landscape and sheet.print_columns)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" '
                f'xmlns:r="{REL_NS}"><workbookPr/><bookViews><workbookView activeTab="{first_visible}"/>'
                f"</bookViews><sheets>{sheets}</sheets>"
                + (f"<definedNames>{titles}</definedNames>" if titles else "")
                + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _quoted_sheet(name: str) -> str:
    """A sheet name as a formula refers to it: quoted, with quotes doubled."""
    return "'" + name.replace("'", "''") + "'"
