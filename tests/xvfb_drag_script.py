"""Run by tests/test_ui_xvfb.py under Xvfb: a main window whose tree is dragged
with the real mouse (xdotool). Prints the screen positions of two area rows,
then waits until the area order in the file changes (exit 0) or times out (exit 3)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from planner_gui.store import PlanStore
from planner_gui.ui.application import make_application
from planner_gui.ui.main_window import MainWindow


def main(path: str) -> int:
    app = make_application()
    window = MainWindow(PlanStore.open(Path(path)))
    window.show()
    window.tree.collapseAll()
    original = [a.id for a in window.document.plan.areas]

    def report_rows() -> None:
        tree = window.tree
        rects = [tree.visualRect(window.model.index_for_id(area_id)) for area_id in original[:4]]
        start = tree.viewport().mapToGlobal(rects[0].center())
        # just inside the top edge of the fourth row: "drop above it", between rows three and four
        target = tree.viewport().mapToGlobal(rects[3].topLeft())
        print(f"ROWS {start.x()} {start.y()} {start.x()} {target.y() + 2}", flush=True)

    def check() -> None:
        with PlanStore.open(Path(path)) as other:
            now = [a.id for a in other.load_plan().areas]
        if now != original:
            print("ORDER " + " ".join(str(original.index(a)) for a in now), flush=True)
            app.exit(0)

    QTimer.singleShot(1500, report_rows)
    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(200)
    QTimer.singleShot(30000, lambda: app.exit(3))
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
