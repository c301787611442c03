"""File > Sync > Export changes… / Import changes…: packets for other copies of the plan.

The same use cases as `planner-cli sync export|import` (planner_gui.sync.copies);
this module asks (whose copy this is, for whom, which file) and shows the
preview of an import: tasks changed, updates added, fields both sides
changed, changes refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.sync import copies
from planner_gui.sync.packet import SUFFIX
from planner_gui.sync.rights import OFFICE
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.file_dialogs import choose_file_to_open

translate = QCoreApplication.translate

PACKET_FILTER = QT_TRANSLATE_NOOP("SyncDialog", "Plan sync packets (*.plansync);;All files (*)")


def _units(document: PlanDocument) -> list[str]:
    return sorted({t.lead_unit for t in document.plan.walk_tasks() if t.lead_unit})


def ensure_owner(document: PlanDocument, parent: DialogParent, answer: str | None = None) -> str | None:
    """This copy's owner; on the first sync of a copy, asked (office or a unit)."""
    known = copies.owner(document.store)
    if known is not None:
        return known
    office = translate("SyncDialog", "The supervision office")
    if answer is None:
        choices = [office, *_units(document)]
        answer, ok = QInputDialog.getItem(
            parent, translate("SyncDialog", "Whose copy is this?"),
            translate("SyncDialog", "This copy of the plan has no owner yet. It belongs to:"), choices, 0, False)
        if not ok:
            return None
    name = OFFICE if answer == office else answer
    try:
        copies.init_copy(document.store, name)
    except PlannerError as exc:
        parent.show_error(translate("SyncDialog", "Cannot name the copy"), str(exc))
        return None
    return name


def open_export_dialog(document: PlanDocument, parent: DialogParent, target: Path | None = None,
                       peer: str | None = None) -> Path | None:
    """Ask for whom and where, then write the packet; the path written, or None."""
    who = ensure_owner(document, parent)
    if who is None:
        return None
    if peer is None:
        everyone = translate("SyncDialog", "Everyone (the whole plan)")
        heard = copies.known_peers(document.store)
        choices = [everyone, *dict.fromkeys([*heard, OFFICE, *_units(document)])]
        choices = [c for c in choices if c != who]
        picked, ok = QInputDialog.getItem(parent, translate("SyncDialog", "Export changes"), translate("SyncDialog", "Changes for:"),
                                          choices, 0, False)
        if not ok:
            return None
        peer = copies.ALL if picked == everyone else picked
    if target is None:
        suggested = parent.settings.work_folder() / f"{who}-for-{peer}{SUFFIX}"  # not the hidden data folder
        chosen, _ = QFileDialog.getSaveFileName(parent, translate("SyncDialog", "Export changes"), str(suggested),
                                                translate("SyncDialog", PACKET_FILTER))
        if not chosen:
            return None
        parent.settings.remember_folder(chosen)
        target = Path(chosen)
    try:
        result = copies.export_packet(document.store, peer, target)
    except (OSError, PlannerError) as exc:
        parent.show_error(translate("SyncDialog", "Export failed"), translate("SyncDialog", "Could not write %s:\n%s") % (target, exc))
        return None
    parent.statusBar().showMessage(translate("SyncDialog", "Wrote %s (%d bytes)") % (result.path, result.size), 8000)
    return result.path


class SyncPreviewDialog(QDialog):
    """What a packet brings; Import applies it."""

    def __init__(self, report: copies.ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SyncDialog", "Import changes from %s") % report.path.name)
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        summary = translate("SyncDialog", "From %s: %d tasks changed, %d updates added, %d fields changed on both "
                      "sides, %d changes refused") % (
            report.sender, len(report.tasks_changed), report.updates_added, len(report.conflicts),
            len(report.refused))
        if not report.new:
            summary = translate("SyncDialog", "From %s: nothing new, this copy has it all") % report.sender
        self.summary = QLabel(summary)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit()  # plain text: titles and values are user text
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(self.lines(report)))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(translate("SyncDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(report.new)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def lines(report: copies.ImportReport) -> list[str]:
        out = [translate("SyncDialog", "Task changed: %s") % title for title in report.tasks_changed]
        for c in report.conflicts:
            out.append(translate("SyncDialog", "Changed on both sides: %s, %s: %r (%s) is kept, %r (%s) goes to the "
                           "history") % (c.what, c.field, c.kept, c.kept_by, c.lost, c.lost_by))
        out += [translate("SyncDialog", "Refused: %s") % line for line in report.refused]
        return out


class SyncHistoryDialog(QDialog):
    """Every value that lost to another copy's edit of the same field."""

    def __init__(self, items: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SyncDialog", "Changed on two copies at once"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.details = QPlainTextEdit()  # plain text: values are user text
        self.details.setReadOnly(True)
        lines = [translate("SyncDialog", "%s: %s %s, %s: %r (%s) is kept, %r (%s) was replaced") % (
            item["when"], item["table"], item["id"], item["field"], item["kept"], item["kept_by"],
            item["lost"], item["lost_by"]) for item in items]
        self.details.setPlainText("\n".join(lines) or translate("SyncDialog", "No field was changed on two copies at once."))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def open_history_dialog(document: PlanDocument, parent: DialogParent) -> SyncHistoryDialog:
    dialog = SyncHistoryDialog(copies.history(document.store), parent)
    dialog.exec()
    return dialog


def open_import_dialog(document: PlanDocument, parent: DialogParent, source: Path | None = None) -> bool:
    """Choose a packet, preview it, import it on Import; whether it was imported."""
    if document.read_only:
        parent.show_error(translate("SyncDialog", "Cannot import"), translate("SyncDialog", "The plan file is open read-only."))
        return False
    if ensure_owner(document, parent) is None:
        return False
    if source is None:
        source = choose_file_to_open(parent, parent.settings, translate("SyncDialog", "Import changes"), translate("SyncDialog", PACKET_FILTER))
        if source is None:
            return False
    try:
        preview = copies.import_packet(document.store, source, dry_run=True)
    except (OSError, PlannerError) as exc:
        parent.show_error(translate("SyncDialog", "Cannot import"), str(exc))
        return False
    dialog = SyncPreviewDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not preview.new:
        return False
    try:
        report = copies.import_packet(document.store, source)
    except (OSError, PlannerError) as exc:
        parent.show_error(translate("SyncDialog", "Import failed"), translate("SyncDialog", "%s\n\nThe plan file was not changed.") % exc)
        return False
    parent.reload_plan()
    parent.statusBar().showMessage(
        translate("SyncDialog", "Imported %s: %d tasks changed, %d updates added")
        % (source.name, len(report.tasks_changed), report.updates_added), 8000)
    return True
