"""The printed summary as a paginated QTextDocument (A4 body, 96 dpi layout).

Every piece of user text is inserted with QTextCursor.insertText (literal,
never HTML). Tables are filled row by row, not from one big HTML string, so
a plan of 10,000 tasks costs memory in proportion to its rows only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainter, QPyTextObject, QTextCharFormat, QTextCursor, QTextFormat

from planner_gui.domain.dates import format_date_words
from planner_gui.domain.progress import STATUS_COLOURS, STATUS_ORDER, Status, status_word
from planner_gui.domain.rounding import format_progress
from planner_gui.domain.timeline import DueItem, group_by_unit, zoom_span
from planner_gui.reports import pdf_charts, timeline_paint
from planner_gui.reports.flow import Flow
from planner_gui.reports.fonts import painter_font, register_fonts
from planner_gui.reports.labels import label, section_number, sub_number
from planner_gui.reports.paged_table import Cell, PagedTable, fit_widths
from planner_gui.reports.report_data import (
    ProgressCallback,
    ReportCancelled,
    ReportData,
    TaskRow,
    attention_problems,
)
from planner_gui.reports.text_blocks import (
    BODY_SIZE,
    MUTED,
    after_table,
    block_format,
    char_format,
    heading,
    new_block,
    paragraph,
    runs,
    set_cell,
    start_table,
)

CHART_OBJECT = int(QTextFormat.ObjectTypes.UserObject.value) + 1
CHART_KEY = int(QTextFormat.Property.UserProperty.value) + 1


@dataclass
class DocumentOptions:
    charts: bool = True
    update_texts: bool = True
    summary: bool = True
    letter: bool = False
    timeline: bool = False  # one timeline page per area (ReportData.timelines)


class ChartObjects(QPyTextObject):
    """Draws the charts placed in the text as objects: vector paths on any device."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.charts: dict[int, tuple[float, Callable[[QPainter, QRectF], None]]] = {}

    def add(self, height: float, draw: Callable[[QPainter, QRectF], None]) -> int:
        key = len(self.charts) + 1
        self.charts[key] = (height, draw)
        return key

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:  # noqa: N802 - Qt API
        height, _ = self.charts.get(int(fmt.property(CHART_KEY) or 0), (1.0, None))
        return QSizeF(BODY_SIZE.width() - 2, height)

    def drawObject(self, painter, rect, doc, pos, fmt) -> None:  # noqa: N802 - Qt API
        entry = self.charts.get(int(fmt.property(CHART_KEY) or 0))
        if entry is not None:
            entry[1](painter, QRectF(rect))


def _check(progress: ProgressCallback | None, fraction: float, message: str) -> None:
    if progress is not None and not progress(fraction, message):
        raise ReportCancelled()


def _percent(value: float) -> str:
    return format_progress(value)


class SummaryWriter:
    """Writes the sections of the summary into a document, in order."""

    def __init__(self, data: ReportData, options: DocumentOptions,
                 progress: ProgressCallback | None) -> None:
        self.data = data
        self.lang = data.lang
        self.options = options
        self.progress = progress
        self.charts = ChartObjects(None)
        self.flow = Flow(prepare=lambda doc: doc.documentLayout().registerHandler(
            CHART_OBJECT, self.charts))
        self.flow.handlers = [self.charts]  # the documents keep only a pointer to it
        self.body = char_format(10.5)
        self.small = char_format(9)
        self.muted = char_format(9, colour=MUTED)
        self.section = 0
        self._formats: dict[tuple, QTextCharFormat] = {}

    @property
    def cursor(self) -> QTextCursor:
        return self.flow.cursor

    def t(self, key: str, *args: object) -> str:
        return label(self.lang, key, *args)

    def next_section(self, key: str, new_segment: bool = False, need: float = 90) -> None:
        self.section += 1
        self.heading(f"{section_number(self.section, self.lang)}{self.t(key)}", 1,
                     new_segment=new_segment, need=need)

    def heading(self, text: str, level: int, page_break: bool = False, need: float = 90,
                new_segment: bool = False) -> None:
        """A heading, moved to the next page when less than ``need`` px would be left
        below it (QTextDocument has no keep-with-next)."""
        short = page_break or self.flow.room_left() < need
        if new_segment:
            self.flow.new_segment(new_page=short)
            short = False
        heading(self.cursor, text, level, short)

    # --- title and overview --------------------------------------------------

    def title(self, subtitle_key: str = "summary") -> None:
        d = self.data
        paragraph(self.cursor, d.title, char_format(18, bold=True),
                  block_format(Qt.AlignmentFlag.AlignCenter, bottom=4))
        paragraph(self.cursor, self.t(subtitle_key), char_format(14),
                  block_format(Qt.AlignmentFlag.AlignCenter, bottom=6))
        line = (f"{self.t('as_of')}：{format_date_words(d.as_of, self.lang)}　　"
                f"{self.t('generated')}：{format_date_words(d.generated, self.lang)}　　"
                f"{self.t('scope')}：{d.scope.describe(self.lang, d.leaf_count)}")
        if self.lang != "zh":
            line = line.replace("：", ": ").replace("　　", "    ")
        paragraph(self.cursor, line, self.muted, block_format(Qt.AlignmentFlag.AlignCenter,
                                                               bottom=8))

    def overview(self) -> None:
        d = self.data
        self.next_section("overview")
        table = start_table(self.cursor, 1, [100 / len(STATUS_ORDER)] * len(STATUS_ORDER),
                            header=[status_word(s, self.lang) for s in STATUS_ORDER])
        for column, status in enumerate(STATUS_ORDER):
            set_cell(table, 1, column, str(d.counts[status]),
                     char_format(16, bold=True, colour=STATUS_COLOURS[status]),
                     Qt.AlignmentFlag.AlignCenter)
            header_cursor = table.cellAt(0, column).firstCursorPosition()
            header_cursor.insertText("● ", char_format(9, colour=STATUS_COLOURS[status]))
        after_table(self.cursor, table)
        declared = (self.t("declared_counts", d.declared_areas or "—", d.declared_tasks or "—")
                    if d.declared_areas or d.declared_tasks else self.t("not_declared"))
        sep = "；" if self.lang == "zh" else "; "
        colon = "：" if self.lang == "zh" else ": "
        bold = char_format(10.5, bold=True)
        runs(self.cursor, [
            (self.t("overall_progress") + colon, self.body), (_percent(d.progress), bold),
            (sep + self.t("leaf_tasks") + colon, self.body), (self.t("items", d.leaf_count), bold),
            (sep + self.t("not_reported") + colon, self.body),
            (self.t("items", d.not_reported), bold),
        ], block_format(top=4))
        runs(self.cursor, [
            (self.t("declared") + colon, self.body), (declared, bold),
            (sep + self.t("entered") + colon, self.body),
            (self.t("entered_counts", d.entered_areas, d.entered_tasks), bold),
        ], block_format(bottom=4))

    def charts_section(self) -> None:
        d = self.data
        if not d.areas:
            return
        areas = [(s.name, s.counts) for s in d.areas]
        paragraph(self.cursor, self.t("chart_lights"), char_format(10, bold=True),
                  block_format(Qt.AlignmentFlag.AlignCenter, top=8, bottom=2))
        self._insert_chart(pdf_charts.light_chart_height(len(areas)),
                           lambda p, r: pdf_charts.draw_light_bars(p, r, areas, self.lang))
        if d.history:
            paragraph(self.cursor, self.t("chart_history"), char_format(10, bold=True),
                      block_format(Qt.AlignmentFlag.AlignCenter, top=8, bottom=2))
            self._insert_chart(200, lambda p, r: pdf_charts.draw_history(
                p, r, d.history, self.lang, d.year))

    def _insert_chart(self, height: float, draw: Callable[[QPainter, QRectF], None]) -> None:
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_KEY, self.charts.add(height, draw))
        new_block(self.cursor, block_format(Qt.AlignmentFlag.AlignCenter), fmt)
        self.cursor.insertText("\ufffc", fmt)

    # --- per area tables -----------------------------------------------------

    def columns(self) -> tuple[list[str], list[float]]:
        keys = ["col_no", "col_task", "col_leader", "col_unit", "col_deadline",
                "col_progress", "col_status"]
        widths = [6.0, 30.0, 11.0, 15.0, 14.0, 12.0, 12.0]
        if self.options.update_texts:
            keys.append("col_latest")
            widths = [6.0, 19.5, 9.5, 10.0, 10.5, 9.5, 7.0, 28.0]
            if self.lang == "en":  # longer words: "Progress", "On track" must not break
                widths = [5.0, 19.0, 8.5, 9.5, 8.0, 9.0, 10.0, 31.0]
        header = [self.t(k) for k in keys]
        rows = [row for section in self.data.areas for row in section.rows]
        status = self.fmt(9, bold=True)
        texts = {  # column: (what it holds, in which format, never wrapped)
            0: ({row.number for row in rows}, self.small, True),
            2: ({row.leader for row in rows}, self.small, False),
            3: ({row.lead_unit for row in rows}, self.small, False),
            4: ({row.deadline for row in rows}, self.small, False),
            5: ({_percent(row.progress) for row in rows}, self.small, True),
            6: ({status_word(row.status, self.lang) for row in rows}, status, True),
        }
        stretch = [1]
        if self.options.update_texts:
            if any(row.latest_text for row in rows):
                stretch.append(7)
            else:  # no progress text anywhere: the tasks get the room
                texts[7] = (set(), self.small, False)
        return header, fit_widths(widths, texts, header, stretch=stretch)

    def area_tables(self) -> None:
        d = self.data
        self.next_section("by_area", need=200)  # with the first area's heading and rows
        if not d.areas:
            paragraph(self.cursor, self.t("no_tasks"), self.body)
        header, widths = self.columns()
        bold = self.fmt(9, bold=True)
        header_height = PagedTable(self.flow, widths, header, self._task_cells).row_height(
            [Cell([(text, bold)], Qt.AlignmentFlag.AlignCenter) for text in header])
        for index, section in enumerate(d.areas, start=1):
            _check(self.progress, 0.1 + 0.3 * index / len(d.areas), section.name)
            table = PagedTable(self.flow, widths, header, self._task_cells)
            # The heading needs room for its line, the area's figures, the table's
            # header and its first row: a first task of three or four lines went
            # to the next page and left the heading alone at the bottom.
            first = table.row_height(self._task_cells(section.rows[0])) if section.rows else 0.0
            self.heading(f"{sub_number(self.section, index, self.lang)}{section.name}", 2,
                         need=110 + header_height + first, new_segment=True)
            leaves = sum(section.counts.values())
            paragraph(self.cursor, self.t("area_progress", _percent(section.progress),
                                          self.t("items", leaves)), self.muted)
            if not section.rows:
                paragraph(self.cursor, self.t("no_tasks"), self.body)
                continue
            table.add(section.rows)

    def fmt(self, size: float, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
        """A character format, made once (a QFont per table cell is slow at 10,000 rows)."""
        key = (size, bold, colour)
        if key not in self._formats:
            self._formats[key] = char_format(size, bold, colour)
        return self._formats[key]

    def _task_cells(self, row: TaskRow) -> list[Cell]:
        centre = Qt.AlignmentFlag.AlignCenter
        small = self.small
        bold = self.fmt(9, bold=True) if row.depth == 0 and not row.is_leaf else small
        cells = [
            Cell([(row.number, small)], centre),
            Cell([("　" * row.depth + row.title, bold), *(("　" + detail, small) for detail in row.details)]),
            Cell([(row.leader, small)], centre),
            Cell([(row.lead_unit, small)], centre),
            Cell([(row.deadline, small)], centre),
            Cell([(_percent(row.progress), small)], centre),
            Cell([(status_word(row.status, self.lang), self.fmt(9, bold=True, colour=STATUS_COLOURS[row.status]))],
                 centre),
        ]
        if self.options.update_texts:
            cells.append(Cell([(format_date_words(row.latest_date, self.lang) + " ", self.muted),
                               (row.latest_text, small)] if row.latest_date is not None else []))
        return cells

    # --- attention and highlights ------------------------------------------------

    def attention(self) -> None:
        self.next_section("attention", new_segment=True)
        items = self.data.attention
        if not items:
            paragraph(self.cursor, self.t("attention_none"), self.body)
        colon = "：" if self.lang == "zh" else ": "
        for index, (area, row) in enumerate(items, start=1):
            if index % 200 == 0:
                _check(self.progress, 0.4 + 0.05 * index / len(items), self.t("attention"))
            word = status_word(row.status, self.lang)
            runs(self.cursor, [
                (f"{index}. ", self.body),
                (f"【{word}】" if self.lang == "zh" else f"[{word}] ",
                 self.fmt(10.5, bold=True, colour=STATUS_COLOURS[row.status])),
                (row.title, self.fmt(10.5, bold=True)),
                (f"（{area}；{row.leader or '—'}；{row.deadline or '—'}；{_percent(row.progress)}）"
                 if self.lang == "zh" else
                 f" ({area}; {row.leader or '—'}; {row.deadline or '—'}; {_percent(row.progress)})",
                 self.muted),
            ], block_format(top=4))
            problems = attention_problems(row, self.lang)
            if problems:  # an empty one said "（未填写存在问题）" under every item
                paragraph(self.cursor, self.t("problems") + colon + problems, self.body,
                          block_format(indent_px=18))
            if self.options.update_texts and row.next_steps:
                paragraph(self.cursor, self.t("next_steps") + colon + row.next_steps, self.body,
                          block_format(indent_px=18))

    def upcoming(self) -> None:
        """近期时间节点: what falls due within the due-soon window and what was missed, by
        unit; a paged table per unit (a city's plan lists thousands: one document of
        that many paragraphs took 300 MB more to lay out)."""
        d = self.data
        self.next_section("upcoming", new_segment=True)
        if not d.upcoming and not d.older_missed:
            paragraph(self.cursor, self.t("upcoming_none", d.due_soon_days), self.body)
            return
        paragraph(self.cursor, self.t("upcoming_intro", d.due_soon_days), self.muted)
        header = [self.t(k) for k in ("col_day", "col_light", "col_task", "col_milestone")]
        widths = [20.0, 12.0, 38.0, 30.0]
        for index, (unit, items) in enumerate(group_by_unit(d.upcoming, d.older_missed), start=1):
            if index % 20 == 0:
                _check(self.progress, 0.45, self.t("upcoming"))
            missed = sum(1 for item in items if item.missed)
            older = d.older_missed.get(unit, 0)
            self.heading(f"{unit or self.t('no_unit')}"
                         f"{self.t('upcoming_counts', len(items) - missed, missed)}"
                         + (self.t("upcoming_older", older) if older else ""), 2,
                         need=110 if items else 40, new_segment=True)
            if items:
                PagedTable(self.flow, widths, header, self._due_cells).add(items)

    def _due_cells(self, item: DueItem) -> list[Cell]:
        centre = Qt.AlignmentFlag.AlignCenter
        small = self.small
        word = self.t("upcoming_missed" if item.missed else "upcoming_due")
        state = (self.fmt(9, bold=True, colour=STATUS_COLOURS[Status.RED]) if item.missed
                 else self.fmt(9, bold=True))
        return [
            Cell([(format_date_words(item.day, self.lang), small)], centre),
            Cell([(word, state)], centre),
            Cell([(item.task_title, small)]),
            Cell([(item.milestone or self.t("upcoming_deadline"), small)]),
        ]

    def timeline_pages(self) -> None:
        """One page per area (more for a long area): its tasks across the plan's year."""
        d = self.data
        if not d.timelines:
            return
        self.next_section("timeline", new_segment=True, need=self.flow.page_height)  # a new page
        span = zoom_span("year", d.year, d.as_of)
        font = painter_font(7.5)
        for index, (name, bars) in enumerate(d.timelines, start=1):
            start = 0
            while start < len(bars):
                title = f"{sub_number(self.section, index, self.lang)}{name}"
                if start:
                    title += self.t("timeline_continued")
                if index > 1 or start:
                    self.flow.new_segment(new_page=True)
                heading(self.cursor, title, 2, False)
                # the legend first: the rows that fit are counted from the room really left
                paragraph(self.cursor, self.t("timeline_legend"), self.muted, block_format(bottom=4))
                room = self.flow.room_left() - timeline_paint.page_height(0) - 16  # the chart's line
                count = max(1, int(room // timeline_paint.PAGE_ROW_HEIGHT))
                chunk = bars[start:start + count]
                self._insert_chart(timeline_paint.page_height(len(chunk)),
                                   lambda p, r, c=chunk: timeline_paint.draw_page_timeline(
                                       p, r, c, span, d.as_of, self.lang, font))
                start += len(chunk)

    def highlights(self) -> None:
        self.next_section("highlights", new_segment=True)
        items = self.data.highlights
        if not items:
            paragraph(self.cursor, self.t("highlights_none"), self.body)
        for index, item in enumerate(items, start=1):
            runs(self.cursor, [
                (f"{index}. ", self.body), (item.task_title, self.fmt(10.5, bold=True)),
                (f"（{format_date_words(item.day, self.lang)}）" if self.lang == "zh"
                 else f" ({format_date_words(item.day, self.lang)})", self.muted),
            ], block_format(top=4))
            if self.options.update_texts and item.text:
                paragraph(self.cursor, item.text, self.body, block_format(indent_px=18))


def build_document(data: ReportData, options: DocumentOptions | None = None,
                   progress: ProgressCallback | None = None) -> Flow:
    """The whole report (summary, then the letter if asked) as a run of A4 pages."""
    register_fonts()  # also makes the Qt application a command-line run lacks
    options = options or DocumentOptions()
    writer = SummaryWriter(data, options, progress)
    if options.summary:
        writer.title()
        writer.overview()
        if options.charts:
            writer.charts_section()
        writer.area_tables()
        writer.attention()
        writer.upcoming()
        writer.highlights()
        if options.timeline:
            writer.timeline_pages()
    if options.letter:
        from planner_gui.reports.letter import write_letter

        write_letter(writer.flow, data, new_page=options.summary)
    _check(progress, 0.5, label(data.lang, "summary"))
    return writer.flow.finish()


__all__ = ["DocumentOptions", "build_document", "Status"]
