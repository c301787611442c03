"""File > Export ledger…, File > Import > Ledger (Excel/CSV)…, File > Export report forms….

Thin: the work is done by the same functions as ``planner-cli export-xlsx``,
``planner-cli import-xlsx`` and ``planner-cli export-forms`` (services/export.py,
services/import_ledger.py). The import first shows a preview of every addition,
change, conflict and problem, and writes only when the user presses Apply.
All user text is shown as plain text (QStandardItem, PlainText labels).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.ui.busy import busy
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.file_dialogs import choose_file_to_open
from planner_gui.ui.palette import text_colour_for

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.exchange.ledger_import import ImportPreview
    from planner_gui.store import PlanStore

LEDGER_FILTER = QT_TRANSLATE_NOOP("LedgerDialogs", "Excel workbook (*.xlsx);;All files (*)")
IMPORT_FILTER = QT_TRANSLATE_NOOP("LedgerDialogs", "Ledgers (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)")
PLAN_FILTER = QT_TRANSLATE_NOOP("LedgerDialogs", "Plan files (*.sqlite *.db *.planner);;All files (*)")


class Parent(DialogParent, Protocol):
    """The window's side of the ledger dialogs: besides the dialogs' own, making an
    import one undo step, and opening the plan a new-from-ledger made.
    (Named here, not imported: this module is below main_window.py.)"""

    def push_import(self, before: PlanStore, text: str) -> None: ...
    def open_file(self, path: Path | str) -> bool: ...


def _status(parent: Parent, text: str) -> None:
    parent.statusBar().showMessage(text, 8000)


# --- export ----------------------------------------------------------------


def open_export_dialog(document: PlanDocument, parent: Parent, target: Path | None = None) -> Path | None:
    """Ask where to save, then write the ledger as of the toolbar's date."""
    from planner_gui.services import export

    # The document's plan is the file's (kept in step with every change): reading
    # it again took 1.2 s and a second copy in memory at 10,000 tasks.
    plan = document.plan
    if target is None:
        name = re.sub(r'[\\/:*?"<>|]+', "_", plan.title).strip() or "ledger"
        suggested = str(parent.settings.work_folder() / f"{name}台账.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(parent, translate("LedgerDialogs", "Export ledger"), suggested, translate("LedgerDialogs", LEDGER_FILTER))
        if not chosen:
            return None
        parent.settings.remember_folder(chosen)
        target = Path(chosen)
    try:
        with busy(parent, translate("LedgerDialogs", "Writing %s…") % target.name):
            export.export_ledger(plan, target, document.as_of)
    except (OSError, PlannerError) as exc:
        parent.show_error(translate("LedgerDialogs", "Export failed"), translate("LedgerDialogs", "Could not write %s:\n%s") % (target, exc))
        return None
    _status(parent, translate("LedgerDialogs", "Wrote %s") % target)
    return target


def _no_forms(parent: Parent) -> None:
    parent.show_error(translate("LedgerDialogs", "No forms written"),
                      translate("LedgerDialogs", "No task has a lead unit or leader filled in, so there is nobody to send a form to."))


def open_export_forms_dialog(document: PlanDocument, parent: Parent, folder: Path | None = None, by: str | None = None) -> list[Path]:
    """Ask per unit or per leader and a folder, then write one report form each."""
    from planner_gui.services import export

    if export.no_forms_reason(document.plan):
        _no_forms(parent)  # said before anything is asked or written
        return []
    if by is None:
        choices = [translate("LedgerDialogs", "One form per lead unit"), translate("LedgerDialogs", "One form per leader")]
        picked, ok = QInputDialog.getItem(parent, translate("LedgerDialogs", "Export report forms"), translate("LedgerDialogs", "Make:"), choices, 0, False)
        if not ok:
            return []
        by = "unit" if picked == choices[0] else "leader"
    if export.no_forms_reason(document.plan, by):
        _no_forms(parent)
        return []
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(parent, translate("LedgerDialogs", "Folder for the report forms"),
                                                  str(parent.settings.work_folder()))
        if not chosen:
            return []
        parent.settings.remember_folder(chosen)
        folder = Path(chosen)
    try:
        with busy(parent, translate("LedgerDialogs", "Writing the report forms…")):
            written = export.export_forms(document.plan, by, folder, document.as_of)
    except (OSError, PlannerError) as exc:
        parent.show_error(translate("LedgerDialogs", "Export failed"), translate("LedgerDialogs", "Could not write the forms:\n%s") % exc)
        return []
    _status(parent, translate("LedgerDialogs", "Wrote %d report forms to %s") % (len(written), folder))
    return written


# --- import ----------------------------------------------------------------


class ImportPreviewDialog(QDialog):
    """What an import would add and change, every conflict and problem; Apply writes it."""

    def _summary_line(self, preview: ImportPreview) -> str:
        if preview.new_file or preview.replaces_empty:
            return preview.describe()[0]
        counts = preview.changes.counts()
        # only what there is, in the singular for one (it said "1 new updates" and "0 conflicts")
        said = [one if counts[key] == 1 else many % counts[key] for key, one, many in (
            ("new_areas", self.tr("1 new area"), self.tr("%d new areas")),
            ("new_tasks", self.tr("1 new task"), self.tr("%d new tasks")),
            ("changed_fields", self.tr("1 changed field"), self.tr("%d changed fields")),
            ("new_updates", self.tr("1 new update"), self.tr("%d new updates")),
            ("conflicts", self.tr("1 conflict"), self.tr("%d conflicts")),
            ("problems", self.tr("1 problem"), self.tr("%d problems")),
        ) if counts[key]]
        return self.tr("%s: %s") % (preview.file.name, self.tr(", ").join(said) or self.tr("nothing to change"))

    def __init__(self, preview: ImportPreview, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %s") % preview.file.name)
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary_line(preview))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        headers = [self.tr("What"), self.tr("Where"), self.tr("Task"), self.tr("Details")]
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        warn = {self.tr("Conflict (not applied)"): QColor("#fde7c7"), self.tr("Problem"): QColor("#fbd5d5")}
        proposed_kind = self.tr("New row (not added unless accepted)")
        self._proposed: list[tuple[QStandardItem, str]] = []  # the check box of each, and its place
        for kind, where, task, detail in self._rows(preview):
            items = [QStandardItem(kind), QStandardItem(where), QStandardItem(task), QStandardItem(detail)]
            if kind == proposed_kind:  # the office accepts or rejects each row the department added
                items[0].setCheckable(True)
                items[0].setCheckState(Qt.CheckState.Unchecked)
                self._proposed.append((items[0], where))
            if kind in warn:
                for item in items:
                    item.setBackground(warn[kind])
                    # Dark text on the light warning colour, also on a dark palette.
                    item.setForeground(text_colour_for(warn[kind]))
            self.model.appendRow(items)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        proposed = len(preview.changes.proposed_tasks)
        self.accept_rows = QCheckBox(self.tr("Add the %d rows the department added as new tasks") % proposed, self)
        self.accept_rows.setVisible(proposed > 0)
        self.accept_rows.toggled.connect(self._check_all)
        layout.addWidget(self.accept_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        nothing = (preview.changes.is_empty() and not preview.new_file and not preview.replaces_empty
                   and not proposed)
        self.apply_button.setEnabled(not nothing and not read_only)
        if nothing:
            self.apply_button.setToolTip(self.tr("The plan already holds everything in this file."))
        elif read_only:
            self.apply_button.setToolTip(self.tr("The plan is open read-only."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item, _ in self._proposed:
            item.setCheckState(state)

    def accepted_rows(self) -> list[str]:
        """The places of the added rows the office ticked."""
        return [where for item, where in self._proposed if item.checkState() == Qt.CheckState.Checked]

    def _rows(self, preview: ImportPreview) -> list[tuple[str, str, str, str]]:
        c = preview.changes
        rows: list[tuple[str, str, str, str]] = []
        for area in c.new_areas:
            rows.append((self.tr("New area"), "", area.name,
                         self.tr("%d tasks") % sum(1 for _ in area.walk_tasks())))
            for task in area.walk_tasks():
                rows.append((self.tr("New task"), "", task.title, task.lead_unit))
        for new in c.new_tasks:
            for task in new.task.walk():
                rows.append((self.tr("New task"), new.where, task.title, task.lead_unit))
        for change in c.field_changes:
            rows.append((self.tr("Change"), change.where, change.title,
                         f"{change.field}: {change.old} → {change.new}"))
        for item in c.new_updates:
            u = item.update
            figure = "" if u.progress is None else f"{u.progress:g}%  "
            rows.append((self.tr("New update"), item.where, item.title,
                         f"{u.date.isoformat()}  {figure}{u.text}"))
        for new in c.proposed_tasks:
            rows.append((self.tr("New row (not added unless accepted)"), new.where, new.task.title,
                         new.task.lead_unit or new.task.leader))
        for conflict in c.conflicts:
            rows.append((self.tr("Conflict (not applied)"), conflict.where, conflict.title,
                         self.tr("%s: file %s, plan %s, exported %s")
                         % (conflict.field, conflict.file, conflict.database, conflict.exported)))
        for problem in c.problems:
            where = problem.sheet if problem.row is None else f"{problem.sheet} row {problem.row}"
            detail = f"{problem.column}: {problem.message}" if problem.column else problem.message
            rows.append((self.tr("Problem"), where, "", detail))
        for note in c.notes:
            rows.append((self.tr("Note"), "", "", note))
        return rows

    def row_texts(self) -> list[list[str]]:
        """The table's text, for tests and accessibility checks."""
        return [[self.model.item(r, c).text() for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]


def open_import_dialog(document: PlanDocument, parent: Parent, source: Path | None = None) -> bool:
    """Choose a ledger/CSV/report form, preview the import, and apply it on request."""
    from planner_gui.services import import_ledger
    from planner_gui.store.ledger_apply import memory_copy

    if source is None:
        source = choose_file_to_open(parent, parent.settings, translate("LedgerDialogs", "Import ledger"), translate("LedgerDialogs", IMPORT_FILTER))
        if source is None:
            return False
    try:
        preview = import_ledger.prepare(source, document.store, today=date.today())
    except (PlannerError, OSError, sqlite3.Error) as exc:
        parent.show_error(translate("LedgerDialogs", "Cannot import"), str(exc))
        return False
    version = document.store.data_version()
    dialog = ImportPreviewDialog(preview, document.read_only, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    accepted = dialog.accepted_rows()
    if accepted:
        try:
            preview = import_ledger.prepare(source, document.store, today=date.today(), accept_new_rows=set(accepted))
        except (PlannerError, OSError, sqlite3.Error) as exc:
            parent.show_error(translate("LedgerDialogs", "Cannot import"), str(exc))
            return False
    if document.store.data_version() != version:
        # another program wrote to the plan while the preview was open: what it showed may be stale
        parent.show_error(translate("LedgerDialogs", "The plan changed"),
                          translate("LedgerDialogs", "Another program changed the plan while the preview was open. "
                              "Nothing was imported; import the file again to see an up-to-date preview."))
        return False
    try:
        # the file as it is now, for Edit ▸ Undo (the import is one undo step)
        before = memory_copy(document.store)
        message = import_ledger.apply(document.store.path, document.store, preview)
    except (PlannerError, OSError, sqlite3.Error) as exc:
        parent.show_error(translate("LedgerDialogs", "Import failed"), translate("LedgerDialogs", "Nothing was changed.\n%s") % exc)
        return False
    if preview.replaces_empty or not preview.changes.is_empty():
        parent.push_import(before, translate("LedgerDialogs", "Import %s") % source.name)
    else:
        before.close()
        parent.reload_plan()
    _status(parent, message)
    return True


def open_new_from_ledger_dialog(document: PlanDocument, parent: Parent, source: Path | None = None,
                                target: Path | None = None) -> Path | None:
    """File ▸ New from Ledger…: a new plan file made from a ledger (ours, another office's, an
    old .xls), shown in the import preview first; then the window opens it."""
    from planner_gui.services import import_ledger

    if source is None:
        source = choose_file_to_open(parent, parent.settings, translate("LedgerDialogs", "New plan from a ledger"), translate("LedgerDialogs", IMPORT_FILTER))
        if source is None:
            return None
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, translate("LedgerDialogs", "New Plan File"), str(source.with_suffix(".sqlite")),
                                                translate("LedgerDialogs", PLAN_FILTER))
        if not chosen:
            return None
        target = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".sqlite")
    if target.exists() and target.stat().st_size > 0:  # a plan file is never replaced
        parent.show_error(translate("LedgerDialogs", "Cannot create file"),
                          translate("LedgerDialogs", "%s already exists; choose another file name.") % target)
        return None
    try:
        with busy(parent, translate("LedgerDialogs", "Reading %s…") % source.name):
            preview = import_ledger.prepare(source, None, today=date.today())
    except (PlannerError, OSError, sqlite3.Error) as exc:
        parent.show_error(translate("LedgerDialogs", "Cannot import"), str(exc))
        return None
    dialog = ImportPreviewDialog(preview, False, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        message = import_ledger.apply(target, None, preview)
    except (PlannerError, OSError, sqlite3.Error) as exc:
        parent.show_error(translate("LedgerDialogs", "Import failed"), translate("LedgerDialogs", "Nothing was changed.\n%s") % exc)
        return None
    parent.open_file(target)
    _status(parent, message)
    return target
