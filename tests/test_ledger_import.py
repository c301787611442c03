"""Importing ledgers into a new plan file: ours (nothing lost), other offices' layouts, CSV, bad files."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.exchange import json_format
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.store import PlanStore

from factories import full_plan


def plan_json(db, capsys) -> str:
    capsys.readouterr()
    assert main(["export-json", "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_round_trip_into_a_new_file_loses_nothing(tmp_path, capsys):
    plan = full_plan()
    ledger = export_ledger(plan, tmp_path / "ledger.xlsx", date(2024, 7, 1))
    db = tmp_path / "copy.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(ledger)]) == 0
    assert "created" in capsys.readouterr().out
    with PlanStore.open(db) as store:
        copy = store.load_plan()
    assert json_format.plan_to_dict(copy) == json_format.plan_to_dict(plan)


def other_office_ledger(path):
    """A ledger typed by another office: title rows, merged section rows, words, fractions."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["附件1"])
    ws.append(["某区2024年重点工作任务推进台账"])
    ws.merge_cells("A2:K2")
    ws.append(["填报日期：2024年7月5日", None, None, None, None, None, "截止时间：2024年6月30日"])
    ws.append(["序号", "重点任务", "牵头领导", "责任单位", "协同单位", "时间节点", "完成比例（%）",
               "工作进展", "存在问题", "下一步工作", "备注"])
    ws.append(["一、优化营商环境（3项）"])
    ws.merge_cells("A5:K5")
    ws.append([1, "新引进企业不少于50家", "王五", "区商务局", "区科信局、区投促中心", "6月底前", 0.6,
               "已引进30家", "土地指标紧张", "加快洽谈", "备注不导入"])
    ws.append(["1.1", "落地高精尖企业", None, "区科信局", None, datetime(2024, 9, 30), "60%", "=1+1", None,
               None, None])
    ws.append([2, "完成政务服务改革", None, "区政务服务局", None, "年底前", "已完成", "已办结", None, None, None])
    ws.merge_cells("C6:C8")  # one leader written once for three rows
    ws.append([])
    ws.append(["二、加强生态环境建设"])
    ws.merge_cells("A10:K10")
    ws.append([1, "治理黑臭水体", "赵六", "区水务局", None, "三季度末", 48, "推进中", None, None, None])
    ws.append([2, "植树造林", "赵六", "区园林局", None, "很久以后", "很快", None, None, None, None])
    wb.save(path)
    return path


def test_a_ledger_in_another_layout_imports_right(tmp_path, capsys):
    source = other_office_ledger(tmp_path / "other.xlsx")
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    db = tmp_path / "new.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(source), "--dry-run", "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert not db.exists()
    plan = json_format.plan_from_dict(data)
    assert plan.title == "某区2024年重点工作任务" and plan.year == 2024  # 推进台账 dropped
    assert [a.name for a in plan.areas] == ["优化营商环境", "加强生态环境建设"]
    first, second = plan.areas[0].tasks
    assert first.title == "新引进企业不少于50家"
    assert (first.leader, first.lead_unit, first.co_units) == ("王五", "区商务局", ["区科信局", "区投促中心"])
    assert (first.deadline_text, first.due) == ("6月底前", date(2024, 6, 30))
    update = first.updates[0]
    assert (update.date, update.progress, update.text, update.problems, update.next_steps) == (
        date(2024, 6, 30), 60.0, "已引进30家", "土地指标紧张", "加快洽谈")
    sub = first.subtasks[0]
    assert sub.title == "落地高精尖企业" and sub.leader == "王五"  # the merged leader cell
    assert sub.due == date(2024, 9, 30)
    assert (sub.updates[0].progress, sub.updates[0].text) == (60.0, "=1+1")  # a formula read as text
    assert second.leader == "王五" and second.updates[0].progress == 100.0
    water, trees = plan.areas[1].tasks
    assert water.due == date(2024, 9, 30) and water.updates[0].progress == 48.0
    assert trees.due is None and trees.deadline_text == "很久以后"
    assert "problem: Sheet1 row 12, 完成比例（%）: '很快' is not a progress figure" in err
    assert "Sheet1 row 12, 时间节点: '很久以后' is not a deadline" in err
    # and for real
    assert main(["import-xlsx", "--db", str(db), str(source)]) == 0
    with PlanStore.open(db) as store:
        assert sum(1 for _ in store.load_plan().walk_tasks()) == 5
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_ledgers_in_the_encodings_excel_writes(tmp_path, encoding):
    path = tmp_path / f"ledger-{encoding}.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["2024年重点任务台账"])
        writer.writerow(["序号", "工作任务", "分管领导", "主责单位", "完成时间", "进度", "推进情况"])
        writer.writerow(["一、城市更新"])
        writer.writerow(["1", "老旧小区改造“开工”", "钱七", "区住建委", "10月底前", "35%", "'=SUM(A1)"])
    db = tmp_path / "csv.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(path)]) == 0
    with PlanStore.open(db) as store:
        plan = store.load_plan()
    task = plan.areas[0].tasks[0]
    assert plan.areas[0].name == "城市更新"
    assert (task.title, task.leader, task.lead_unit, task.due) == (
        "老旧小区改造“开工”", "钱七", "区住建委", date(2024, 10, 31))
    assert (task.updates[0].progress, task.updates[0].text) == (35.0, "=SUM(A1)")


def _broken_xlsx(path):
    good = path.with_name("good.xlsx")
    openpyxl.Workbook().save(good)
    path.write_bytes(good.read_bytes()[:300])
    return path


def _encrypted_xlsx(path):
    # What Excel writes for a password-protected workbook: an OLE2 container with these streams.
    body = "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + body)
    return path


def _zip_not_excel(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return path


@pytest.mark.parametrize("make, reason", [
    (_broken_xlsx, "damaged"),
    (_encrypted_xlsx, "password-protected"),
    (_zip_not_excel, "damaged or not an Excel workbook"),
    (lambda p: (p.write_bytes(b"%PDF-1.4 not a sheet"), p)[1], "not an Excel workbook"),
    (lambda p: (p.write_bytes(b""), p)[1], "is empty"),
    (lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n\0\0"), p.rename(p.with_suffix(".csv")))[1], "not a text"),
])
def test_bad_files_get_one_line_and_change_nothing(tmp_path, capsys, make, reason):
    from planner_gui.services.plan_files import init_file

    db = tmp_path / "plan.sqlite"
    init_file(db).close()
    before = plan_json(db, capsys)
    bad = make(tmp_path / "bad.xlsx")
    assert main(["import-xlsx", "--db", str(db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and reason in err
    assert "Traceback" not in err
    assert plan_json(db, capsys) == before


def test_a_sheet_without_a_ledger_header_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["会议纪要", "无表头"])
    wb.save(path)
    assert main(["import-xlsx", "--db", str(tmp_path / "x.sqlite"), str(path)]) == 1
    assert "no ledger header row" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def test_tasks_spread_over_sheets_become_one_area_per_sheet(tmp_path, capsys):
    path = tmp_path / "sheets.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "营商环境"
    ws.append(["任务", "责任单位", "完成时限", "进度"])
    ws.append(["任务甲", "区发改委", "年内", "30%"])
    other = wb.create_sheet("生态环境")
    other.append(["2024年生态环境任务"])
    other.append(["工作任务", "主责单位", "时间节点", "完成进度"])
    other.append(["任务丙", "区水务局", "三季度", "进行中"])
    wb.create_sheet("填表说明").append(["说明文字"])
    wb.save(path)
    db = tmp_path / "sheets.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(path)]) == 0
    assert "生态环境 row 3, 完成进度: '进行中' is not a progress figure" in capsys.readouterr().out
    with PlanStore.open(db) as store:
        plan = store.load_plan()
    assert plan.year == 2024  # from the second sheet's title row
    assert [(a.name, [t.title for t in a.tasks]) for a in plan.areas] == [
        ("营商环境", ["任务甲"]), ("生态环境", ["任务丙"])]
    assert plan.areas[0].tasks[0].due == date(2024, 12, 31)


def test_rows_repeating_an_id_do_not_break_the_import(tmp_path, capsys):
    path = tmp_path / "dup.csv"
    path.write_text("任务,牵头单位,ID\n甲,区发改委,same-id\n乙,区商务局,same-id\n", encoding="utf-8")
    db = tmp_path / "dup.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(path)]) == 0
    with PlanStore.open(db) as store:
        tasks = list(store.load_plan().walk_tasks())
    assert [t.title for t in tasks] == ["甲", "乙"]
    assert len({t.id for t in tasks}) == 2
