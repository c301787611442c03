"""Shared set-up for the main-window tests: a window on a fresh copy of the
bundled plan, with its own settings file (never the user's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer

from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore


def make_window(qtbot, path: Path, settings_path: Path):
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    QCoreApplication.setOrganizationName("planner-gui-tests")
    QCoreApplication.setApplicationName("planner-gui-tests")
    if not path.exists():
        init_file(path).close()
    settings = AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window = MainWindow(PlanStore.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def run_pending_events(qtbot, rounds: int = 3) -> None:
    """Let everything already queued run (posted events, zero-interval timers
    and what they queue in turn): each round waits for a zero timer started
    after them. For checks that something does NOT happen, instead of a fixed wait."""
    fired: list[bool] = []
    for done in range(1, rounds + 1):
        QTimer.singleShot(0, lambda: fired.append(True))
        qtbot.waitUntil(lambda n=done: len(fired) >= n, timeout=5000)


def chart_heading(window) -> str:
    """The chart's heading once the chart is built ("" before: it comes after the first paint)."""
    if not window.chart_slot.is_built:
        return ""
    return window.chart_slot.panel().heading.whole_text()


def task_by_title(window, start: str):
    """The task whose title starts with ``start`` in the window's plan."""
    for task in window.document.plan.walk_tasks():
        if task.title.startswith(start):
            return task
    raise AssertionError(f"no task starting with {start}")


def reread(path: Path):
    """The plan as another program would see it: a second connection to the file."""
    with PlanStore.open(path) as other:
        return other.load_plan()
