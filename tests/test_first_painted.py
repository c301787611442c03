"""Benchmark code stays out of the program (issue 21): the window only tells
when it was first painted (``MainWindow.first_painted``), and benchmarks/
connects to that."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore
from ui_window_helpers import run_pending_events

SRC = Path(__file__).resolve().parents[1] / "src" / "planner_gui"


def test_the_program_carries_no_benchmark_hooks():
    files = sorted(SRC.rglob("*.py"))
    assert files
    assert not [path for path in files if path.stem == "bench_hooks"]
    mentions = [path.relative_to(SRC).as_posix() for path in files
                for word in ("bench_hooks", "PLANNER_GUI_BENCH", "PLANNER_GUI_PAINTED")
                if word in path.read_text(encoding="utf-8")]
    assert not mentions, mentions


def test_first_painted_is_emitted_once_when_the_window_is_first_painted(qtbot, tmp_path):
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    QCoreApplication.setOrganizationName("planner-gui-tests")
    QCoreApplication.setApplicationName("planner-gui-tests")
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(PlanStore.open(path), settings)
    qtbot.addWidget(window)
    emitted: list[int] = []
    window.first_painted.connect(lambda: emitted.append(window.tree.model().rowCount()))
    run_pending_events(qtbot)
    assert emitted == []  # not painted before it is shown

    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    assert emitted and emitted[0] > 0  # the tree had the plan's rows in it when painted

    window.tree.viewport().repaint()
    window.resize(window.width() + 40, window.height())
    window.tree.viewport().repaint()
    run_pending_events(qtbot)
    assert len(emitted) == 1
    window.document.store.close()
