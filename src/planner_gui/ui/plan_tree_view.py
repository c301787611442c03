"""The plan tree's view and its painters: a progress bar and a status light.

The painters read the values the model cached (no rules here) and draw only
the rows on screen; sizes follow the font, so they stay crisp on high-DPI
screens.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from planner_gui.ui.plan_tree import PROGRESS_ROLE, STATUS_ROLE, Column, PlanTreeModel


class ProgressBarDelegate(QStyledItemDelegate):
    """Progress drawn as a thin bar with the percentage beside it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        value = index.data(PROGRESS_ROLE)
        if value is None:  # not known yet: no bar rather than an empty one that reads as 0 %
            return
        rect = option.rect.adjusted(4, 0, -4, 0)
        text_width = option.fontMetrics.horizontalAdvance("100%") + 6
        bar_height = max(6, option.fontMetrics.height() // 2)
        bar = QRectF(rect.left(), rect.center().y() - bar_height / 2 + 1,
                     max(10, rect.width() - text_width), bar_height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.Mid).lighter(130))
        painter.drawRoundedRect(bar, 2, 2)
        done = QRectF(bar)
        done.setWidth(bar.width() * max(0.0, min(100.0, value)) / 100.0)
        colour = index.data(STATUS_ROLE) or option.palette.color(QPalette.ColorRole.Highlight)
        painter.setBrush(QColor(colour))
        if done.width() > 0:
            painter.drawRoundedRect(done, 2, 2)
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        text_rect = QRectF(bar.right() + 4, rect.top(), text_width, rect.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), option.fontMetrics.horizontalAdvance("100%") * 3), hint.height())


class StatusLightDelegate(QStyledItemDelegate):
    """A coloured dot (the light) before the status word."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        # room for the dot, drawn in paint()
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        size = option.fontMetrics.height() * 3 // 4
        option.decorationSize = QSize(size, size)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        colour = index.data(STATUS_ROLE)
        if colour is None:
            return
        diameter = option.fontMetrics.height() * 0.6
        x = option.rect.left() + 4 + (option.fontMetrics.height() * 0.75 - diameter) / 2
        y = option.rect.center().y() - diameter / 2 + 1
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(x, y, diameter, diameter))
        painter.restore()


class PlanTreeView(QTreeView):
    """The tree of areas and tasks, with internal drag and drop."""

    context_menu_requested = Signal(object)  # QPoint in global coordinates

    def __init__(self, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setAccessibleName(self.tr("Plan tree: areas, tasks and sub-tasks"))
        self.setModel(model)
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
        self.setItemDelegateForColumn(Column.PROGRESS, ProgressBarDelegate(self))
        self.setItemDelegateForColumn(Column.STATUS, StatusLightDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        # The title takes the room the other columns leave, but never less than
        # this: below it the tree scrolls sideways instead of hiding the titles.
        self.minimum_title_width = metrics.horizontalAdvance("国") * 14
        widths = {Column.LEADER: 5, Column.UNIT: 6, Column.DEADLINE: 6.5, Column.PROGRESS: 7,
                  Column.STATUS: 7.5, Column.REPORT: 6}
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        for column, chars in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(metrics.horizontalAdvance("国") * chars))
        header.setMinimumSectionSize(metrics.horizontalAdvance("国") * 3)

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
