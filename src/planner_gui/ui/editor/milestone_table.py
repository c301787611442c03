"""The table of a task's milestones (时间节点): title, due, done on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner_gui.domain.model import Milestone
from planner_gui.store.rows import milestone_from_row
from planner_gui.ui.editor.table_model import ItemTableModel

TITLE, DUE, DONE_ON = range(3)


class MilestoneTableModel(ItemTableModel):
    TABLE = "milestone"
    COLUMNS = (("title", QT_TRANSLATE_NOOP("ItemTableModel", "Milestone")),
               ("due", QT_TRANSLATE_NOOP("ItemTableModel", "Due (YYYY-MM-DD)")),
               ("done_on", QT_TRANSLATE_NOOP("ItemTableModel", "Done on (YYYY-MM-DD)")))

    def reload(self, item: Milestone) -> Milestone:
        assert self.context is not None
        return milestone_from_row(self.context.store.get_row("milestone", item.id))
