"""The status light as a picture: a coloured dot sized to the font, one per
status, drawn once and shown by the plan tree and the editor's figures."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from planner_gui.domain.progress import STATUS_COLOURS, Status

STATUS_QCOLOURS = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}


def light_pixmaps(colours: dict[Status, QColor], font_height: int, ratio: float) -> dict[Status, QPixmap]:
    """The status light of each status: a coloured dot sized to the font.

    The tree's model hands these out as the status column's decoration, so Qt
    draws them without calling Python for every row painted (a delegate that
    drew the dot cost 2-3 ms of every repaint of a screenful of rows). The
    editor shows them too: its dot was a style sheet, and setting one
    re-polishes the label (4 ms of every commit after idle)."""
    size = font_height * 3 // 4
    diameter = font_height * 0.6
    lights = {}
    for status, colour in colours.items():
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QColor(colour))
        offset = (size - diameter) / 2
        painter.drawEllipse(QRectF(offset, offset + 1, diameter, diameter))
        painter.end()
        lights[status] = pixmap
    return lights
