"""The fast ledger paths (sheet XML written and read directly) give what openpyxl gives."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from planner_gui.domain.model import Area, Plan, ProgressUpdate, Task
from planner_gui.exchange import ledger_grid
from planner_gui.exchange.ledger_bulk_read import Unsupported, read_workbook_grids
from planner_gui.exchange.ledger_export import export_ledger

from factories import full_plan


def trimmed(rows: list[list]) -> list[list]:
    """Rows without trailing empty cells and rows: the fast grid reaches only as far as the values
    (a hostile merge or empty cell far away must not make it bigger), openpyxl's a rectangle."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def same_grids(path: Path) -> list[ledger_grid.Grid]:
    """The fast reader's grids, checked against openpyxl's for every sheet."""
    fast = ledger_grid._xlsx_grids(path)
    slow = ledger_grid._openpyxl_grids(path)
    assert [(g.name, g.hidden, g.merged_rows) for g in fast] == [(g.name, g.hidden, g.merged_rows) for g in slow]
    for f, s in zip(fast, slow, strict=True):
        assert trimmed(f.rows) == trimmed(s.rows), f.name
    return fast


def test_an_exported_ledger_reads_the_same_as_with_openpyxl(tmp_path):
    plan = full_plan()
    risky = "=HYPERLINK(\"http://x\",\"y\") & <b>"
    plan.areas[0].tasks[0].updates.append(
        ProgressUpdate(date=date(2024, 5, 2), progress=33.5, text=risky, problems="  spaces  ", next_steps="\rCR"))
    out = export_ledger(plan, tmp_path / "ledger.xlsx", date(2024, 7, 1))
    read_workbook_grids(out, ledger_grid._is_percent)  # the fast path itself, not its fallback
    grids = same_grids(out)
    history = next(g for g in grids if g.name == "进展记录")
    row = next(r for r in history.rows if r[3] == risky)
    assert row[1] == date(2024, 5, 2) and row[2] == 33.5 and row[5] == "\nCR"


def test_risky_text_in_the_bulk_sheets_is_text_with_the_quote_prefix(tmp_path):
    text = "=1+1"
    task = Task(title=text, lead_unit="单位",
                updates=[ProgressUpdate(date=date(2024, 3, 1), progress=10, text=text, reporter="@x")])
    out = export_ledger(Plan(title="t", year=2024, areas=[Area(name="a", tasks=[task])]),
                        tmp_path / "risky.xlsx", date(2024, 6, 30))
    history = openpyxl.load_workbook(out).worksheets[2]
    cells = [history.cell(2, c) for c in (1, 4, 7)]
    assert [c.value for c in cells] == [text, text, "@x"]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert history.cell(2, 2).is_date and history.cell(2, 2).value == datetime(2024, 3, 1)
    assert history.freeze_panes == "A2"


def test_a_strange_ledger_without_formulas_reads_the_same(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某区台账"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "任务", "牵头领导", "责任单位", "时间节点", "完成比例"])
    ws.append(["一、营商环境"])
    ws.merge_cells("A3:F3")
    ws.append([1, "任务甲", "王五", "区商务局", datetime(2024, 9, 30), 0.6])
    ws.append([2, "任务乙", None, "区政务局", "年底前", True])
    ws.append(["\u3000", " 前后有空格 ", 3.25, -1, 0, False])  # a full-width space alone is empty
    ws.merge_cells("C4:C5")
    ws["F4"].number_format = "0%"
    ws.cell(9, 9).fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")  # styled, empty
    path = tmp_path / "strange.xlsx"
    wb.save(path)
    read_workbook_grids(path, ledger_grid._is_percent)
    grid = same_grids(path)[0]
    assert grid.rows[3][5] == "60%" and grid.rows[4][2] == "王五" and 2 in grid.merged_rows
    assert grid.rows[5] == [None, " 前后有空格 ", 3.25, -1, 0, False]
    assert len(grid.rows) == 6  # the styled empty cell at I9 does not make the grid bigger


SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2" s="1"><v>45473</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" s="2"><v>0.48</v></c>
<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A3:C4"/></mergeCells></worksheet>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>任务</t></si><si><t>牵头单位</t></si><si><r><t>完成</t></r><r><t>进度</t></r></si>
<si><t xml:space="preserve"> A &amp; B &lt;1&gt; </t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def excel_style_workbook(path: Path, sheet: str = SHEET) -> Path:
    """A workbook as Excel writes it: shared strings, rich text, built-in date and percent formats."""
    files = {
        "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>""",
        "_rels/.rels": """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""",
        "xl/workbook.xml": """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>""",
        "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>""",
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": STRINGS,
        "xl/styles.xml": STYLES,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def test_an_excel_style_workbook_reads_the_same_as_with_openpyxl(tmp_path):
    path = excel_style_workbook(tmp_path / "excel.xlsx")
    read_workbook_grids(path, ledger_grid._is_percent)
    grid = same_grids(path)[0]
    assert grid.rows[0] == ["任务", "牵头单位", "完成进度", None, None, None]
    assert grid.rows[1] == [date(2024, 6, 30), " A & B <1> ", "48%", True, "#N/A", "富文本"]
    assert len(grid.rows) == 2  # an empty merged block below the data is clipped away


@pytest.mark.parametrize("cell", ['<c r="A1"><f>1+1</f><v>2</v></c>', '<c s="0" r="A1"><v>2</v></c>',
                                  '<c r="A1" cm="1"><v>2</v></c>'])
def test_formulas_and_unusual_cells_are_left_to_openpyxl(tmp_path, cell):
    sheet = SHEET.replace('<c r="A1" t="s"><v>0</v></c>', cell)
    path = excel_style_workbook(tmp_path / "unusual.xlsx", sheet)
    with pytest.raises(Unsupported):
        read_workbook_grids(path, ledger_grid._is_percent)
    grid = ledger_grid.open_grids(path)[0]  # still read, by openpyxl
    assert grid.rows[0][0] in ("=1+1", 2)


def test_every_sheet_has_each_row_once_and_in_order(tmp_path):
    import re

    out = export_ledger(full_plan(), tmp_path / "ledger.xlsx", date(2024, 7, 1))
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                rows = [int(n) for n in re.findall(rb'<row r="(\d+)"', archive.read(name))]
                assert rows == sorted(set(rows)), name  # Excel refuses a repeated or unordered row


def test_a_damaged_sheet_is_refused_by_name_and_quickly(tmp_path):
    from planner_gui.domain.errors import BadFileError

    cells = '<c r="A1" t="inlineStr"><is><r><t>x</t></r></is>' * 5000  # no </c> anywhere
    sheet = SHEET.replace("<sheetData>", f'<sheetData><row r="9">{cells}</row>', 1)
    path = excel_style_workbook(tmp_path / "damaged.xlsx", sheet)
    with pytest.raises(Unsupported):
        read_workbook_grids(path, ledger_grid._is_percent)
    with pytest.raises(BadFileError, match="damaged.xlsx"):
        ledger_grid.open_grids(path)
