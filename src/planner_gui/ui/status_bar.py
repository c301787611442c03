"""The status bar: how many work items (tasks without sub-tasks: what carries a
light) are shown, per light, and how many owe a report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from planner_gui.domain.progress import STATUS_ORDER, Status, status_word
from planner_gui.ui.plan_tree import Node


def count_shown(nodes: Iterable[Node]) -> tuple[int, dict[Status, int], int]:
    """(leaf tasks, count per status, not reported) over the shown leaf tasks
    (other nodes are skipped): the same units as the summary's counts."""
    counts = {status: 0 for status in Status}
    total = not_reported = 0
    for node in nodes:
        if not node.is_leaf_task or node.status is None:
            continue
        total += 1
        counts[node.status] += 1
        if not node.reported:
            not_reported += 1
    return total, counts, not_reported


class PlanStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("statusCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.addPermanentWidget(self.counts_label)
        # a date outside the plan's year is allowed (a task due next year) but marked
        self.year_label = QLabel(self)
        self.year_label.setObjectName("statusAsOfOutsideYear")
        self.year_label.setTextFormat(Qt.TextFormat.PlainText)
        self.year_label.setVisible(False)
        self.addPermanentWidget(self.year_label)

    def show_as_of(self, as_of: date, plan_year: int) -> str:
        """Mark an as-of date outside the plan's year; returns the mark ("" when inside)."""
        text = ("" if as_of.year == plan_year else
                self.tr("As of %1: outside the plan's year %2").replace("%1", as_of.isoformat())
                .replace("%2", str(plan_year)))
        self.year_label.setText(text)
        self.year_label.setVisible(bool(text))
        return text

    def show_counts(self, nodes: Iterable[Node], filtered: bool) -> str:
        total, counts, not_reported = count_shown(nodes)
        parts = [f"{status_word(s, self.language)} {counts[s]}" for s in STATUS_ORDER if counts[s]]
        head = (self.tr("Work items shown: %n", "", total) if filtered
                else self.tr("Work items: %n", "", total))
        text = "  ·  ".join([head, *parts])
        if not_reported:
            text += "  ·  " + self.tr("Not reported: %n", "", not_reported)
        self.counts_label.setText(text)
        return text
