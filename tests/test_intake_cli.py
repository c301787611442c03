"""`planner-cli import-text`: propose, add to a plan file, and refuse files that are not text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.cli.main import main
from planner_gui.exchange.json_format import plan_from_dict
from planner_gui.store import PlanStore

DOCS = Path(__file__).parent / "intake" / "docs"


def test_dry_run_json_is_a_valid_plan_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "plan.sqlite"
    assert main(["import-text", str(DOCS / "seed_fengtai.txt"), "--db", str(db), "--dry-run", "--json"]) == 0
    plan = plan_from_dict(json.loads(capsys.readouterr().out))
    assert plan.year == 2024 and plan.declared_areas == 10
    assert len(plan.areas) == 8
    assert not db.exists()


def test_import_into_an_existing_file_adds_areas_and_keeps_what_was_there(bundled_store, db_path, capsys):
    before = bundled_store.load_plan()
    bundled_store.close()
    assert main(["import-text", str(DOCS / "division_qinghe.txt"), "--db", str(db_path)]) == 0
    assert "added 12 tasks" in capsys.readouterr().out
    with PlanStore.open(db_path) as store:
        after = store.load_plan()
    assert [a.name for a in after.areas[:8]] == [a.name for a in before.areas]
    assert {t.id for t in before.walk_tasks()} <= {t.id for t in after.walk_tasks()}
    added = after.areas[8:]
    assert [a.name for a in added] == ["推动工业经济提质增效", "扩大有效投资", "办好民生实事", "加强生态环境保护"]
    first = added[0].tasks[0]
    assert (first.leader, first.lead_unit, first.due.isoformat()) == ("刘建国", "县工信局", "2025-12-31")


def test_areas_with_the_same_name_are_reused_and_a_second_import_adds_nothing(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    assert main(["import-text", str(DOCS / "seed_fengtai.txt"), "--db", str(db)]) == 0
    assert "created" in capsys.readouterr().out
    with PlanStore.open(db) as store:
        first = store.load_plan()
    assert main(["import-text", str(DOCS / "seed_fengtai.txt"), "--db", str(db)]) == 0
    assert "added 0 tasks" in capsys.readouterr().out
    with PlanStore.open(db) as store:
        second = store.load_plan()
    assert [a.name for a in second.areas] == [a.name for a in first.areas]
    assert len(list(second.walk_tasks())) == len(list(first.walk_tasks()))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_text_in_the_encodings_offices_use_is_read(tmp_path, capsys, encoding):
    doc = tmp_path / "gb.txt"
    doc.write_bytes("在“加强生态环境建设”方面，将于10月底前建成点位80处。".encode(encoding))
    assert main(["import-text", str(doc), "--dry-run", "--json"]) == 0
    plan = plan_from_dict(json.loads(capsys.readouterr().out))
    (task,) = plan.areas[0].tasks
    assert task.due.isoformat().endswith("-10-31")
    assert (task.indicators[0].target, task.indicators[0].unit) == (80, "处")


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), b""])
def test_a_file_that_is_not_text_or_states_nothing_is_one_line_and_exit_1(tmp_path, content):
    doc = tmp_path / "picture.txt"
    doc.write_bytes(content)
    db = tmp_path / "plan.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "planner_gui.cli.main", "import-text", str(doc), "--db", str(db)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(doc) in result.stderr
    assert not db.exists()


def test_text_without_a_year_takes_the_plan_files_year(bundled_store, db_path, tmp_path, capsys):
    bundled_store.close()
    doc = tmp_path / "note.txt"
    doc.write_text("在“优化营商环境”方面，6月底前新增市场主体800户。", encoding="utf-8-sig")
    assert main(["import-text", str(doc), "--db", str(db_path)]) == 0
    with PlanStore.open(db_path) as store:
        area = store.load_plan().areas[-1]
    assert area.name == "优化营商环境"
    assert area.tasks[0].due.isoformat() == "2024-06-30"
