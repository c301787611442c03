"""Painting timeline rows with QPainter primitives: the summary's timeline pages
(vectors and real text on a QPdfWriter) and the window's Timeline view draw
with this same code, from the plain data of planner_gui.domain.timeline.

A row is a task's Bar or an area's name (a heading row). The caller says where
each day is (``x_of``) and where the rows start; nothing here knows about
pages, scroll bars or pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from planner_gui.domain.progress import STATUS_COLOURS, Status
from planner_gui.domain.timeline import Bar, Gridline, MarkState

MISSED = QColor(STATUS_COLOURS[Status.RED])
UNKNOWN = QColor("#9ca3af")  # figures not known yet (the updates are being read)
PLANNED_MARK = QColor("#111827")

TimelineRow = Bar | str  # a task's bar, or an area's name


@dataclass
class RowStyle:
    """Colours and sizes of one rendering (paper or a light or dark screen)."""

    text: QColor
    grid: QColor
    quarter_grid: QColor
    heading_fill: QColor
    row_height: float
    font_size: float
    inline_titles: bool  # the title above the bar (the screen) instead of a column (paper)
    selected: str | None = None  # task id drawn with a selection band
    selection: QColor | None = None


def bar_colour(bar: Bar) -> QColor:
    return QColor(STATUS_COLOURS[bar.status]) if bar.status is not None else UNKNOWN


def milestone_colour(state: MarkState, bar: Bar) -> QColor:
    if state is MarkState.MISSED:
        return MISSED
    return QColor("#374151") if state is MarkState.DONE else bar_colour(bar).darker(130)


def draw_gridlines(painter: QPainter, lines: Sequence[Gridline], x_of: Callable[[date], float],
                   top: float, bottom: float, style: RowStyle) -> None:
    for line in lines:
        x = x_of(line.day)
        painter.setPen(QPen(style.quarter_grid if line.quarter else style.grid,
                            1.2 if line.quarter else 0.6))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def draw_grid_labels(painter: QPainter, lines: Sequence[Gridline], x_of: Callable[[date], float],
                     y: float, style: RowStyle) -> None:
    """The month (and quarter) names just right of each gridline, baseline at ``y``."""
    painter.setPen(style.text)
    for line in lines:
        if line.label:
            painter.drawText(QPointF(x_of(line.day) + 2, y), line.label)


def diamond(centre: QPointF, half: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF([QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half),
                      QPointF(x - half, y)])


def draw_rows(painter: QPainter, rows: Sequence[TimelineRow], x_of: Callable[[date], float],
              left: float, right: float, top: float, style: RowStyle,
              label_left: float = 0.0, label_width: float = 0.0) -> None:
    """Rows from ``top`` down, one every ``style.row_height``; bars clipped to
    left..right. With ``label_width`` the titles go in a column at ``label_left``."""
    metrics = QFontMetricsF(painter.font())
    height = style.row_height
    for index, row in enumerate(rows):
        y = top + index * height
        if isinstance(row, str):
            painter.fillRect(QRectF(label_left, y, right - label_left, height), style.heading_fill)
            painter.setPen(style.text)
            text = metrics.elidedText(row, Qt.TextElideMode.ElideRight, right - label_left - 8)
            painter.drawText(QRectF(label_left + 4, y, right - label_left - 8, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            continue
        if style.selected is not None and row.task_id == style.selected and style.selection:
            painter.fillRect(QRectF(label_left, y, right - label_left, height), style.selection)
        if label_width:
            painter.setPen(style.text)
            text = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.drawText(QRectF(label_left, y, label_width - 6, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            bar_top, bar_height = y + height * 0.22, height * 0.56
        else:
            bar_top, bar_height = y + height * 0.52, height * 0.36
        _draw_bar(painter, row, x_of, left, right, bar_top, bar_height)
        if style.inline_titles:
            x = max(left + 2, min(x_of(row.start), right - 40))
            painter.setPen(style.text)
            text = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, right - x - 2)
            painter.drawText(QRectF(x, y + 1, right - x - 2, height * 0.5),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)


def _draw_bar(painter: QPainter, bar: Bar, x_of: Callable[[date], float], left: float,
              right: float, top: float, height: float) -> None:
    colour = bar_colour(bar)
    start = x_of(bar.start)
    end = x_of(bar.end + timedelta(days=1))  # to the end of the deadline's day
    if end >= left and start <= right:
        shown = QRectF(max(start, left), top, min(end, right) - max(start, left), height)
        tint = QColor(colour)
        tint.setAlpha(55)
        painter.fillRect(shown, tint)
        fill_end = start + (end - start) * max(0.0, min(100.0, bar.progress)) / 100
        if fill_end > left and bar.progress > 0:
            painter.fillRect(QRectF(max(start, left), top, min(fill_end, right) - max(start, left),
                                    height), colour)
        pen = QPen(colour, 0.8)
        if bar.open_end:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(shown)
        if bar.planned is not None:
            x = start + (end - start) * max(0.0, min(100.0, bar.planned)) / 100
            if left <= x <= right:
                painter.setPen(QPen(PLANNED_MARK, 1.6))
                painter.drawLine(QPointF(x, top - 2), QPointF(x, top + height + 2))
    half = height * 0.55
    for mark in bar.milestones:
        x = x_of(mark.day)
        if not left - half <= x <= right + half:
            continue
        shape = diamond(QPointF(x, top + height / 2), half)
        ink = milestone_colour(mark.state, bar)
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(QBrush(ink) if mark.state is not MarkState.PENDING else QBrush(QColor("white")))
        painter.drawPolygon(shape)
    painter.setBrush(Qt.BrushStyle.NoBrush)
