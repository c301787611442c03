"""What the office looks at, as of the window's date: the light, progress,
planned progress (序时进度) and whether a report is owed. The figures come
from planner_gui.domain.progress; nothing here decides a rule."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from planner_gui.domain.progress import (
    STATUS_ORDER,
    GroupFigures,
    Status,
    TaskFigures,
)
from planner_gui.ui.editor.fields import format_percent, plain_label, status_text
from planner_gui.ui.status_lights import STATUS_QCOLOURS, light_pixmaps


class LightLabel(QWidget):
    """A coloured dot and the status word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dot = QLabel(self)
        self.word = plain_label("", self, wrap=False)
        font = self.word.font()
        font.setBold(True)
        self.word.setFont(font)
        layout.addWidget(self.dot)
        layout.addWidget(self.word)
        layout.addStretch(1)
        self.status: Status | None = None
        self._shown: tuple[Status | None, str] | None = None  # (status, word) on screen
        self._lights: dict[Status, QPixmap] = {}

    def set_status(self, status: Status | None) -> None:
        """Show a status; the same one again changes nothing (the editor shows its
        task again after every edit, and each change lays the box out anew)."""
        self.status = status
        shown = (status, status_text(status) if status is not None else "")
        if shown == self._shown:
            return
        self._shown = shown
        self.dot.setVisible(status is not None)
        if status is not None:
            if not self._lights:
                self._lights = light_pixmaps(STATUS_QCOLOURS, self.fontMetrics().height(), self.devicePixelRatioF())
            self.dot.setPixmap(self._lights[status])
        self.word.setText(shown[1])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._lights, self._shown = {}, None  # drawn again for the new font or words
            self.set_status(self.status)


class TaskFiguresBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.light = LightLabel(self)
        self.progress = plain_label("", self, wrap=False)
        self.planned = plain_label("", self, wrap=False)
        self.reported = plain_label("", self, wrap=False)
        self.as_of = plain_label("", self, wrap=False)
        for column, (caption, widget) in enumerate(
            [(self.tr("Status"), self.light), (self.tr("Progress"), self.progress),
             (self.tr("Planned"), self.planned), (self.tr("Reporting"), self.reported),
             (self.tr("As of"), self.as_of)]
        ):
            grid.addWidget(plain_label(caption, self, wrap=False), 0, column)
            grid.addWidget(widget, 1, column)
        grid.setColumnStretch(5, 1)

    def set_figures(self, figures: TaskFigures, as_of_text: str) -> None:
        self.light.set_status(figures.status)
        self.progress.setText(format_percent(figures.progress))
        self.planned.setText(format_percent(figures.planned))
        self.reported.setText(self.tr("Reported") if figures.reported else self.tr("Not reported"))
        self.as_of.setText(as_of_text)


class RollupBox(QWidget):
    """Roll-up of an area or the plan: progress, work items per light, not reported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.progress = plain_label("", self, wrap=False)
        self.tasks = plain_label("", self, wrap=False)
        self.not_reported = plain_label("", self, wrap=False)
        grid.addWidget(plain_label(self.tr("Progress"), self, wrap=False), 0, 0)
        grid.addWidget(self.progress, 0, 1)
        grid.addWidget(plain_label(self.tr("Work items"), self, wrap=False), 1, 0)
        grid.addWidget(self.tasks, 1, 1)
        grid.addWidget(plain_label(self.tr("Not reported"), self, wrap=False), 2, 0)
        grid.addWidget(self.not_reported, 2, 1)
        self.lights: dict[Status, tuple[LightLabel, QLabel]] = {}
        for row, status in enumerate(STATUS_ORDER, start=3):
            light, count = LightLabel(self), plain_label("", self, wrap=False)
            light.set_status(status)
            grid.addWidget(light, row, 0)
            grid.addWidget(count, row, 1)
            self.lights[status] = (light, count)
        grid.setColumnStretch(2, 1)

    def set_figures(self, figures: GroupFigures) -> None:
        self.progress.setText(format_percent(figures.progress))
        self.tasks.setText(str(figures.leaf_tasks))
        self.not_reported.setText(str(figures.not_reported))
        for status, (_light, count) in self.lights.items():
            count.setText(str(figures.counts.get(status, 0)))
