"""The file dialogs of the import commands: they open in the folder the user
last chose (else Documents, never the hidden data folder) and remember the
folder of what was chosen, in one place (issue 22)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from planner_gui.ui.settings import AppSettings


def choose_file_to_open(parent: QWidget, settings: AppSettings, title: str, file_filter: str) -> Path | None:
    """The file the user chose to open, None if they cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(settings.work_folder()), file_filter)
    if not chosen:
        return None
    settings.remember_folder(chosen)
    return Path(chosen)
