"""Issue 24: ledgers taken in faithfully — into an empty plan, from other offices, CSV quoting.

Each test is one numbered case of the issue."""

from __future__ import annotations

import re
from datetime import date

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.exchange import json_format
from planner_gui.exchange.ledger_csv import read_csv_rows
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore

from factories import full_plan


def _plan_dict(db) -> dict:
    with PlanStore.open(db) as store:
        return json_format.plan_to_dict(store.load_plan())


# --- 1. our ledger into an empty plan ---------------------------------------------------------

def test_1_our_ledger_into_an_empty_plan_is_the_source_plan_and_a_second_import_adds_nothing(tmp_path, capsys):
    source = full_plan()
    ledger = export_ledger(source, tmp_path / "ledger.xlsx", date(2024, 7, 1))
    db = tmp_path / "empty.sqlite"
    init_file(db, empty=True, year=2026).close()

    assert main(["import-xlsx", "--db", str(db), str(ledger)]) == 0
    assert "empty plan" in capsys.readouterr().out
    got, want = _plan_dict(db), json_format.plan_to_dict(source)
    assert got == want  # title, year, declared totals, deadlines, indicators, milestones, updates
    plan = json_format.plan_from_dict(got)
    assert (plan.title, plan.year, plan.declared_areas, plan.declared_tasks) == (
        "测试区2024年度重点工作任务", 2024, 3, 7)
    assert sum(len(t.updates) for t in plan.walk_tasks()) == 3  # the real ones, none made up

    assert main(["import-xlsx", "--db", str(db), str(ledger)]) == 0
    assert "nothing imported" in capsys.readouterr().out
    assert _plan_dict(db) == want


def test_1_a_ledger_into_an_empty_plan_backs_up_and_refuses_a_plan_that_filled_meanwhile(tmp_path):
    from planner_gui.services import import_ledger

    ledger = export_ledger(full_plan(), tmp_path / "ledger.xlsx", date(2024, 7, 1))
    db = tmp_path / "empty.sqlite"
    with init_file(db, empty=True, year=2026) as store:
        preview = import_ledger.prepare(ledger, store, today=date(2026, 12, 1))
        assert preview.replaces_empty and preview.result.year == 2024
        store.replace_plan(full_plan())  # someone filled the plan while the preview was open
        before = json_format.plan_to_dict(store.load_plan())
        try:
            import_ledger.apply(db, store, preview)
        except Exception as exc:  # noqa: BLE001 - the message is what the user sees
            assert "no longer empty" in str(exc)
        else:
            raise AssertionError("the import replaced a plan that is no longer empty")
        assert json_format.plan_to_dict(store.load_plan()) == before


# --- 2. another office's ledger ------------------------------------------------------------

def foreign_ledger(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某区2024年重点工作任务推进台账（10个方面42项）"])
    ws.append(["统计截止：2024年9月30日"])
    ws.append(["序号", "任务", "牵头单位", "完成时限", "完成进度", "进展情况"])
    ws.append(["一、民生保障"])
    ws.append([1, "新增就业岗位不少于800个", "区人社局", "年底前", "60%",
               "已新增500个。存在问题：企业用工需求下降。下步计划：举办招聘会3场。"])
    ws.append([2, "建设养老驿站", "区民政局", "6月底前", None, None])
    ws.append(["注：进度由各单位自行填报。"])
    ws.append(["填表人：张三", None, "联系电话：12345678"])
    wb.save(path)
    return path


def test_2_a_foreign_ledger_into_an_empty_plan_takes_its_year_as_of_and_no_footer(tmp_path, capsys):
    source = foreign_ledger(tmp_path / "other.xlsx")
    db = tmp_path / "empty.sqlite"
    init_file(db, empty=True, year=2026).close()
    assert main(["import-xlsx", "--db", str(db), str(source)]) == 0
    plan = json_format.plan_from_dict(_plan_dict(db))
    assert plan.year == 2024 and plan.title.startswith("某区2024年重点工作任务")
    assert (plan.declared_areas, plan.declared_tasks) == (10, 42)
    assert [a.name for a in plan.areas] == ["民生保障"]  # the footer and signature rows are no areas
    jobs, care = plan.areas[0].tasks
    assert [t.title for t in plan.walk_tasks()] == ["新增就业岗位不少于800个", "建设养老驿站"]
    assert (jobs.due, care.due) == (date(2024, 12, 31), date(2024, 6, 30))
    [update] = jobs.updates
    assert update.date == date(2024, 9, 30) and update.progress == 60
    assert (update.text, update.problems, update.next_steps) == (
        "已新增500个。", "企业用工需求下降。", "举办招聘会3场。")
    [indicator] = jobs.indicators
    assert (indicator.name, indicator.comparator, indicator.target, indicator.unit) == (
        "新增就业岗位", ">=", 800, "个")
    assert care.updates == []  # never reported: no update invented
    before = _plan_dict(db)
    capsys.readouterr()
    assert main(["import-xlsx", "--db", str(db), str(source)]) == 0
    assert "nothing imported" in capsys.readouterr().out and _plan_dict(db) == before


# --- 5. CSV quoting ---------------------------------------------------------------------------

def test_5_a_doubled_quote_after_the_first_4096_characters_is_read_as_rfc_4180(tmp_path, capsys):
    lines = ["序号,任务,牵头单位,最新进展"]
    lines += [f"{i},任务{i}号：推进各项工作落实落地见效,区发改委,按计划推进中" for i in range(1, 120)]
    lines.append('120,专家论证任务,区科委,"完成""专家论证"""')
    text = "\n".join(lines) + "\n"
    assert text.index('""') > 4096
    path = tmp_path / "ledger.csv"
    path.write_text(text, encoding="utf-8")
    assert read_csv_rows(path)[-1] == ["120", "专家论证任务", "区科委", '完成"专家论证"']

    db = tmp_path / "plan.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(path)]) == 0
    assert main(["import-xlsx", "--db", str(db), str(path)]) == 0  # unchanged: nothing new
    assert "nothing imported" in capsys.readouterr().out
    plan = json_format.plan_from_dict(_plan_dict(db))
    last = list(plan.walk_tasks())[-1]
    assert [u.text for u in last.updates] == ['完成"专家论证"']


# --- 8. text values starting with a dash on the command line ----------------------------------

def test_8_a_note_starting_with_a_dash_is_a_note(tmp_path, capsys):
    db = tmp_path / "plan.sqlite"
    init_file(db).close()
    with PlanStore.open(db) as store:
        task = next(store.load_plan().walk_tasks())
    assert main(["update", "--db", str(db), "--task", task.id, "--note", "-行动计划起草中",
                 "--problems", "-无", "--reporter", "-区发改委"]) == 0
    with PlanStore.open(db) as store:
        [update] = store.get_task(task.id).updates
    assert (update.text, update.problems, update.reporter) == ("-行动计划起草中", "-无", "-区发改委")
    # an option after a text option is still an option, not its value: usage error as before
    with pytest.raises(SystemExit) as exit_info:
        main(["update", "--db", str(db), "--task", task.id, "--note", "--progress", "5"])
    assert exit_info.value.code == 2
    assert "expected one argument" in capsys.readouterr().err


# --- 7. every sheet prints sensibly -------------------------------------------------------------

def test_7_every_sheet_has_a_print_set_up_without_ids_and_readable_readings(tmp_path):
    ledger = export_ledger(full_plan(), tmp_path / "ledger.xlsx", date(2024, 7, 1))
    wb = openpyxl.load_workbook(ledger)
    for ws in wb.worksheets[:3]:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows  # the header on every page
        printed_to = re.search(r":\$?([A-Z]+)\$?\d*$", str(ws.print_area)).group(1)  # …!$A$1:$J$10
        headings = [ws.cell(r, c).value for r in range(1, 4) for c in range(1, ws.max_column + 1)
                    if ws.cell(r, c).value]
        id_columns = [c for c in range(1, ws.max_column + 1)
                      if any(str(ws.cell(r, c).value or "").endswith("ID") for r in range(1, 4))]
        assert headings and id_columns
        assert all(openpyxl.utils.column_index_from_string(printed_to) < c for c in id_columns), ws.title
    ledger_sheet, _, history = wb.worksheets[:3]
    sub = next(r for r in range(4, ledger_sheet.max_row + 1) if ledger_sheet.cell(r, 1).value == "1.1")
    title = ledger_sheet.cell(sub, 2)
    assert title.alignment.indent > 0 and title.alignment.horizontal == "left"
    readings = [history.cell(r, 9).value for r in range(2, history.max_row + 1) if history.cell(r, 9).value]
    assert readings and all("{" not in text and "：" in text for text in readings)
    assert "新引进企业：30" in readings[-1] and "失业率：5.2" in readings[-1]


def test_1_a_new_file_is_made_whole_or_not_at_all(tmp_path, capsys, monkeypatch):
    ledger = export_ledger(full_plan(), tmp_path / "ledger.xlsx", date(2024, 7, 1))
    wb = openpyxl.load_workbook(ledger)
    history = wb.worksheets[2]
    history.cell(3, 11).value = history.cell(2, 11).value  # a copied row: the same update id twice
    wb.save(ledger)
    db = tmp_path / "new.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(ledger)]) == 0
    assert "进展记录 row 3: the same update id as an earlier row; row skipped" in capsys.readouterr().out

    import sqlite3

    def fail(self, plan):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(PlanStore, "replace_plan", fail)
    other = tmp_path / "other.sqlite"
    assert main(["import-xlsx", "--db", str(other), str(ledger)]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.xlsx", "new.sqlite"]
