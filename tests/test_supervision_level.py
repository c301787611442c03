"""Issue 21's trial: 督办级别 (supervision level), declared once in
domain/fields.py, shows in the editor, the JSON file, the ledger (export and
import) and the printed summary."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from PySide6.QtCore import Qt

from planner_gui.domain.model import Area, Plan, Task
from planner_gui.exchange import json_format
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.exchange.ledger_layout import LEDGER_COLUMNS
from planner_gui.reports.export import ExportRequest, export_report
from planner_gui.reports.report_data import build_report
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor.detail_panel import DetailPanel

AS_OF = date(2024, 7, 1)


def small_plan() -> Plan:
    task = Task(title="建设国家自然博物馆", leader="张三", lead_unit="区发改委", due=date(2024, 6, 30),
                supervision_level="市级")
    return Plan(title="测试区2024年度重点工作任务", year=2024,
                areas=[Area(name="加强生态环境建设", tasks=[task, Task(title="修缮公园")])])


@pytest.fixture
def store(db_path):
    with PlanStore.create(db_path, small_plan()) as store:
        yield store


def first_task(store: PlanStore) -> Task:
    return store.load_plan().areas[0].tasks[0]


def test_the_store_and_the_json_file_keep_it(store):
    assert first_task(store).supervision_level == "市级"
    text = json_format.dumps(store.load_plan())
    assert '"supervision_level": "市级"' in text
    assert json_format.loads(text).areas[0].tasks[0].supervision_level == "市级"
    with pytest.raises(Exception, match="supervision_level"):
        json_format.loads(text.replace('"supervision_level": "市级"', '"supervision_level": 3'))


def test_the_ledger_shows_it_and_an_edited_cell_comes_back(store, tmp_path):
    path = export_ledger(store.load_plan(), tmp_path / "ledger.xlsx", AS_OF)
    ws = openpyxl.load_workbook(path).worksheets[0]
    column = LEDGER_COLUMNS.index("supervision_level") + 1
    assert ws.cell(3, column).value == "督办级别"
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "建设国家自然博物馆")
    assert ws.cell(row, column).value == "市级"
    assert ws.column_dimensions[get_column_letter(len(LEDGER_COLUMNS))].hidden  # the id stays last, hidden

    wb = openpyxl.load_workbook(path)
    wb.worksheets[0].cell(row, column).value = "区级"
    wb.save(path)
    preview = import_ledger.prepare(path, store, today=date(2024, 7, 10))
    assert [c.field for c in preview.changes.field_changes] == ["督办级别"]
    import_ledger.apply(store.path, store, preview)
    assert first_task(store).supervision_level == "区级"


def test_the_summary_names_it_under_the_task(store, tmp_path):
    plan = store.load_plan()
    rows = [row for section in build_report(plan, AS_OF).areas for row in section.rows]
    assert [row.details for row in rows if row.title == "建设国家自然博物馆"] == [("督办级别：市级",)]
    assert [row.details for row in rows if row.title == "修缮公园"] == [()]  # nothing when not given
    out = tmp_path / "summary.html"
    export_report(plan, ExportRequest(as_of=AS_OF), out)
    assert "督办级别：市级" in out.read_text("utf-8")


def test_the_task_page_edits_it(qtbot, store):
    panel = DetailPanel(PlanDocument(store, date(2024, 7, 10)))
    qtbot.addWidget(panel)
    panel.show()
    task = first_task(store)
    panel.show_task(task.id)
    widget = panel.task_page.widgets["supervision_level"]
    assert widget.text() == "市级"
    widget.setFocus()
    widget.setText("部门")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    with PlanStore.open(store.path) as other:
        assert other.get_task(task.id).supervision_level == "部门"


def test_the_report_forms_show_it_locked_after_the_deadline_and_read_filled_forms_back(db_path, tmp_path):
    from planner_gui.domain.fields import TaskField
    from planner_gui.exchange.report_forms import FORM_COLUMNS, export_forms

    from factories import form_column

    tasks = [Task(title="建设国家自然博物馆", lead_unit="区发改委", supervision_level="市委督办"),
             Task(title="修缮公园", lead_unit="区发改委"),
             Task(title="治理河道", lead_unit="区发改委", supervision_level="区级")]
    plan = Plan(title="测试区2024年度重点工作任务", year=2024, areas=[Area(name="生态", tasks=tasks)])
    (path,) = export_forms(plan, "unit", tmp_path / "forms", AS_OF)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    column = form_column("supervision_level")
    assert FORM_COLUMNS[column - 2] == "deadline" and ws.cell(3, column).value == "督办级别"
    letter = get_column_letter
    # the columns that were there before keep their widths, so the printed form only gains one
    widths = {key: ws.column_dimensions[letter(form_column(key))].width for key in FORM_COLUMNS}
    assert widths == {"number": 6, "title": 32, "leader": 9, "lead_unit": 12, "deadline": 13,
                      "supervision_level": 9, "previous": 8, "progress": 9, "text": 36, "problems": 22,
                      "next_steps": 22, "id": 38}
    rows = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, form_column("id")).value}
    assert [ws.cell(rows[t.title], column).value for t in tasks] == ["市委督办", None, "区级"]
    assert all(ws.cell(r, column).protection.locked for r in rows.values()) and ws.protection.sheet

    reports = {"建设国家自然博物馆": (70, "主体完工"), "治理河道": (30, "清淤开始")}
    for title, (progress, text) in reports.items():
        ws.cell(rows[title], form_column("progress")).value = progress
        ws.cell(rows[title], form_column("text")).value = text
    wb.save(path)
    with PlanStore.create(db_path, plan) as store:
        preview = import_ledger.prepare(path, store, today=AS_OF)
        assert not preview.changes.problems and not preview.changes.field_changes
        assert {(u.title, u.update.progress, u.update.text) for u in preview.changes.new_updates} == {
            (title, progress, text) for title, (progress, text) in reports.items()}
        import_ledger.apply(store.path, store, preview)
        after = {t.title: t for t in store.load_plan().walk_tasks()}
    assert [(u.progress, u.text, u.reporter) for u in after["治理河道"].updates] == [(30, "清淤开始", "区发改委")]
    assert after["修缮公园"].updates == []
    assert [after[t.title].supervision_level for t in tasks] == ["市委督办", "", "区级"]  # read-only on a form

    with pytest.raises(ValueError, match="ledger_key"):  # the form's reader finds columns by ledger heading
        TaskField("other", "text", form_width=8)
