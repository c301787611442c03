"""Hostile spreadsheets and files, built here a few KB each, are refused in one line within
5 s of CPU and 500 MB of memory (the reader runs in a subprocess under resource.setrlimit);
a tiny file could once make a 10 GB grid or unpack 6 GB of XML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from planner_gui.exchange import input_limits

MEMORY_CAP = 500 * 1024 * 1024
CPU_SECONDS = 5

READER = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from planner_gui.domain.errors import PlannerError
from planner_gui.exchange.{module} import {function}
try:
    {function}(sys.argv[1])
    outcome = "read"
except PlannerError as exc:
    outcome = "refused: " + str(exc)
usage = resource.getrusage(resource.RUSAGE_SELF)
# The peak of this program's own memory: ru_maxrss keeps, across exec, the
# size of the process it was forked from (pytest, hundreds of MB late in a
# run); VmHWM is this process image's own high-water mark.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = usage.ru_maxrss
print(json.dumps({{"outcome": outcome, "cpu": usage.ru_utime + usage.ru_stime,
                   "peak_kb": peak}}))
"""


def read_bounded(path: Path, module: str = "ledger_read", function: str = "read_ledger") -> dict:
    """What reading ``path`` did, in a subprocess capped at 500 MB and 5 s of CPU; a traceback,
    the memory cap (MemoryError) or the CPU cap (SIGXCPU) fails the test."""
    code = READER.format(cap=MEMORY_CAP, module=module, function=function)
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=120, preexec_fn=_cpu_cap)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == "", done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["cpu"] < CPU_SECONDS
    assert result["peak_kb"] * 1024 < MEMORY_CAP
    return result


def _cpu_cap() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS * 3, CPU_SECONDS * 3))


WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
Target="sharedStrings.xml"/>
</Relationships>"""
TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="xl/workbook.xml"/></Relationships>"""
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>牵头单位</t></is></c></row>'
          '<row r="2"><c r="A2" t="inlineStr"><is><t>任务甲</t></is></c>'
          '<c r="B2" t="inlineStr"><is><t>区商务局</t></is></c></row>')


def sheet(rows: str = HEADER, tail: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData>{tail}</worksheet>')


def workbook(path: Path, sheet_xml: str | bytes, strings: str | bytes = "<sst/>") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        archive.writestr("xl/sharedStrings.xml", strings)
    return path


def merge(ref: str) -> str:
    return f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'


def test_a_plain_small_workbook_is_still_read(tmp_path):
    result = read_bounded(workbook(tmp_path / "ok.xlsx", sheet()))
    assert result["outcome"] == "read"


def test_a_merge_over_the_whole_sheet_is_clipped_to_the_values(tmp_path):
    """One <mergeCell ref="A1:XFD1048576"/> ran to a 10 GB cap; clipped, the file simply reads."""
    path = workbook(tmp_path / "merge.xlsx", sheet(tail=merge("A1:XFD1048576")))
    assert path.stat().st_size < 4096
    # Every cell of the merge takes A1's value, so no header row is left: refused as such.
    assert "has no ledger header row" in read_bounded(path)["outcome"]
    from planner_gui.exchange.ledger_grid import open_grids

    rows = open_grids(path)[0].rows
    assert len(rows) == 2 and all(len(row) <= 2 for row in rows)


def test_a_merge_over_the_whole_sheet_in_a_workbook_with_formulas_is_refused(tmp_path):
    """openpyxl reads workbooks with formulas and makes an object for every merged cell."""
    rows = HEADER.replace('<c r="B2" t="inlineStr"><is><t>区商务局</t></is></c>', '<c r="B2"><f>1+1</f></c>')
    path = workbook(tmp_path / "merge-formula.xlsx", sheet(rows, merge("A1:XFD1048576")))
    outcome = read_bounded(path)["outcome"]
    assert outcome.startswith(f"refused: {path}:") and "1,000,000 cells" in outcome


def test_a_far_cell_in_a_workbook_with_formulas_is_refused_before_openpyxl_reads_it(tmp_path):
    rows = HEADER.replace('<c r="B2" t="inlineStr"><is><t>区商务局</t></is></c>', '<c r="B2"><f>1+1</f></c>')
    far = '<row r="900000"><c r="B900000"><f>1+1</f></c></row>'
    path = workbook(tmp_path / "far-formula.xlsx", sheet(rows + far))
    outcome = read_bounded(path)["outcome"]
    assert "spans 900,000 rows by 2 columns" in outcome and "1,000,000 cells" in outcome


@pytest.mark.parametrize(("ref", "limit"), [("A100000000", "250,000 rows"), ("XFD1", "100 columns")])
def test_a_value_far_away_is_refused_naming_the_limit(tmp_path, ref, limit):
    far = f'<row r="{ref[len(ref.rstrip("0123456789")):]}"><c r="{ref}"><v>1</v></c></row>'
    path = workbook(tmp_path / "far.xlsx", sheet(HEADER + far))
    outcome = read_bounded(path)["outcome"]
    assert outcome.startswith(f"refused: {path}: sheet 表一 has a cell") and limit in outcome
    assert "\n" not in outcome


def test_an_empty_styled_cell_far_away_does_not_grow_the_grid(tmp_path):
    far = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    path = workbook(tmp_path / "styled.xlsx", sheet(HEADER + far))
    assert read_bounded(path)["outcome"] == "read"


@pytest.mark.parametrize("member", ["sheet", "strings"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, member):
    """60 MB of XML in a few tens of KB: in sheet1.xml it took 6.2 GB; in sharedStrings.xml it was
    accepted after 3 minutes at 9.2 GB."""
    filler = b"<si><t>" + b"x" * 60_000_000 + b"</t></si>"
    if member == "sheet":
        path = workbook(tmp_path / "bomb.xlsx", sheet(HEADER, "<!--").encode() + filler + b"-->")
    else:
        path = workbook(tmp_path / "bomb.xlsx", sheet(), b"<sst>" + filler + b"</sst>")
    assert path.stat().st_size < 100_000
    outcome = read_bounded(path)["outcome"]
    assert outcome.startswith(f"refused: {path}:")
    assert "200 MB" in outcome or "100 to 1" in outcome


def test_a_member_compressed_beyond_the_ratio_is_refused(tmp_path):
    filler = b"<!--" + b" " * 5_000_000 + b"-->"  # 5 MB in about 5 KB: no spreadsheet looks like that
    path = workbook(tmp_path / "ratio.xlsx", sheet().encode() + filler)
    outcome = read_bounded(path)["outcome"]
    assert "sheet1.xml is compressed more than 100 to 1" in outcome


def test_a_lying_zip_header_does_not_get_past_the_cap(tmp_path):
    """A member whose header claims a small size is cut off at that size: the stream is damaged."""
    path = workbook(tmp_path / "liar.xlsx", sheet() + "<!--" + "y" * 400_000 + "-->")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    size = info.file_size.to_bytes(4, "little")
    data = data.replace(size, (1000).to_bytes(4, "little"))  # both headers now say 1,000 bytes
    path.write_bytes(bytes(data))
    outcome = read_bounded(path)["outcome"]
    assert outcome.startswith(f"refused: {path}:")


def test_too_many_cells_with_values_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(input_limits, "MAX_CELLS", 1000)  # the real limit takes 40 MB of XML to reach
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>' for r in range(3, 600))
    path = workbook(tmp_path / "cells.xlsx", sheet(HEADER + rows))
    from planner_gui.domain.errors import BadFileError
    from planner_gui.exchange.ledger_grid import open_grids

    with pytest.raises(BadFileError, match="has more than 1,000 cells with values"):
        open_grids(path)


def test_too_many_merges_are_refused(tmp_path):
    merges = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(1, 100_010))
    path = workbook(tmp_path / "merges.xlsx", sheet(HEADER, f"<mergeCells>{merges}</mergeCells>"))
    assert "more than 100,000 merged ranges" in read_bounded(path)["outcome"]


def test_too_many_rows_are_refused_quickly(tmp_path):
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(3, 250_003))
    path = workbook(tmp_path / "long.xlsx", sheet(HEADER + rows))
    outcome = read_bounded(path)["outcome"]
    assert "has a cell in row 250,001; at most 250,000 rows are read" in outcome


def test_many_merges_that_cover_everything_are_refused(tmp_path):
    far = '<row r="200000"><c r="CV200000"><v>1</v></c></row>'
    merges = "".join(f'<mergeCell ref="A{r}:CV200000"/>' for r in range(1, 400))
    path = workbook(tmp_path / "merges.xlsx", sheet(HEADER + far, f"<mergeCells>{merges}</mergeCells>"))
    outcome = read_bounded(path)["outcome"]
    assert "merged ranges over more than 5,000,000 cells" in outcome


def test_a_csv_with_too_many_rows_or_columns_is_refused(tmp_path):
    long = tmp_path / "long.csv"
    long.write_text("任务,牵头单位\n" + "甲,乙\n" * 250_001, encoding="utf-8")
    assert "250,000 rows" in read_bounded(long)["outcome"]
    wide = tmp_path / "wide.csv"
    wide.write_text("任务," * 150 + "\n", encoding="utf-8")
    assert "100 columns" in read_bounded(wide)["outcome"]


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx", "big.json", "big.txt"])
def test_a_huge_file_is_refused_by_its_size(tmp_path, name):
    path = tmp_path / name
    json_file = name.endswith(".json")
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate((input_limits.MAX_JSON_BYTES if json_file else input_limits.MAX_INPUT_BYTES) + 1)
    module, function = {"json": ("json_format", "read_file"), "txt": ("intake.apply", "read_text_file")}.get(
        name.rsplit(".", 1)[1], ("ledger_read", "read_ledger"))
    outcome = read_bounded(path, module, function)["outcome"]
    limit = "160 MB" if json_file else "50 MB"
    assert outcome == f"refused: {path}: is larger than {limit}, the most that is read"


@pytest.mark.parametrize(("module", "function"), [("ledger_read", "read_ledger"), ("json_format", "read_file"),
                                                  ("intake.apply", "read_text_file")])
def test_a_fifo_or_device_is_refused_without_waiting(tmp_path, module, function):
    fifo = tmp_path / "ledger.csv"
    os.mkfifo(fifo)
    outcome = read_bounded(fifo, module, function)["outcome"]
    assert outcome == f"refused: {fifo}: is not a regular file (a pipe or device); save it as a file first"
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")
    assert "not a regular file" in read_bounded(zero, module, function)["outcome"]


def test_the_command_line_says_one_line(tmp_path):
    path = workbook(tmp_path / "far.xlsx", sheet(HEADER + '<row r="300000"><c r="A300000"><v>1</v></c></row>'))
    done = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "import-xlsx", "--db",
                           str(tmp_path / "plan.sqlite"), str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "250,000 rows" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "plan.sqlite").exists()  # a refused import into a new file leaves nothing


def test_the_limits_are_documented():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "ledger.md").read_text(encoding="utf-8")
    for figure in ("250,000 rows", "100 columns", "50 MB", "200 MB", "160 MB", "2,500,000", "100,000"):
        assert figure in doc
