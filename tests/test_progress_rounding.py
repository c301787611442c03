"""Issue 24, case 6: one figure, one number — the same rounding of progress in every export."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.domain.model import Area, Plan, ProgressUpdate, Task
from planner_gui.domain.rounding import format_progress, shown_progress
from planner_gui.store import PlanStore
from reports_helpers import needs_poppler, pdf_text

from factories import form_column

AS_OF = date(2024, 9, 30)


def test_the_rule_is_half_up_to_a_whole_percent():
    assert [shown_progress(v) for v in (62.5, 62.49, 37.5, 0.5, 0.4, 99.5, 100, 0)] == [
        63, 62, 38, 1, 0, 100, 100, 0]
    assert format_progress(62.5) == "63%" and format_progress(None) == "—"


@pytest.fixture
def db(tmp_path):
    tasks = [Task(title="建设养老驿站", lead_unit="区民政局", leader="王五", due=date(2024, 12, 31),
                  updates=[ProgressUpdate(date=date(2024, 9, 20), progress=62.5, text="主体完工")]),
             Task(title="改造老旧小区", lead_unit="区民政局", leader="王五", due=date(2024, 12, 31),
                  updates=[ProgressUpdate(date=date(2024, 9, 20), progress=12.5, text="入户调查")])]
    path = tmp_path / "plan.sqlite"
    PlanStore.create(path, Plan(title="测试区2024年度重点工作任务", year=2024,
                                areas=[Area(name="民生保障", tasks=tasks)])).close()
    return path


@needs_poppler
def test_62_5_shows_as_63_in_the_ledger_form_html_pdf_and_summary(db, tmp_path, capsys):
    args = ["--db", str(db), "--as-of", AS_OF.isoformat()]
    assert main(["export-xlsx", *args, "--out", str(tmp_path / "l.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "l.xlsx").worksheets[0]
    cells = {ws.cell(r, 2).value: ws.cell(r, 7) for r in range(1, ws.max_row + 1)}
    assert cells["建设养老驿站"].value == pytest.approx(0.63) and cells["改造老旧小区"].value == pytest.approx(0.13)
    assert "0%" in cells["建设养老驿站"].number_format

    assert main(["export-forms", *args, "--by", "unit", "--out", str(tmp_path / "forms")]) == 0
    form = openpyxl.load_workbook(tmp_path / "forms" / "区民政局.xlsx").worksheets[0]
    previous = {form.cell(r, 2).value: form.cell(r, form_column("previous")).value for r in range(4, form.max_row + 1)}
    assert (previous["建设养老驿站"], previous["改造老旧小区"]) == (63, 13)

    assert main(["export-pdf", *args, "--out", str(tmp_path / "s.html")]) == 0
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "63%" in html and "13%" in html and "62%" not in html and "12%" not in html

    assert main(["export-pdf", *args, "--out", str(tmp_path / "s.pdf")]) == 0
    text = pdf_text(tmp_path / "s.pdf")
    assert "63%" in text and "13%" in text and "62%" not in text and "12%" not in text

    capsys.readouterr()
    assert main(["summary", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("63%" in line and "建设养老驿站" in line for line in lines)
    assert any("13%" in line and "改造老旧小区" in line for line in lines)


def test_62_5_shows_as_63_in_the_window(db, qtbot, tmp_path):
    from planner_gui.ui.plan_tree import Column
    from ui_window_helpers import make_window

    window = make_window(qtbot, db, tmp_path / "settings.ini")
    task = next(t for t in window.document.plan.walk_tasks() if t.title == "建设养老驿站")
    qtbot.waitUntil(lambda: window.model.index_for_id(task.id, Column.PROGRESS).data() == "63%")
