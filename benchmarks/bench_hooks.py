"""What benchmarks/run.py reads from a window it starts: start-up to a painted, populated window.

A watched window prints one line ``PLANNER_GUI_PAINTED rows=N rss_mb=M
after_show_ms=S`` on standard output once its plan tree has been painted
(``after_show_ms``: from show() to that paint), then, for the main window,
one line ``PLANNER_GUI_READY`` once the plan's updates are read, its lights
and figures shown and the chart built (a big plan's updates are read after
the first paint: ui/plan_loading.py), then quits. The product only tells
when it was first painted (``MainWindow.first_painted``); the watching
lives here, so that nothing of it is imported when a user starts the program.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PAINTED = "PLANNER_GUI_PAINTED"
READY = "PLANNER_GUI_READY"


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report_painted(rows: int, shown_at: float) -> None:
    # after_show_ms: what happened between show() and the first paint (layout, deferred work)
    after_show = (time.perf_counter() - shown_at) * 1000
    print(f"{PAINTED} rows={rows} rss_mb={peak_rss_mb():.0f} after_show_ms={after_show:.0f}", flush=True)
    sys.stdout.flush()


class PaintWatcher(QObject):
    """Reports the first paint of ``target`` for which ``rows()`` is above 0 (the bare window)."""

    def __init__(self, target: QWidget, rows: Callable[[], int],
                 then: Callable[[], None] = QApplication.quit) -> None:
        super().__init__(target)
        self._rows = rows
        self._then = then
        self._done = False
        self._installed = time.perf_counter()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._done and event.type() == QEvent.Type.Paint and self._rows() > 0:
            self._done = True
            # after this paint event has been delivered, not before
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        report_painted(self._rows(), self._installed)
        self._then()


def watch_main_window(window) -> None:
    """Report the main window's first paint (its ``first_painted``), then its readiness, then quit.
    Called just before the window is shown."""
    shown_at = time.perf_counter()

    def ready() -> None:
        window.chart  # noqa: B018 - built by now, or now
        print(f"{READY} rss_mb={peak_rss_mb():.0f}", flush=True)
        QApplication.quit()

    def painted() -> None:
        report_painted(window.tree.model().rowCount(), shown_at)
        if window.document.reading:
            window.plan_ready.connect(lambda: QTimer.singleShot(0, ready))
        else:
            QTimer.singleShot(0, ready)

    window.first_painted.connect(painted)
