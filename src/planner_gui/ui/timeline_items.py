"""The pyqtgraph parts of the Timeline view: the month/quarter axis and the item
that paints the rows.

x is the day's ordinal (``date.toordinal()``: day N spans N..N+1); y is in
pixels of the plot, rows from the top, so a row's place is the same on screen
and in the item's coordinates. The rows are painted by the same code as the
summary's timeline pages (reports/timeline_paint.py), in device pixels so text
is not stretched by the zoom.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter, QTransform

from planner_gui.domain.timeline import Span, gridlines
from planner_gui.reports.timeline_paint import RowStyle, TimelineRow, draw_gridlines, draw_rows


def span_of(first: float, last: float) -> Span:
    """The days between two x positions (ordinals; day N spans N..N+1, so the
    view of a year ends at 1 January of the next, which is not shown)."""
    low = max(1, int(first))
    high = max(low, math.ceil(last) - 1)
    return Span(date.fromordinal(low), date.fromordinal(high))


class TimelineAxis(pg.AxisItem):
    """Month (and quarter) names at the top, from domain.timeline.gridlines."""

    def __init__(self, lang: str) -> None:
        super().__init__("top")
        self.lang = lang
        self._labels: dict[int, str] = {}
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph API
        if maxVal - minVal < 1:
            return []
        lines = gridlines(span_of(minVal, maxVal), self.lang)
        # as many words as the width allows: a narrow pane named every month on top
        # of the next ("3月二季度 4月 5月"); the item draws every gridline anyway
        room = size / max(1, len(lines))
        self._labels = {}
        for line in lines:
            if room >= 62:
                words = f"{line.quarter_label} {line.label}".strip()
            elif room >= 30:
                words = line.label
            else:
                words = line.quarter_label
            self._labels[line.day.toordinal()] = words
        # one level: pyqtgraph drops a second level's labels when the first fills the axis
        return [(30.0, [float(day) for day, words in self._labels.items() if words])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph API
        return [self._labels.get(int(round(v)), "") for v in values]


class RowsItem(pg.GraphicsObject):
    """Every row in view, painted at once; knows which row is under a point."""

    def __init__(self, style: RowStyle, on_click: Callable[[int], None],
                 on_hover: Callable[[object], None]) -> None:
        super().__init__()
        self.setAcceptHoverEvents(True)
        self.on_hover = on_hover
        self.style = style
        self.rows: Sequence[TimelineRow] = ()
        self.lang = "zh"
        self.on_click = on_click
        self.font = QFont()  # the window's font (the panel sets it)
        self._bounds = QRectF(0, 0, 1, 1)
        self.moved = True

    def set_rows(self, rows: Sequence[TimelineRow]) -> None:
        self.rows = rows
        self.moved = False
        self.update()

    def set_bounds(self, rect: QRectF) -> None:
        """The view's range: what the item covers (it paints the whole view)."""
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)
            self.moved = True  # repaint even if the rows are the same

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def row_at(self, y: float) -> int | None:
        index = int(y // self.style.row_height) if y >= 0 else -1
        return index if 0 <= index < len(self.rows) else None

    def paint(self, painter: QPainter, *args) -> None:
        view = self._bounds
        to_device: QTransform = painter.transform()
        top_left = to_device.map(view.topLeft())
        bottom_right = to_device.map(view.bottomRight())
        left, right = min(top_left.x(), bottom_right.x()), max(top_left.x(), bottom_right.x())
        top = min(top_left.y(), bottom_right.y())
        bottom = max(top_left.y(), bottom_right.y())
        y0 = to_device.map(QPointF(view.left(), 0.0)).y()

        def x_of(day: date) -> float:
            return to_device.map(QPointF(float(day.toordinal()), 0.0)).x()

        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setFont(self.font)
        draw_gridlines(painter, gridlines(span_of(view.left(), view.right()), self.lang), x_of,
                       top, bottom, self.style)
        draw_rows(painter, self.rows, x_of, left, right, y0, self.style)
        painter.restore()

    def hoverEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph API
        self.on_hover(ev)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph API
        row = self.row_at(ev.pos().y())
        if row is not None:
            ev.accept()
            self.on_click(row)
