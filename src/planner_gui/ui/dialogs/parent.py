"""What a dialog needs from the window besides the open plan.

Each dialog's entry point takes ``(document, parent)``: the open plan
(ui/document.py) and the window's side, a :class:`DialogParent`. The window is
also the dialogs' parent widget. A dialog that needs more (the window's
selection, its undo runner, a slot it keeps) names it in a Protocol of its
own built on this one. (Named here, not imported: the dialogs are below
main_window.py.)
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QStatusBar

from planner_gui.ui.settings import AppSettings


class DialogParent(Protocol):
    """The window's side of a dialog: its settings (the folders files are
    chosen in), its error box, its status bar, and re-reading the plan after
    the file was changed as a whole (a restore, a sync import)."""

    settings: AppSettings

    def show_error(self, title: str, text: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def reload_plan(self) -> None: ...
