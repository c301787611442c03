"""`planner-gui --self-check`: prove an installed copy or a bundle works, headless.

It opens a plan (the file given with --db, read-only, else a fresh copy of
the bundled plan in a temporary folder), builds the main window offscreen,
checks the Chinese catalogue loads, and exports the PDF summary (services/export.py). It prints
``self-check ok <pdf path>`` and returns 0, or prints what failed and
returns 1. Nothing in the user's data folder or settings is touched: the
self-check never opens the user's own plan unless asked to, and then only
read-only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from pathlib import Path

from planner_gui.domain.errors import PlannerError

MINIMUM_PDF_BYTES = 1000


class SelfCheckFailed(Exception):
    """One step of the self-check did not work; the message says which."""


def run_self_check(args: argparse.Namespace) -> int:
    # Must happen before the QApplication exists: a bundle on a machine with
    # no display (CI, a server) has no other platform plugin that works.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from planner_gui.ui.application import make_application

    # The same start-up as the window: translations, icon, names.
    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="planner-gui-self-check-"))
    try:
        pdf = _check(app, getattr(args, "db", None), folder)
    except (SelfCheckFailed, PlannerError) as exc:
        print(f"self-check failed: {exc}")
        return 1
    except Exception as exc:  # noqa: BLE001  (a bundle must report, not crash)
        print(f"self-check failed: {type(exc).__name__}: {exc}")
        traceback.print_exc(file=sys.stderr)
        return 1
    print(f"self-check ok {pdf}")
    return 0


def _check(app, db: Path | None, folder: Path) -> Path:
    _check_resources()
    from planner_gui.ui.i18n import install_translator

    # The language the window would use here (settings, else system locale).
    print(f"language: {install_translator(app)}")
    store = _open_plan(db, folder)
    try:
        plan = store.load_plan()
        if not plan.areas:
            raise SelfCheckFailed(f"{store.path}: the plan has no areas")
        _check_window(app, store, folder)
        pdf = _export_pdf(store, folder)
    finally:
        store.close()
    if not pdf.exists() or pdf.stat().st_size < MINIMUM_PDF_BYTES:
        raise SelfCheckFailed(f"{pdf}: the PDF was not written")
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise SelfCheckFailed(f"{pdf}: not a PDF file")
    return pdf


def _check_resources() -> None:
    """The shipped files a bundle most easily loses: plan, icon, Chinese catalogue."""
    from PySide6.QtCore import QTranslator

    from planner_gui.resources_path import bundled_plan_path, resource_path
    from planner_gui.ui.i18n import catalogue_path

    for path in (bundled_plan_path(), resource_path("icons", "planner-gui.svg")):
        if not path.is_file():
            raise SelfCheckFailed(f"{path}: missing from the installation")
    translator = QTranslator()
    if not translator.load(str(catalogue_path())):
        raise SelfCheckFailed(f"{catalogue_path()}: the Chinese translation cannot be loaded")
    if translator.translate("LanguageMenu", "Follow the system") != "跟随系统":
        raise SelfCheckFailed(f"{catalogue_path()}: the Chinese translation is empty or stale")


def _open_plan(db: Path | None, folder: Path):
    from planner_gui.services.plan_files import init_file
    from planner_gui.store import PlanStore

    if db is not None:
        return PlanStore.open(Path(db), read_only=True)
    return init_file(folder / "self-check.sqlite")


def _check_window(app, store, folder: Path) -> None:
    from PySide6.QtCore import QSettings

    from planner_gui.ui.chart import ChartPanel
    from planner_gui.ui.editor.detail_panel import DetailPanel
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    # Settings in the temporary folder: the self-check must not change the
    # user's window layout or recent files.
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings=settings)
    try:
        for name, panel, kind in (("chart", getattr(window, "chart", None), ChartPanel),
                                  ("detail panel", getattr(window, "detail", None), DetailPanel)):
            if not isinstance(panel, kind):
                raise SelfCheckFailed(f"the main window has no {name}")
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        if not window.visible_task_ids():
            raise SelfCheckFailed("the main window shows no tasks")
        if window.grab().isNull():
            raise SelfCheckFailed("the main window cannot be drawn")
        titles = [action.text() for action in window.menuBar().actions()]
        print("menus: " + " | ".join(titles))
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def _export_pdf(store, folder: Path) -> Path:
    """The PDF summary, made by the same function as File > Export summary."""
    from planner_gui.reports.export import ExportRequest
    from planner_gui.services import export
    from planner_gui.ui.i18n import document_language

    target = folder / "summary.pdf"
    lang = document_language()
    plan = store.load_plan()
    result = export.export_pdf(plan, ExportRequest(lang=lang), target)
    if result.pages < 1:
        raise SelfCheckFailed(f"{target}: the summary has no pages")
    return result.path
