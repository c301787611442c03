"""The "Due soon" dock: milestones and deadlines that fall due within the plan's
due-soon window after the as-of date, and those missed, grouped by unit.

The list is planner_gui.domain.timeline.due_soon (the summary's 近期时间节点
section prints the same), as of the document's date: it follows
``PlanDocument.as_of_changed`` whoever sets the date. It is worked out only
while the dock is shown (ui/deferred_refresh.py), once for a burst of changes;
clicking an entry selects its task in the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem

from planner_gui.domain.progress import STATUS_COLOURS, Status
from planner_gui.domain.timeline import DueItem, due_soon, group_by_unit
from planner_gui.ui.deferred_refresh import DeferredRefresh

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.ui.main_window import MainWindow


TASK_ROLE = Qt.ItemDataRole.UserRole + 1


class DueSoonDock(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("DueSoon", "Due Soon"), window)
        self.setObjectName("dueSoonDock")
        self.window_ = window  # where a click selects the task
        self.document = window.document
        self.list = QTreeWidget(self)
        self.list.setObjectName("dueSoonList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([translate("DueSoon", "Date"), translate("DueSoon", "Task"), translate("DueSoon", "Milestone or deadline")])
        self.list.setRootIsDecorated(True)
        self.list.setUniformRowHeights(True)
        # The task's title takes the width left over; the date and what is due are shown
        # whole (Qt's default stretched the last column and cut titles and unit counts short).
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.setWidget(self.list)
        self.items: list[DueItem] = []
        self.refresher = DeferredRefresh(self, self.refresh)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self.document.as_of_changed.connect(self.schedule)
        self.document.changed.connect(self.schedule)  # every edit, import, restore or reload
        self.document.reading_finished.connect(self.schedule)
        # another file (opened at its own date, set unannounced), an import or a restore
        self.document.reloaded.connect(self.schedule)

    def schedule(self, *_args) -> None:
        """Refresh once the current event is done (and the dock is shown)."""
        self.refresher.later()

    def refresh(self) -> None:
        document = self.document
        if document.reading:
            return  # no figures yet: refreshed once read (reading_finished)
        plan, figures, as_of = document.plan, document.figures, document.as_of
        self.items = due_soon(plan, figures.tasks, as_of)
        self.list.clear()
        missed_brush = QBrush(QColor(STATUS_COLOURS[Status.RED]))
        for unit, items in group_by_unit(self.items):
            missed = sum(1 for item in items if item.missed)
            head = QTreeWidgetItem([unit or translate("DueSoon", "(no unit)"),
                                    translate("DueSoon", "%d due, %d missed") % (len(items) - missed, missed), ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.list.addTopLevelItem(head)
            for item in items:
                what = item.milestone or translate("DueSoon", "Deadline")
                if item.missed:
                    what = translate("DueSoon", "%s (missed)") % what
                row = QTreeWidgetItem([item.day.isoformat(), item.task_title, what])
                row.setData(0, TASK_ROLE, item.task_id)
                if item.missed:
                    for column in range(3):
                        row.setForeground(column, missed_brush)
                head.addChild(row)
            head.setExpanded(True)
        self.list.resizeColumnToContents(0)  # once per refresh, not at every layout
        self.list.resizeColumnToContents(2)
        self.setWindowTitle(translate("DueSoon", "Due Soon (%d)") % len(self.items))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        task_id = item.data(0, TASK_ROLE)
        if task_id:
            self.window_.select_item(str(task_id))
