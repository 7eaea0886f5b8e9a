"""The measures: the same numbers, labels and summaries for the statistics page, its charts,
/data/statistics.csv and `foilog stats`. See docs/statistics.md for each definition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from foilog.core.translation import N_
from foilog.records.model import OUTCOME_LABELS
from foilog.records.register import ACT_SHORT, ExemptionRegister
from foilog.statistics.cases import NOT_RECORDED, exemption_key
from foilog.statistics.measures import BANDS, PeriodStatistics, Statistics

MIN_RATE_BASE = 5  # no share is shown of fewer requests than this
TOO_FEW = N_("too few to show a rate")
Value = int | float | None  # None: nothing to measure (no timed answer in the period)

REQUEST_SERIES = [
    ("received", N_("Received")),
    ("answered", N_("Answered")),
    ("withdrawn", N_("Withdrawn")),
    ("lapsed", N_("Lapsed (no clarification)")),
    ("open", N_("Still open")),
    ("open-at-end", N_("Open at the end of the period")),
]
TIMELINESS_SERIES = [
    ("on-time", N_("Within 20 working days")),
    ("extended", N_("Within an extension")),
    ("late", N_("Late")),
    ("unknown", N_("Dates not recorded in full")),
]
DAYS_SERIES = [
    ("median", N_("Median")),
    ("mean", N_("Mean")),
    ("longest", N_("Longest")),
    *[(key, f"{label} days") for key, label, _, _ in BANDS],
]
OUTCOME_SERIES = [
    *((key, label) for key, label in OUTCOME_LABELS.items() if key != NOT_RECORDED),
    (NOT_RECORDED, N_("Not recorded")),
]
REVIEW_SERIES = [
    ("requested", N_("Asked for")),
    ("completed", N_("Completed")),
    ("pending", N_("Not yet completed")),
    ("upheld", N_("Decision upheld")),
    ("partly-upheld", N_("Decision partly upheld")),
    ("overturned", N_("Decision overturned")),
    ("on-time", N_("Completed within 20 working days")),
    ("extended", N_("Completed in 21 to 40 working days")),
    ("late", N_("Completed late")),
]


@dataclass(frozen=True)
class Measure:
    key: str  # as in the CSV's `measure` column
    title: str
    series: list[tuple[str, str]]  # (category, label)
    values: Callable[[PeriodStatistics], list[Value]]
    summary: Callable[[PeriodStatistics], str]
    chart_from: int = 0  # the chart shows series[chart_from:] (counts, not averages)


def rate(part: int, base: int) -> str:
    """A share as a percentage, or TOO_FEW on a base of fewer than MIN_RATE_BASE."""
    return TOO_FEW if base < MIN_RATE_BASE else f"{round(100 * part / base)}%"


def section_titles(register: ExemptionRegister) -> dict[str, str]:
    """Every register entry's title, by exemption_key."""
    return {exemption_key(e): e.title for act in ACT_SHORT for e in register.entries(act)}


def measures(periods: list[PeriodStatistics], titles: dict[str, str]) -> list[Measure]:
    """The measures over `periods`: exemptions get one series per section cited in them."""
    sections = sorted({key for s in periods for key in s.exemptions}, key=_section_order)

    def counts(field: str, series: list[tuple[str, str]]) -> Callable[..., list[Value]]:
        return lambda s: [getattr(s, field)[key] for key, _ in series]

    return [
        Measure("requests", N_("Requests"), REQUEST_SERIES, _request_values, requests_summary),
        Measure(
            "timeliness",
            N_("Timeliness"),
            TIMELINESS_SERIES,
            counts("timeliness", TIMELINESS_SERIES),
            timeliness_summary,
        ),
        Measure(
            "working-days", N_("Working days taken"), DAYS_SERIES, _day_values, days_summary, 3
        ),
        Measure(
            "outcome",
            N_("Outcomes"),
            OUTCOME_SERIES,
            counts("outcomes", OUTCOME_SERIES),
            outcome_summary,
        ),
        Measure(
            "exemption",
            N_("Exemptions cited"),
            [(key, f"{key}: {titles.get(key, key)}") for key in sections],
            lambda s: [s.exemptions[key] for key in sections],
            exemption_summary,
        ),
        Measure(
            "internal-review",
            N_("Internal reviews"),
            REVIEW_SERIES,
            counts("reviews", REVIEW_SERIES),
            review_summary,
        ),
    ]


def _request_values(s: PeriodStatistics) -> list[Value]:
    return [s.received, *(s.status[k] for k, _ in REQUEST_SERIES[1:5]), s.open_at_end]


def _day_values(s: PeriodStatistics) -> list[Value]:
    return [
        s.median_days,
        s.mean_days,
        s.longest_days,
        *(s.band(fewest, most) for _, _, fewest, most in BANDS),
    ]


def _section_order(key: str) -> tuple[str, int, str]:
    prefix, _, citation = key.rpartition(" ")
    digits = "".join(c for c in citation.split("(")[0] if c.isdigit())
    return (prefix, int(digits or 0), citation)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


def requests_summary(s: PeriodStatistics) -> str:
    text = (
        f"{_plural(s.received, 'request was', 'requests were')} received {s.period.within}: "
        f"{s.answered} answered, {s.status['withdrawn']} withdrawn, {s.status['lapsed']} "
        f"lapsed and {s.status['open']} still open."
    )
    return text + f" {s.open_at_end} {_was(s.open_at_end)} open at the end of the period."


def timeliness_summary(s: PeriodStatistics) -> str:
    text = (
        f"Of {_plural(s.timed, 'answer', 'answers')} with full dates, {s.timeliness['on-time']} "
        f"{_was(s.timeliness['on-time'])} within 20 working days "
        f"({rate(s.timeliness['on-time'], s.timed)}) and {s.timeliness['extended']} within an "
        f"extension; {s.timeliness['late']} {_was(s.timeliness['late'])} late "
        f"({rate(s.timeliness['late'], s.timed)})."
    )
    if s.timeliness["unknown"]:
        text += (
            f" {_plural(s.timeliness['unknown'], 'answer has', 'answers have')} no full "
            "received or closed date, so no timeliness."
        )
    return text


def days_summary(s: PeriodStatistics) -> str:
    if not s.days:
        return f"No request received {s.period.within} has been answered with full dates."
    return (
        f"Answers to requests received {s.period.within} took a median of {s.median_days:g} "
        f"working days and a mean of {s.mean_days:g}; the longest took {s.longest_days}."
    )


def outcome_summary(s: PeriodStatistics) -> str:
    parts = [
        f"{s.outcomes[key]} {label.lower()}" for key, label in OUTCOME_SERIES if s.outcomes[key]
    ]
    return f"Of {_plural(s.answered, 'answer', 'answers')}: {', '.join(parts) or 'none'}."


def exemption_summary(s: PeriodStatistics) -> str:
    if not s.exemptions:
        return "No exemptions were cited."
    top = max(s.exemptions.values())
    most = [key for key, count in sorted(s.exemptions.items()) if count == top]
    cited = _plural(len(s.exemptions), "section was", "different sections were")
    answers = _plural(top, "answer", "answers")
    if len(most) == 1:
        return f"{cited} cited. The most cited was {most[0]}, in {answers}."
    return f"{cited} cited. The most cited were {', '.join(most)}, each in {answers}."


def review_summary(s: PeriodStatistics) -> str:
    r = s.reviews
    return (
        f"{_plural(r['requested'], 'internal review was', 'internal reviews were')} asked for "
        f"{s.period.within}; {r['completed']} {_was(r['completed'])} completed: {r['upheld']} "
        f"upheld the decision, {r['partly-upheld']} partly upheld it and {r['overturned']} "
        f"overturned it. {r['on-time']} {_was(r['on-time'])} completed within 20 working days "
        f"({rate(r['on-time'], r['completed'])}) and {r['late']} late."
    )


CSV_HEADER = [
    "period_type",
    "period",
    "period_start",
    "period_end",
    "measure",
    "category",
    "label",
    "count",
]


def number(value: Value) -> str:
    """A value as the CSV and the page write it: empty when there is nothing to measure."""
    return "" if value is None else f"{value:g}"


def csv_rows(statistics: Statistics, titles: dict[str, str]) -> list[list[str]]:
    """One row per period, measure and category: the statistics page's numbers as data."""
    rows = []
    periods = [*statistics.years, *statistics.quarters]
    for measure in measures(periods, titles):
        for stats in periods:
            period = stats.period
            for (category, label), value in zip(measure.series, measure.values(stats), strict=True):
                rows.append(
                    [
                        period.kind,
                        period.key,
                        period.start.isoformat(),
                        period.end.isoformat(),
                        measure.key,
                        category,
                        label,
                        number(value),
                    ]
                )
    return rows
