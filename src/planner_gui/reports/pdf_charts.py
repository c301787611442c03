"""Charts drawn with QPainter primitives, so on a QPdfWriter they are vectors
(sharp at any zoom and in print) rather than pictures.

Both functions draw inside ``rect`` in the painter's current coordinates and
take only plain report data; the same code paints the preview on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from planner_gui.domain.progress import STATUS_COLOURS, STATUS_ORDER, Status, status_word
from planner_gui.reports.fonts import painter_font
from planner_gui.reports.labels import label

AXIS = QColor("#6b7280")
GRID = QColor("#e5e7eb")
TEXT = QColor("#111827")
ACTUAL = QColor("#1d4ed8")
PLANNED = QColor("#9ca3af")
BAR_HEIGHT = 14.0
LEGEND_HEIGHT = 22.0


def light_chart_height(area_count: int) -> float:
    return LEGEND_HEIGHT + max(1, area_count) * (BAR_HEIGHT + 6) + 4


def _legend(painter: QPainter, x: float, y: float, items: list[tuple[QColor, str]],
            line: bool = False) -> None:
    metrics = QFontMetricsF(painter.font())
    for colour, text in items:
        if line:
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x, y + 6), QPointF(x + 16, y + 6))
        else:
            painter.fillRect(QRectF(x, y + 1, 10, 10), colour)
        painter.setPen(TEXT)
        painter.drawText(QPointF(x + (20 if line else 14), y + 10), text)
        x += (20 if line else 14) + metrics.horizontalAdvance(text) + 14


def draw_light_bars(painter: QPainter, rect: QRectF,
                    areas: list[tuple[str, dict[Status, int]]], lang: str) -> None:
    """Tasks per light by area: one stacked horizontal bar per area."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(painter_font(8))
    metrics = QFontMetricsF(painter.font())
    shown = [s for s in STATUS_ORDER if any(c.get(s) for _, c in areas)] or list(STATUS_ORDER[:4])
    _legend(painter, rect.left(), rect.top(),
            [(QColor(STATUS_COLOURS[s]), status_word(s, lang)) for s in shown])
    label_width = rect.width() * 0.36
    bar_left = rect.left() + label_width + 8
    bar_width = rect.width() - label_width - 40
    most = max([sum(c.values()) for _, c in areas] + [1])
    y = rect.top() + LEGEND_HEIGHT
    for name, counts in areas:
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width)
        painter.setPen(TEXT)
        painter.drawText(QRectF(rect.left(), y, label_width, BAR_HEIGHT),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        x = bar_left
        for status in STATUS_ORDER:
            count = counts.get(status, 0)
            if not count:
                continue
            width = bar_width * count / most
            painter.fillRect(QRectF(x, y, width, BAR_HEIGHT), QColor(STATUS_COLOURS[status]))
            if width > metrics.horizontalAdvance(str(count)) + 4:
                painter.setPen(QColor("white"))
                painter.drawText(QRectF(x, y, width, BAR_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                                 str(count))
            x += width
        painter.setPen(TEXT)
        painter.drawText(QPointF(x + 4, y + BAR_HEIGHT - 3), str(sum(counts.values())))
        y += BAR_HEIGHT + 6
    painter.setPen(QPen(AXIS, 0.8))
    painter.drawLine(QPointF(bar_left, rect.top() + LEGEND_HEIGHT - 3), QPointF(bar_left, y))
    painter.restore()


def draw_history(painter: QPainter, rect: QRectF,
                 history: list[tuple[date, float | None, float]], lang: str, year: int) -> None:
    """Planned (序时) and actual overall progress at each month end, 0 to 100%."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(painter_font(8))
    _legend(painter, rect.left(), rect.top(),
            [(ACTUAL, label(lang, "actual")), (PLANNED, label(lang, "planned"))], line=True)
    plot = QRectF(rect.left() + 36, rect.top() + LEGEND_HEIGHT + 6,
                  rect.width() - 48, rect.height() - LEGEND_HEIGHT - 26)
    for pct in range(0, 101, 25):
        y = plot.bottom() - plot.height() * pct / 100
        painter.setPen(QPen(GRID if pct else AXIS, 0.8))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(TEXT)
        painter.drawText(QRectF(rect.left(), y - 7, 30, 14),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{pct}%")

    def x_of(day: date) -> float:
        return plot.left() + plot.width() * (day.timetuple().tm_yday - 1) / 365

    for month in range(1, 13):
        x = x_of(date(year, month, 15))
        painter.drawText(QRectF(x - 14, plot.bottom() + 3, 28, 14), Qt.AlignmentFlag.AlignCenter,
                         f"{month}月" if lang == "zh" else str(month))

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * max(0.0, min(100.0, value)) / 100

    points = [(d, p, a) for d, p, a in history if d.year == year]
    for colour, pick, style in ((PLANNED, 1, Qt.PenStyle.DashLine), (ACTUAL, 2, Qt.PenStyle.SolidLine)):
        path = QPainterPath()
        started = False
        for point in points:
            value = point[pick]
            if value is None:
                continue
            xy = QPointF(x_of(point[0]), y_of(value))
            if started:
                path.lineTo(xy)
            else:
                path.moveTo(xy)
                started = True
        painter.setPen(QPen(colour, 1.6, style))
        painter.drawPath(path)
        painter.setBrush(colour)
        for point in points:
            if point[pick] is not None:
                painter.drawEllipse(QPointF(x_of(point[0]), y_of(point[pick])), 2, 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    if points:
        last = points[-1]
        painter.setPen(ACTUAL)
        text = f"{last[2]:.0f}%"
        width = painter.fontMetrics().horizontalAdvance(text)
        x = x_of(last[0]) + 4
        if x + width > rect.right():  # at the year's end the label ran off the chart: left of the dot
            x = x_of(last[0]) - 4 - width
        painter.drawText(QPointF(x, y_of(last[2]) - 4), text)
    painter.restore()
