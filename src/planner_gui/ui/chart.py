"""Progress charts (pyqtgraph): first version with the contract's API only."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner_gui.domain.model import Plan


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QVBoxLayout(self)
        self._series: dict[str, list[tuple[float, float]]] = {}
        self._counts: dict[str, int] = {}

    def show_plan(self, plan: Plan, as_of: date) -> None:
        self.clear()

    def show_area(self, plan: Plan, area_id: str, as_of: date) -> None:
        self.clear()

    def show_task(self, plan: Plan, task_id: str, as_of: date) -> None:
        self.clear()

    def clear(self) -> None:
        self._series, self._counts = {}, {}

    def series(self) -> dict[str, list[tuple[float, float]]]:
        return dict(self._series)

    def light_counts(self) -> dict[str, int]:
        return dict(self._counts)
