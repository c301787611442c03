"""Interactions with the real main window, timed (run by benchmarks/run.py
in its own process; prints one JSON object on the last line of stdout).

Each operation is timed from the call that a user's action makes to the end
of the event processing that follows it (model updates, the detail panel,
the chart, the repaint). Work the window defers with timers is not hidden:
after each operation the event loop runs for a while and the longest single
slice of work in that time is reported as ``stall``.

    python benchmarks/ui_bench.py window --db F --copy G --repeat 5 --as-of 2024-09-30
    python benchmarks/ui_bench.py pdf --db F --repeat 2 --as-of 2024-09-30 --out X.pdf
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

SETTLE_S = 0.6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settle(app, seconds: float = SETTLE_S) -> float:
    """Run the event loop for ``seconds``; the longest single processEvents slice (ms)."""
    longest = 0.0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - start)
        time.sleep(0.002)
    return longest * 1000


def _timed(app, action: Callable[[], object]) -> tuple[float, float]:
    start = time.perf_counter()
    action()
    app.processEvents()
    took = (time.perf_counter() - start) * 1000
    return took, _settle(app)


def _until_ready(app, window) -> None:
    """Run the event loop until the window has read the plan's updates (ui/plan_loading.py)."""
    while window.document.reading:
        app.processEvents()
        time.sleep(0.001)


def _back_to_back(app, actions: list[Callable[[], object]]) -> list[float]:
    """Each action timed like ``_timed`` but with no idle time between them. On a
    virtual machine whose host is busy, work that follows 0.6 s of idling ran up to
    10 times slower than the same work back to back (caches cold): this is the
    program's own cost, the figures from ``_timed`` what a user pausing between
    actions gets on that machine."""
    times = []
    for action in actions:
        start = time.perf_counter()
        action()
        app.processEvents()
        times.append(round((time.perf_counter() - start) * 1000, 2))
    _settle(app)
    return times


def _leaf_tasks(plan, count: int) -> list[str]:
    """Leaf tasks with the longest histories, from different areas where possible."""
    leaves = [t for t in plan.walk_tasks() if not t.subtasks]
    leaves.sort(key=lambda t: len(t.updates), reverse=True)
    return [t.id for t in leaves[: max(count, 1)]]


def bench_window(args: argparse.Namespace) -> dict:
    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from planner_gui.domain.model import ProgressUpdate, Task
    from planner_gui.exchange.ledger_export import export_ledger
    from planner_gui.store import PlanStore
    from planner_gui.ui.application import make_application
    from planner_gui.ui.commands import AddTaskCommand, AddUpdateCommand, EditFieldsCommand
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    app = make_application()
    results: dict[str, dict[str, list[float]]] = {}

    def record(name: str, took: float, stall: float) -> None:
        entry = results.setdefault(name, {"ms": [], "stall_ms": []})
        entry["ms"].append(round(took, 2))
        entry["stall_ms"].append(round(stall, 2))
        entry["peak_rss_mb_after"] = round(peak_rss_mb(), 1)  # which step raised the peak

    window = MainWindow(PlanStore.open(args.db), AppSettings())
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.show_chart(True)
    window.document.set_as_of(args.as_of)
    _until_ready(app, window)
    _settle(app, 2.0)

    # opening a file from the window: to the tree shown (outline), and to the
    # lights, figures and chart shown (the updates read in slices after)
    for i in range(args.repeat):
        target = args.copy if i % 2 == 0 else args.db
        start = time.perf_counter()
        window.open_file(target)
        app.processEvents()
        shown = (time.perf_counter() - start) * 1000
        _until_ready(app, window)
        app.processEvents()
        ready = (time.perf_counter() - start) * 1000
        stall = _settle(app)
        record("open_in_window", shown, stall)
        record("open_until_ready", ready, stall)
    window.document.set_as_of(args.as_of)
    _until_ready(app, window)
    _settle(app, 1.0)

    # one filter keystroke: a character typed, then the debounced filter applied
    box = window.filter_bar.text
    box.setFocus()
    def keystroke(key: str | None) -> None:
        if key is None:
            QTest.keyClick(box, Qt.Key.Key_Backspace)
        else:  # QTest.keyClicks only knows ASCII: a typed Chinese character
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, key))
        window.filter_bar.flush()

    # The first of each interaction is timed on its own ("..._first"): it pays
    # one-time set-up (code and caches used for the first time, a module
    # imported on first use) that the runs after it do not; the medians are
    # of the runs after it.
    for key in ("教", None):
        took, stall = _timed(app, lambda key=key: keystroke(key))
        record("filter_keystroke_first", took, stall)
    for _ in range(args.repeat):
        for key in ("教", None):
            took, stall = _timed(app, lambda key=key: keystroke(key))
            record("filter_keystroke", took, stall)
    results["filter_keystroke_back_to_back"] = {"ms": _back_to_back(
        app, [lambda key=key: keystroke(key) for _ in range(args.repeat) for key in ("教", None)])}
    box.clear()
    window.filter_bar.flush()
    _settle(app)

    # scrolling the tree a page down (what Page Down or a click in the scroll bar's track does)
    tree = window.tree_pane.tree
    tree.setFocus()
    bar = tree.verticalScrollBar()
    bar.setValue(0)
    _settle(app)
    for _ in range(args.repeat):
        # rows not shown before at 10k; on the bundled plan (a page or two) down and up again
        step = bar.SliderAction.SliderPageStepAdd if bar.value() < bar.maximum() else bar.SliderAction.SliderPageStepSub
        took, stall = _timed(app, lambda step=step: bar.triggerAction(step))
        record("scroll_page", took, stall)
    box.setFocus()

    # Selecting a task: a mouse click on its row, after it was brought on screen
    # and the window left idle (a user scrolls to a task, looks, clicks).
    def reveal(item_id: str) -> QPoint:
        """Scroll ``item_id``'s row into view (nothing selected); where to click it."""
        index = window.tree_pane.reveal(item_id)
        app.processEvents()
        return tree.visualRect(index).center()

    def click(point: QPoint) -> None:
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def shown_leaf_tasks() -> list[QPoint]:
        """Where the leaf tasks on screen are (for clicks with no scrolling between)."""
        points, y, x = [], 1, tree.viewport().width() // 3
        while y < tree.viewport().height():
            index = tree.indexAt(QPoint(x, y))
            if index.isValid() and index.internalPointer().is_leaf_task:
                points.append(tree.visualRect(index).center())
            y += max(tree.sizeHintForRow(0), 1)
        return points

    first, *tasks = _leaf_tasks(window.document.plan, args.repeat + 1)
    point = reveal(first)
    _settle(app)
    took, stall = _timed(app, lambda: click(point))
    record("select_task_first", took, stall)
    for task_id in tasks:
        point = reveal(task_id)
        _settle(app)
        took, stall = _timed(app, lambda point=point: click(point))
        record("select_task", took, stall)
    points = shown_leaf_tasks()[: args.repeat * 2]
    results["select_task_back_to_back"] = {"ms": _back_to_back(app, [lambda p=p: click(p) for p in points])}
    # a task clicked after its area (the editor changes page, the chart its kind)
    for task_id in tasks:
        window.select_item(window.model.by_id[task_id].area_id)
        point = reveal(task_id)
        _settle(app)
        took, stall = _timed(app, lambda point=point: click(point))
        record("select_task_after_area", took, stall)
    # a task off screen selected (what the window does after adding a task): the
    # tree scrolls to it, so this is a page scrolled and a task selected. In the
    # order of ``tasks``: the last one clicked above is selected already, and
    # selecting it again (the first run until 26 November, 08:40) did nothing.
    for task_id in tasks:
        took, stall = _timed(app, lambda task_id=task_id: window.select_item(task_id))
        record("select_task_off_screen", took, stall)

    task_id = tasks[0]
    window.select_item(task_id)
    _settle(app)
    store, report = window.document.store, window.document.report
    took, stall = _timed(app, lambda: window.push(
        lambda: EditFieldsCommand(store, report, "task", task_id, {"leader": "基准"}, "Edit leader")))
    record("commit_edit_first", took, stall)
    for i in range(args.repeat):
        leader = f"基准{i}"
        took, stall = _timed(app, lambda leader=leader: window.push(
            lambda: EditFieldsCommand(store, report, "task", task_id, {"leader": leader}, "Edit leader")))
        record("commit_edit", took, stall)
    results["commit_edit_back_to_back"] = {"ms": _back_to_back(app, [
        lambda i=i: window.push(lambda: EditFieldsCommand(
            store, report, "task", task_id, {"leader": f"连续{i}"}, "Edit leader")) for i in range(args.repeat * 2)])}

    for i in range(args.repeat):
        update = ProgressUpdate(date=args.as_of - timedelta(days=i), progress=min(100, 50 + i),
                                text="基准测试：本周完成现场核查。", reporter="督查室")
        took, stall = _timed(app, lambda update=update: window.push(
            lambda: AddUpdateCommand(store, report, task_id, update)))
        record("add_update", took, stall)

    for i in range(args.repeat):
        day = args.as_of - timedelta(days=91 * ((i % 2) + 1))
        took, stall = _timed(app, lambda day=day: window.document.set_as_of(day))
        record("as_of_change", took, stall)
    results["as_of_change_back_to_back"] = {"ms": _back_to_back(app, [
        lambda i=i: window.document.set_as_of(args.as_of - timedelta(days=91 * ((i % 2) + 1))) for i in range(args.repeat * 2)])}
    window.document.set_as_of(args.as_of)
    _settle(app)

    # The Timeline tab shown (issue 23), right after the same two steps without it
    # (placed after the xlsx export, they measured up to twice as slow as those steps,
    # though an in-process A/B showed no difference). It follows the tree's rows on
    # screen: a scroll or an as-of change repaints one screenful, whatever the size.
    from planner_gui.ui.timeline import show_timeline

    timeline = show_timeline(window)
    _settle(app, 1.0)
    print(f"timeline rows drawn: {len(timeline.rows)}", file=sys.stderr)
    bar.setValue(0)
    _settle(app)
    for _ in range(args.repeat):
        step = bar.SliderAction.SliderPageStepAdd if bar.value() < bar.maximum() else bar.SliderAction.SliderPageStepSub
        took, stall = _timed(app, lambda step=step: bar.triggerAction(step))
        record("timeline_scroll_page", took, stall)
    for i in range(args.repeat):
        day = args.as_of - timedelta(days=91 * ((i % 2) + 1))
        took, stall = _timed(app, lambda day=day: window.document.set_as_of(day))
        record("timeline_as_of_change", took, stall)
    results["timeline_as_of_change_back_to_back"] = {"ms": _back_to_back(app, [
        lambda i=i: window.document.set_as_of(args.as_of - timedelta(days=91 * ((i % 2) + 1))) for i in range(args.repeat * 2)])}
    window.document.set_as_of(args.as_of)
    window.chart_slot.tabs.setCurrentIndex(0)  # back to the chart for the rest
    _settle(app)

    # a change of structure: a task added under the selected one (its area made again)
    parent_area = window.model.by_id[task_id].area_id
    for i in range(args.repeat):
        task = Task(title=f"基准新增任务{i}", leader="基准")
        took, stall = _timed(app, lambda task=task: window.push(
            lambda: AddTaskCommand(store, report, task, parent_area, task_id)))
        record("add_task", took, stall)

    # the Excel ledger written from the window (what File > Export ledger runs)
    ledger = Path(args.db).with_suffix(".bench.xlsx")
    for _ in range(args.repeat):
        took, stall = _timed(app, lambda: export_ledger(window.document.plan, ledger, args.as_of))
        record("xlsx_export_in_window", took, stall)

    return {"results": results, "peak_rss_mb": round(peak_rss_mb(), 1),
            "tasks": sum(1 for _ in window.document.plan.walk_tasks())}


def bench_pdf(args: argparse.Namespace) -> dict:
    from planner_gui.reports.pdf_report import write_pdf
    from planner_gui.reports.report_data import build_report
    from planner_gui.store import PlanStore

    with PlanStore.open(args.db) as store:
        plan = store.load_plan()
    times, pages = [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        pages = write_pdf(build_report(plan, args.as_of), args.out)
        times.append(round((time.perf_counter() - start) * 1000, 1))
    return {"results": {"pdf_export": {"ms": times}}, "pages": pages,
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("window", "pdf"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--copy", type=Path, help="a second file with the same plan (window)")
    parser.add_argument("--out", type=Path, help="the PDF to write (pdf)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 9, 30))
    args = parser.parse_args()
    data = bench_window(args) if args.what == "window" else bench_pdf(args)
    print(json.dumps(data, ensure_ascii=False), flush=True)
    sys.stdout.flush()
    # PySide6 6.12 on Python 3.11 can abort while tearing down a large model
    # (see BENCHMARKS.md); the figures are out, so leave without the teardown.
    import os

    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
