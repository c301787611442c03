"""A report as a chain of small paginated documents sharing one run of pages.

QTextDocument re-lays out a whole document after a change and paints a page
by walking the whole document, so one document holding a 10,000-row table
costs time that grows with the square of its length. The report is instead
written as segments: each area and each page of a long table is its own small
document. A segment that continues on the page where the previous one ended
starts with an invisible spacer as tall as the space already used, so its own
page 0 lines up with that page. Every segment is laid out once; a page is
painted from the one or two segments on it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

from planner_gui.reports.text_blocks import BODY_SIZE, new_document

_FIXED_HEIGHT = QTextBlockFormat.LineHeightTypes.FixedHeight.value


@dataclass
class Segment:
    doc: QTextDocument
    first_page: int
    last_page: int = -1  # known once the report is finished


class Flow:
    """Where the report is being written: the current segment and its cursor."""

    def __init__(self, prepare: Callable[[QTextDocument], None] | None = None) -> None:
        self.prepare = prepare
        self.segments: list[Segment] = []
        self.handlers: list[object] = []  # text-object handlers the documents point to
        self.page_height = BODY_SIZE.height()
        self.doc: QTextDocument
        self.cursor: QTextCursor
        self._open(0, 0.0)

    def _open(self, page: int, offset: float) -> None:
        self.doc = new_document()
        if self.prepare is not None:
            self.prepare(self.doc)
        self.cursor = QTextCursor(self.doc)
        if offset > 2:
            # The first block's top margin is ignored, so: a 1 px block, then a
            # 1 px block whose margin makes up the rest, then the content.
            tiny = QTextBlockFormat()
            tiny.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(tiny)
            spacer = QTextBlockFormat(tiny)
            spacer.setTopMargin(offset - 2)
            self.cursor.insertBlock(spacer)
            self.cursor.insertBlock(QTextBlockFormat())
        self.segments.append(Segment(self.doc, page))
        self.cursor.beginEditBlock()

    def position(self) -> tuple[int, float]:
        """(page, y on that page) where the next content would start; lays out the segment."""
        self.cursor.endEditBlock()
        self.cursor.beginEditBlock()
        layout = self.doc.documentLayout()
        bottom = layout.blockBoundingRect(self.doc.lastBlock()).bottom()
        page, offset = divmod(bottom, self.page_height)
        return self.segments[-1].first_page + int(page), offset

    def room_left(self) -> float:
        return self.page_height - self.position()[1]

    def new_segment(self, new_page: bool = False) -> None:
        """Continue in a fresh document, on the same page (below what is there) or the next."""
        self.trim_last_block()
        page, offset = self.position()
        self.cursor.endEditBlock()
        if new_page and offset > 1:
            page, offset = page + 1, 0.0
        self._open(page, offset)

    def trim_last_block(self) -> None:
        """An empty block left after a table would take a line: make it 1 px high.

        Done once: any change to the segment lays all of it out again (a page's
        table included), so a long table trims the block after it as soon as
        it is made, before its rows are laid out (paged_table.py)."""
        last = self.doc.lastBlock()
        if last.length() <= 1 and last.blockNumber() > 0:
            fmt = last.blockFormat()
            if (fmt.lineHeightType() == _FIXED_HEIGHT and fmt.lineHeight() == 1
                    and fmt.topMargin() == 0 and fmt.bottomMargin() == 0):
                return
            fmt.setLineHeight(1, _FIXED_HEIGHT)
            fmt.setTopMargin(0)
            fmt.setBottomMargin(0)
            QTextCursor(last).setBlockFormat(fmt)

    def finish(self) -> Flow:
        self.trim_last_block()
        self.cursor.endEditBlock()
        for segment in self.segments:
            # the page of the last block's bottom, not doc.pageCount(): a document
            # ending with a tall chart (a timeline page) counted a blank page after it
            layout = segment.doc.documentLayout()
            bottom = layout.blockBoundingRect(segment.doc.lastBlock()).bottom()
            pages = max(1, math.ceil(bottom / self.page_height - 1e-6))
            segment.last_page = segment.first_page + min(pages, segment.doc.pageCount()) - 1
        return self

    def page_count(self) -> int:
        return max(s.last_page for s in self.segments) + 1

    def pages(self) -> Iterator[list[tuple[QTextDocument, int]]]:
        """For each page in turn, the segments on it with their own page number."""
        waiting = iter(self.segments)
        upcoming = next(waiting, None)
        active: list[Segment] = []
        for page in range(self.page_count()):
            while upcoming is not None and upcoming.first_page <= page:
                active.append(upcoming)
                upcoming = next(waiting, None)
            active = [s for s in active if s.last_page >= page]
            yield [(s.doc, page - s.first_page) for s in active]
