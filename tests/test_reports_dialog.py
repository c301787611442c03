"""File > Export summary… in the window: scope choices, preview, save, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from planner_gui.store import PlanStore
from planner_gui.ui.dialogs import export_summary
from reports_helpers import AS_OF, needs_poppler, pdf_text, prepare_bundled
from ui_window_helpers import make_window


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "plan.sqlite"
    from planner_gui.services.plan_files import init_file

    with init_file(path) as store:
        ids = prepare_bundled(store)
    win = make_window(qtbot, path, tmp_path / "settings.ini")
    win.document.set_as_of(AS_OF)
    win.ids = ids
    return win


@pytest.fixture
def dialog(window, qtbot):
    dlg = export_summary.ExportSummaryDialog(window.document, window)
    qtbot.addWidget(dlg)
    return dlg


def test_menu_function_opens_the_dialog(window, monkeypatch):
    shown = []
    monkeypatch.setattr(export_summary.ExportSummaryDialog, "exec",
                        lambda self: shown.append(self) or QDialog.DialogCode.Rejected)
    dlg = export_summary.open_dialog(window.document, window)
    assert shown == [dlg]
    assert dlg.as_of.date().toPython() == AS_OF


def test_scope_choices_come_from_the_plan(dialog, window):
    with PlanStore.open(window.document.store.path) as store:
        plan = store.load_plan()
    assert dialog.names["area"] == [a.name for a in plan.areas]
    assert set(dialog.names["leader"]) == {"李明", "王建国"}
    dialog.set_scope("leader", "李明")
    request = dialog.request()
    assert request.leader == "李明" and request.area is None and request.letter
    dialog.set_scope("filter")
    assert dialog.request().task_ids == tuple(window.visible_task_ids())
    assert not dialog.letter.isEnabled()


@needs_poppler
def test_save_a_leaders_pdf(dialog, window, tmp_path):
    leader = window.ids["museum_leader"]
    dialog.set_scope("leader", leader)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    out = dialog.save_to(tmp_path / "leader.pdf")
    assert out == tmp_path / "leader.pdf" and out.exists()
    text = "".join(pdf_text(out).split())
    assert f"责任领导：{leader}" in text and "目标责任书" in text
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_save_html_in_english(dialog, tmp_path):
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.charts.setChecked(False)
    out = dialog.save_to(tmp_path / "summary.html")
    html = out.read_text("utf-8")
    assert "Progress summary" in html and "<svg" not in html


def test_cancel_writes_nothing(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QProgressDialog.wasCanceled", lambda self: True)
    assert dialog.save_to(tmp_path / "cancelled.pdf") is None
    assert not list(tmp_path.glob("cancelled*"))


def test_preview_paints_the_pages(dialog, tmp_path, monkeypatch):
    """The preview asks for pages on a printer; here the printer writes a PDF to check."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    target = tmp_path / "preview.pdf"

    def fake_exec(self):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        self.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    dialog.preview()
    assert target.stat().st_size > 10_000
    assert "丰台区2024年度重点工作任务" in pdf_text(target)
