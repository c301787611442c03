"""Where the chart goes in the main window.

pyqtgraph takes 0.2 s to import, half of what a bare window needs to start,
so the window is painted first with this slot holding a short note, and the
chart is put in right after the first paint (or at once, when something
asks for it before: ``panel()``). The chart is the first tab of the pane;
other views (the timeline, ui/timeline.py) add theirs with ``add_tab``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ChartSlot(QWidget):
    built = Signal()  # the chart is in place (draw it now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartSlot")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self.tabs.setDocumentMode(True)
        # the tab names must not widen the window's minimum (the chart alone needed 68 px)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setMinimumWidth(60)
        outer.addWidget(self.tabs)
        page = QWidget(self.tabs)
        self._layout = QVBoxLayout(page)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(page, translate("ChartSlot", "Chart"))
        self._note: QLabel | None = placeholder(translate("ChartSlot", "Preparing the chart…"))
        self._layout.addWidget(self._note)
        self._panel: QWidget | None = None

    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    @property
    def is_built(self) -> bool:
        return self._panel is not None

    def panel(self) -> QWidget:
        """The chart (a ChartPanel), built on first use."""
        if self._panel is None:
            from planner_gui.ui.chart import ChartPanel  # here: pyqtgraph after the first paint

            self._panel = ChartPanel(self._layout.parentWidget())  # its tab's page
            if self._note is not None:
                self._layout.removeWidget(self._note)
                self._note.deleteLater()
                self._note = None
            self._layout.addWidget(self._panel)
            self.setFocusProxy(self._panel)
            self.built.emit()
        return self._panel
