"""`planner-gui` as benchmarks/run.py starts it: the real program (same
arguments, same start-up), whose main window prints PLANNER_GUI_PAINTED when
its plan tree is first painted and PLANNER_GUI_READY when its figures and
chart are shown, then quits (bench_hooks.py)."""

from __future__ import annotations

import sys

from bench_hooks import watch_main_window

from planner_gui.app import main
from planner_gui.ui.main_window import MainWindow

_show = MainWindow.show


def _show_watched(window: MainWindow) -> None:
    """MainWindow.show, watched from just before it (the benchmark's only way in)."""
    watch_main_window(window)
    _show(window)


if __name__ == "__main__":
    MainWindow.show = _show_watched  # type: ignore[method-assign]
    sys.exit(main())
