"""Cyclic garbage is collected in the window's thread, never in a sync or chart thread
(ui/garbage.py): a Qt object destroyed outside its own thread can crash the program."""

from __future__ import annotations

import gc
import threading
import weakref

from planner_gui.ui.garbage import MainThreadCollector, collect_due


class Cycle:
    """An object in a reference cycle that says in which thread it was destroyed."""

    destroyed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.destroyed_in.append(threading.current_thread().name)


def test_garbage_made_and_left_in_another_thread_is_collected_in_the_windows_thread(qtbot):
    was_enabled = gc.isenabled()  # off in the suite (tests/conftest.py), on in a plain program
    gc.enable()
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()  # no thread collects on its own while the window runs
        Cycle.destroyed_in.clear()
        refs = []

        def busy_thread() -> None:
            # more garbage cycles than the youngest generation's threshold: the automatic
            # collector would have run in this thread
            for _ in range(collector.thresholds[0] * 2):
                refs.append(weakref.ref(Cycle()))

        worker = threading.Thread(target=busy_thread, name="sync-like")
        worker.start()
        worker.join(10)
        assert Cycle.destroyed_in == []  # not collected in the thread that made the garbage
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=5000)
        assert set(Cycle.destroyed_in) == {threading.current_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()  # the automatic collector as it was before the window
    if not was_enabled:
        gc.disable()


def test_collect_due_runs_only_once_the_youngest_generation_is_over_its_threshold():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        ref = weakref.ref(Cycle())
        assert collect_due((10_000_000, 10, 10)) == 0 and ref() is not None  # not due yet
        assert collect_due((0, 10, 10)) >= 1 and ref() is None
    finally:
        if was_enabled:
            gc.enable()
