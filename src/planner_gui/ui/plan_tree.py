"""The plan tree's model: areas, tasks and sub-tasks over lightweight nodes.

Built for large plans (10,000 tasks, 200,000 updates): every string, colour
and number a row shows is computed once per refresh and cached on its node,
so ``data()`` is a few attribute reads. The figures come from ONE
``evaluate_plan`` call made by the window; the model never applies the rules
itself. Filtering is a set of task ids computed in Python
(:mod:`planner_gui.ui.filter_bar`); the model shows those tasks plus their
ancestors, instead of a proxy model calling Python for every row.

Edits (rename, drag and drop) are not applied here: the model emits a request
and the window pushes the matching undo command, which writes the file and
then tells the model what changed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPixmap

from planner_gui.domain.deadlines import implied_deadline_words
from planner_gui.domain.model import Area, Plan, Task
from planner_gui.domain.progress import (
    STATUS_COLOURS,
    STATUS_ORDER,
    GroupFigures,
    PlanFigures,
    Status,
    TaskFigures,
    status_word,
)
from planner_gui.domain.rounding import format_progress
from planner_gui.ui.palette import status_text_colour
from planner_gui.ui.plan_tree_dnd import DragDropMixin

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
_NO_PARENT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROW_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
_TITLE_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable


class Column(IntEnum):
    TITLE = 0
    LEADER = 1
    UNIT = 2
    DEADLINE = 3
    PROGRESS = 4
    STATUS = 5
    REPORT = 6


_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.EditRole.value)
_DECORATION, _TOOLTIP = int(Qt.ItemDataRole.DecorationRole.value), int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT, _FONT = int(Qt.ItemDataRole.TextAlignmentRole.value), int(Qt.ItemDataRole.FontRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TITLE_COLUMN, _PROGRESS_COLUMN = int(Column.TITLE), int(Column.PROGRESS)
_STATUS_COLUMN, _REPORT_COLUMN = int(Column.STATUS), int(Column.REPORT)
_COLUMN_COUNT = len(Column)  # len() of an IntEnum is a Python call: the view asks ~40,000 times per filter


def plain_tooltip(text: str) -> str:
    """A tooltip that shows user text literally: Qt guesses rich text from
    tags, so the text is escaped inside an explicit HTML paragraph."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


_NO_TEXTS = ("",) * len(Column)  # once: len() of an IntEnum costs microseconds, times 10,000 rows


class Node:
    """One row: an area or a task, with everything it displays cached."""

    __slots__ = (
        "kind", "id", "parent", "children", "shown", "row", "texts", "progress", "status",
        "colour", "reported", "source", "figures", "haystack", "leader", "units", "area_id",
    )

    def __init__(self, kind: str, item_id: str, parent: Node | None, area_id: str = "") -> None:
        self.kind, self.id, self.parent, self.area_id = kind, item_id, parent, area_id
        self.children: list[Node] = []
        self.shown: list[Node] = []
        self.row = 0
        self.texts: tuple[str, ...] = _NO_TEXTS
        self.source: Task | Area | None = None
        self.figures: TaskFigures | GroupFigures | None = None
        self.progress: float | None = 0.0  # None: not known yet (updates still being read)
        self.status: Status | None = None
        self.colour: QColor | None = None
        self.reported = True
        self.haystack: str | None = None
        self.leader = ""
        self.units: tuple[str, ...] = ()

    @property
    def is_leaf_task(self) -> bool:
        return self.kind == "task" and not self.children

    def snapshot(self) -> tuple:
        return (self.texts, self.progress, self.status, self.reported)


class PlanTreeModel(DragDropMixin, QAbstractItemModel):
    # kind ("task"/"area"), id, new title
    rename_requested = Signal(str, str, str)
    # kind, id, area id, parent task id ("" for none), position (-1 for the end)
    move_requested = Signal(str, str, str, str, int)
    # every row's values changed (see _every_row_changed): views repaint all they show
    every_row_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Node("plan", "", None)
        self.by_id: dict[str, Node] = {}
        self.visible: set[str] | None = None
        self.editable = True
        self.plan_year = 0  # of the plan shown: implied deadlines are its 31 December
        self._colours = {s: QColor(c) for s, c in STATUS_COLOURS.items()}
        self._not_reported_colour = _legible(self._colours[Status.RED])
        self._words: dict[Status, str] = {}
        self._missing = self.tr("missing")
        self._reading = self.tr("reading…")
        self.set_language("en")
        self._bold = QFont()
        self._bold.setBold(True)
        self._lights: dict[Status, QPixmap] = {}
        self._bars: Callable[[float, QColor | None, QColor], QPixmap] | None = None
        self._bar_colour = QColor()
        self._headers = (self.tr("Title"), self.tr("Leader"), self.tr("Lead unit"),
                         self.tr("Deadline"), self.tr("Progress"), self.tr("Status"), self.tr("Report"))

    def set_lights(self, lights: dict[Status, QPixmap]) -> None:
        """The dot shown before each status word (made by the view, which knows the font)."""
        self._lights = lights

    def set_progress_bars(self, bars: Callable[[float, QColor | None, QColor], QPixmap],
                          default_colour: QColor) -> None:
        """The bar shown before each percentage: bars(progress, light colour, default colour)."""
        self._bars, self._bar_colour = bars, default_colour

    def set_language(self, language: str) -> None:
        """The language of status words ("zh" or "en"); takes effect at the next refresh."""
        self.language = language
        self._words = {status: status_word(status, language) for status in Status}

    # --- building -------------------------------------------------------

    def set_plan(self, plan: Plan, figures: PlanFigures | None) -> None:
        """Rebuild every node (after a structural change or opening a file).
        ``figures`` None: the plan's updates are still being read (ui/plan_loading.py);
        the rows show their texts, and progress and lights follow with update_figures."""
        self.beginResetModel()
        self._drop_nodes()
        for area in plan.areas:
            node = self._add_node("area", area.id, self.root, area.id)
            for task in area.tasks:
                self._add_task_nodes(task, node, area.id)
        self._refresh_caches(plan, figures)
        self._apply_visible()
        self.endResetModel()

    def replace_areas(self, plan: Plan, figures: PlanFigures, area_ids: set[str]) -> None:
        """New rows for the tasks of these areas (tasks added to, removed from or
        moved between them); every other row stays as it is, with its cached
        texts and pictures. At 10,000 tasks a rebuild of all rows took 130 ms."""
        areas = [area for area in plan.areas if area.id in area_ids]
        if any(area.id not in self.by_id for area in areas):  # rows not made yet: all of them, then
            self.set_plan(plan, figures)
            return
        self.beginResetModel()
        for area in areas:  # all old rows first: a task may have moved between them
            self._drop_descendants(self.by_id[area.id])
        refreshed = set(area_ids)
        for area in areas:
            node = self.by_id[area.id]
            for task in area.tasks:
                self._add_task_nodes(task, node, area.id)
            refreshed.update(task.id for task in area.walk_tasks())
        self._refresh_caches(plan, figures, refreshed)
        self._apply_visible()
        self.endResetModel()

    def _drop_descendants(self, node: Node) -> None:
        """Forget a node's rows below it, cutting their links (see _drop_nodes)."""
        stack = list(node.children)
        node.children, node.shown = [], []
        while stack:
            child = stack.pop()
            stack.extend(child.children)
            if self.by_id.get(child.id) is child:
                del self.by_id[child.id]
            child.parent = None
            child.children = child.shown = []

    def clear(self) -> None:
        """Drop every node, and with them the plan objects and figures they show
        (before another plan is read, so that two are never in memory at once)."""
        self.beginResetModel()
        self._drop_nodes()
        self.endResetModel()

    def _drop_nodes(self) -> None:
        """Start from an empty tree. The old nodes' links to their parents are cut
        first: each parent and child refer to each other, so the nodes (and the plan
        objects and figures they show) would otherwise wait for Python's cyclic
        collector, which at 10,000 tasks let every structure edit leave 25-30 MB
        behind, and a full collection takes 0.3 s."""
        self._drop_descendants(self.root)
        self.root = Node("plan", "", None)
        self.by_id = {}

    def _add_node(self, kind: str, item_id: str, parent: Node, area_id: str) -> Node:
        node = Node(kind, item_id, parent, area_id)
        parent.children.append(node)
        self.by_id[item_id] = node
        return node

    def _add_task_nodes(self, task: Task, parent: Node, area_id: str) -> None:
        node = self._add_node("task", task.id, parent, area_id)
        for sub in task.subtasks:
            self._add_task_nodes(sub, node, area_id)

    def update_figures(self, plan: Plan, figures: PlanFigures | None, only: set[str] | None = None) -> bool:
        """Refresh cached values (after an edit or an as-of change) and tell
        the view about the rows that changed, without a reset. ``only``: the
        ids of the areas and tasks whose figures changed (None: all). Returns
        whether any row's status or "reported" changed (the counts shown);
        always True for all rows."""
        if only is None:
            # Everything was worked out again (an as-of change): every row is
            # repainted, without comparing 10,000 rows before and after (20-30 ms);
            # the counts are taken again.
            self._refresh_caches(plan, figures)
            self._every_row_changed()
            return True
        nodes = {i: self.by_id[i] for i in only if i in self.by_id}
        before = {item_id: node.snapshot() for item_id, node in nodes.items()}
        self._refresh_caches(plan, figures, only)
        lights_changed = False
        changed: dict[int, tuple[Node, int, int]] = {}
        for item_id, node in nodes.items():
            after, old = node.snapshot(), before[item_id]
            if after == old:
                continue
            lights_changed = lights_changed or after[2:] != old[2:]
            if not self._is_shown(node):
                continue
            parent = node.parent
            assert parent is not None
            _, low, high = changed.get(id(parent), (parent, node.row, node.row))
            changed[id(parent)] = (parent, min(low, node.row), max(high, node.row))
        if len(changed) > 50:
            self._every_row_changed()
            return lights_changed
        for parent, low, high in changed.values():
            parent_index = self._index_of(parent)
            self.dataChanged.emit(self.index(low, 0, parent_index), self.index(high, _COLUMN_COUNT - 1, parent_index))
        return lights_changed

    def _every_row_changed(self) -> None:
        """One dataChanged over the top rows stands for all rows: one signal per
        parent made QTreeView search its rows through Python (0.7 -> 0.3 s at
        10,000 tasks). A view repaints only the rows a dataChanged names, so
        every_row_changed tells it to repaint the rest (the tasks below an area
        kept their old lights, or "reading…", until scrolled)."""
        if self.root.shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.root.shown) - 1, _COLUMN_COUNT - 1))
        self.every_row_changed.emit()

    def _refresh_caches(self, plan: Plan, figures: PlanFigures | None, only: set[str] | None = None) -> None:
        self.plan_year = plan.year
        if figures is None:
            self._fill_outline(plan)
            return
        for area in plan.areas:
            if only is not None and area.id not in only:
                continue  # a changed task's area is always among ``only``
            node = self.by_id.get(area.id)
            if node is not None:
                self._fill_area(node, area, figures.areas.get(area.id))
            for task in area.walk_tasks():
                if only is not None and task.id not in only:
                    continue
                task_node = self.by_id.get(task.id)
                task_figures = figures.tasks.get(task.id)
                if task_node is not None and task_figures is not None:
                    self._fill_task(task_node, task, task_figures)

    def _fill_outline(self, plan: Plan) -> None:
        """Rows without figures: texts now, progress and lights once the updates are read."""
        reading = self._reading
        for area in plan.areas:
            node = self.by_id.get(area.id)
            if node is not None:
                node.texts = (area.name, "", "", "", "", reading, "")
                node.source, node.figures, node.haystack = area, None, None
                node.progress, node.status, node.colour, node.reported = None, None, None, True
            for task in area.walk_tasks():
                task_node = self.by_id.get(task.id)
                if task_node is None:
                    continue
                due = task.due
                task_node.texts = (task.title, task.leader, task.lead_unit,
                                   task.deadline_text or (due.isoformat() if due else ""), "", reading, "")
                task_node.source, task_node.figures, task_node.haystack = task, None, None
                task_node.progress, task_node.status, task_node.colour, task_node.reported = None, None, None, True
                task_node.leader = task.leader
                task_node.units = (task.lead_unit, *task.co_units) if task.co_units else (task.lead_unit,)

    def _fill_task(self, node: Node, task: Task, figures: TaskFigures) -> None:
        # Hot path for large plans: only what the row shows; tooltips and the
        # search text are built when first asked for.
        status = figures.status
        due = task.due
        node.texts = (task.title, task.leader, task.lead_unit,
                      task.deadline_text or (due.isoformat() if due else self._implied(figures)),
                      format_progress(figures.progress), self._words[status],
                      "" if figures.reported else self._missing)
        node.source, node.figures, node.haystack = task, figures, None
        node.progress = figures.progress
        node.status = status
        node.colour = self._colours[status]
        node.reported = figures.reported
        node.leader = task.leader
        node.units = (task.lead_unit, *task.co_units) if task.co_units else (task.lead_unit,)

    def _implied(self, figures: TaskFigures) -> str:
        """The deadline a task works to without stating one (年底（默认）), "" if none."""
        if figures.due is None or not figures.due_implied:
            return ""
        return implied_deadline_words(figures.due, self.plan_year, "zh" if self.language == "zh" else "en")

    def _fill_area(self, node: Node, area: Area, group: GroupFigures | None) -> None:
        group = group or GroupFigures()
        worst = next((s for s in STATUS_ORDER if group.counts.get(s)), None)
        summary = self.tr("Work items %n", "", group.leaf_tasks)  # short: an area row's status cell
        report = self.tr("%n missing", "", group.not_reported) if group.not_reported else ""
        node.texts = (area.name, "", "", "", format_progress(group.progress), summary, report)
        node.source, node.figures, node.haystack = area, group, None
        node.progress = group.progress
        node.status = worst
        node.colour = self._colours[worst] if worst is not None else None
        node.reported = group.not_reported == 0

    def tooltip(self, node: Node, column: int) -> str:
        """Plain-text tooltips, built on hover rather than for every row."""
        if isinstance(node.source, Area):
            return self._area_tooltip(node.source, node.figures, column)
        task, figures = node.source, node.figures
        if task is None or figures is None:
            return ""
        latest = figures.latest
        if column == Column.TITLE:
            text = task.title + (f"\n\n{latest.date.isoformat()}: {latest.text}" if latest and latest.text else "")
        elif column == Column.UNIT:
            text = "、".join(u for u in node.units if u)
        elif column == Column.DEADLINE:
            text = (task.due.isoformat() if task.due else self._implied(figures) or self.tr("No deadline"))
        elif column == Column.PROGRESS:
            text = format_progress(figures.progress)
            if figures.planned is not None:
                text += " (" + self.tr("planned %s%%") % f"{figures.planned:.0f}" + ")"
        elif column == Column.REPORT:
            text = "" if figures.reported else self.tr("No progress report for the current reporting cycle")
        else:
            text = node.texts[column]
        return plain_tooltip(text)

    def _area_tooltip(self, area: Area, group: GroupFigures | None, column: int) -> str:
        if group is None and column != Column.TITLE:
            return ""
        if column == Column.TITLE:
            return plain_tooltip(area.name + (f"\n\n{area.description}" if area.description else ""))
        if column == Column.STATUS:
            return plain_tooltip("\n".join(f"{self._words[s]} {group.counts[s]}"
                                           for s in STATUS_ORDER if group.counts.get(s)))
        if column == Column.REPORT and group.not_reported:
            return plain_tooltip(self.tr("Tasks with no progress report for the current reporting cycle"))
        return ""

    @staticmethod
    def search_text(node: Node) -> str:
        """Lowercase text the filter box searches: title, leader, units, deadline
        words and the latest progress report (as of the date shown)."""
        if node.haystack is None:
            task = node.source
            if isinstance(task, Task):
                latest = node.figures.latest if node.figures is not None else None
                parts = [task.title, task.leader, *node.units, task.deadline_text]
                if latest is not None:
                    parts += [latest.text, latest.problems, latest.next_steps]
                node.haystack = " ".join(parts).lower()
            else:
                node.haystack = node.texts[Column.TITLE].lower()
        return node.haystack

    # --- filtering ------------------------------------------------------

    def set_visible(self, task_ids: set[str] | None) -> None:
        """Show only these tasks and their ancestors (None: show everything)."""
        self.beginResetModel()
        self.visible = None if task_ids is None else set(task_ids)
        self._apply_visible()
        self.endResetModel()

    def _apply_visible(self) -> None:
        keep: set[str] | None = None
        if self.visible is not None:
            keep = set()
            for item_id in self.visible:
                node = self.by_id.get(item_id)
                while node is not None and node.id not in keep and node.parent is not None:
                    keep.add(node.id)
                    node = node.parent

        # a plain stack, not a recursive inner function (which is a reference cycle itself)
        stack = [self.root]
        while stack:
            node = stack.pop()
            node.shown = node.children if keep is None else [c for c in node.children if c.id in keep]
            for row, child in enumerate(node.shown):
                child.row = row
            stack.extend(node.shown)

    def task_nodes(self) -> Iterator[Node]:
        return (n for n in self.by_id.values() if n.kind == "task")

    def shown_leaf_tasks(self) -> Iterator[Node]:
        """The shown tasks without sub-tasks, in no particular order: what the status
        bar counts. A leaf is shown exactly when it passes the filter (the other
        shown tasks are its ancestors), so this needs no walk of the tree (7 ms
        at 10,000 tasks, on every filter keystroke)."""
        if self.visible is None:
            return (node for node in self.by_id.values() if node.kind == "task" and not node.children)
        found = map(self.by_id.get, self.visible)
        return (node for node in found if node is not None and node.kind == "task" and not node.children)

    def shown_nodes(self) -> Iterator[Node]:
        """Every shown node in tree order (depth first)."""
        stack = list(reversed(self.root.shown))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.shown))

    # --- Qt model interface ---------------------------------------------

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def _index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def index_for_id(self, item_id: str, column: int = 0) -> QModelIndex:
        node = self.by_id.get(item_id)
        if node is None or node.parent is None or not self._is_shown(node):
            return QModelIndex()
        return self._index_of(node, column)

    def _is_shown(self, node: Node) -> bool:
        while node.parent is not None:
            siblings = node.parent.shown
            if node.row >= len(siblings) or siblings[node.row] is not node:
                return False
            node = node.parent
        return True

    def index(self, row: int, column: int, parent: QModelIndex = _NO_PARENT) -> QModelIndex:
        shown = self.node(parent).shown
        if 0 <= row < len(shown) and 0 <= column < _COLUMN_COUNT:
            return self.createIndex(row, column, shown[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self._index_of(index.internalPointer().parent)

    def rowCount(self, parent: QModelIndex = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).shown)

    def columnCount(self, parent: QModelIndex = _NO_PARENT) -> int:
        return _COLUMN_COUNT

    def hasChildren(self, parent: QModelIndex = _NO_PARENT) -> bool:
        return bool(self.node(parent).shown) if parent.column() <= 0 else False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._value(index.internalPointer(), index.column(), role)

    def multiData(self, index: QModelIndex, roleDataSpan) -> None:  # noqa: N802, N803 - Qt API
        # What the view's delegate asks for each cell it paints: seven roles in one
        # call instead of seven calls of data() (a repaint of the tree is ~270 cells).
        if not index.isValid():
            return
        node: Node = index.internalPointer()
        column = index.column()
        for role_data in roleDataSpan:
            role_data.setData(self._value(node, column, role_data.role()))

    def _value(self, node: Node, column: int, role: int):
        # roles and columns as plain ints: each Qt or IntEnum member lookup is a Python call
        if role in (_DISPLAY, _EDIT):
            return node.texts[column]
        if role == _DECORATION:
            return self.decoration(node, column)
        if role == _ALIGNMENT:
            return _RIGHT if self.is_right_aligned(column) else None
        if role == _FONT:
            return self._bold if self.is_bold(node, column) else None
        if role == _FOREGROUND:
            return self.text_colour(node, column)
        if role == _TOOLTIP:
            return self.tooltip(node, column) or None
        if role == PROGRESS_ROLE:
            return node.progress
        if role == STATUS_ROLE:
            return node.colour
        if role == ID_ROLE:
            return node.id
        return None

    # What a cell looks like, for data() and for the tree's delegate (plan_tree_delegate.py),
    # which paints from the node without going through the roles.

    def decoration(self, node: Node, column: int) -> QPixmap | None:
        """The status light or the progress bar shown before the cell's text."""
        if column == _STATUS_COLUMN:
            return self._lights.get(node.status) if node.status is not None else None
        if column == _PROGRESS_COLUMN and node.progress is not None and self._bars is not None:
            return self._bars(node.progress, node.colour, self._bar_colour)
        return None

    @staticmethod
    def is_bold(node: Node, column: int) -> bool:
        return column == _TITLE_COLUMN and node.kind == "area"

    def text_colour(self, node: Node, column: int) -> QColor | None:
        """The cell's own text colour (None: the palette's)."""
        return self._not_reported_colour if column == _REPORT_COLUMN else None

    @staticmethod
    def is_right_aligned(column: int) -> bool:
        return column == _PROGRESS_COLUMN

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # The view asks for every row's flags when expanding or selecting:
        # precombined constants, since Python enum arithmetic cost ~4 us a call.
        if not index.isValid():
            return _ROOT_FLAGS if self.editable else Qt.ItemFlag.NoItemFlags
        if not self.editable:
            return _READ_ONLY_FLAGS
        return _TITLE_FLAGS if index.column() == 0 else _ROW_FLAGS

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != Column.TITLE:
            return False
        node: Node = index.internalPointer()
        text = str(value).strip()
        if text and text != node.texts[Column.TITLE]:
            self.rename_requested.emit(node.kind, node.id, text)
        return True


def _legible(colour: QColor) -> QColor:
    """The colour made readable on the tree's background."""
    return status_text_colour(colour)
