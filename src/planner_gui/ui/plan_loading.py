"""Reading a big plan's progress updates after the window is shown.

A city's plan holds 200,000 updates: reading them takes a second, reading
the rest of the plan (areas, tasks, indicators, milestones) a tenth of that.
The window therefore reads the outline, shows the tree at once, and lets an
``UpdatesLoader`` attach the updates a slice at a time from the event loop
(about 25 ms per slice, so scrolling, filtering and typing go on meanwhile).
Lights and progress appear when the last slice is in.

A plan of up to READ_AT_ONCE_TASKS tasks (a district's, with its updates
read in about 0.1 s) is read whole before the window is shown, so it never
shows a tree without lights.
Anything that needs the whole plan asks the window, which calls
:meth:`UpdatesLoader.finish_now` first (see ``MainWindow.plan``).

A file can pass the check made when it is opened (quick_check) and still
fail when its updates are read (an index that no longer matches its table).
The loader then stops and reports ``failed`` once, with the reason; it never
retries the same slice (which had kept the window busy for good, printing
the same error).
"""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QObject, QTimer, Signal

from planner_gui.domain.model import Plan, Task
from planner_gui.store import PlanStore
from planner_gui.store.loading import SharedValues

# Tasks whose updates one query reads: about 5,000 updates at a city's size,
# 20-30 ms on an office PC.
TASKS_PER_STEP = 250
# How long one slice of the event loop may read before the window gets its turn.
SLICE_SECONDS = 0.025
# Plans up to this size are read whole before the window is shown.
READ_AT_ONCE_TASKS = 1000


class UpdatesLoader(QObject):
    """Fills in ``task.updates`` of every task of ``plan``, a few hundred tasks a step."""

    progress = Signal(int, int)  # tasks done, tasks in all
    finished = Signal()
    failed = Signal(str)  # why the rest of the updates cannot be read

    def __init__(self, store: PlanStore, plan: Plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks: list[Task] = [task for area in plan.areas for task in area.walk_tasks()]
        self._next = 0
        self._shared = SharedValues()  # one date object per day across all steps
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)
        self._announced = False
        self.error: str | None = None

    @property
    def done(self) -> bool:
        return self._next >= len(self._tasks)

    @property
    def total(self) -> int:
        return len(self._tasks)

    def step(self) -> None:
        """Read the updates of the next few hundred tasks."""
        batch = self._tasks[self._next:self._next + TASKS_PER_STEP]
        try:
            found = self._store.read_updates([task.id for task in batch], self._shared)
        except sqlite3.Error as exc:
            self._fail(f"{self._store.path}: the progress reports cannot be read ({exc})")
            return
        for task in batch:
            task.updates = found.get(task.id, [])
        self._next += len(batch)

    @property
    def small(self) -> bool:
        """Whether the plan is small enough to be read whole before it is shown."""
        return len(self._tasks) <= READ_AT_ONCE_TASKS

    def read_all(self) -> None:
        while not self.done:
            self.step()

    def run_for(self, seconds: float) -> bool:
        """Steps (at least one) until ``seconds`` have passed or all is read; whether all is read."""
        deadline = time.perf_counter() + seconds
        while not self.done:
            self.step()
            if time.perf_counter() >= deadline:
                break
        return self.done

    def start(self) -> None:
        """Go on reading from the event loop, a slice at a time."""
        if self.done:
            self._finish()
        else:
            self._timer.start()

    def finish_now(self) -> None:
        """Read everything that is left, now (something needs the whole plan)."""
        self._timer.stop()
        self.read_all()
        self._finish()

    def cancel(self) -> None:
        self._timer.stop()
        self._announced = True  # never report a plan that was let go

    def _run_slice(self) -> None:
        self.run_for(SLICE_SECONDS)
        if self.error is not None:
            return  # said by ``failed``
        self.progress.emit(self._next, len(self._tasks))
        if self.done:
            self._timer.stop()
            self._finish()

    def _finish(self) -> None:
        if not self._announced:
            self._announced = True
            self.finished.emit()

    def _fail(self, reason: str) -> None:
        self._timer.stop()
        self.error = reason
        self._next = len(self._tasks)  # nothing more is tried
        self._announced = True  # never "finished"
        self.failed.emit(reason)
