"""Horizontal bar charts laid out in Python and drawn by a plain SVG template.

Each bar has its label above it, so the chart stays readable when it is shrunk to a
narrow screen. Series are told apart by colour classes in site.css, and every chart sits
beside a data table with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

# viewBox units. The SVG scales to its container, at most 22rem wide; at 320 px a page's
# container is 288 px, so the 14-unit text in site.css is never drawn under 13 px.
WIDTH = 300
PLOT_WIDTH = 250  # leaves room for the total after the longest bar
ROW_HEIGHT = 44
BAR_HEIGHT = 16
LABEL_GAP = 6  # between a bar's label and the bar


@dataclass(frozen=True, slots=True)
class Segment:
    series: int  # index into BarChart.series, for its colour class
    value: int
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    total: int
    label_y: float
    bar_y: float
    segments: list[Segment]

    @property
    def end(self) -> float:
        return sum(s.width for s in self.segments)


@dataclass(frozen=True, slots=True)
class BarChart:
    id: str
    title: str
    summary: str
    series: list[str]  # labels; one series makes a plain bar chart
    bars: list[Bar]
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT + 4


def bar_chart(
    id: str, title: str, summary: str, series: list[str], rows: list[tuple[str, list[int]]]
) -> BarChart:
    """`rows` are (bar label, one value per series); a bar's segments are stacked in order."""
    largest = max((sum(values) for _, values in rows), default=0) or 1
    bars = []
    for index, (label, values) in enumerate(rows):
        top = index * ROW_HEIGHT
        x, segments = 0.0, []
        for series_index, value in enumerate(values):
            width = round(PLOT_WIDTH * value / largest, 2)
            if value:
                segments.append(Segment(series_index, value, x, width))
            x += width
        bars.append(Bar(label, sum(values), top + 15, top + 15 + LABEL_GAP, segments))
    return BarChart(id, title, summary, series, bars)
