"""Issue 24, cases 3 and 4: filled forms land on the right tasks, and every task is in a form."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.domain.model import Area, Plan, PlanSettings, ProgressUpdate, Task
from planner_gui.exchange.report_forms import export_forms, group_tasks
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

from factories import form_column

AS_OF = date(2024, 6, 10)
ID_COLUMN = form_column("id")
PROGRESS, TEXT, LEADER = form_column("progress"), form_column("text"), form_column("leader")


def _plan() -> Plan:
    sub = Task(title="编制实施方案")  # no unit, no leader: its parent's
    tasks = [
        Task(title="建设养老驿站", lead_unit="区民政局", leader="王五",
             updates=[ProgressUpdate(date=date(2024, 5, 20), progress=40, text="选址完成")]),
        Task(title="改造老旧小区", lead_unit="区民政局", leader="王五"),
        Task(title="新增就业岗位", lead_unit="区民政局", leader="王五", subtasks=[sub]),
    ]
    return Plan(title="测试区2024年度重点工作任务", year=2024, areas=[Area(name="民生保障", tasks=tasks)],
                settings=PlanSettings(reporting_cycle="monthly", report_due_day=20))


@pytest.fixture
def store(db_path):
    store = PlanStore.create(db_path, _plan())
    yield store
    store.close()


def _form(store, tmp_path, by="unit"):
    (path,) = export_forms(store.load_plan(), by, tmp_path / "forms", AS_OF)
    return path


def _task_rows(ws) -> list[int]:
    return [r for r in range(4, ws.max_row + 1) if ws.cell(r, ID_COLUMN).value]


def _fill(path, values: dict[str, tuple]) -> None:
    """Fill 本期进度 and 本期进展情况 of the rows with these titles."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for r in _task_rows(ws):
        if ws.cell(r, 2).value in values:
            ws.cell(r, PROGRESS).value, ws.cell(r, TEXT).value = values[ws.cell(r, 2).value]
    wb.save(path)


def _updates(store) -> dict[str, list[ProgressUpdate]]:
    return {t.title: t.updates for t in store.load_plan().walk_tasks()}


def test_3_a_form_sorted_over_its_visible_columns_is_conflicts_not_updates(store, tmp_path):
    path = _form(store, tmp_path)
    _fill(path, {"建设养老驿站": (60, "驿站开工"), "改造老旧小区": (30, "入户调查")})
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = _task_rows(ws)
    # Sorted by title over the visible columns only; the hidden id column stays where it was.
    visible = sorted(([ws.cell(r, c).value for c in range(1, ID_COLUMN)] for r in rows),
                     key=lambda values: values[1], reverse=True)
    for r, values in zip(rows, visible, strict=True):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    wb.save(path)

    preview = import_ledger.prepare(path, store, today=AS_OF)
    moved = {c.file for c in preview.changes.conflicts}
    assert {"建设养老驿站", "改造老旧小区"} <= moved
    assert all(u.task_id != c.task_id for u in preview.changes.new_updates for c in preview.changes.conflicts)
    assert any("sorted" in line for line in preview.describe())
    before = _updates(store)
    import_ledger.apply(store.path, store, preview)
    after = _updates(store)
    # nothing booked on the wrong task: every update that went in is on the task its title names
    for title, updates in after.items():
        for update in updates[len(before[title]):]:
            assert {"驿站开工": "建设养老驿站", "入户调查": "改造老旧小区"}.get(update.text, title) == title


def test_3_an_added_row_is_proposed_and_a_duplicated_row_flagged(store, tmp_path, capsys):
    path = _form(store, tmp_path)
    _fill(path, {"建设养老驿站": (60, "驿站开工")})
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.protection.sheet = False  # the department unprotects the sheet (no password) to add rows
    first = _task_rows(ws)[0]
    last = ws.max_row + 1
    for c in range(1, ID_COLUMN + 1):  # the first row copied, hidden id and all
        ws.cell(last, c).value = ws.cell(first, c).value
    ws.cell(last + 1, 2).value = "建设社区食堂"  # a row the department added: no id
    ws.cell(last + 1, PROGRESS).value, ws.cell(last + 1, TEXT).value = 20, "已选址"
    wb.save(path)

    preview = import_ledger.prepare(path, store, today=AS_OF)
    assert [u.update.text for u in preview.changes.new_updates] == ["驿站开工"]  # once, not twice
    assert any("repeats" in str(p) for p in preview.changes.problems)
    assert [n.task.title for n in preview.changes.proposed_tasks] == ["建设社区食堂"]
    assert not any("no longer in the plan" in str(p) for p in preview.changes.problems)
    assert preview.changes.new_tasks == []

    assert main(["import-xlsx", "--db", str(store.path), str(path), "--accept-new-rows"]) == 0
    with PlanStore.open(store.path) as again:
        plan = again.load_plan()
    canteen = next(t for t in plan.walk_tasks() if t.title == "建设社区食堂")
    assert canteen.lead_unit == "区民政局" and [u.text for u in canteen.updates] == ["已选址"]
    assert [u.text for u in next(t for t in plan.walk_tasks() if t.title == "建设养老驿站").updates] == [
        "选址完成", "驿站开工"]


def test_3_half_typed_in_the_percent_column_is_half_a_percent_and_lower_progress_is_flagged(store, tmp_path):
    path = _form(store, tmp_path)
    _fill(path, {"建设养老驿站": (0.5, "调整方案"), "改造老旧小区": (1, "启动")})
    preview = import_ledger.prepare(path, store, today=AS_OF)
    figures = {u.title: u.update.progress for u in preview.changes.new_updates}
    assert figures == {"建设养老驿站": 0.5, "改造老旧小区": 1}
    lowered = [n for n in preview.changes.notes if "lower" in n]
    assert len(lowered) == 1 and "建设养老驿站" in lowered[0] and "40%" in lowered[0]


def test_3_a_percent_formatted_cell_is_read_by_its_format(store, tmp_path):
    path = _form(store, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    r = _task_rows(ws)[1]
    ws.cell(r, PROGRESS).value, ws.cell(r, PROGRESS).number_format = 0.5, "0%"
    wb.save(path)
    preview = import_ledger.prepare(path, store, today=AS_OF)
    assert [(u.title, u.update.progress) for u in preview.changes.new_updates] == [("改造老旧小区", 50)]


def test_4_sub_tasks_are_in_their_parents_unit_and_leader_forms(store, tmp_path):
    plan = store.load_plan()
    for by in ("unit", "leader"):
        groups = group_tasks(plan, by)
        assert [t.title for _, t in next(iter(groups.values()))][-1] == "编制实施方案"
    path = _form(store, tmp_path, by="leader")
    ws = openpyxl.load_workbook(path).worksheets[0]
    sub_row = next(r for r in _task_rows(ws) if ws.cell(r, 2).value == "编制实施方案")
    assert ws.cell(sub_row, LEADER).value == "王五"  # the leader it inherits, shown in its row
    _fill(path, {"编制实施方案": (50, "初稿完成")})
    preview = import_ledger.prepare(path, store, today=AS_OF)
    assert [(u.title, u.update.reporter) for u in preview.changes.new_updates] == [("编制实施方案", "王五")]


def test_4_no_units_or_leaders_is_said_before_anything_is_written(tmp_path, capsys):
    db = tmp_path / "plan.sqlite"
    assert main(["init", "--db", str(db)]) == 0  # the bundled plan: no units, no leaders
    out = tmp_path / "forms"
    capsys.readouterr()
    assert main(["export-forms", "--db", str(db), "--by", "unit", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "lead unit" in err and err.count("\n") == 1
    assert not out.exists()


def test_7_a_form_prints_its_title_and_header_and_no_ids(store, tmp_path):
    path = _form(store, tmp_path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.row_dimensions[1].height >= 24 and ws.row_dimensions[3].height >= 28  # not clipped
    area = str(ws.print_area).split("!")[-1]
    letter = openpyxl.utils.get_column_letter
    assert f"${letter(ID_COLUMN - 1)}$" in area and f"${letter(ID_COLUMN)}$" not in area
    assert ws.page_margins.left <= 0.5  # fitted to the width with narrow margins: legible
    assert all(not ws.cell(r, ID_COLUMN).alignment.wrap_text for r in _task_rows(ws))
    printed = sum(ws.column_dimensions[letter(c)].width for c in range(1, ID_COLUMN))
    # was 207 (6.5 pt on A4 landscape), then 169 (about 8 pt); 178 with 督办级别's column
    assert printed <= 180
