"""The statistics page's sections: for each measure, the latest quarter's summary and chart,
and one table with every quarter and year, newest first (see docs/statistics.md)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from foilog.core.translation import N_, translate
from foilog.statistics.charts import BarChart, bar_chart
from foilog.statistics.measure_list import CSV_HEADER, Measure, csv_rows, exemption_text, number
from foilog.statistics.measures import PeriodStatistics, Statistics
from foilog.statistics.periods import period_label, short_period_label


@dataclass(frozen=True)
class RowGroup:
    label: str | None  # a heading row across the table ("Quarters", "Years"), if any
    rows: list[tuple[str, list[str]]]  # (row label, cells as written, in the page's language)


@dataclass(frozen=True)
class Table:
    caption: str
    corner: str  # the header of the row-label column
    columns: list[str]
    groups: list[RowGroup]
    period_axis: str  # "rows" or "columns": where the periods are, each kept on one line


@dataclass(frozen=True)
class Section:
    """A measure's part of the statistics page, in one language."""

    measure: Measure
    summary: str
    chart: BarChart | None  # None when the latest quarter has nothing to chart
    table: Table


def _cells(measure: Measure, stats: PeriodStatistics) -> list[str]:
    return [number(v) or "–" for v in measure.values(stats)]


def period_table(measure: Measure, statistics: Statistics, language: str) -> Table:
    """Periods down the side, newest first: quarters, then years."""

    def rows(periods: list[PeriodStatistics]) -> list[tuple[str, list[str]]]:
        return [(short_period_label(s.period, language), _cells(measure, s)) for s in periods]

    groups = [
        RowGroup(N_("Quarters"), rows(statistics.quarters[::-1])),
        RowGroup(N_("Years"), rows(statistics.years[::-1])),
    ]
    columns = [label for _, label in measure.series]
    caption = translate(N_("%(measure)s, by quarter and year received"), language)
    title = translate(measure.title, language)
    return Table(caption % {"measure": title}, N_("Period"), columns, groups, "rows")


def series_table(measure: Measure, statistics: Statistics, language: str) -> Table:
    """Series down the side (exemptions: one row per section), with the latest quarter and
    each year across."""
    assert statistics.latest is not None
    periods = [statistics.latest, *reversed(statistics.years)]
    rows = []
    for index, (key, label) in enumerate(measure.series):
        rows.append(
            (
                _row_label(measure, key, label, language),
                [number(measure.values(s)[index]) for s in periods],
            )
        )
    columns = [short_period_label(s.period, language) for s in periods]
    caption = translate(N_("%(measure)s, latest quarter and by year"), language)
    title = translate(measure.title, language)
    groups = [RowGroup(None, rows)]
    return Table(caption % {"measure": title}, N_("Section"), columns, groups, "columns")


def _row_label(measure: Measure, key: str, label: str, language: str) -> str:
    """A series' label in `language`; an exemption's is "Section 40: Personal information"."""
    if measure.key != "exemption":
        return translate(label, language)
    title = label.removeprefix(f"{key}: ")
    return f"{exemption_text(key, language)}: {translate(title, language)}"


def section(measure: Measure, statistics: Statistics, language: str) -> Section:
    latest = statistics.latest
    assert latest is not None
    charted = list(zip(measure.series, measure.values(latest), strict=True))[measure.chart_from :]
    if measure.key == "exemption":  # of every section ever cited, only this quarter's
        charted = [(series, value) for series, value in charted if value]
    # Exemption titles are too long for a bar's label: the table gives them.
    names = [
        exemption_text(key, language) if measure.key == "exemption" else label
        for (key, label), _ in charted
    ]
    values = [int(value or 0) for _, value in charted]
    summary = measure.summary(latest, language)
    chart = None
    if any(values):
        title = translate(N_("%(measure)s, %(period)s"), language) % {
            "measure": translate(measure.title, language),
            "period": period_label(latest.period, language),
        }
        rows = [(name, [value]) for name, value in zip(names, values, strict=True)]
        chart = bar_chart(f"chart-{measure.key}", title, summary, [title], rows)
    table = (series_table if measure.key == "exemption" else period_table)(
        measure, statistics, language
    )
    return Section(measure, summary, chart, table)


def statistics_csv(statistics: Statistics, titles: dict[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(statistics, titles))
    return buffer.getvalue()
