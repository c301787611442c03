"""What the plan tree draws in each cell (ui/plan_tree_delegate.py): the
status light and progress bar, the selection, titles cut short with "…",
and user text drawn literally."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from tests.ui_window_helpers import make_window, task_by_title

from planner_gui.domain.progress import STATUS_COLOURS, Status
from planner_gui.ui.plan_tree import Column


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    window.resize(1300, 800)
    window.document.set_as_of(date(2024, 6, 30))
    return window


def cell_image(window, item_id: str, column: Column) -> QImage:
    tree = window.tree_pane.tree
    index = window.model.index_for_id(item_id, column)
    tree.scrollTo(index)
    rect: QRect = tree.visualRect(index)
    assert rect.isValid() and not rect.isEmpty()
    return tree.viewport().grab(rect).toImage()


def colours_in(image: QImage) -> set[tuple[int, int, int]]:
    return {QColor(image.pixel(x, y)).getRgb()[:3] for x in range(image.width()) for y in range(image.height())}


def near(colours: set[tuple[int, int, int]], colour: QColor, tolerance: int = 12) -> bool:
    target = colour.getRgb()[:3]
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, target, strict=True)) for c in colours)


def test_each_row_shows_the_light_of_its_status(window):
    # in May: the congress (due end of April) is overdue, tasks due at year end still on track
    window.document.set_as_of(date(2024, 5, 10))
    overdue = task_by_title(window, "举办第二届倍增追赶合作发展丰台大会")  # due end of April
    assert window.model.by_id[overdue.id].status is Status.RED
    red = QColor(STATUS_COLOURS[Status.RED])
    assert near(colours_in(cell_image(window, overdue.id, Column.STATUS)), red)
    on_track = next(n for n in window.model.task_nodes() if n.is_leaf_task and n.status is Status.GREEN)
    green = QColor(STATUS_COLOURS[Status.GREEN])
    status_colours = colours_in(cell_image(window, on_track.id, Column.STATUS))
    assert near(status_colours, green) and not near(status_colours, red)


def test_the_selected_row_is_highlighted_and_its_text_drawn(window, qtbot):
    task = task_by_title(window, "举办第二届倍增追赶合作发展丰台大会")
    tree = window.tree_pane.tree
    highlight = tree.palette().color(tree.palette().ColorGroup.Active, tree.palette().ColorRole.Highlight)
    assert not near(colours_in(cell_image(window, task.id, Column.TITLE)), highlight, 4)
    window.select_item(task.id)
    tree.setFocus()
    qtbot.waitUntil(lambda: near(colours_in(cell_image(window, task.id, Column.TITLE)), highlight, 4), timeout=2000)
    # the title's text is drawn over the highlight: more than one colour in the cell
    assert len(colours_in(cell_image(window, task.id, Column.TITLE))) > 3


def test_a_title_too_long_for_its_column_is_cut_short_with_an_ellipsis(window):
    painter = window.tree_pane.tree.cell_painter
    title = "全面推进国家文明城区创建工作，持续提升城市精细化管理水平"
    wide, wide_width = painter._laid_out(title, 2000, False)
    narrow, narrow_width = painter._laid_out(title, 120, False)
    assert wide.text() == title
    assert narrow.text().endswith("…") and title.startswith(narrow.text()[:-1])
    assert narrow_width <= 120 < wide_width
    # a line break in a title does not make a row two lines high
    folded, _ = painter._laid_out("第一行\n第二行", 2000, False)
    assert folded.text() == "第一行 第二行"


def test_user_text_is_drawn_literally_not_as_markup(window, qtbot):
    task = task_by_title(window, "组建专家委员会")
    window.model.setData(window.model.index_for_id(task.id), "<b>x</b> & <i>y</i>")
    qtbot.waitUntil(lambda: window.model.by_id[task.id].texts[Column.TITLE] == "<b>x</b> & <i>y</i>", timeout=2000)
    painter = window.tree_pane.tree.cell_painter
    static, width = painter._laid_out("<b>x</b> & <i>y</i>", 2000, False)
    assert static.text() == "<b>x</b> & <i>y</i>"
    assert static.textFormat().name == "PlainText"
    # as wide as the characters themselves, tags included (markup would be narrower)
    assert abs(width - painter._metrics.horizontalAdvance("<b>x</b> & <i>y</i>")) <= 1
    assert width > painter._metrics.horizontalAdvance("x & y") * 2


def test_f2_renames_a_task_in_place_and_the_file_keeps_the_new_title(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit
    from tests.ui_window_helpers import reread

    task = task_by_title(window, "组建专家委员会")
    tree = window.tree_pane.tree
    window.select_item(task.id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    assert editor.text() == task.title  # the whole title, not the one cut short for the column
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed in place")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.by_id[task.id].texts[Column.TITLE] == "Renamed in place", timeout=2000)
    assert reread(window.document.store.path).find_task(task.id).title == "Renamed in place"
