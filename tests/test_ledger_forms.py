"""Report forms: one per unit or leader, locked but for this period's cells, read back as updates."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.exchange.report_forms import export_forms, reporting_period
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

from factories import form_column, full_plan

AS_OF = date(2024, 6, 10)


@pytest.fixture
def store(db_path):
    store = PlanStore.create(db_path, full_plan())  # monthly cycle, reports due on the 20th
    yield store
    store.close()


def form_rows(ws):
    """(row number, task title, task id) of the task rows of a form."""
    title, task_id = form_column("title"), form_column("id")
    return [(r, ws.cell(r, title).value, ws.cell(r, task_id).value)
            for r in range(4, ws.max_row + 1) if ws.cell(r, task_id).value]


def test_export_forms_writes_one_workbook_per_unit_with_only_its_tasks(store, tmp_path, capsys):
    out = tmp_path / "forms"
    assert main(["export-forms", "--db", str(store.path), "--by", "unit", "--out", str(out),
                 "--as-of", AS_OF.isoformat()]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["区商务局.xlsx", "区文旅局.xlsx"]
    ws = openpyxl.load_workbook(out / "区商务局.xlsx").worksheets[0]
    assert [title for _, title, _ in form_rows(ws)] == ["新引进企业不少于50家"]
    assert "2024年6月" in ws["A1"].value and "区商务局" in ws["A1"].value
    assert "2024-06-01至2024-06-30" in ws["A2"].value


def test_only_this_periods_cells_are_editable_and_progress_is_validated(store, tmp_path):
    (path,) = [p for p in export_forms(store.load_plan(), "leader", tmp_path, AS_OF) if "李四" in p.name]
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.protection.sheet is True and not ws.protection.password
    (row, _, _), = form_rows(ws)
    editable = {ws.cell(3, c).value for c in range(1, form_column("id") + 1) if not ws.cell(row, c).protection.locked}
    assert editable == {"本期进度（%）", "本期进展情况", "存在问题", "下步计划"}
    assert ws.cell(1, 1).protection.locked and ws.cell(row, 2).protection.locked
    (rule,) = ws.data_validations.dataValidation
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == ("decimal", "between", "0", "100")
    assert f"{openpyxl.utils.get_column_letter(form_column('progress'))}{row}" in str(rule.sqref)


def test_quarterly_period_title(store, tmp_path):
    from planner_gui.domain.model import PlanSettings

    store.update_settings(PlanSettings(reporting_cycle="quarterly", report_due_day=25))
    assert reporting_period(store.plan_info().settings, AS_OF) == (
        date(2024, 4, 1), date(2024, 6, 30), date(2024, 6, 25))
    path = export_forms(store.load_plan(), "unit", tmp_path, AS_OF)[0]
    assert "2024年第二季度" in openpyxl.load_workbook(path).worksheets[0]["A1"].value


def test_a_filled_form_becomes_updates_with_the_unit_as_reporter_once(store, tmp_path, capsys):
    plan = store.load_plan()
    path = next(p for p in export_forms(plan, "unit", tmp_path, AS_OF) if p.stem == "区文旅局")
    wb = openpyxl.load_workbook(path)  # filled in as a department would
    ws = wb.worksheets[0]
    (row, title, task_id), = form_rows(ws)
    ws.cell(row, form_column("progress")).value = 65
    ws.cell(row, form_column("text")).value = "设计方案已完成报批"
    ws.cell(row, form_column("problems")).value = "=资金未到位"
    ws.cell(row, form_column("next_steps")).value = "7月开工"
    wb.save(path)
    before = len(store.get_task(task_id).updates)

    assert main(["import-xlsx", "--db", str(store.path), str(path)]) == 0
    task = store.get_task(task_id)
    assert len(task.updates) == before + 1
    new = task.updates[-1]
    assert (new.progress, new.text, new.problems, new.next_steps, new.reporter) == (
        65.0, "设计方案已完成报批", "=资金未到位", "7月开工", "区文旅局")
    assert date(2024, 6, 1) <= new.date <= date(2024, 6, 30)

    assert main(["import-xlsx", "--db", str(store.path), str(path)]) == 0
    assert len(store.get_task(task_id).updates) == before + 1
    assert "nothing imported" in capsys.readouterr().out


def test_a_bad_figure_in_a_form_is_named_and_the_row_is_not_imported(store, tmp_path):
    path = export_forms(store.load_plan(), "unit", tmp_path, AS_OF)[0]
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    (row, _, task_id), = form_rows(ws)
    ws.cell(row, form_column("progress")).value = "很快"
    wb.save(path)
    preview = import_ledger.prepare(path, store, today=date(2024, 6, 20))
    assert any(f"row {row}, 本期进度（%）: '很快' is not a progress figure" in str(p)
               for p in preview.changes.problems)
    before = store.counts()["progress_update"]
    import_ledger.apply(store.path, store, preview)
    # the text-less row with an unreadable figure adds nothing
    assert store.counts()["progress_update"] == before


def test_a_long_title_gets_a_row_tall_enough_to_print_it(tmp_path):
    from planner_gui.domain.model import Area, Plan, Task

    long_title = "加快推进城市更新行动，完成老旧小区综合整治和配套设施改造提升工程" * 2
    plan = Plan(title="测试", year=2024, areas=[Area(name="方面", tasks=[
        Task(title="短标题", lead_unit="区发改委"), Task(title=long_title, lead_unit="区发改委")])])
    (path,) = export_forms(plan, "unit", tmp_path, AS_OF)
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = {title: r for r, title, _ in form_rows(ws)}
    assert ws.row_dimensions[rows["短标题"]].height is None
    assert ws.row_dimensions[rows[long_title]].height >= 3 * 15
