"""Issue 24, case 9: .xls (Excel 97-2003) and .ods ledgers come in by the same rules as .xlsx.

The fixtures were made from .xlsx files by LibreOffice (tests/fixtures/old_formats/make.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_gui.cli.main import main
from planner_gui.exchange import json_format
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

FIXTURES = Path(__file__).parent / "fixtures" / "old_formats"


def _without_ids(value):
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _imported(source: Path, tmp_path: Path) -> dict:
    db = tmp_path / f"{source.name}.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(source)]) == 0
    with PlanStore.open(db) as store:
        return json_format.plan_to_dict(store.load_plan())


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_9_our_ledger_as_xls_or_ods_gives_the_plan_the_xlsx_gives(tmp_path, kind):
    want = _imported(FIXTURES / "ours.xlsx", tmp_path)
    got = _imported(FIXTURES / f"ours.{kind}", tmp_path)
    assert got == want  # ids too: the hidden record came through the conversion
    plan = json_format.plan_from_dict(got)
    assert plan.title == "测试区2024年度重点工作任务"
    assert sum(len(t.updates) for t in plan.walk_tasks()) == 3
    assert sum(len(t.indicators) for t in plan.walk_tasks()) == 2


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_9_a_foreign_ledger_as_xls_or_ods_reads_as_the_xlsx_does(tmp_path, kind):
    want = _imported(FIXTURES / "foreign.xlsx", tmp_path)
    got = _imported(FIXTURES / f"foreign.{kind}", tmp_path)
    assert _without_ids(got) == _without_ids(want)
    plan = json_format.plan_from_dict(got)
    assert plan.year == 2024 and [a.name for a in plan.areas] == ["民生保障"]
    assert [u.problems for t in plan.walk_tasks() for u in t.updates] == ["企业用工需求下降。"]


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_9_an_xls_or_ods_merges_into_its_plan_with_the_same_preview(tmp_path, kind):
    db = tmp_path / "plan.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(FIXTURES / "ours.xlsx")]) == 0
    with PlanStore.open(db) as store:
        preview = import_ledger.prepare(FIXTURES / f"ours.{kind}", store)
        assert preview.changes.is_empty() and preview.ledger.kind == "ledger"
        assert "nothing to import" in preview.describe()[-1]


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_9_a_damaged_xls_or_ods_gets_one_line(tmp_path, capsys, kind):
    bad = tmp_path / f"bad.{kind}"
    good = (FIXTURES / f"foreign.{kind}").read_bytes()
    bad.write_bytes(good[: len(good) // 3])
    db = tmp_path / "plan.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert not db.exists()


def test_9_a_sheet_larger_than_the_caps_is_refused_before_its_cells_are_made(tmp_path, monkeypatch, capsys):
    from planner_gui.exchange import ledger_calamine

    monkeypatch.setattr(ledger_calamine, "MAX_ROWS", 5)  # the foreign ledger has 8 rows
    db = tmp_path / "plan.sqlite"
    assert main(["import-xlsx", "--db", str(db), str(FIXTURES / "foreign.xls")]) == 1
    err = capsys.readouterr().err
    assert "too large" in err and "foreign.xls" in err and err.count("\n") == 1


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_9_a_percent_formatted_progress_column_is_read_as_shown(tmp_path, kind):
    # calamine gives no number formats: in .xls/.ods 100 % arrives as 1, and a column holding only
    # numbers from 0 to 1 is read as fractions (1 is 100 %, as in the .xlsx by its format)
    plan = json_format.plan_from_dict(_imported(FIXTURES / f"percent.{kind}", tmp_path))
    figures = {t.title: t.updates[0].progress for t in plan.walk_tasks()}
    assert figures == {"建成养老驿站": 100, "改造老旧小区": 50, "新增就业岗位": 25}
