"""Paints the plan tree's cells straight from the values the model cached on
each row.

Qt's own delegate asks the model for nine roles per cell through Python and
lays each text out three times (for its size, for elision, to draw it): a
screenful of rows (about 270 cells) took 12-13 ms to repaint, and the tree
repaints on every filter keystroke, selection and scroll step. This delegate
reads the row's node, draws the cached light or bar picture and draws each
text from a QStaticText laid out once and kept for the next repaint: about
half the time. Editing a title still uses Qt's editor (QStyledItemDelegate).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner_gui.ui.plan_tree import Node, PlanTreeModel

# Laid-out texts kept between repaints. Scrolling through 10,000 rows would
# otherwise keep one per cell ever shown; past this many they are all dropped
# and laid out again as they are shown.
_KEPT_TEXTS = 4000

_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_SELECTED_OR_HOVERED = _SELECTED | QStyle.StateFlag.State_MouseOver.value
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_NORMAL, _INACTIVE, _DISABLED = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText


class PlanTreeDelegate(QStyledItemDelegate):
    def __init__(self, model: PlanTreeModel, view: QWidget) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._texts: dict[tuple[str, int, bool], tuple[QStaticText, float]] = {}
        self.fonts_changed()

    def fonts_changed(self) -> None:
        """The view's font, palette or style changed: texts are laid out again."""
        self._texts.clear()
        self._style = self._view.style()
        self._font = QFont(self._view.font())
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._metrics = QFontMetrics(self._font)
        self._bold_metrics = QFontMetrics(self._bold)
        palette = self._view.palette()
        self._palette_colours = {(group, role): palette.color(group, role)
                                 for group in (_NORMAL, _INACTIVE, _DISABLED) for role in (_TEXT, _HIGHLIGHTED_TEXT)}
        self._text_height = max(self._metrics.height(), self._bold_metrics.height())
        # the same margin Qt's delegate leaves on each side of a picture and a text
        self._margin = self._style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        node: Node = index.internalPointer()
        column = index.column()
        model, view = self._model, self._view
        state = option.state.value  # an int: each operation on a Qt flag enum is a Python call
        rect: QRect = option.rect
        if state & _SELECTED_OR_HOVERED:
            self._style.drawPrimitive(_PANEL, option, painter, view)

        margin = self._margin
        left, right = rect.left() + margin, rect.right() - margin
        picture = model.decoration(node, column)
        if picture is not None:
            ratio = picture.devicePixelRatio()
            painter.drawPixmap(QPointF(left, rect.top() + (rect.height() - picture.height() / ratio) / 2), picture)
            left += picture.width() / ratio + 2 * margin

        text = node.texts[column]
        if not text or right <= left:
            return
        bold = model.is_bold(node, column)
        static, width = self._laid_out(text, int(right - left), bold)
        group = (_NORMAL if state & _ACTIVE else _INACTIVE) if state & _ENABLED else _DISABLED
        if state & _SELECTED:
            colour = self._palette_colours[group, _HIGHLIGHTED_TEXT]
        else:
            colour = model.text_colour(node, column) or self._palette_colours[group, _TEXT]
        x = right - width if model.is_right_aligned(column) else left
        y = rect.top() + (rect.height() - self._text_height) / 2
        painter.setPen(colour)
        if bold:
            painter.setFont(self._bold)
            painter.drawStaticText(QPointF(x, y), static)
            painter.setFont(self._font)
        else:
            painter.drawStaticText(QPointF(x, y), static)

    def _laid_out(self, text: str, room: int, bold: bool) -> tuple[QStaticText, float]:
        """The text laid out for a cell this wide (elided with "…" when it does not fit)."""
        key = (text, room, bold)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= _KEPT_TEXTS:
                self._texts.clear()
            font = self._bold if bold else self._font
            text = " ".join(text.splitlines())  # one line per row, as Qt's delegate shows it
            static = _prepared(text, font)
            width = static.size().width()
            if width > room:
                metrics = self._bold_metrics if bold else self._metrics
                static = _prepared(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room), font)
                width = static.size().width()
            found = self._texts[key] = (static, width)
        return found


def _prepared(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    # drawn as plain text, whatever it contains (user text is data)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static
