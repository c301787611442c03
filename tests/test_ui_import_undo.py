"""Issue 22, point 5: an import (ledger, filled report form, plan JSON) is one
undo step; the undo history before it is kept and still works."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog

from planner_gui.exchange import json_format
from planner_gui.ui import json_io, tree_editing
from planner_gui.ui.dialogs import ledger as ledger_dialogs
from ui_window_helpers import make_window, reread

from factories import form_column, report_on_task_one


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


def on_disk(window) -> dict:
    """The plan as the file holds it, field by field (the JSON export's form)."""
    return json_format.plan_to_dict(reread(window.document.store.path))


def shown_titles(window) -> list[str]:
    return [t.title for t in window.document.plan.walk_tasks()]


def rename_first_task(window, title: str) -> str:
    task = next(window.document.plan.walk_tasks())
    assert tree_editing.rename(window.document, window, "task", task.id, title)
    return task.id


def check_undo_redo(window, before: dict, after: dict, earlier: dict) -> None:
    """Undo → the plan as it was before the import; redo → imported again;
    one more undo after that takes back the edit made before the import."""
    assert before != after
    assert on_disk(window) == after
    window.undo()
    assert on_disk(window) == before
    assert window.document.undo_stack.index() == 1  # the rename is still there to undo
    assert json_format.plan_to_dict(window.document.store.load_plan()) == before
    window.redo()
    assert on_disk(window) == after
    assert shown_titles(window) == [t["title"] for t in _walk(after)]
    window.undo()
    window.undo()
    assert on_disk(window) == earlier
    window.redo()
    window.redo()
    assert on_disk(window) == after


def _walk(plan: dict):
    def tasks(items):
        for task in items:
            yield task
            yield from tasks(task.get("subtasks", []))
    for area in plan["areas"]:
        yield from tasks(area["tasks"])


def test_a_ledger_import_is_one_undo_step_and_keeps_the_history(window, tmp_path):
    earlier = on_disk(window)
    rename_first_task(window, "改过名的任务")
    before = on_disk(window)
    path = report_on_task_one(ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx"))

    assert ledger_dialogs.open_import_dialog(window.document, window, path) is True
    assert window.document.undo_stack.count() == 2
    assert "out.xlsx" in window.document.undo_stack.undoText()
    check_undo_redo(window, before, on_disk(window), earlier)


def test_a_filled_report_form_import_can_be_undone(window, tmp_path, monkeypatch):
    from planner_gui.exchange.report_forms import export_forms

    task = next(window.document.plan.walk_tasks())
    window.document.store.edit("task", task.id, lead_unit="区发改委")
    window.reload_plan()
    earlier = on_disk(window)
    rename_first_task(window, "改过名的任务")
    before = on_disk(window)
    (form,) = export_forms(window.document.plan, "unit", tmp_path / "forms", window.document.as_of)
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    ws.cell(ws.max_row + 1, 2).value = "新增的任务"
    ws.cell(ws.max_row, form_column("progress")).value = 10
    ws.cell(ws.max_row, form_column("text")).value = "刚开始"
    wb.save(form)

    def ticked(self):
        self.accept_rows.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", ticked)
    assert ledger_dialogs.open_import_dialog(window.document, window, form) is True
    assert "新增的任务" in shown_titles(window)
    check_undo_redo(window, before, on_disk(window), earlier)
    window.undo()
    assert "新增的任务" not in shown_titles(window)


def test_a_plan_json_import_can_be_undone(window, tmp_path):
    earlier = on_disk(window)
    exported = json_io.export_plan_json(window.document, window, tmp_path / "plan.json")
    data = json_format.plan_to_dict(json_format.read_file(exported))
    data["plan"]["title"] = "另一份计划"
    data["areas"] = data["areas"][:1]
    other = tmp_path / "other.json"
    json_format.write_file(json_format.plan_from_dict(data), other)
    rename_first_task(window, "改过名的任务")
    before = on_disk(window)

    assert json_io.import_plan_json(window.document, window, other, confirm=False) is True
    assert on_disk(window)["plan"]["title"] == "另一份计划"
    assert window.document.undo_stack.count() == 2
    check_undo_redo(window, before, on_disk(window), earlier)
    window.undo()
    assert window.document.plan.title == before["plan"]["title"]


def test_an_import_that_changes_nothing_adds_no_undo_step(window, tmp_path):
    path = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    ledger_dialogs.open_import_dialog(window.document, window, path)
    assert window.document.undo_stack.count() == 0
