"""Paginate a report document onto A4 pages: the PDF file and the print preview.

The document body is laid out once at 96 dpi (text_blocks.BODY_SIZE per page);
each page is painted through a QPainter scaled to the device, with the
running header (plan title, as-of date) and the footer (第 X 页 / 共 Y 页)
drawn in the margins. On a QPdfWriter the text stays text (embedded font,
searchable) and the charts stay vectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from planner_gui.domain.dates import format_date_words
from planner_gui.replacing import replacing
from planner_gui.reports.flow import Flow
from planner_gui.reports.fonts import ensure_gui_app, painter_font, register_fonts
from planner_gui.reports.labels import label
from planner_gui.reports.report_data import ProgressCallback, ReportCancelled, ReportData
from planner_gui.reports.summary_document import DocumentOptions, build_document
from planner_gui.reports.text_blocks import (
    A4_MM,
    BODY_SIZE,
    LAYOUT_DPI,
    MARGINS_MM,
    MM,
    MUTED,
    RULE,
)

PDF_RESOLUTION = 300


@dataclass(frozen=True)
class RunningText:
    """What the header and footer of every page say."""

    title: str
    right: str
    lang: str


def running_text(data: ReportData) -> RunningText:
    colon = "：" if data.lang == "zh" else ": "
    return RunningText(data.title, label(data.lang, "as_of") + colon
                       + format_date_words(data.as_of, data.lang), data.lang)


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0))


def _header_footer(painter: QPainter, text: RunningText, page: int, pages: int) -> None:
    page_width = A4_MM[0] * MM
    left = MARGINS_MM["left"] * MM
    right = page_width - MARGINS_MM["right"] * MM
    rule_y = (MARGINS_MM["top"] - 6) * MM
    font = painter_font(8.5)
    painter.setFont(font)
    painter.setPen(MUTED)
    width = right - left
    metrics = QFontMetricsF(font)
    right_width = metrics.horizontalAdvance(text.right) + 4
    title = metrics.elidedText(text.title, Qt.TextElideMode.ElideRight, width - right_width - 12)
    box = QRectF(left, rule_y - 16, width, 14)
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, text.right)
    painter.setPen(QPen(RULE, 0.6))
    painter.drawLine(QPointF(left, rule_y), QPointF(right, rule_y))
    footer_y = (A4_MM[1] - MARGINS_MM["bottom"] + 8) * MM
    painter.setPen(MUTED)
    painter.drawText(QRectF(left, footer_y, width, 14), Qt.AlignmentFlag.AlignCenter,
                     label(text.lang, "page", page, pages))


def paint_document(flow: Flow, device: QPagedPaintDevice, text: RunningText,
                   progress: ProgressCallback | None = None) -> int:
    """Paint every page of the report on ``device`` (a QPdfWriter or a QPrinter); returns pages."""
    pages = flow.page_count()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting the document")
    try:
        scale = device.logicalDpiX() / LAYOUT_DPI
        painter.scale(scale, scale)
        origin = QPointF(MARGINS_MM["left"] * MM, MARGINS_MM["top"] * MM)
        for page, parts in enumerate(flow.pages()):
            if progress is not None and not progress(
                    0.5 + 0.5 * page / pages, label(text.lang, "progress_page", page + 1, pages)):
                raise ReportCancelled()
            if page:
                device.newPage()
            for doc, own_page in parts:
                painter.save()
                clip = QRectF(0, own_page * BODY_SIZE.height(), BODY_SIZE.width(),
                              BODY_SIZE.height())
                painter.translate(origin - clip.topLeft())
                painter.setClipRect(clip)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = clip
                doc.documentLayout().draw(painter, context)
                painter.restore()
            _header_footer(painter, text, page + 1, pages)
    finally:
        painter.end()
    return pages


def write_pdf(data: ReportData, path: Path | str, options: DocumentOptions | None = None,
              progress: ProgressCallback | None = None) -> int:
    """Write the report as an A4 PDF; returns the number of pages.

    The file is written beside the target and moved into place at the end,
    so a cancelled or failed export never leaves half a PDF (or destroys an
    older one) under the chosen name.
    """
    ensure_gui_app()
    register_fonts()
    doc = build_document(data, options, progress)
    with replacing(Path(path)) as partial:
        writer = QPdfWriter(str(partial))
        writer.setPageLayout(a4_layout())
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(data.title)
        writer.setCreator("planner-gui")
        pages = paint_document(doc, writer, running_text(data), progress)
        del writer  # flushes and closes the file
    return pages
