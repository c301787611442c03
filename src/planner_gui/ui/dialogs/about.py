"""Help > About: the program's name, version and purpose, as plain text."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner_gui import __version__

translate = QCoreApplication.translate


def about_text() -> str:
    return "\n".join([
        translate("About", "planner-gui %s") % __version__,
        "",
        translate("About", "Follow a year's key-task plan offline: lights, progress, summaries and ledgers."),
        "",
        translate("About", "Python %s, PySide6 %s") % (platform.python_version(), pyside_version),
    ])


def show_about(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("About", "About planner-gui"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setIcon(QMessageBox.Icon.Information)
    box.open()
    return box
