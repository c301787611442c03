"""The cyclic garbage collector, run in the window's own thread only.

Python's collector runs in whichever thread happens to allocate when a
generation's threshold is passed. The window keeps Qt objects in reference
cycles (widgets and their Python wrappers, lambdas connected to signals); a
collection that starts in the live-sync thread (sync/live.py) or the chart's
roll-up thread (ui/chart_series.py) destroys them in that thread, and a Qt
object destroyed outside its own thread can crash the program (the test suite
met it as a segmentation fault in sqlite, in a sync server's thread, after
earlier tests had left windows behind as garbage). So while the window runs,
the automatic collector is off, and a timer in the window's thread runs the
same generational collections. Reference counting frees everything else at
once, as always.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """Run the collection the automatic collector would have run by now
    (the oldest generation whose count passed its threshold); how many
    unreachable objects it found."""
    young, middle, old = gc.get_count()
    if young <= thresholds[0]:
        return 0
    generation = 2 if middle > thresholds[1] and old > thresholds[2] else 1 if middle > thresholds[1] else 0
    return gc.collect(generation)


class MainThreadCollector(QObject):
    """While it lives, cyclic garbage is collected in the thread it was made in."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds: tuple[int, int, int] = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        return collect_due(self.thresholds)

    def stop(self) -> None:
        """The automatic collector as it was before (and one last collection here)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
