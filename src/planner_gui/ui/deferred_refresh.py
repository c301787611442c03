"""One refresh of a view for any number of changes, and none while it is hidden.

The Timeline and the Due Soon list show what the document holds as of its
date. Worked out for a hidden view, that would be work nobody sees (at
10,000 tasks the Due Soon list walks the whole plan), and changes come in
bursts (an as-of change repaints every tree row). ``DeferredRefresh`` runs
the view's refresh:

- ``later()``: once the current event is done, however often it is asked for;
- ``now()``: at once (a scroll, an as-of change: painted in the same frame as
  the tree), which also answers a ``later()`` still waiting;
- while the view is hidden: not at all, but the view is marked stale and is
  refreshed when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class DeferredRefresh(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.pending = False  # a refresh waits for the end of the current event
        self.stale = True  # something changed while hidden (nothing is shown yet)
        self.runs = 0  # refreshes made (tests count them)
        widget.installEventFilter(self)

    def later(self, *_args: object) -> None:
        if not self._widget.isVisible():
            self.stale = True
        elif not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self._run_waiting)

    def now(self, *_args: object) -> None:
        if self._widget.isVisible():
            self._run()
        else:
            self.stale = True

    def _run_waiting(self) -> None:
        if self.pending:  # else now() has refreshed since
            self.pending = False
            self.now()

    def _run(self) -> None:
        self.pending = False
        self.stale = False
        self.runs += 1
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.later()  # once shown: the widget's own show handling and layout first
        return False
