"""The Timeline view: the rows the plan tree shows, as bars across the year.

One row per row of the tree that is on screen, in the tree's order and with
its filter and expansion, so scrolling the tree scrolls the timeline (and the
wheel over the timeline scrolls the tree). Only those rows are built and
painted: at 10,000 tasks a scroll or an as-of change touches a screenful.
Every figure is the tree's (the rows' cached TaskFigures, from evaluate_plan);
the bars' geometry is planner_gui.domain.timeline's.

The as-of date is a vertical line the user can drag: on release the
document's as-of date is set, and the tree, editor, chart and this view follow
the document (``PlanDocument.as_of_changed``), whoever set it. A hidden
timeline is not refreshed (ui/deferred_refresh.py): it is once shown again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.progress import STATUS_COLOURS, Status, status_word
from planner_gui.domain.timeline import ZOOMS, Bar, MarkState, Span, task_bar, zoom_span
from planner_gui.reports.timeline_paint import RowStyle, TimelineRow
from planner_gui.ui.deferred_refresh import DeferredRefresh
from planner_gui.ui.editor.fields import plain_tip
from planner_gui.ui.timeline_items import RowsItem, TimelineAxis

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.plan_tree import Node


ZOOM_WORDS = {"year": QT_TRANSLATE_NOOP("Timeline", "Year"), "quarter": QT_TRANSLATE_NOOP("Timeline", "Quarter"), "month": QT_TRANSLATE_NOOP("Timeline", "Month")}


class TimelinePlot(pg.PlotWidget):
    """The plot; the wheel scrolls the tree instead of zooming."""

    def __init__(self, panel: TimelinePanel, lang: str) -> None:
        self.panel: TimelinePanel | None = None  # pyqtgraph resizes during its own set-up
        super().__init__(panel, axisItems={"top": TimelineAxis(lang)})
        self.panel = panel

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.panel is not None:
            self.panel.scroll_tree(event.angleDelta().y())
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.panel is not None:
            self.panel.schedule()


class TimelinePanel(QWidget):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.window_ = window  # its tree: the rows shown and their figures
        self.document = window.document  # the plan's year and the as-of date
        self.lang = window.language
        self.zoom = "year"
        self.rows: list[TimelineRow] = []
        self.nodes: list[Node] = []
        self.refresher = DeferredRefresh(self, self._refresh)
        self._year = self.document.outline.year
        self._placing = False  # the line is being put at the document's date (not dragged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(QLabel(translate("Timeline", "Zoom:")))
        self.zoom_buttons = QButtonGroup(self)
        for zoom in ZOOMS:
            button = QToolButton(self)
            button.setText(translate("Timeline", ZOOM_WORDS[zoom]))
            button.setCheckable(True)
            button.setChecked(zoom == self.zoom)
            button.setObjectName(f"zoom_{zoom}")
            button.clicked.connect(lambda _=False, z=zoom: self.set_zoom(z))
            self.zoom_buttons.addButton(button)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.plot = TimelinePlot(self, self.lang)
        self.plot.setObjectName("timelinePlot")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.showAxis("top")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        view = self.plot.getViewBox()
        view.setMouseEnabled(x=False, y=False)
        view.invertY(True)
        view.enableAutoRange(enable=False)
        view.setDefaultPadding(0)
        layout.addWidget(self.plot, 1)

        self.style_ = RowStyle(text=QColor(), grid=QColor(), quarter_grid=QColor(),
                               heading_fill=QColor(), row_height=24.0,
                               inline_titles=True, hairlines=True)
        self.item = RowsItem(self.style_, self._clicked, self._hover)
        self.item.lang = self.lang
        self.plot.addItem(self.item)
        self.as_of_line = pg.InfiniteLine(angle=90, movable=True,
                                          pen=pg.mkPen(STATUS_COLOURS[Status.RED], width=2, style=Qt.PenStyle.DashLine),
                                          hoverPen=pg.mkPen(STATUS_COLOURS[Status.RED], width=4))
        self.as_of_label = pg.InfLineLabel(self.as_of_line, text="", position=0.97,
                                           anchors=[(0, 0.5), (0, 0.5)])
        self.as_of_line.setZValue(10)
        self.plot.addItem(self.as_of_line)
        self.as_of_line.sigPositionChanged.connect(self._line_moved)
        self.as_of_line.sigPositionChangeFinished.connect(self._line_dropped)
        view.sigResized.connect(self.schedule)
        self._apply_palette()
        self._connect()
        self._apply_zoom()

    # --- following the tree and the document ------------------------------

    def _connect(self) -> None:
        w, document = self.window_, self.document
        tree, model = w.tree, w.model
        scroll = tree.verticalScrollBar()
        # Scrolling: at once, so that the tree and the timeline are painted in the same
        # frame. Model changes come in bursts (and mid-rebuild): once they are done.
        scroll.valueChanged.connect(self.refresh)
        for signal in (scroll.rangeChanged, tree.expanded, tree.collapsed,
                       model.dataChanged, model.layoutChanged, model.modelReset, model.rowsInserted,
                       model.rowsRemoved, tree.selectionModel().currentChanged, document.reading_finished):
            signal.connect(self.schedule)
        # Connected after the window's handlers (the panel is built after the window):
        # the tree rows hold the figures as of the new date by then, so one refresh shows it.
        document.as_of_changed.connect(self._as_of_changed)

    def schedule(self, *_args) -> None:
        """Refresh once the current event is done (many signals come in a burst)."""
        self.refresher.later()

    def refresh(self, *_args) -> None:
        """Refresh at once (if shown; else when shown)."""
        self.refresher.now()

    def _as_of_changed(self, as_of: date) -> None:
        span = self.span()
        if not span.first <= as_of <= span.last and self.zoom != "year":
            self._apply_zoom()
        self.refresh()

    def _refresh(self) -> None:
        """Rows for the tree rows on screen now, with their figures as of the date."""
        w, document = self.window_, self.document
        if document.outline.year != self._year:  # another plan (file) opened: its year
            self._apply_zoom()
        view = self.plot.getViewBox()
        height = max(1.0, view.height())
        range_x = view.viewRange()[0]
        view.setYRange(0, height, padding=0)
        self.item.set_bounds(QRectF(range_x[0], 0, range_x[1] - range_x[0], height))
        # the tree's own row height: one timeline row for each tree row on screen
        tree_row = w.tree.sizeHintForRow(0) if w.model.rowCount() else -1
        row_height = float(tree_row if tree_row > 0 else w.tree.fontMetrics().height() + 4)
        if row_height != self.style_.row_height:
            self.style_.row_height = row_height
            self._apply_palette()  # the titles' font follows the row height
        capacity = int(height // self.style_.row_height) + 1
        self.nodes = visible_nodes(w, capacity)
        as_of, year, reading = document.as_of, document.outline.year, document.reading
        rows: list[TimelineRow] = []
        for node in self.nodes:
            if node.kind == "area":
                rows.append(node.texts[0] if node.texts else getattr(node.source, "name", ""))
            else:
                figures = None if reading else node.figures
                rows.append(task_bar(node.source, figures, year, as_of))  # type: ignore[arg-type]
        selected = w.selected_task_id()
        if rows != self.rows or selected != self.style_.selected or self.item.moved:
            # an unchanged screen is not painted again (a refresh asked for twice)
            self.rows = rows
            self.style_.selected = selected
            self.item.set_rows(rows)
        self._place_line(as_of)

    # --- zoom and the as-of line -------------------------------------------

    def span(self) -> Span:
        return zoom_span(self.zoom, self.document.outline.year, self.document.as_of)

    def set_zoom(self, zoom: str) -> None:
        self.zoom = zoom
        for button in self.zoom_buttons.buttons():
            button.setChecked(button.objectName() == f"zoom_{zoom}")
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        year = self._year = self.document.outline.year
        span = self.span()
        self.plot.getViewBox().setXRange(span.first.toordinal(), span.last.toordinal() + 1, padding=0)
        self.as_of_line.setBounds((date(year - 1, 1, 1).toordinal(), date(year + 1, 12, 31).toordinal()))
        self.schedule()

    def _place_line(self, as_of: date) -> None:
        low, high = self.as_of_line.maxRange
        # a date years away from the plan's is not drawn at the edge of its range
        self.as_of_line.setVisible(low <= as_of.toordinal() <= high)
        self._placing = True
        self.as_of_line.setValue(as_of.toordinal() + 0.5)
        self._placing = False
        self.as_of_label.setText(as_of.isoformat())

    def line_date(self) -> date:
        return date.fromordinal(int(self.as_of_line.value()))

    def _line_moved(self) -> None:
        if not self._placing:
            self.as_of_label.setText(self.line_date().isoformat())

    def _line_dropped(self) -> None:
        day = self.line_date()
        if day != self.document.as_of:
            self.document.set_as_of(day)  # every view follows the document, this one too
        else:
            self._place_line(day)

    # --- the user's pointer ---------------------------------------------

    def scroll_tree(self, delta: int) -> None:
        scroll = self.window_.tree.verticalScrollBar()
        steps = round(delta / 120 * 3)
        scroll.setValue(scroll.value() - steps * max(1, scroll.singleStep()))

    def _clicked(self, row: int) -> None:
        if row < len(self.nodes):
            self.window_.select_item(self.nodes[row].id)

    def row_rect(self, row: int) -> QRectF:
        """Where a row is, in the plot widget's pixels (for tests and tooltips)."""
        view = self.plot.getViewBox()
        top = view.mapViewToScene(QPointF(view.viewRange()[0][0], row * self.style_.row_height))
        bottom = view.mapViewToScene(QPointF(view.viewRange()[0][1], (row + 1) * self.style_.row_height))
        return QRectF(self.plot.mapFromScene(top), self.plot.mapFromScene(bottom))

    def day_x(self, day: date) -> float:
        """The x of the start of a day, in the plot widget's pixels."""
        view = self.plot.getViewBox()
        return self.plot.mapFromScene(view.mapViewToScene(QPointF(day.toordinal(), 0))).x()

    def _hover(self, ev) -> None:
        if ev.isExit():
            QToolTip.hideText()
            return
        row = self.item.row_at(ev.pos().y())
        bar = self.rows[row] if row is not None else None
        if not isinstance(bar, Bar):
            QToolTip.hideText()
            return
        text = self.tooltip(bar)
        QToolTip.showText(QPoint(int(ev.screenPos().x()), int(ev.screenPos().y())) + QPoint(12, 12),
                          plain_tip(text), self.plot)

    def tooltip(self, bar: Bar) -> str:
        """Title, dates, progress and light, as plain text."""
        lines = [bar.title,
                 translate("Timeline", "Start: %s") % bar.start.isoformat(),
                 translate("Timeline", "Deadline: %s") % (translate("Timeline", "none") if bar.open_end else bar.end.isoformat()),
                 translate("Timeline", "Progress: %s") % f"{bar.progress:.0f}%"]
        if bar.planned is not None:
            lines.append(translate("Timeline", "Planned progress: %s") % f"{bar.planned:.0f}%")
        if bar.status is not None:
            lines.append(translate("Timeline", "Light: %s") % status_word(bar.status, self.lang))
        words = {MarkState.DONE: translate("Timeline", "done"), MarkState.PENDING: translate("Timeline", "not yet due"), MarkState.MISSED: translate("Timeline", "missed")}
        for mark in bar.milestones:
            lines.append(f"◆ {mark.day.isoformat()} {mark.title} ({words[mark.state]})")
        return "\n".join(lines)

    # --- colours -----------------------------------------------------------

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        self.plot.setBackground(base)
        axis = self.plot.getAxis("top")
        axis.setPen(text)
        axis.setTextPen(text)
        self.style_.text = text
        # opaque mixes of text and background: lines with alpha took 8 ms of each repaint
        self.style_.grid, self.style_.quarter_grid = _mix(text, base, 0.16), _mix(text, base, 0.45)
        self.style_.heading_fill = palette.color(QPalette.ColorRole.AlternateBase)
        selection = QColor(palette.color(QPalette.ColorRole.Highlight))
        selection.setAlpha(50)
        self.style_.selection = selection
        font = self.font()
        font.setPixelSize(max(8, min(12, round(self.style_.row_height * 0.48))))
        self.item.font = font
        self.as_of_label.setColor(text)
        self.item.update()

    def changeEvent(self, event) -> None:  # noqa: ANN001
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.FontChange):
            self._apply_palette()


def _mix(ink: QColor, paper: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(ink_c * share + paper_c * (1 - share) for ink_c, paper_c in
                             ((ink.redF(), paper.redF()), (ink.greenF(), paper.greenF()),
                              (ink.blueF(), paper.blueF()))))


def visible_nodes(window: MainWindow, capacity: int) -> list[Node]:
    """The tree's rows from the first one on screen, at most ``capacity``; when the
    tree is scrolled to its end and shows more rows than fit, its last rows (so
    that every row can be brought into the timeline)."""
    tree = window.tree
    index = tree.indexAt(QPoint(1, 1))
    nodes: list[Node] = []
    while index.isValid() and len(nodes) < capacity:
        nodes.append(window.model.node(index))
        index = tree.indexBelow(index)
    scroll = tree.verticalScrollBar()
    if index.isValid() and scroll.value() >= scroll.maximum() > 0:
        bottom = tree.viewport().height()
        while index.isValid() and tree.visualRect(index).top() < bottom:
            nodes.append(window.model.node(index))
            index = tree.indexBelow(index)
        nodes = nodes[-capacity:]
    return nodes
