"""The statistics page's sections: for each measure, its chart and its data tables, and the
CSV of the same numbers (see docs/statistics.md)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from foilog.statistics.charts import BarChart, bar_chart
from foilog.statistics.measures import (
    CSV_HEADER,
    Measure,
    PeriodStatistics,
    Statistics,
    csv_rows,
)

# How each measure is charted: by quarter or by year (stacked series), or as one bar per
# series over the whole log; and whether its series add up to the responses answered.
CHART_BY = {
    "answered": "quarter",
    "timeliness": "quarter",
    "outcome": "year",
    "exemption": "series",
    "internal-review": "series",
}
SERIES_ADD_UP = {"timeliness", "outcome"}


@dataclass(frozen=True)
class Table:
    caption: str
    corner: str  # the header of the row-label column
    columns: list[str]
    rows: list[tuple[str, list[int]]]
    totals: list[int] | None  # a footer row, where the column sums mean something


@dataclass(frozen=True)
class Section:
    measure: Measure
    summary: str
    chart: BarChart
    tables: list[Table]


def period_table(measure: Measure, periods: list[PeriodStatistics], by: str) -> Table:
    adds_up = measure.key in SERIES_ADD_UP
    columns = [label for _, label in measure.series] + (["Total"] if adds_up else [])
    rows = []
    for stats in periods:
        values = measure.values(stats)
        rows.append((stats.period.label, values + ([sum(values)] if adds_up else [])))
    totals = [sum(column) for column in zip(*(values for _, values in rows), strict=True)]
    return Table(f"{measure.title} by {by}", by.capitalize(), columns, rows, totals)


def series_table(measure: Measure, periods: list[PeriodStatistics], by: str) -> Table:
    """Series down the side and periods across: for measures with many series (exemptions)."""
    columns = [stats.period.label for stats in periods] + ["Total"]
    rows = []
    for index, (_, label) in enumerate(measure.series):
        values = [measure.values(stats)[index] for stats in periods]
        rows.append((label, [*values, sum(values)]))
    return Table(f"{measure.title} by {by}", "Section", columns, rows, None)


def section(measure: Measure, statistics: Statistics) -> Section:
    assert statistics.total is not None
    by = CHART_BY[measure.key]
    labels = [label for _, label in measure.series]
    if by == "series":
        totals = measure.values(statistics.total)
        # Exemption titles are too long for a bar's label: the table beside gives them.
        names = [key for key, _ in measure.series] if measure.key == "exemption" else labels
        rows = [(name, [value]) for name, value in zip(names, totals, strict=True)]
        title = f"{measure.title}, {statistics.total.period.label}"
        chart_series = [measure.title]
    else:
        periods = statistics.quarters if by == "quarter" else statistics.years
        rows = [(s.period.label, measure.values(s)) for s in periods]
        title = f"{measure.title} by {by}"
        chart_series = labels
    summary = measure.summary(statistics.total)
    chart = bar_chart(f"chart-{measure.key}", title, summary, chart_series, rows)
    make_table = series_table if measure.key == "exemption" else period_table
    tables = [
        make_table(measure, statistics.years, "year"),
        make_table(measure, statistics.quarters, "quarter"),
    ]
    if by == "quarter":
        tables.reverse()  # the chart's own numbers come first, next to it
    return Section(measure, summary, chart, tables)


def statistics_csv(statistics: Statistics) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(statistics))
    return buffer.getvalue()
