"""Fuzzing the spreadsheet importer (xlsx and CSV ledgers): whatever the
sheet holds, reading it and preparing the import gives a result or a
PlannerError naming the file, never another exception. Preparing an import
never changes the open plan."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import PlannerError

import_ledger = pytest.importorskip("planner_gui.services.import_ledger")

# Fuzzing: thousands of generated inputs, most of a minute; the default run
# leaves it out, `-m slow` (and .ci/run) runs it.
pytestmark = pytest.mark.slow

TODAY = date(2024, 7, 1)
HEADINGS = ["序号", "任务", "任务内容", "责任领导", "牵头单位", "责任单位", "配合单位", "完成时限",
            "完成进度", "完成进度（%）", "状态", "最新进展", "存在问题", "下步计划", "上期进度", "ID",
            "Task", "Deadline", "Progress", "任 务"]
VALUES = ["一、加强生态环境建设", "二、", "1", "1.1", "1.1.1", "2", "(一)", "6月底前", "年底前",
          "2024-06-30", "2024年6月", "第三季度", "上半年", "长期坚持", "48%", "0.48", "48", "已完成",
          "120%", "-5", "abc", "=SUM(A1:A2)", "'=cmd|' /C calc'!A0", "", " ", "张三",
          "区发改委、区财政局", "1e309", "NaN", "∞", "<b>x</b>", "../../etc/passwd", "\u200b"]
# openpyxl refuses control characters in cells; real sheets cannot hold them either
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=15)
cells = (st.sampled_from(VALUES) | printable | st.none()
         | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False, width=32)
         | st.dates(date(1900, 1, 1), date(2200, 12, 31)))


@st.composite
def sheets(draw) -> list[list[object]]:
    """A header row (usually recognisable) under a few title rows, then rows."""
    rows: list[list[object]] = []
    for _ in range(draw(st.integers(0, 2))):
        rows.append([draw(st.sampled_from(["丰台区2024年度重点工作任务台账", "截至2024年6月30日", "", "x"]))])
    if draw(st.integers(0, 9)) > 0:  # mostly a header the reader can find
        header = draw(st.lists(st.sampled_from(HEADINGS[1:]), min_size=1, max_size=9, unique=True))
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(["任务", "工作任务", "Task"])))
        if draw(st.booleans()):
            header[draw(st.integers(0, len(header) - 1))] = draw(cells)
        rows.append(header)
    likely = st.sampled_from(VALUES) | st.sampled_from(VALUES) | cells
    rows += draw(st.lists(st.lists(likely, max_size=10), max_size=12))
    return rows


def _text(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(rows: list[list[object]], path: Path, encoding: str, delimiter: str) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([[_text(c) for c in row] for row in rows])
    path.write_bytes(out.getvalue().encode(encoding))


def write_xlsx(rows: list[list[object]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append([datetime.combine(c, datetime.min.time()) if isinstance(c, date) else c for c in row])
    if rows and rows[0]:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    wb.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("ledger-fuzz")


@pytest.fixture(scope="module")
def open_plan(tmp_path_factory):
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path_factory.mktemp("plan") / "plan.sqlite")
    yield store
    store.close()


def import_or_refuse(path: Path, store) -> None:
    """Read and preview an import as the window and `planner-cli` do; only PlannerError may escape."""
    for target in (None, store):
        try:
            preview = import_ledger.prepare(path, target, today=TODAY)
        except PlannerError as exc:
            assert str(exc).strip()
            return
        preview.describe()


def unchanged(store, before: dict) -> bool:
    return store.counts() == before


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=sheets(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_any_csv_ledger_imports_or_is_refused_cleanly(folder, open_plan, rows, encoding, delimiter):
    path = folder / "ledger.csv"
    try:
        write_csv(rows, path, encoding, delimiter)
    except UnicodeEncodeError:
        return  # text this encoding cannot hold cannot be in such a file
    before = open_plan.counts()
    import_or_refuse(path, open_plan)
    assert unchanged(open_plan, before)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=sheets())
def test_any_xlsx_ledger_imports_or_is_refused_cleanly(folder, open_plan, rows):
    path = folder / "ledger.xlsx"
    write_xlsx(rows, path)
    before = open_plan.counts()
    import_or_refuse(path, open_plan)
    assert unchanged(open_plan, before)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".xls"]),
       prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf"]))
def test_arbitrary_bytes_are_refused_cleanly(folder, open_plan, raw, suffix, prefix):
    path = folder / f"junk{suffix}"
    path.write_bytes(prefix + raw)
    import_or_refuse(path, open_plan)


def test_a_truncated_workbook_is_a_bad_file_error(folder, open_plan):
    path = folder / "whole.xlsx"
    write_xlsx([["任务", "牵头单位", "完成时限"], ["任务一", "区发改委", "6月底前"]], path)
    data = path.read_bytes()
    cut = folder / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(PlannerError, match="cut.xlsx"):
        import_ledger.prepare(cut, open_plan, today=TODAY)
