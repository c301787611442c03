"""The lines and markers of a task's chart, made once and given new data.

Selecting a task redrew its chart by clearing the plot and making every
line, marker set, legend label and the as-of line anew: 12-14 ms of each
click at 10,000 tasks, a quarter of the time to select a task. These items
stay in the plot while task follows task; only their data, colours and the
legend's entries change. An area's or the plan's chart clears the plot and
these items are made again when a task is shown next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner_gui.ui.chart_series import Points

Colour = QColor | str


def _xs(points: Points) -> list[float]:
    return [x for x, _ in points]


def _ys(points: Points) -> list[float]:
    return [y for _, y in points]


def plain_axes(plot: pg.PlotWidget) -> None:
    """Axes without pyqtgraph's SI prefixes ("x1e6", "k"), which mean nothing to
    the offices' units (个, 亿元, %) and re-laid out each axis label (HTML) at
    every change of range: six of them at every click on a task."""
    for name in ("left", "bottom", "right", "top"):  # the hidden ones follow the range too
        plot.getAxis(name).enableAutoSIPrefix(False)


class TaskItems:
    """planned line and dots, actual line, update dots, milestones, the as-of line."""

    def __init__(self, plot: pg.PlotWidget, tip: Callable[[float, float, object], str],
                 text_colour: QColor) -> None:
        self.plot = plot
        self.legend = plot.addLegend(offset=(-10, -10), labelTextColor=text_colour)
        self.planned = pg.PlotDataItem()
        self.planned_dots = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.actual = pg.PlotDataItem()
        self.update_dots = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.milestones = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.as_of = pg.InfiniteLine(angle=90, label="", labelOpts={"position": 0.95})
        for item in (self.planned, self.planned_dots, self.actual, self.update_dots, self.milestones, self.as_of):
            plot.addItem(item)
        self._legend_entries: list[tuple[object, str]] = []
        self._as_of_drawn: tuple | None = None

    def set_line(self, item: pg.PlotDataItem, points: Points, colour: Colour, *,
                 dashed: bool = False, width: int = 2) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        # A lone point (no update yet) needs a symbol to be seen at all.
        symbol = "o" if len(points) == 1 else None
        item.setData(_xs(points), _ys(points), pen=pg.mkPen(colour, width=width, style=style),
                     symbol=symbol, symbolBrush=colour)

    @staticmethod
    def set_dots(item: pg.ScatterPlotItem, points: Points, notes: Sequence[str],
                 colour: Colour | list[Colour], symbol: str, size: int, outline: QColor) -> None:
        brush = [pg.mkBrush(c) for c in colour] if isinstance(colour, list) else pg.mkBrush(colour)
        item.setData(x=_xs(points), y=_ys(points), data=list(notes), symbol=symbol, size=size,
                     brush=brush, pen=pg.mkPen(outline))

    def set_as_of(self, x: float, text: str, colour: QColor) -> None:
        drawn = (x, text, colour.rgba())
        if drawn == self._as_of_drawn:
            return  # the same date as for the last task: its label is not laid out again
        self._as_of_drawn = drawn
        self.as_of.setValue(x)
        self.as_of.setPen(pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine))
        self.as_of.label.setFormat(text)
        self.as_of.label.setColor(colour)

    def set_legend(self, entries: list[tuple[object, str]], text_colour: QColor) -> None:
        """The legend's labels, in order; rebuilt only when they change (a new
        label costs a millisecond or two of pyqtgraph's text layout)."""
        if entries == self._legend_entries:
            return
        self.legend.clear()
        self.legend.setLabelTextColor(text_colour)
        for item, label in entries:
            self.legend.addItem(item, label)
        self._legend_entries = list(entries)


class IndicatorLine(NamedTuple):
    legend: str  # escaped: legend labels are HTML
    colour: str
    readings: Points
    notes: list[str]
    target: float | None


class IndicatorItems:
    """A task's indicator plot: per indicator a readings line, its dots and a
    target line, kept in a pool and given new data at each task; with a note
    when the task has no indicators, so the plot (and the progress plot above
    it) keep their place from one task to the next."""

    def __init__(self, plot: pg.PlotWidget, tip: Callable[[float, float, object], str],
                 text_colour: QColor) -> None:
        self.plot, self.tip = plot, tip
        if not isinstance(plot.getAxis("bottom"), pg.DateAxisItem):  # after an area's light bars
            plot.setAxisItems({"bottom": pg.DateAxisItem(utcOffset=0)})
            plain_axes(plot)
        self.legend = plot.addLegend(offset=(-10, -5), labelTextColor=text_colour)
        self.as_of = pg.InfiniteLine(angle=90)
        self.note = pg.TextItem(anchor=(0.5, 0.5))
        plot.addItem(self.as_of)
        plot.addItem(self.note)
        self.pool: list[tuple[pg.PlotDataItem, pg.ScatterPlotItem, pg.PlotDataItem]] = []
        self._label: str | None = None
        self._legend_entries: list[tuple[object, str]] = []
        self._as_of_drawn: tuple | None = None
        self._note_drawn: tuple | None = None

    def show(self, lines: list[IndicatorLine], label: str, x_range: tuple[float, float],
             as_of_x: float, text_colour: QColor, no_indicators: str) -> None:
        while len(self.pool) < len(lines):
            made = (pg.PlotDataItem(), pg.ScatterPlotItem(hoverable=True, tip=self.tip), pg.PlotDataItem())
            for item in made:
                self.plot.addItem(item)
            self.pool.append(made)
        first, last = x_range
        for number, (readings, dots, target) in enumerate(self.pool):
            line = lines[number] if number < len(lines) else None
            for item in (readings, dots, target):
                item.setVisible(line is not None)
            if line is None:
                continue
            readings.setData(_xs(line.readings), _ys(line.readings), pen=pg.mkPen(line.colour, width=2))
            TaskItems.set_dots(dots, line.readings, line.notes, line.colour, "o", 7, text_colour)
            if line.target is None:
                target.setVisible(False)
            else:
                target.setData([first, last], [line.target] * 2,
                               pen=pg.mkPen(line.colour, width=1, style=Qt.PenStyle.DashLine))
        entries = [(self.pool[n][0], line.legend) for n, line in enumerate(lines) if line.readings]
        if entries != self._legend_entries:
            self.legend.clear()
            self.legend.setLabelTextColor(text_colour)
            for item, name in entries:
                self.legend.addItem(item, name)
            self._legend_entries = entries
        if label != self._label:
            self.plot.setLabel("left", label)
            self._label = label
        self.plot.setXRange(first, last, padding=0.02)
        # what stays the same from task to task is not set again: each setter
        # makes pyqtgraph lay out or repaint its item
        drawn = (as_of_x, text_colour.rgba())
        if drawn != self._as_of_drawn:
            self.as_of.setValue(as_of_x)
            self.as_of.setPen(pg.mkPen(text_colour, width=1))
            self._as_of_drawn = drawn
        self.note.setVisible(not lines)
        if lines:
            self.plot.enableAutoRange(axis="y")
        else:
            self.plot.setYRange(0, 100)
            note = (no_indicators, text_colour.rgba(), (first + last) / 2)
            if note != self._note_drawn:
                self.note.setText(no_indicators, color=text_colour)
                self.note.setPos((first + last) / 2, 50)
                self._note_drawn = note
