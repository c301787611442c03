"""File > Import/Export > Plan JSON: the same functions as `planner-cli import-json`
and `planner-cli export-json` (exchange/json_format), behind file dialogs.

Importing replaces the whole plan, which the undo stack cannot hold, so the
window asks first and takes a rotated backup in the data folder
(store.backups.backup_before_import, as `planner-cli import-json` does).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner_gui.domain.errors import PlannerError
from planner_gui.exchange import json_format
from planner_gui.services import import_json
from planner_gui.store import PlanStore
from planner_gui.store.ledger_apply import memory_copy
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.file_dialogs import choose_file_to_open

translate = QCoreApplication.translate


class Parent(DialogParent, Protocol):
    """The window's side of an import or export: a dialog's (settings, messages),
    and making an import one undo step that the views reload after.
    (Named here, not imported: this module is below main_window.py.)"""

    def push_import(self, before: PlanStore, text: str) -> None: ...


JSON_FILTER = QT_TRANSLATE_NOOP("JsonIO", "Plan JSON (*.json);;All files (*)")


def export_plan_json(document: PlanDocument, window: Parent, target: Path | None = None) -> Path | None:
    """Write the open plan as planner-gui JSON; returns the file written."""
    if target is None:
        suggested = str(window.settings.work_folder() / document.store.path.with_suffix(".json").name)
        chosen, _ = QFileDialog.getSaveFileName(window, translate("JsonIO", "Export Plan JSON"), suggested, translate("JsonIO", JSON_FILTER))
        if not chosen:
            return None
        window.settings.remember_folder(chosen)
        target = Path(chosen)
    try:
        json_format.write_file(document.plan, target)  # the file's plan, as the document holds it
    except (OSError, PlannerError, sqlite3.Error) as exc:
        window.show_error(translate("JsonIO", "Export failed"), translate("JsonIO", "Could not write %s:\n%s") % (target, exc))
        return None
    window.statusBar().showMessage(translate("JsonIO", "Wrote %s") % target, 5000)
    return target


def import_plan_json(document: PlanDocument, window: Parent, source: Path | None = None, *,
                     confirm: bool = True) -> bool:
    """Replace the open plan with the plan in a JSON file, after asking."""
    if source is None:
        source = choose_file_to_open(window, window.settings, translate("JsonIO", "Import Plan JSON"), translate("JsonIO", JSON_FILTER))
        if source is None:
            return False
    try:
        plan = import_json.prepare(source)
    except PlannerError as exc:
        window.show_error(translate("JsonIO", "Cannot import"), str(exc))
        return False
    tasks = sum(1 for _ in plan.walk_tasks())
    if confirm:
        box = QMessageBox(
            QMessageBox.Icon.Question, translate("JsonIO", "Replace the plan?"),
            translate("JsonIO", "Replace everything in %s with the plan “%s” from %s (%d areas, %d tasks)?\n\n"
                "Edit > Undo takes the import back; a backup of the file as it is now is also kept "
                "(File > Restore from backup).") % (document.store.path.name, plan.title, source.name, len(plan.areas), tasks),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
    store = document.store
    try:
        before = memory_copy(store)  # for Edit ▸ Undo: the import is one undo step
        import_json.apply(store, plan)  # backs up first: File > Restore from backup finds it
    except (OSError, PlannerError, sqlite3.Error) as exc:
        window.show_error(translate("JsonIO", "Import failed"), translate("JsonIO", "%s was not changed:\n%s") % (store.path, exc))
        return False
    window.push_import(before, translate("JsonIO", "Import %s") % source.name)
    window.statusBar().showMessage(translate("JsonIO", "Imported %s") % source, 5000)
    return True
