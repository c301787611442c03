"""Start the window: QApplication, translations, icon, which file to open.

The file is ``--db`` if given, else the last file used (QSettings), else the
user's own copy of the bundled plan in the data folder. A file that cannot be
opened is explained in a message box naming it and the reason; at start-up
the user may then pick another file, or quit (exit code 1).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner_gui import APP_NAME, ORG_NAME, __version__
from planner_gui.domain.errors import PlannerError
from planner_gui.store import PlanStore
from planner_gui.ui.i18n import install_translator
from planner_gui.ui.settings import AppSettings, Keys

translate = QCoreApplication.translate


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    # Fractional scale factors (125 %, 150 %) as the screen asks, not rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else [sys.argv[0] if sys.argv else APP_NAME])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("planner-gui")  # packaging/planner-gui.desktop
    install_translator(app)
    from planner_gui.resources_path import resource_path

    icon = resource_path("icons", "planner-gui.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _open_store(path: Path | None) -> PlanStore:
    from planner_gui.services.plan_files import open_or_create

    return open_or_create(path)


def choose_start_file(db: Path | None, settings: AppSettings) -> PlanStore | None:
    """Open the file to start with, asking for another one while it fails;
    None when the user gives up (quit)."""
    candidate: Path | None = db
    if candidate is None:
        last = settings.value(Keys.LAST_FILE)
        candidate = Path(last) if last and Path(last).exists() else None
    while True:
        try:
            return _open_store(candidate)
        except (PlannerError, sqlite3.Error, OSError) as exc:
            shown = candidate if candidate is not None else translate("Application", "your plan file")
            from planner_gui.ui.file_guard import reason_of

            box = QMessageBox(QMessageBox.Icon.Critical, translate("Application", "Cannot open plan file"),
                              translate("Application", "%s cannot be opened:\n%s") % (shown, reason_of(exc)))
            box.setTextFormat(Qt.TextFormat.PlainText)
            other = box.addButton(translate("Application", "Open Another File…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not other:
                return None
            chosen, _ = QFileDialog.getOpenFileName(
                None, translate("Application", "Open Plan File"), str(candidate.parent if candidate else Path.home()),
                translate("Application", "Plan files (*.sqlite *.db *.planner);;All files (*)"))
            if not chosen:
                return None
            candidate = Path(chosen)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "self_check", False):
        from planner_gui.ui.self_check import run_self_check

        return run_self_check(args)
    app = make_application()
    settings = AppSettings()
    store = choose_start_file(getattr(args, "db", None), settings)
    if store is None:
        return 1
    from planner_gui.ui.main_window import MainWindow

    settings.add_recent_file(store.path)
    window = MainWindow(store, settings)
    from planner_gui.ui.file_guard import install as guard_file  # lock, read-only offer, watcher

    if guard_file(window) is None:  # another window has the file and read-only was declined
        window.document.store.close()
        return 1
    from planner_gui.ui.garbage import MainThreadCollector

    collector = MainThreadCollector(app)  # Qt objects are never collected in the sync or chart threads
    window.show()
    code = app.exec()
    window.document.store.close()
    collector.stop()
    return code
