"""The yardstick for start-up: a bare PySide6 main window holding one
pyqtgraph plot. It prints the same PLANNER_GUI_PAINTED line as the real
window (benchmarks/bench_hooks.py) once the plot has been painted,
then quits; benchmarks/run.py times it from process start."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from bench_hooks import PaintWatcher
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    plot = pg.PlotWidget()
    plot.plot([0, 1, 2, 3, 4], [0, 20, 35, 60, 80])
    window.setCentralWidget(plot)
    window.resize(1400, 860)
    window.show()
    PaintWatcher(plot.viewport(), lambda: 1)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
