"""The ledger menu actions in the window: export, import with a preview, report forms."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from planner_gui.exchange.ledger_layout import LEDGER_COLUMNS
from planner_gui.ui.dialogs import ledger as ledger_dialogs
from ui_window_helpers import make_window, reread

from factories import form_column

ID_COLUMN = LEDGER_COLUMNS.index("id") + 1  # the hidden last column


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


@pytest.fixture
def previews(monkeypatch):
    """Answer the preview dialog with Apply (or Cancel), remembering what it showed."""
    shown: list[ledger_dialogs.ImportPreviewDialog] = []
    answer = {"code": QDialog.DialogCode.Accepted}

    def fake_exec(self):
        shown.append(self)
        return answer["code"]

    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", fake_exec)
    return shown, answer


def first_task_row(ws) -> int:
    return next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "1")


def test_export_then_import_a_changed_ledger_through_the_preview(window, tmp_path, previews):
    shown, _ = previews
    path = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    assert path is not None and path.exists()
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    row = first_task_row(ws)
    task_id = ws.cell(row, ID_COLUMN).value
    ws.cell(row, 7).value = 0.35
    ws.cell(row, 9).value = "<b>已开工</b>"
    ws.cell(row + 1, 7).value = "很快"
    wb.save(path)
    before = len(reread(window.document.store.path).find_task(task_id).updates)

    assert ledger_dialogs.open_import_dialog(window.document, window, path) is True
    texts = shown[0].row_texts()
    assert any(r[0] == "New update" and "35%" in r[3] and "<b>已开工</b>" in r[3] for r in texts)
    assert any(r[0] == "Problem" and "'很快' is not a progress figure" in r[3] for r in texts)
    assert shown[0].apply_button.isEnabled()
    after = reread(window.document.store.path).find_task(task_id)
    assert len(after.updates) == before + 1 and after.updates[-1].progress == 35.0
    # the window re-read the file
    assert len(window.document.plan.find_task(task_id).updates) == before + 1


def exported_with_a_progress_change(window, tmp_path):
    """The window's ledger, exported, with the first task's progress set to 50%."""
    path = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(first_task_row(ws), 7).value = 0.5
    wb.save(path)
    return path


def test_cancel_in_the_preview_changes_nothing(window, tmp_path, previews):
    shown, answer = previews
    answer["code"] = QDialog.DialogCode.Rejected
    path = exported_with_a_progress_change(window, tmp_path)
    counts = window.document.store.counts()
    assert ledger_dialogs.open_import_dialog(window.document, window, path) is False
    assert shown and window.document.store.counts() == counts


def test_an_unchanged_ledger_cannot_be_applied(window, tmp_path, previews):
    shown, _ = previews
    path = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    ledger_dialogs.open_import_dialog(window.document, window, path)
    assert not shown[0].apply_button.isEnabled()


def test_a_bad_file_shows_one_plain_message(window, tmp_path, monkeypatch, previews):
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append((title, text)))
    bad = tmp_path / "locked.xlsx"
    bad.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le"))
    assert ledger_dialogs.open_import_dialog(window.document, window, bad) is False
    assert errors and "password-protected" in errors[0][1] and str(bad) in errors[0][1]
    assert not previews[0]


def test_export_forms_writes_one_form_per_leader(window, tmp_path):
    task = next(window.document.store.load_plan().walk_tasks())
    window.document.store.edit("task", task.id, leader="张三", lead_unit="区发改委")
    window.reload_plan()  # as after another program's change: the forms follow the window's plan
    written = ledger_dialogs.open_export_forms_dialog(window.document, window, tmp_path / "forms", "leader")
    assert [p.name for p in written] == ["张三.xlsx"]


def test_apply_is_disabled_when_the_plan_is_read_only(window, tmp_path, previews):
    shown, answer = previews
    answer["code"] = QDialog.DialogCode.Rejected
    path = exported_with_a_progress_change(window, tmp_path)
    window.set_read_only(True)
    ledger_dialogs.open_import_dialog(window.document, window, path)
    assert not shown[0].apply_button.isEnabled()


def test_a_plan_changed_by_another_program_during_the_preview_is_not_overwritten(
        window, tmp_path, monkeypatch):
    from planner_gui.store import PlanStore

    path = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    row = first_task_row(ws)
    task_id = ws.cell(row, ID_COLUMN).value
    ws.cell(row, 7).value = 0.5
    wb.save(path)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))

    def other_program_writes(self):
        with PlanStore.open(window.document.store.path) as other:
            other.edit("task", task_id, leader="另一个程序")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", other_program_writes)
    before = len(reread(window.document.store.path).find_task(task_id).updates)
    assert ledger_dialogs.open_import_dialog(window.document, window, path) is False
    assert errors and "Another program changed the plan" in errors[0]
    assert len(reread(window.document.store.path).find_task(task_id).updates) == before


# --- issue 24 ----------------------------------------------------------------


def test_1_a_ledger_imported_into_an_empty_plan_in_the_window_is_the_ledgers_plan(qtbot, tmp_path, previews):
    from datetime import date

    from planner_gui.exchange import json_format
    from planner_gui.exchange.ledger_export import export_ledger
    from planner_gui.services.plan_files import init_file

    from factories import full_plan

    source = full_plan()
    ledger = export_ledger(source, tmp_path / "ledger.xlsx", date(2024, 7, 1))
    init_file(tmp_path / "empty.sqlite", empty=True, year=2026).close()
    window = make_window(qtbot, tmp_path / "empty.sqlite", tmp_path / "settings.ini")
    assert ledger_dialogs.open_import_dialog(window.document, window, ledger) is True
    assert "测试区2024年度重点工作任务" in previews[0][0].summary.text()
    assert json_format.plan_to_dict(reread(window.document.store.path)) == json_format.plan_to_dict(source)
    assert window.document.plan.title == source.title and window.document.plan.year == 2024


def test_1_file_new_from_ledger_makes_and_opens_the_plan(window, tmp_path, previews):
    from planner_gui.ui.actions import ActionId

    assert window.actions[ActionId.NEW_FROM_LEDGER] in window.menuBar().actions()[0].menu().actions()
    source = ledger_dialogs.open_export_dialog(window.document, window, tmp_path / "out.xlsx")
    before = len(list(window.document.plan.walk_tasks()))
    target = tmp_path / "from-ledger.sqlite"
    assert ledger_dialogs.open_new_from_ledger_dialog(window.document, window, source, target) == target
    assert window.document.store.path == target and len(list(window.document.plan.walk_tasks())) == before
    # an existing file is never replaced
    errors = []
    window.show_error = lambda title, text: errors.append(text)
    assert ledger_dialogs.open_new_from_ledger_dialog(window.document, window, source, target) is None
    assert errors and "already exists" in errors[0]


def test_4_report_forms_on_a_plan_without_units_or_leaders_say_so_first(window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(ledger_dialogs.QInputDialog, "getItem", lambda *a, **k: asked.append(a) or ("", False))
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    assert ledger_dialogs.open_export_forms_dialog(window.document, window) == []  # the bundled plan: nobody to send to
    assert errors and "nobody to send a form to" in errors[0] and not asked


def test_3_rows_a_department_added_to_a_form_are_added_only_when_ticked(window, tmp_path, previews, monkeypatch):
    from planner_gui.exchange.report_forms import export_forms

    shown, _ = previews
    task = next(window.document.store.load_plan().walk_tasks())
    window.document.store.edit("task", task.id, lead_unit="区发改委")
    window.reload_plan()
    (form,) = export_forms(window.document.plan, "unit", tmp_path / "forms", window.document.as_of)
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    ws.cell(ws.max_row + 1, 2).value = "新增的任务"
    ws.cell(ws.max_row, form_column("progress")).value = 10
    ws.cell(ws.max_row, form_column("text")).value = "刚开始"
    wb.save(form)
    titles = lambda: [t.title for t in reread(window.document.store.path).walk_tasks()]  # noqa: E731
    before = titles()

    assert ledger_dialogs.open_import_dialog(window.document, window, form) is True  # box not ticked
    assert shown[0].accept_rows.isVisibleTo(shown[0])
    assert any(r[0] == "New row (not added unless accepted)" and r[2] == "新增的任务" for r in shown[0].row_texts())
    assert titles() == before

    def ticked(self):
        shown.append(self)
        self.accept_rows.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", ticked)
    assert ledger_dialogs.open_import_dialog(window.document, window, form) is True
    assert sorted(titles()) == sorted([*before, "新增的任务"])


def test_3_each_added_row_is_accepted_or_rejected_on_its_own(window, tmp_path, monkeypatch):
    from planner_gui.exchange.report_forms import export_forms

    task = next(window.document.store.load_plan().walk_tasks())
    window.document.store.edit("task", task.id, lead_unit="区发改委")
    window.reload_plan()
    (form,) = export_forms(window.document.plan, "unit", tmp_path / "forms", window.document.as_of)
    wb = openpyxl.load_workbook(form)
    ws = wb.worksheets[0]
    for title in ("要的新任务", "不要的新任务"):
        ws.cell(ws.max_row + 1, 2).value = title
        ws.cell(ws.max_row, form_column("text")).value = "已开始"
    wb.save(form)

    def tick_the_first(self):
        self._proposed[0][0].setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", tick_the_first)
    assert ledger_dialogs.open_import_dialog(window.document, window, form) is True
    titles = [t.title for t in reread(window.document.store.path).walk_tasks()]
    assert "要的新任务" in titles and "不要的新任务" not in titles
