"""A hook for benchmarks/run.py: measure start-up to a painted, populated window.

With PLANNER_GUI_BENCH_EXIT_AFTER_PAINT=1 in the environment, the window
prints one line ``PLANNER_GUI_PAINTED rows=N rss_mb=M`` on standard output
once the plan tree has been painted with rows in it (``after_show_ms``: from
the hook's installation, just around show(), to that paint), then one line
``PLANNER_GUI_READY`` once the plan's updates are read, its lights and
figures shown and the chart built (a big plan's updates are read after the
first paint: ui/plan_loading.py), then quits. Without the variable
:func:`install_bench_hook` does nothing (one environment lookup).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_EXIT_AFTER_PAINT = "PLANNER_GUI_BENCH_EXIT_AFTER_PAINT"
PAINTED = "PLANNER_GUI_PAINTED"
READY = "PLANNER_GUI_READY"


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PaintWatcher(QObject):
    """Reports the first paint of ``target`` for which ``ready()`` holds."""

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
        # after_show_ms: what happened between show() and the first paint (layout, deferred work)
        after_show = (time.perf_counter() - self._installed) * 1000
        print(f"{PAINTED} rows={self._rows()} rss_mb={peak_rss_mb():.0f} after_show_ms={after_show:.0f}",
              flush=True)
        sys.stdout.flush()
        self._then()


def install_bench_hook(window: QWidget) -> None:
    """Watch the main window's tree when the benchmark asks for it."""
    if not os.environ.get(ENV_EXIT_AFTER_PAINT):
        return
    tree = window.tree  # type: ignore[attr-defined]

    def ready() -> None:
        window.chart  # type: ignore[attr-defined]  # noqa: B018 - built by now, or now
        print(f"{READY} rss_mb={peak_rss_mb():.0f}", flush=True)
        QApplication.quit()

    def when_ready() -> None:
        if window.reading:  # type: ignore[attr-defined]
            window.plan_ready.connect(lambda: QTimer.singleShot(0, ready))  # type: ignore[attr-defined]
        else:
            QTimer.singleShot(0, ready)

    PaintWatcher(tree.viewport(), lambda: tree.model().rowCount(), when_ready)
