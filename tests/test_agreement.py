"""Issue 4's promise: for the bundled plan with a few updates, the lights,
planned and actual progress and the "not reported" marks agree between the
window, `planner-cli summary`, the exported summary and the ledger, for any
as-of date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from planner_gui.cli.main import main
from planner_gui.domain.progress import Status, status_word
from planner_gui.reports.export import ExportRequest, report_for
from planner_gui.store import PlanStore
from ui_window_helpers import make_window

AS_OF_DATES = [date(2024, 3, 20), date(2024, 4, 30), date(2024, 5, 2), date(2024, 6, 30), date(2024, 12, 31)]


@pytest.fixture
def plan_with_updates(tmp_path):
    path = tmp_path / "plan.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    with PlanStore.open(path) as store:
        tasks = list(store.load_plan().walk_tasks())
    congress = next(t for t in tasks if t.title.startswith("举办第二届"))
    enterprises = next(t for t in tasks if any(i.name == "新引进企业" for i in t.indicators))
    childcare = next(t for t in tasks if "托位" in t.title)
    updates = [
        ["--task", congress.id, "--progress", "40", "--date", "2024-03-15", "--note", "筹备中"],
        ["--task", congress.id, "--progress", "100", "--date", "2024-04-28", "--note", "大会已举办"],
        ["--task", enterprises.id, "--date", "2024-03-22", "--indicator", "新引进企业=12"],
        ["--task", enterprises.id, "--date", "2024-06-24", "--indicator", "新引进企业=31"],
        ["--task", childcare.id, "--progress", "10", "--date", "2024-03-25"],
    ]
    for args in updates:
        assert main(["update", "--db", str(path), *args]) == 0
    return path


def summary_of(path, as_of: date, capsys) -> dict:
    capsys.readouterr()
    assert main(["summary", "--db", str(path), "--as-of", as_of.isoformat(), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_window_summary_report_and_ledger_agree(plan_with_updates, tmp_path, qtbot, capsys):
    from planner_gui.exchange.ledger_export import export_ledger
    from planner_gui.ui.plan_tree import ID_ROLE, PROGRESS_ROLE, Column

    window = make_window(qtbot, plan_with_updates, tmp_path / "settings.ini")
    for as_of in AS_OF_DATES:
        summary = summary_of(plan_with_updates, as_of, capsys)
        by_id = {t["id"]: t for t in summary["tasks"]}
        statuses = {t["status"] for t in summary["tasks"]}
        assert len(statuses) >= 2, "the dates should show more than one light"

        # the window
        window.set_as_of(as_of)
        qtbot.waitUntil(lambda d=as_of: window.as_of() == d)
        model = _tree_model(window)
        seen = 0
        for index in _task_indexes(model, ID_ROLE):
            task_id = model.data(index, ID_ROLE)
            if task_id not in by_id:
                continue
            expected = by_id[task_id]
            status_text = model.data(index.siblingAtColumn(Column.STATUS))
            assert status_word(Status(expected["status"]), "en") in status_text or \
                status_word(Status(expected["status"]), "zh") in status_text
            assert model.data(index.siblingAtColumn(Column.PROGRESS), PROGRESS_ROLE) == \
                pytest.approx(expected["progress"], abs=0.01)
            report_text = model.data(index.siblingAtColumn(Column.REPORT)) or ""
            assert (report_text == "") == expected["reported"], (expected["title"], report_text)
            seen += 1
        assert seen == len(summary["tasks"])

        # the exported summary (the PDF and the HTML are drawn from this data)
        plan = window.plan
        data = report_for(plan, ExportRequest(as_of=as_of))
        assert {s.value: data.counts.get(s, 0) for s in Status} == summary["status"]
        assert data.progress == pytest.approx(summary["progress"], abs=0.01)
        assert data.not_reported == summary["not_reported"]
        for row in data.rows():
            assert row.status.value == by_id[row.task_id]["status"]
            assert row.progress == pytest.approx(by_id[row.task_id]["progress"], abs=0.01)

        # the ledger
        import openpyxl

        out = export_ledger(plan, tmp_path / f"ledger-{as_of}.xlsx", as_of)
        sheet = openpyxl.load_workbook(out).worksheets[0]
        words = {status_word(s, "zh"): s.value for s in Status}
        ledger_statuses = [words[c.value] for row in sheet.iter_rows() for c in row if c.value in words]
        assert sorted(ledger_statuses) == sorted(t["status"] for t in summary["tasks"])


def _tree_model(window):
    from planner_gui.ui.plan_tree import PlanTreeModel

    models = window.findChildren(PlanTreeModel)
    assert models, "the window has a plan tree model"
    return models[0]


def _task_indexes(model, id_role):
    from PySide6.QtCore import QModelIndex

    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.node(index).kind == "task":
                yield index
            stack.append(index)
