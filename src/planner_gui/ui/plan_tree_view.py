"""The plan tree's view and its painters: a progress bar and a status light.

The painters read the values the model cached (no rules here) and draw only
the rows on screen; sizes follow the font, so they stay crisp on high-DPI
screens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeView,
    QWidget,
)

from planner_gui.ui.plan_tree import Column, PlanTreeModel
from planner_gui.ui.plan_tree_delegate import PlanTreeDelegate
from planner_gui.ui.status_lights import STATUS_QCOLOURS, light_pixmaps


class ProgressBars:
    """Progress bar pictures, one per whole percent and colour, made on first use.

    The model hands them out as the progress column's decoration, and Qt
    draws picture and percentage itself: a delegate painting each bar in
    Python cost 5-6 ms of every repaint of a screenful of rows (scrolling,
    selecting, filtering)."""

    def __init__(self, font_height: int, char_width: int, ratio: float, track: QColor) -> None:
        # three characters wide: with "100%" beside it, the column's 7 characters are filled
        self.width, self.height = char_width * 3, max(6, font_height // 2)
        self.ratio, self.track = ratio, track
        self._made: dict[tuple[int, int], QPixmap] = {}

    def __call__(self, progress: float, colour: QColor | None, fallback: QColor) -> QPixmap:
        percent = max(0, min(100, round(progress)))
        colour = colour or fallback
        key = (percent, colour.rgba())
        pixmap = self._made.get(key)
        if pixmap is None:
            pixmap = self._made[key] = self._draw(percent, colour)
        return pixmap

    def _draw(self, percent: int, colour: QColor) -> QPixmap:
        pixmap = QPixmap(round(self.width * self.ratio), round(self.height * self.ratio))
        pixmap.setDevicePixelRatio(self.ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.track)
        painter.drawRoundedRect(QRectF(0, 0, self.width, self.height), 2, 2)
        if percent:
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(0, 0, self.width * percent / 100, self.height), 2, 2)
        painter.end()
        return pixmap


class PlanTreeView(QTreeView):
    """The tree of areas and tasks, with internal drag and drop."""

    context_menu_requested = Signal(object)  # QPoint in global coordinates

    def __init__(self, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setAccessibleName(self.tr("Plan tree: areas, tasks and sub-tasks"))
        self.setModel(model)
        model.every_row_changed.connect(self._repaint_rows)
        self.cell_painter = PlanTreeDelegate(model, self)
        self.setItemDelegate(self.cell_painter)
        self.setUniformRowHeights(True)  # large plans: no per-row size questions
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAllColumnsShowFocus(True)
        self._make_pictures()
        header = self.header()
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        # The title takes the room the other columns leave, but never less than
        # this: below it the tree scrolls sideways instead of hiding the titles.
        self.minimum_title_width = metrics.horizontalAdvance("国") * 14
        # room for 年底（默认） and an area's "工作事项：12 项" (issue 18)
        widths = {Column.LEADER: 5, Column.UNIT: 6, Column.DEADLINE: 7.5, Column.PROGRESS: 7,
                  Column.STATUS: 8.5, Column.REPORT: 6}
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        for column, chars in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = int(metrics.horizontalAdvance("国") * chars)
            if column == Column.DEADLINE:  # an implied deadline in full, in either language
                width = max(width, metrics.horizontalAdvance("year end (implied)") + metrics.averageCharWidth() * 2)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(metrics.horizontalAdvance("国") * 3)
        # Said in the empty tree (a filter that matches nothing); "" says nothing.
        self.empty_text = ""

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.empty_text and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(12, 12, -12, -12)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def _make_pictures(self) -> None:
        """The lights and progress bars the model shows, for this font, screen and palette."""
        model: PlanTreeModel = self.model()  # type: ignore[assignment]
        height, ratio = self.fontMetrics().height(), self.devicePixelRatioF()
        model.set_lights(light_pixmaps(STATUS_QCOLOURS, height, ratio))
        palette = self.palette()
        model.set_progress_bars(ProgressBars(height, self.fontMetrics().horizontalAdvance("国"), ratio,
                                             palette.color(QPalette.ColorRole.Mid).lighter(130)),
                                palette.color(QPalette.ColorRole.Highlight))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._make_pictures()
            self.cell_painter.fonts_changed()
            self.viewport().update()

    def _repaint_rows(self) -> None:
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_title_column()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != Column.TITLE:
            self.fit_title_column()

    def fit_title_column(self) -> None:
        header = self.header()
        others = sum(header.sectionSize(c) for c in Column if c != Column.TITLE and not header.isSectionHidden(c))
        width = max(self.minimum_title_width, self.viewport().width() - others)
        if header.sectionSize(Column.TITLE) != width:
            header.resizeSection(Column.TITLE, width)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # the menu key acts on the current row: open the menu beside it
            rect = self.visualRect(self.currentIndex())
            point = rect.bottomLeft() if rect.isValid() else self.viewport().rect().topLeft()
            self.context_menu_requested.emit(self.viewport().mapToGlobal(point))
            return
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
        self.context_menu_requested.emit(event.globalPos())

    def set_editable(self, editable: bool) -> None:
        mode = QAbstractItemView.DragDropMode.InternalMove if editable else QAbstractItemView.DragDropMode.NoDragDrop
        self.setDragDropMode(mode)
