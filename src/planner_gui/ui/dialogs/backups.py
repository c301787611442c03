"""File > Restore from backup…, File > Back up now, Tools > Check file.

The same functions as `planner-cli restore`, `planner-cli backup` and `planner-cli
check` (services/backups.py); this module only asks and tells.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.services import backups
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument

translate = QCoreApplication.translate

PATH_ROLE = Qt.ItemDataRole.UserRole


def _tell(parent: QWidget, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def reason_words(reason: str) -> str:
    """The backup's reason as a person would say it (the file name keeps the short key)."""
    words = {
        "daily": translate("BackupsDialog", "daily backup"),
        backups.BEFORE_IMPORT: translate("BackupsDialog", "before an import"),
        "before-restore": translate("BackupsDialog", "before a restore"),
        "manual": translate("BackupsDialog", "backed up by hand"),
    }
    if reason.startswith("before-migration"):
        return translate("BackupsDialog", "before the file format was upgraded")
    return words.get(reason, reason)


def describe(backup: backups.Backup) -> str:
    return f"{backup.taken:%Y-%m-%d %H:%M}    {reason_words(backup.reason)}    ({backup.size / 1_000_000:.1f} MB)"


class RestoreDialog(QDialog):
    """The plan file's backups, newest first; Restore puts the chosen one back."""

    def __init__(self, document: PlanDocument, parent: DialogParent) -> None:
        super().__init__(parent)  # the window
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(560, 380)
        plan_path: Path = document.store.path
        intro = QLabel(self.tr("Backups of %1\n(the current content is backed up before a restore)")
                       .replace("%1", str(plan_path)))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for backup in backups.list_backups(plan_path):
            item = QListWidgetItem(describe(backup))
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty = QLabel(self.tr("No backups yet. One is taken every day the file is opened, "
                                    "and before every import."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(self.list.count() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(self.list.count() > 0)
        self.other_button = QPushButton(self.tr("Other File…"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.clicked.connect(self._choose_other)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, self.empty, buttons):
            layout.addWidget(widget)
        self.chosen: Path | None = None

    def _choose_other(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from File"), "", self.tr("Plan files (*.sqlite *.db *.bak);;All files (*)"))
        if chosen:
            self.chosen = Path(chosen)
            self.accept()

    def selected_path(self) -> Path | None:
        if self.chosen is not None:
            return self.chosen
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None


def restore_from(document: PlanDocument, parent: DialogParent, backup_path: Path) -> bool:
    """Restore without asking (the dialog has asked); tells the outcome."""
    if document.read_only:
        parent.show_error(translate("BackupsDialog", "Cannot restore"), translate("BackupsDialog", "%1 is open read-only; nothing was changed.")
                          .replace("%1", str(document.store.path)))
        return False
    try:
        restored = backups.restore(document.store, backup_path)
    except (PlannerError, sqlite3.Error, OSError) as exc:
        parent.show_error(translate("BackupsDialog", "Cannot restore"), translate("BackupsDialog", "%1\n\n%2\n\nThe plan file was not changed.")
                          .replace("%1", str(backup_path)).replace("%2", str(exc)))
        return False
    parent.reload_plan()
    _tell(parent, translate("BackupsDialog", "Restored"), translate("BackupsDialog", "Restored %1.\n\nThe content before the restore is saved in\n%2")
          .replace("%1", str(backup_path)).replace("%2", str(restored.safety)))
    return True


def open_restore_dialog(document: PlanDocument, parent: DialogParent) -> None:
    dialog = RestoreDialog(document, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = dialog.selected_path()
    if chosen is None:
        return
    if _confirm(parent, translate("BackupsDialog", "Restore from Backup"),
                translate("BackupsDialog", "Replace the whole content of\n%1\nwith the backup\n%2?\n\n"
                    "The current content is backed up first, so this can be undone by restoring "
                    "that backup.").replace("%1", str(document.store.path)).replace("%2", str(chosen))):
        restore_from(document, parent, chosen)


def back_up_now(document: PlanDocument, parent: DialogParent) -> None:
    try:
        backup = backups.back_up(document.store)
    except (PlannerError, sqlite3.Error, OSError) as exc:
        parent.show_error(translate("BackupsDialog", "Cannot back up"), str(exc))
        return
    _tell(parent, translate("BackupsDialog", "Backed up"), translate("BackupsDialog", "The plan is backed up to\n%1").replace("%1", str(backup)))


def open_check_dialog(document: PlanDocument, parent: DialogParent) -> None:
    """The full check (integrity_check and references), read-only."""
    try:
        problems = backups.check(document.store.path, full=True)
    except (PlannerError, sqlite3.Error, OSError) as exc:
        problems = [str(exc)]
    if not problems:
        _tell(parent, translate("BackupsDialog", "Check file"), translate("BackupsDialog", "%1\n\nThe file is sound: every page, index and "
                                             "reference checked.").replace("%1", str(document.store.path)))
        return
    listed = "\n".join(problems[:10]) + ("\n…" if len(problems) > 10 else "")
    _tell(parent, translate("BackupsDialog", "Check file"),
          translate("BackupsDialog", "%1\n\nThe file is damaged:\n%2\n\nRestore a backup (File, Restore from Backup).")
          .replace("%1", str(document.store.path)).replace("%2", listed), QMessageBox.Icon.Warning)
