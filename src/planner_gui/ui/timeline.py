"""Where the Timeline view and the "Due soon" list go in the main window.

The Timeline is a tab of the chart pane (ChartSlot.add_tab), built the first
time it is shown: it needs pyqtgraph, which the window loads only after its
first paint. View ▸ Timeline shows the pane on that tab; View ▸ Due Soon
shows the list as a dock (ui/due_soon.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner_gui.ui.actions import ActionId

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.ui.due_soon import DueSoonDock
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.timeline_panel import TimelinePanel


class TimelineSlot(QWidget):
    """The Timeline tab: empty until shown, then the TimelinePanel."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("timelineSlot")
        self.window_ = window
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._panel: TimelinePanel | None = None

    @property
    def is_built(self) -> bool:
        return self._panel is not None

    def panel(self) -> TimelinePanel:
        if self._panel is None:
            from planner_gui.ui.timeline_panel import TimelinePanel

            self._panel = TimelinePanel(self.window_, self)
            self._layout.addWidget(self._panel)
        return self._panel

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.panel()


def attach(window: MainWindow) -> tuple[TimelineSlot, DueSoonDock]:
    """Add the Timeline tab and the Due Soon dock, connect their View actions,
    and return both for the window to keep."""
    slot = TimelineSlot(window)
    window.chart_slot.add_tab(slot, translate("Timeline", "Timeline"))
    window.actions[ActionId.SHOW_TIMELINE].triggered.connect(lambda: show_timeline(window))
    from planner_gui.ui.due_soon import DueSoonDock

    dock = DueSoonDock(window)
    action = window.actions[ActionId.SHOW_DUE_SOON]
    action.toggled.connect(dock.setVisible)
    dock.visibilityChanged.connect(action.setChecked)
    return slot, dock


def show_timeline(window: MainWindow) -> TimelinePanel:
    """Show the chart pane on its Timeline tab."""
    window.actions[ActionId.SHOW_CHART].setChecked(True)
    slot: TimelineSlot = window.timeline
    window.chart_slot.tabs.setCurrentWidget(slot)
    return slot.panel()
