"""Re-importing a ledger into the plan it came from: updates appended, conflicts listed, idempotent."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from planner_gui.cli.main import main
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.exchange.ledger_layout import LEDGER_COLUMNS
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

from factories import full_plan

AS_OF = date(2024, 7, 1)
TASK_ROW = 5  # the first task of the first area

LAST_SHOWN = get_column_letter(len(LEDGER_COLUMNS) - 1)  # the last column before the hidden id


@pytest.fixture
def store(db_path):
    store = PlanStore.create(db_path, full_plan())
    yield store
    store.close()


def edit_cells(path, changes: dict[str, object]):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for ref, value in changes.items():
        ws[ref] = value
    wb.save(path)


def import_file(store, path):
    preview = import_ledger.prepare(path, store, today=date(2024, 7, 10))
    import_ledger.apply(store.path, store, preview)
    return preview


def count_updates(store) -> int:
    return store.counts()["progress_update"]


def test_changed_progress_becomes_a_new_dated_update_and_a_second_import_adds_nothing(store, tmp_path):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    edit_cells(path, {f"G{TASK_ROW}": 0.75, f"I{TASK_ROW}": "引进41家", f"D{TASK_ROW}": "区投资促进局"})
    task_id = store.load_plan().areas[0].tasks[0].id
    before = count_updates(store)
    old_history = [(u.date, u.progress, u.text) for u in store.get_task(task_id).updates]

    preview = import_file(store, path)
    assert len(preview.changes.new_updates) == 1 and not preview.changes.conflicts
    task = store.get_task(task_id)
    assert count_updates(store) == before + 1
    # history kept, the new report appended with the file's as-of date
    assert [(u.date, u.progress, u.text) for u in task.updates][:-1] == old_history
    assert (task.updates[-1].date, task.updates[-1].progress, task.updates[-1].text) == (AS_OF, 75.0, "引进41家")
    assert task.lead_unit == "区投资促进局"

    second = import_file(store, path)
    assert second.changes.is_empty()
    assert count_updates(store) == before + 1


def test_a_field_changed_in_both_places_is_a_conflict_and_the_plan_keeps_its_value(store, tmp_path, capsys):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    task_id = store.load_plan().areas[0].tasks[0].id
    store.edit("task", task_id, lead_unit="区商务局（数据库）")
    edit_cells(path, {f"D{TASK_ROW}": "区商务局（文件）", f"C{TASK_ROW}": "新领导"})

    assert main(["import-xlsx", "--db", str(store.path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "conflict on '新引进企业不少于50家' — 牵头单位" in out
    assert "区商务局（文件）" in out and "区商务局（数据库）" in out
    task = store.get_task(task_id)
    assert task.lead_unit == "区商务局（数据库）"  # not overwritten silently
    assert task.leader == "新领导"  # the field only the file changed is taken


def test_progress_reported_in_the_plan_since_the_export_conflicts_with_the_file(store, tmp_path):
    from planner_gui.domain.model import ProgressUpdate

    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    task_id = store.load_plan().areas[0].tasks[0].id
    store.add_update(task_id, ProgressUpdate(date=date(2024, 6, 30), progress=70, text="数据库里的新进展"))
    edit_cells(path, {f"G{TASK_ROW}": 0.8})
    before = count_updates(store)
    preview = import_file(store, path)
    assert [c.field for c in preview.changes.conflicts] == ["完成进度"]
    assert count_updates(store) == before


def test_an_unchanged_export_imports_nothing_and_dry_run_changes_nothing(store, tmp_path, capsys):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    edit_cells(path, {f"G{TASK_ROW}": 0.9})
    before = count_updates(store)
    assert main(["import-xlsx", "--db", str(store.path), str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new update," in out and "1 new updates" not in out and "dry run" in out
    assert count_updates(store) == before
    untouched = export_ledger(store.load_plan(), tmp_path / "same.xlsx", AS_OF)
    assert import_ledger.prepare(untouched, store, today=date(2024, 7, 10)).changes.is_empty()


def test_another_offices_ledger_matches_tasks_by_title_within_their_area(store, tmp_path):
    plan = store.load_plan()
    area, task = plan.areas[0], plan.areas[0].tasks[0]
    path = tmp_path / "theirs.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["数据截至2024年8月31日"])
    ws.append(["序号", "任务内容", "进度", "进展情况"])
    ws.append([f"一、{area.name}"])
    ws.append([1, task.title, "80%", "引进45家"])
    ws.append([2, "全新的任务", "10%", "刚启动"])
    wb.save(path)
    tasks_before = store.counts()["task"]
    preview = import_file(store, path)
    assert [u.task_id for u in preview.changes.new_updates] == [task.id]
    updated = store.get_task(task.id)
    assert (updated.updates[-1].date, updated.updates[-1].progress) == (date(2024, 8, 31), 80.0)
    assert store.counts()["task"] == tasks_before + 1
    assert import_file(store, path).changes.is_empty()


def test_dry_run_json_prints_the_plan_as_it_would_be_and_writes_nothing(store, tmp_path, capsys):
    from planner_gui.exchange import json_format

    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws[f"G{TASK_ROW}"] = 0.66
    ws.unmerge_cells(f"A{TASK_ROW + 2}:{LAST_SHOWN}{TASK_ROW + 2}")  # openpyxl does not move merges down
    ws.insert_rows(TASK_ROW + 2)  # a new sub-task typed under task 1, after 1.1
    ws.merge_cells(f"A{TASK_ROW + 3}:{LAST_SHOWN}{TASK_ROW + 3}")
    for col, value in enumerate(["1.2", "新增子任务", "", "区商务局"], start=1):
        ws.cell(TASK_ROW + 2, col).value = value
    wb.save(path)
    before = store.counts()
    capsys.readouterr()
    assert main(["import-xlsx", "--db", str(store.path), str(path), "--dry-run", "--json"]) == 0
    result = json_format.plan_from_dict(__import__("json").loads(capsys.readouterr().out))
    first = result.areas[0].tasks[0]
    assert first.updates[-1].progress == 66.0
    assert [s.title for s in first.subtasks] == ["子任务：完成屋顶整体设计优化", "新增子任务"]
    assert store.counts() == before


def test_the_file_is_backed_up_before_an_import_writes(store, tmp_path, monkeypatch):
    import planner_gui.store.backups as backups

    calls = []
    monkeypatch.setattr(backups, "backup_before",
                        lambda s, reason: calls.append((reason, s.counts()["progress_update"])))
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    edit_cells(path, {f"G{TASK_ROW}": 0.95})
    before = count_updates(store)
    import_file(store, path)
    assert calls == [("before-import", before)]  # taken before the new update was written
    assert count_updates(store) == before + 1


def test_a_failure_while_applying_leaves_the_file_unchanged(store, tmp_path, monkeypatch, capsys):
    from planner_gui.domain.errors import ValidationError

    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    edit_cells(path, {f"G{TASK_ROW}": 0.95, f"C{TASK_ROW}": "新领导"})
    before = store.load_plan()

    def broken(self, task_id, update):
        raise ValidationError("readings", "refused for the test")

    monkeypatch.setattr(PlanStore, "add_update", broken)
    assert main(["import-xlsx", "--db", str(store.path), str(path)]) == 1
    assert "refused for the test" in capsys.readouterr().err
    assert store.load_plan() == before  # the leader edit was rolled back with the rest


def test_a_deadline_before_the_tasks_start_is_a_problem_not_a_failed_import(store, tmp_path):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    edit_cells(path, {f"F{TASK_ROW}": "1月10日", f"C{TASK_ROW}": "新领导"})  # the task starts 15 January
    preview = import_file(store, path)
    assert any("is before the task's start 2024-01-15" in str(p) for p in preview.changes.problems)
    task = store.load_plan().areas[0].tasks[0]
    assert (task.due, task.leader) == (date(2024, 10, 31), "新领导")


def test_an_english_ledger_round_trips_too(store, tmp_path, capsys):
    from planner_gui.exchange import json_format

    path = export_ledger(store.load_plan(), tmp_path / "en.xlsx", AS_OF, lang="en")
    assert import_ledger.prepare(path, store, today=date(2024, 7, 10)).changes.is_empty()
    copy = tmp_path / "copy.sqlite"
    assert main(["import-xlsx", "--db", str(copy), str(path)]) == 0
    with PlanStore.open(copy) as other:
        assert json_format.plan_to_dict(other.load_plan()) == json_format.plan_to_dict(store.load_plan())


def test_indicator_values_edited_in_the_indicator_sheet_are_imported(store, tmp_path):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    wb = openpyxl.load_workbook(path)
    sheet = wb["量化指标"]
    assert (sheet["B2"].value, sheet["G2"].value) == ("新引进企业", 12)
    sheet["G2"] = 44  # 当前值 of 新引进企业
    sheet["G3"] = "五点一"  # not a number
    wb.save(path)
    preview = import_file(store, path)
    assert any(str(p) == "量化指标 row 3, 当前值: '五点一' is not a number" for p in preview.changes.problems)
    indicators = store.load_plan().areas[0].tasks[0].indicators
    assert [(i.name, i.current) for i in indicators] == [("新引进企业", 44.0), ("失业率", 5.0)]
    assert import_file(store, path).changes.is_empty()


def test_an_indicator_changed_in_both_places_is_a_conflict(store, tmp_path):
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    indicator = store.load_plan().areas[0].tasks[0].indicators[0]
    store.edit("indicator", indicator.id, current=20)
    wb = openpyxl.load_workbook(path)
    wb["量化指标"]["G2"] = 44
    wb.save(path)
    preview = import_file(store, path)
    assert [c.field for c in preview.changes.conflicts] == ["新引进企业 current"]
    assert store.load_plan().areas[0].tasks[0].indicators[0].current == 20


def test_a_ledger_without_section_rows_matches_across_the_plan_and_collects_new_tasks(store, tmp_path):
    plan = store.load_plan()
    parent = plan.areas[0].tasks[0]
    path = tmp_path / "flat.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "任务", "完成进度"])
    ws.append(["1", "全新任务甲", "10%"])
    ws.append(["2", parent.title, "90%"])
    ws.append(["2.1", "新子任务", "5%"])
    ws.append(["3", "全新任务乙", ""])
    wb.save(path)
    preview = import_file(store, path)
    after = store.load_plan()
    assert [t.title for t in after.areas[-1].tasks] == ["全新任务甲", "全新任务乙"]
    assert after.areas[-1].name == "导入的任务"
    assert [s.title for s in after.areas[0].tasks[0].subtasks][-1] == "新子任务"
    assert [u.task_id for u in preview.changes.new_updates] == [parent.id]
    assert import_file(store, path).changes.is_empty()


def test_unreadable_deadline_words_are_only_a_problem_where_they_would_be_taken_in(store, tmp_path):
    task_id = store.load_plan().areas[0].tasks[0].id
    store.edit("task", task_id, deadline_text="长期坚持", due=None)
    path = export_ledger(store.load_plan(), tmp_path / "l.xlsx", AS_OF)
    assert import_ledger.prepare(path, store, today=date(2024, 7, 10)).changes.problems == []
    edit_cells(path, {f"F{TASK_ROW}": "持续推进"})
    preview = import_file(store, path)
    assert [str(p) for p in preview.changes.problems] == [
        f"台账 row {TASK_ROW}, 完成时限: '持续推进' is not a deadline that can be read; kept as text without a date"]
    task = store.get_task(task_id)
    assert (task.deadline_text, task.due) == ("持续推进", None)
