"""Building blocks for report documents made with QTextCursor.

User text only ever goes in through ``QTextCursor.insertText``: it is never
parsed as HTML, so a title "<b>x</b>" prints with its tags and an <img> in a
progress note is just characters. ``SafeTextDocument`` also refuses every
resource, so nothing could be loaded even if markup slipped in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from planner_gui.reports.fonts import report_font

# Documents are laid out in CSS pixels (96 per inch) and scaled to the device.
LAYOUT_DPI = 96
MM = LAYOUT_DPI / 25.4
A4_MM = (210.0, 297.0)
# Binding margin on the left (装订线), room for the running header and footer.
MARGINS_MM = {"left": 30.0, "right": 20.0, "top": 26.0, "bottom": 22.0}
BODY_SIZE = QSizeF((A4_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) * MM,
                   (A4_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]) * MM)
HEADER_FILL = QColor("#eef1f5")
RULE = QColor("#9ca3af")
MUTED = QColor("#4b5563")


class SafeTextDocument(QTextDocument):
    """A QTextDocument that never loads an image, style sheet or any other resource.

    Returning nothing is not enough: for an empty answer Qt's image handler
    opens a local file itself. So every image is a blank 1x1 pixel, and any
    other resource is empty.
    """

    def loadResource(self, resource_type: int, url: object) -> object:  # noqa: N802 - Qt API
        if int(resource_type) == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return QByteArray()


_layout_device: QImage | None = None


def layout_device() -> QImage:
    """The 96-dpi device every report document is laid out for (and text measured on)."""
    global _layout_device
    if _layout_device is None:
        _layout_device = QImage(4, 4, QImage.Format.Format_RGB32)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        _layout_device.setDotsPerMeterX(dots_per_metre)
        _layout_device.setDotsPerMeterY(dots_per_metre)
    return _layout_device


def new_document() -> SafeTextDocument:
    """An empty A4 document body laid out at 96 dpi, whatever the screen's dpi."""
    doc = SafeTextDocument()
    doc.documentLayout().setPaintDevice(layout_device())
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(report_font(10.5))
    doc.setPageSize(BODY_SIZE)
    return doc


def char_format(size: float = 10.5, bold: bool = False, colour: QColor | str | None = None
                ) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(report_font(size, bold))
    if colour is not None:
        fmt.setForeground(QBrush(QColor(colour)))
    return fmt


def block_format(align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, top: float = 0,
                 bottom: float = 0, indent_px: float = 0, page_break: bool = False
                 ) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(align)
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(indent_px)
    fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if page_break:
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    return fmt


def new_block(cursor: QTextCursor, block: QTextBlockFormat, fmt: QTextCharFormat) -> None:
    """Start a paragraph: in the empty block the cursor is in (the start of a
    document, or the block after a table), else in a new block."""
    if cursor.block().length() <= 1 and cursor.atBlockStart():
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(fmt)
    else:
        cursor.insertBlock(block, fmt)


def paragraph(cursor: QTextCursor, text: str, fmt: QTextCharFormat,
              block: QTextBlockFormat | None = None) -> None:
    """A new paragraph holding ``text`` literally."""
    new_block(cursor, block or block_format(), fmt)
    cursor.insertText(text, fmt)


def runs(cursor: QTextCursor, parts: Sequence[tuple[str, QTextCharFormat]],
         block: QTextBlockFormat | None = None) -> None:
    """A new paragraph of differently formatted runs of literal text."""
    new_block(cursor, block or block_format(), parts[0][1] if parts else char_format())
    for text, fmt in parts:
        cursor.insertText(text, fmt)


def heading(cursor: QTextCursor, text: str, level: int = 1, page_break: bool = False) -> None:
    size, top = {0: (18, 0), 1: (14, 14), 2: (12, 10)}[level]
    align = Qt.AlignmentFlag.AlignCenter if level == 0 else Qt.AlignmentFlag.AlignLeft
    fmt = block_format(align, top=top, bottom=6, page_break=page_break)
    fmt.setHeadingLevel(level + 1)
    paragraph(cursor, text, char_format(size, bold=True), fmt)


# Looked up once: a PySide6 enum member costs a Python call per lookup, and
# these are used for every page of a long table and every cell.
_PERCENT = QTextLength.Type.PercentageLength
CELL_PADDING = 3.5
CELL_BORDER = 0.6


def start_table(cursor: QTextCursor, rows: int, widths: Sequence[float],
                header: Sequence[str] | None = None, border: bool = True) -> QTextTable:
    """A full-width table with column widths in percent; a header row repeats on every page."""
    fmt = QTextTableFormat()
    fmt.setWidth(QTextLength(_PERCENT, 100))
    fmt.setColumnWidthConstraints([QTextLength(_PERCENT, w) for w in widths])
    fmt.setCellPadding(CELL_PADDING)
    fmt.setCellSpacing(0)
    fmt.setBorder(CELL_BORDER if border else 0)
    fmt.setBorderBrush(QBrush(RULE))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid
                       if border else QTextFrameFormat.BorderStyle.BorderStyle_None)
    fmt.setBorderCollapse(True)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(8)
    if header:
        fmt.setHeaderRowCount(1)
    table = cursor.insertTable(rows + (1 if header else 0), len(widths), fmt)
    if header:
        bold = char_format(9, bold=True)
        for column, text in enumerate(header):
            cell = table.cellAt(0, column)
            cell_fmt = cell.format()
            cell_fmt.setBackground(QBrush(HEADER_FILL))
            cell.setFormat(cell_fmt)
            set_cell(table, 0, column, text, bold, Qt.AlignmentFlag.AlignCenter)
    return table


_cell_blocks: dict[Qt.AlignmentFlag, QTextBlockFormat] = {}  # one per alignment (copied by Qt)


def set_cell(table: QTextTable, row: int, column: int, text: str, fmt: QTextCharFormat,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextCursor:
    cursor = table.cellAt(row, column).firstCursorPosition()
    block = _cell_blocks.get(align)
    if block is None:
        block = _cell_blocks[align] = QTextBlockFormat()
        block.setAlignment(align)
    cursor.setBlockFormat(block)
    cursor.insertText(text, fmt)
    return cursor


def after_table(cursor: QTextCursor, table: QTextTable) -> None:
    """Move the cursor past the table so the next paragraph follows it."""
    cursor.setPosition(table.lastPosition() + 1)
