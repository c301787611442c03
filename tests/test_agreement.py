"""Issue 4's promise: for the bundled plan with a few updates, the lights,
planned and actual progress and the "not reported" marks agree between the
window, `planner-cli summary`, the exported summary and the ledger, for any
as-of date. Issue 18's cases are in the plan too: tasks without a deadline,
a parent with an overdue sub-task, an empty new sub-task under a behind task,
and problems reported on a behind sub-task."""

from __future__ import annotations

import json
from datetime import date

import pytest

from planner_gui.cli.main import main
from planner_gui.domain.progress import Status, status_word
from planner_gui.reports.export import ExportRequest, report_for
from planner_gui.reports.report_data import attention_problems
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
    museum = next(t for t in tasks if t.title.startswith("国家自然博物馆"))  # a sub-task due in June
    experts = next(t for t in tasks if t.title.startswith("组建专家委员会"))  # a sub-task without a deadline
    preschool = next(t for t in tasks if t.title.startswith("学前教育公办率"))
    updates += [
        ["--task", museum.id, "--progress", "30", "--date", "2024-04-20", "--note", "前期手续办理中"],
        ["--task", experts.id, "--progress", "5", "--date", "2024-05-20"],
    ]
    for args in updates:
        assert main(["update", "--db", str(path), *args]) == 0
    from planner_gui.domain.model import ProgressUpdate, Task

    with PlanStore.open(path) as store:
        store.add_update(experts.id, ProgressUpdate(date=date(2024, 6, 20), progress=8, problems=EXPERT_PROBLEM))
        area_id = store.task_location(preschool.id)[0]
        store.add_task(Task(title="新子任务"), area_id, preschool.id)
    return path


EXPERT_PROBLEM = "专家人选尚未确定"


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
        window.document.set_as_of(as_of)
        qtbot.waitUntil(lambda d=as_of: window.document.as_of == d)
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
        plan = window.document.plan
        data = report_for(plan, ExportRequest(as_of=as_of))
        assert {s.value: data.counts.get(s, 0) for s in Status} == summary["status"]
        assert data.progress == pytest.approx(summary["progress"], abs=0.01)
        assert data.not_reported == summary["not_reported"]
        for row in data.rows():
            assert row.status.value == by_id[row.task_id]["status"]
            assert row.progress == pytest.approx(by_id[row.task_id]["progress"], abs=0.01)

        # the attention list: every red or yellow task at any depth, with the
        # problems of its sub-tasks
        bad = {t["id"] for t in summary["tasks"] if t["status"] in ("red", "yellow")}
        assert {row.task_id for _, row in data.attention} == bad
        assert len(data.attention) == len(bad)
        if as_of >= date(2024, 6, 20):
            experts = next(t for t in summary["tasks"] if t["title"].startswith("组建专家委员会"))
            parent = summary["tasks"][summary["tasks"].index(experts) - 1]
            assert experts["status"] == "yellow" and parent["status"] in ("yellow", "red")
            texts = {row.task_id: attention_problems(row, "zh") for _, row in data.attention}
            assert EXPERT_PROBLEM in texts[experts["id"]]
            assert any(EXPERT_PROBLEM in text for task_id, text in texts.items() if task_id != experts["id"])
        # an empty new sub-task works to its parent's deadline: never on track while it is behind
        empty = next(t for t in summary["tasks"] if t["title"] == "新子任务")
        assert empty["due_implied"] and empty["status"] != "green"
        # the counts: one number of work items everywhere
        assert summary["work_items"] == data.leaf_count == sum(summary["status"].values())
        assert f"Work items: {summary['work_items']}" in window.statusBar().counts_label.text()

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


def test_the_default_as_of_date_is_the_same_in_the_window_every_export_and_the_cli(
        plan_with_updates, tmp_path, qtbot, capsys):
    from planner_gui.domain.dates import default_as_of
    from planner_gui.ui.dialogs.export_summary import ExportSummaryDialog

    expected = default_as_of(2024)
    capsys.readouterr()
    assert main(["summary", "--db", str(plan_with_updates), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == expected.isoformat()
    settings_file = tmp_path / "settings.ini"
    window = make_window(qtbot, plan_with_updates, settings_file)
    assert window.document.as_of == expected
    dialog = ExportSummaryDialog(window.document, window)
    assert dialog.as_of.date().toPython() == expected
    dialog.deleteLater()
    bar = window.statusBar()
    assert not bar.year_label.isVisibleTo(bar)

    # a date outside the plan's year is allowed, and marked
    window.document.set_as_of(date(2025, 3, 31))
    qtbot.waitUntil(lambda: bar.year_label.isVisibleTo(bar))
    assert "2025-03-31" in bar.year_label.text() and "2024" in bar.year_label.text()
    window.document.set_as_of(date(2024, 9, 30))
    qtbot.waitUntil(lambda: not bar.year_label.isVisibleTo(bar))

    # the window remembers the last as-of date of each file
    other = tmp_path / "other.sqlite"
    assert main(["init", "--db", str(other)]) == 0
    assert window.open_file(other)
    qtbot.waitUntil(lambda: window.document.store.path == other)
    assert window.document.as_of == expected
    assert window.open_file(plan_with_updates)
    qtbot.waitUntil(lambda: window.document.as_of == date(2024, 9, 30))
    window.close()
    again = make_window(qtbot, plan_with_updates, settings_file)
    assert again.document.as_of == date(2024, 9, 30)


def test_implied_deadlines_are_shown_as_implied_in_the_window_and_the_report(plan_with_updates, tmp_path, qtbot):
    from planner_gui.ui.plan_tree import ID_ROLE, Column

    window = make_window(qtbot, plan_with_updates, tmp_path / "settings.ini")
    plan = window.document.plan
    no_deadline = next(t for t in plan.walk_tasks() if t.due is None and not t.deadline_text
                       and t in plan.areas[1].tasks)
    model = _tree_model(window)
    shown = {model.data(i, ID_ROLE): model.data(i.siblingAtColumn(Column.DEADLINE))
             for i in _task_indexes(model, ID_ROLE)}
    assert shown[no_deadline.id] in ("year end (implied)", "年底（默认）")
    data = report_for(plan, ExportRequest(as_of=date(2024, 6, 30), lang="zh"))
    assert next(r for r in data.rows() if r.task_id == no_deadline.id).deadline == "年底（默认）"
    data_en = report_for(plan, ExportRequest(as_of=date(2024, 6, 30), lang="en"))
    assert next(r for r in data_en.rows() if r.task_id == no_deadline.id).deadline == "year end (implied)"


def test_every_count_has_one_name_and_one_number(plan_with_updates, tmp_path, qtbot, capsys):
    from planner_gui.reports.export import export_report
    from planner_gui.ui.dialogs.export_summary import ExportSummaryDialog

    as_of = date(2024, 6, 30)
    summary = summary_of(plan_with_updates, as_of, capsys)
    work_items, tasks = summary["work_items"], summary["plan"]["entered_tasks"]
    assert (work_items, tasks, summary["plan"]["declared_tasks"]) == (36, 29, 42)  # 学前教育 became a parent: its new sub-task is the work item
    window = make_window(qtbot, plan_with_updates, tmp_path / "settings.ini")
    window.document.set_as_of(as_of)
    assert window.statusBar().counts_label.text().startswith(f"Work items: {work_items}")
    window.detail.show_plan()
    assert window.detail.plan_page.entered.text().startswith(f"8 areas, {tasks} tasks, {work_items} work items")
    assert window.detail.plan_page.rollup.tasks.text() == str(work_items)
    # the export scope of a filter counts the same work items the report will count
    window.filter_bar.text.setText("专家")
    qtbot.waitUntil(lambda: "Work items shown: 1" in window.statusBar().counts_label.text())
    dialog = ExportSummaryDialog(window.document, window)
    assert dialog.scope_kind.itemText(dialog.scope_kind.count() - 1) == "The current filter (work items: 1)"
    dialog.deleteLater()
    # the printed summary: 工作事项 N项, and declared against entered tasks, like with like
    html = export_report(window.document.plan, ExportRequest(as_of=as_of, lang="zh"), tmp_path / "s.html").path.read_text()
    assert f"工作事项：<b>{work_items}项</b>" in html
    assert "计划申报：<b>10个方面42项任务</b>" in html and "已录入：<b>8个方面29项任务</b>" in html
    html_en = export_report(window.document.plan, ExportRequest(as_of=as_of, lang="en"), tmp_path / "e.html").path.read_text()
    assert f"Work items: <b>{work_items}</b>" in html_en
    data = report_for(window.document.plan, ExportRequest(as_of=as_of, lang="zh"))
    for section in data.areas:  # each area's line: 本方面进度 …，工作事项 N项
        assert f"工作事项 {sum(section.counts.values())}项" in html
    # a scope of chosen tasks is described by the work items the report counts
    parent = next(t for t in window.document.plan.walk_tasks() if len(t.subtasks) == 4)
    chosen = report_for(window.document.plan, ExportRequest(as_of=as_of, task_ids=(parent.id, *(s.id for s in parent.subtasks))))
    assert chosen.leaf_count == 4 and chosen.scope.describe("zh", chosen.leaf_count) == "所选工作事项（4项）"


def test_switching_off_the_year_end_rule_greys_tasks_without_a_deadline(plan_with_updates, tmp_path, qtbot, capsys):
    window = make_window(qtbot, plan_with_updates, tmp_path / "settings.ini")
    window.document.set_as_of(date(2024, 6, 30))
    plan = window.document.plan
    bare = next(t for t in plan.areas[1].tasks if t.due is None and not t.subtasks)
    assert window.model.by_id[bare.id].status is Status.YELLOW
    window.detail.show_plan()
    box = window.detail.plan_page.judge_without_deadline
    assert box.isChecked()
    box.click()
    qtbot.waitUntil(lambda: window.model.by_id[bare.id].status is Status.NO_DEADLINE)
    summary = summary_of(plan_with_updates, date(2024, 6, 30), capsys)
    entry = next(t for t in summary["tasks"] if t["id"] == bare.id)
    assert entry["status"] == "no_deadline" and entry["planned"] is None
    assert summary["status"]["no_deadline"] > 0 and summary["status"]["green"] == 0
    window.undo()
    qtbot.waitUntil(lambda: window.model.by_id[bare.id].status is Status.YELLOW)
    assert summary_of(plan_with_updates, date(2024, 6, 30), capsys)["status"]["no_deadline"] == 0


def test_a_new_subtask_takes_its_parents_deadline_leader_and_unit(plan_with_updates, tmp_path, qtbot):
    from planner_gui.ui.actions import ActionId
    from ui_window_helpers import reread

    with PlanStore.open(plan_with_updates) as store:
        congress = next(t for t in store.load_plan().walk_tasks() if t.title.startswith("举办第二届"))
        store.edit("task", congress.id, leader="王副区长", lead_unit="区发展改革委")
    window = make_window(qtbot, plan_with_updates, tmp_path / "settings.ini")
    window.select_item(congress.id)
    window.actions[ActionId.ADD_SUBTASK].trigger()
    sub_id = window.selected_task_id()
    sub = reread(plan_with_updates).find_task(sub_id)
    assert (sub.due, sub.deadline_text, sub.leader, sub.lead_unit) == (
        congress.due, congress.deadline_text, "王副区长", "区发展改革委")
    assert sub_id in {s.id for s in reread(plan_with_updates).find_task(congress.id).subtasks}
