"""File > Export summary…: the printed summary and leaders' letters from the window.

Thin: the document is written by services.export.export_pdf (the same function as
`planner-cli export-pdf`). The dialog collects the as-of date, the scope, the
language and what to include, shows a print preview, and saves PDF or HTML
with a cancellable progress dialog. Names from the plan (areas, leaders,
units) are shown as plain combo-box text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.domain.model import Plan
    from planner_gui.reports.export import ExportRequest



class Parent(DialogParent, Protocol):
    """The window's side of the dialog: besides the dialogs' own, what its tree
    shows (the "current filter" scope) and the area selected in it.
    (Named here, not imported: this module is below main_window.py.)"""

    def visible_task_ids(self) -> list[str]: ...
    def selected_area_id(self) -> str | None: ...


SCOPES = ("plan", "area", "leader", "unit", "filter")
FILE_FILTERS = "PDF (*.pdf);;HTML (*.html)"


def scope_names(plan: Plan) -> dict[str, list[str]]:
    """The areas, leaders and units a report can be narrowed to, in plan order."""
    names: dict[str, dict[str, None]] = {"area": {}, "leader": {}, "unit": {}}
    for area in plan.areas:
        names["area"][area.name] = None
        for task in area.walk_tasks():
            if task.leader:
                names["leader"][task.leader] = None
            for unit in (task.lead_unit, *task.co_units):
                if unit:
                    names["unit"][unit] = None
    return {kind: list(values) for kind, values in names.items()}


class ExportSummaryDialog(QDialog):
    def _filter_work_items(self) -> int:
        """Work items among the filtered tasks: the count the report will print."""
        shown = set(self.filter_ids)
        return sum(1 for task in self.plan.walk_tasks() if not task.subtasks and task.id in shown)

    def __init__(self, document: PlanDocument, parent: Parent) -> None:
        super().__init__(parent)  # the window
        self.parent_ = parent
        self.plan = document.plan  # the file's plan, as the document holds it (no second read)
        self.names = scope_names(self.plan)
        self.filter_ids = list(parent.visible_task_ids())
        self.setWindowTitle(self.tr("Export summary"))
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        day = document.as_of
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.scope_kind = QComboBox(self)
        for kind, text in zip(SCOPES, (
            self.tr("Whole plan"), self.tr("An area"), self.tr("A responsible leader"),
            self.tr("A unit"), self.tr("The current filter (work items: %n)", "", self._filter_work_items()),
        ), strict=True):
            self.scope_kind.addItem(text, kind)
        self.scope_value = QComboBox(self)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.charts = QCheckBox(self.tr("Include charts"), self)
        self.charts.setChecked(True)
        self.update_texts = QCheckBox(self.tr("Include progress texts"), self)
        self.update_texts.setChecked(True)
        self.letter = QCheckBox(self.tr("Add the leader's responsibility letter"), self)
        self.letter.setChecked(True)
        self.timeline = QCheckBox(self.tr("Add a timeline page per area"), self)
        self.timeline.setObjectName("timelinePages")
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("As of"), self.as_of)
        form.addRow(self.tr("Scope"), self.scope_kind)
        form.addRow("", self.scope_value)
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = QPushButton(self.tr("Preview…"), self)
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.choose_file_and_save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.charts, self.update_texts, self.timeline, self.letter, self.note):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.scope_kind.currentIndexChanged.connect(self._scope_changed)
        self._start_scope()

    # --- scope ----------------------------------------------------------------

    def _start_scope(self) -> None:
        """Start with the whole plan: the leaders' summary is, and the tree always
        has an area selected (it selects one as soon as it has the focus), so
        starting from the selection gave "an area" nearly every time. Choosing
        "An area" then offers the selected one first."""
        self.scope_kind.setCurrentIndex(SCOPES.index("plan"))
        self._scope_changed()

    def _scope_changed(self, *_args: object) -> None:
        kind = self.scope_kind.currentData()
        self.scope_value.clear()
        self.scope_value.addItems(self.names.get(kind, []))
        if kind == "area":
            area_id = self.parent_.selected_area_id()
            area = next((a for a in self.plan.areas if a.id == area_id), None)
            if area is not None:
                self.scope_value.setCurrentIndex(self.scope_value.findText(area.name))
        self.scope_value.setVisible(kind in self.names)
        self.letter.setEnabled(kind == "leader")
        empty = kind in self.names and not self.names[kind]
        self.note.setText(self.tr("The plan names no one for this scope yet.") if empty else "")
        self.preview_button.setEnabled(not empty)
        self.save_button.setEnabled(not empty)

    def set_scope(self, kind: str, value: str = "") -> None:
        self.scope_kind.setCurrentIndex(SCOPES.index(kind))
        if value:
            index = self.scope_value.findText(value, Qt.MatchFlag.MatchExactly)
            if index < 0:
                raise ValueError(f"{value!r} is not a {kind} of the plan")
            self.scope_value.setCurrentIndex(index)

    def request(self) -> ExportRequest:
        from planner_gui.reports.export import ExportRequest

        kind = self.scope_kind.currentData()
        value = self.scope_value.currentText() if kind in self.names else None
        return ExportRequest(
            as_of=self.as_of.date().toPython(), lang=self.language.currentData(),
            area=value if kind == "area" else None, leader=value if kind == "leader" else None,
            unit=value if kind == "unit" else None,
            task_ids=tuple(self.filter_ids) if kind == "filter" else None,
            charts=self.charts.isChecked(), update_texts=self.update_texts.isChecked(),
            letter=kind == "leader" and self.letter.isChecked(), timeline=self.timeline.isChecked(),
        )

    # --- progress -------------------------------------------------------------

    def _progress_dialog(self) -> tuple[QProgressDialog, object]:
        dialog = QProgressDialog(self.tr("Preparing the summary…"), self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Export summary"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # small plans finish before it would show

        def report(fraction: float, message: str) -> bool:
            dialog.setValue(min(999, int(fraction * 1000)))
            dialog.setLabelText(message)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        return dialog, report

    # --- preview and save -----------------------------------------------------

    def preview(self) -> None:
        """Show the pages as they will print (QPrintPreviewDialog; it can print too)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from planner_gui.reports.export import report_for
        from planner_gui.reports.pdf_report import a4_layout, paint_document, running_text
        from planner_gui.reports.report_data import ReportCancelled
        from planner_gui.reports.summary_document import DocumentOptions, build_document

        request = self.request()
        progress, report = self._progress_dialog()
        try:
            data = report_for(self.plan, request, report)
            doc = build_document(data, DocumentOptions(
                charts=request.charts, update_texts=request.update_texts,
                letter=request.letter, timeline=request.timeline), report)
        except ReportCancelled:
            return
        except PlannerError as exc:
            self.parent_.show_error(self.tr("Cannot make the summary"), str(exc))
            return
        finally:
            progress.close()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setFullPage(True)
        self.preview_dialog = QPrintPreviewDialog(printer, self)
        self.preview_dialog.setWindowTitle(self.tr("Preview of the summary"))
        self.preview_dialog.paintRequested.connect(
            lambda device: paint_document(doc, device, running_text(data)))
        self.preview_dialog.exec()

    def suggested_path(self) -> Path:
        folder = self.parent_.settings.work_folder()  # never the hidden data folder
        day = self.as_of.date().toPython()
        return folder / f"{self.plan.title}_{day.isoformat()}.pdf"

    def choose_file_and_save(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save summary"),
                                                str(self.suggested_path()), FILE_FILTERS)
        if chosen:
            self.parent_.settings.remember_folder(chosen)
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> Path | None:
        """Write the summary to ``path`` (HTML for .html/.htm); None when cancelled or failed."""
        from planner_gui.reports.report_data import ReportCancelled
        from planner_gui.services import export

        path = export.summary_path(path)  # the path the messages name
        progress, report = self._progress_dialog()
        try:
            result = export.export_pdf(self.plan, self.request(), path, report)
        except ReportCancelled:
            self.parent_.statusBar().showMessage(self.tr("Export cancelled; nothing was written"), 8000)
            return None
        except (PlannerError, OSError) as exc:
            self.parent_.show_error(self.tr("Cannot save the summary"), f"{path}\n\n{exc}")
            return None
        finally:
            progress.close()
        self.parent_.statusBar().showMessage(self.tr("Saved %s") % path, 8000)
        self.accept()
        return result.path


def open_dialog(document: PlanDocument, parent: Parent) -> ExportSummaryDialog:
    """File > Export summary… (Ctrl+E)."""
    dialog = ExportSummaryDialog(document, parent)
    dialog.exec()
    return dialog


__all__ = ["ExportSummaryDialog", "open_dialog", "scope_names"]
