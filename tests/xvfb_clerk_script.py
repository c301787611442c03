"""Run by tests/test_ui_xvfb_clerk.py under Xvfb at 1366×768: a first start
(no saved layout) on the bundled plan, driven with real keys and clicks
(xdotool). Prints the window's and the screen's geometry and where the
selected task's Due field is, then waits until the file holds what the clerk
typed: tolerance 15 from Plan ▸ Settings and due 2024-09-30 typed as
2024/9/30 (exit 0), or times out (exit 3)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from planner_gui.store import PlanStore
from planner_gui.ui.application import make_application
from planner_gui.ui.main_window import MainWindow
from planner_gui.ui.settings import AppSettings

TITLE = "学前教育公办率提升至50%"


def main(path: str, settings_path: str) -> int:
    app = make_application()
    settings = AppSettings(QSettings(settings_path, QSettings.Format.IniFormat))
    window = MainWindow(PlanStore.open(Path(path)), settings)
    task = next(t for t in window.document.plan.walk_tasks() if t.title == TITLE)
    window.show()
    window.select_item(task.id)

    def report() -> None:
        frame, free = window.frameGeometry(), window.screen().availableGeometry()
        due = window.detail.task_page.widgets["due"]
        centre = due.mapToGlobal(due.rect().center())
        print(f"WINDOW {frame.x()} {frame.y()} {frame.width()} {frame.height()}", flush=True)
        print(f"SCREEN {free.x()} {free.y()} {free.width()} {free.height()}", flush=True)
        print(f"DUE {centre.x()} {centre.y()} visible={int(due.isVisible())}", flush=True)

    def check() -> None:
        with PlanStore.open(Path(path)) as other:
            tolerance = other.plan_info().settings.behind_tolerance
            due = other.get_task(task.id).due
        if tolerance == 15 and due == date(2024, 9, 30):
            print("DONE", flush=True)
            app.exit(0)

    QTimer.singleShot(1000, report)  # once the first paint and the chart are done
    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(200)
    def give_up() -> None:
        due = window.detail.task_page.widgets["due"]
        with PlanStore.open(Path(path)) as other:
            print(f"TIMED OUT: tolerance {other.plan_info().settings.behind_tolerance}, due "
                  f"{other.get_task(task.id).due}, the field shows {due.text()!r}", flush=True)
        app.exit(3)

    QTimer.singleShot(30000, give_up)
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
