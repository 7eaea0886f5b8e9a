"""The statistics page's sections: for each measure, the latest quarter's summary and chart,
and one table with every quarter and year, newest first (see docs/statistics.md)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from foilog.core.translation import N_
from foilog.statistics.charts import BarChart, bar_chart
from foilog.statistics.measure_list import CSV_HEADER, Measure, csv_rows, number
from foilog.statistics.measures import PeriodStatistics, Statistics


@dataclass(frozen=True)
class RowGroup:
    label: str | None  # a heading row across the table ("Quarters", "Years"), if any
    rows: list[tuple[str, list[str]]]  # (row label, cells as written)


@dataclass(frozen=True)
class Table:
    caption: str
    corner: str  # the header of the row-label column
    columns: list[str]
    groups: list[RowGroup]


@dataclass(frozen=True)
class Section:
    measure: Measure
    summary: str
    chart: BarChart | None  # None when the latest quarter has nothing to chart
    table: Table


def _cells(measure: Measure, stats: PeriodStatistics) -> list[str]:
    return [number(v) or "–" for v in measure.values(stats)]


def period_table(measure: Measure, statistics: Statistics) -> Table:
    """Periods down the side, newest first: quarters, then years."""
    groups = [
        RowGroup(
            N_("Quarters"),
            [(s.period.short_label, _cells(measure, s)) for s in reversed(statistics.quarters)],
        ),
        RowGroup(
            N_("Years"),
            [(s.period.short_label, _cells(measure, s)) for s in reversed(statistics.years)],
        ),
    ]
    columns = [label for _, label in measure.series]
    return Table(f"{measure.title}, by quarter and year received", N_("Period"), columns, groups)


def series_table(measure: Measure, statistics: Statistics) -> Table:
    """Series down the side (exemptions: one row per section), with the latest quarter and
    each year across."""
    assert statistics.latest is not None
    periods = [statistics.latest, *reversed(statistics.years)]
    rows = []
    for index, (_, label) in enumerate(measure.series):
        rows.append((label, [number(measure.values(s)[index]) for s in periods]))
    columns = [s.period.short_label for s in periods]
    return Table(
        f"{measure.title}, latest quarter and by year",
        N_("Section"),
        columns,
        [RowGroup(None, rows)],
    )


def section(measure: Measure, statistics: Statistics) -> Section:
    latest = statistics.latest
    assert latest is not None
    charted = list(zip(measure.series, measure.values(latest), strict=True))[measure.chart_from :]
    if measure.key == "exemption":  # of every section ever cited, only this quarter's
        charted = [(series, value) for series, value in charted if value]
    # Exemption titles are too long for a bar's label: the table gives them.
    names = [key if measure.key == "exemption" else label for (key, label), _ in charted]
    values = [int(value or 0) for _, value in charted]
    chart = None
    if any(values):
        title = f"{measure.title}, {latest.period.label}"
        rows = [(name, [value]) for name, value in zip(names, values, strict=True)]
        chart = bar_chart(f"chart-{measure.key}", title, measure.summary(latest), [title], rows)
    table = (series_table if measure.key == "exemption" else period_table)(measure, statistics)
    return Section(measure, measure.summary(latest), chart, table)


def statistics_csv(statistics: Statistics, titles: dict[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(statistics, titles))
    return buffer.getvalue()
