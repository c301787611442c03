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
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from planner_gui.domain.progress import STATUS_COLOURS, Status
from planner_gui.domain.timeline import Bar, Gridline, MarkState, Span, gridlines

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
    inline_titles: bool  # the title above the bar (the screen) instead of a column (paper)
    selected: str | None = None  # task id drawn with a selection band
    selection: QColor | None = None
    hairlines: bool = False  # gridlines one device pixel wide (the screen: much faster to draw)


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
        width = 0.0 if style.hairlines else 1.2 if line.quarter else 0.6
        painter.setPen(QPen(style.quarter_grid if line.quarter else style.grid, width))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def draw_grid_labels(painter: QPainter, lines: Sequence[Gridline], x_of: Callable[[date], float],
                     y: float, style: RowStyle) -> None:
    """The month names just right of each gridline, baseline at ``y``, and the
    quarters' names a line above them."""
    painter.setPen(style.text)
    above = QFontMetricsF(painter.font()).height()
    for line in lines:
        if line.label:
            painter.drawText(QPointF(x_of(line.day) + 2, y), line.label)
        if line.quarter_label:
            painter.drawText(QPointF(x_of(line.day) + 2, y - above), line.quarter_label)


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
            bar_top, bar_height = y + height * 0.58, height * 0.32
        _draw_bar(painter, row, x_of, left, right, bar_top, bar_height)
        if style.inline_titles:
            x = max(left + 2, min(x_of(row.start), right - 40))
            painter.setPen(style.text)
            text = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, right - x - 2)
            painter.drawText(QRectF(x, y, right - x - 2, height * 0.58),
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
    half = max(4.5, height * 0.75)
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


# --- the summary's timeline page ---------------------------------------------

PAGE_ROW_HEIGHT = 18.0
PAGE_AXIS_HEIGHT = 30.0


def page_height(row_count: int) -> float:
    """The height a page's timeline of ``row_count`` rows takes (layout pixels)."""
    return PAGE_AXIS_HEIGHT + row_count * PAGE_ROW_HEIGHT + 6


def draw_page_timeline(painter: QPainter, rect: QRectF, bars: Sequence[Bar], span: Span,
                       as_of: date, lang: str, font: QFont) -> None:
    """One area's tasks across the plan's year for paper: titles in a column on
    the left, months along the top, the as-of date as a red dashed line."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    label_width = rect.width() * 0.34
    left = rect.left() + label_width
    right = rect.right() - 2
    top = rect.top() + PAGE_AXIS_HEIGHT
    bottom = top + len(bars) * PAGE_ROW_HEIGHT

    def x_of(day: date) -> float:
        return left + (right - left) * span.position(day)

    style = RowStyle(text=QColor("#111827"), grid=QColor("#e5e7eb"), quarter_grid=QColor("#9ca3af"),
                     heading_fill=QColor("#eef1f5"), row_height=PAGE_ROW_HEIGHT,
                     inline_titles=False)
    lines = gridlines(span, lang)
    for index in range(len(bars)):
        if index % 2:
            painter.fillRect(QRectF(rect.left(), top + index * PAGE_ROW_HEIGHT, rect.width(),
                                    PAGE_ROW_HEIGHT), QColor("#f8fafc"))
    draw_gridlines(painter, lines, x_of, rect.top() + 2, bottom, style)
    draw_grid_labels(painter, lines, x_of, top - 5, style)
    painter.save()
    painter.setClipRect(QRectF(rect.left(), top, rect.width(), bottom - top))
    draw_rows(painter, bars, x_of, left, right, top, style, label_left=rect.left(),
              label_width=label_width)
    painter.restore()
    if span.first <= as_of <= span.last:
        x = x_of(as_of) + (x_of(as_of + timedelta(days=1)) - x_of(as_of)) / 2
        painter.setPen(QPen(MISSED, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, rect.top() + 2), QPointF(x, bottom))
    painter.setPen(QPen(style.quarter_grid, 0.8))
    painter.drawLine(QPointF(rect.left(), bottom), QPointF(right, bottom))
    painter.restore()
