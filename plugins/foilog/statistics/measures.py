"""Section 45 statistics: requests answered, timeliness, outcomes, exemptions and reviews.

Responses count in the period they were answered in (their `responded` date); internal
reviews count in the period of their history event. See docs/statistics.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from foilog.records.dates import MONTHS, PartialDate
from foilog.records.model import Disclosure
from foilog.records.register import ExemptionEntry

OUTCOME_SERIES = [
    ("disclosed", "Granted in full"),
    ("partially-disclosed", "Part granted"),
    ("refused", "Refused"),
    ("not-held", "Not held"),
    ("neither-confirm-nor-deny", "Neither confirmed nor denied"),
    ("not-recorded", "Not recorded"),  # legacy records whose response did not say
]
TIMELINESS_SERIES = [
    ("on-time", "On time"),
    ("extended", "On time with an extension"),
    ("late", "Late"),
    ("unknown", "Dates not recorded in full"),
]
REVIEW_SERIES = [
    ("requested", "Requested"),
    ("completed", "Completed"),
    ("upheld", "Decision upheld"),
    ("partly-upheld", "Decision partly upheld"),
    ("overturned", "Decision overturned"),
]
_ACT_PREFIX = {"foia": "", "eir": "EIR ", "foisa": "FOISA "}


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # "year", "quarter" or "range"
    key: str  # "2025", "2025-Q1" or "2024-04-01/2025-03-31"
    label: str
    start: dt.date
    end: dt.date

    @property
    def within(self) -> str:
        """The period as words after a verb: 'in 2025', 'from 1 April 2024 to 31 March 2025'."""
        return f"from {self.label}" if self.kind == "range" else f"in {self.label}"

    def holds(self, date: PartialDate | None) -> bool:
        """Whether the whole of `date` (a day, or a month for partial dates) lies in the period."""
        return date is not None and self.start <= date.earliest() and date.latest() <= self.end


def year_period(year: int) -> Period:
    return Period("year", str(year), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    first_month = 3 * quarter - 2
    start = dt.date(year, first_month, 1)
    end = dt.date(year + quarter // 4, (3 * quarter) % 12 + 1, 1) - dt.timedelta(1)
    label = f"{MONTHS[first_month - 1]} to {MONTHS[first_month + 1]} {year}"
    return Period("quarter", f"{year}-Q{quarter}", label, start, end)


def range_period(start: dt.date, end: dt.date) -> Period:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        label = f"{start.year} to {end.year}"  # whole years
    else:
        label = f"{_human(start)} to {_human(end)}"
    return Period("range", f"{start.isoformat()}/{end.isoformat()}", label, start, end)


def _human(day: dt.date) -> str:
    return PartialDate(day.year, day.month, day.day).human


def exemption_key(entry: ExemptionEntry) -> str:
    """'Section 40', 'EIR Regulation 12(5)(b)', 'FOISA Section 38': acts never share a key."""
    return _ACT_PREFIX[entry.act] + entry.label


@dataclass
class PeriodStatistics:
    period: Period
    answered: int
    timeliness: Counter[str]
    outcomes: Counter[str]
    exemptions: Counter[str]  # responses citing each section, by exemption_key
    reviews: Counter[str]

    @property
    def in_time(self) -> int:
        return self.timeliness["on-time"] + self.timeliness["extended"]

    @property
    def with_full_dates(self) -> int:
        return self.answered - self.timeliness["unknown"]


def period_statistics(disclosures: Iterable[Disclosure], period: Period) -> PeriodStatistics:
    answered = 0
    timeliness: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    exemptions: Counter[str] = Counter()
    reviews: Counter[str] = Counter()
    for disclosure in disclosures:
        for event in disclosure.history:
            if not period.holds(event.date):
                continue
            if event.event == "internal-review-requested":
                reviews["requested"] += 1
            elif event.event == "internal-review-outcome":
                reviews["completed"] += 1
                if event.result:
                    reviews[event.result] += 1
        if not period.holds(disclosure.responded):
            continue
        answered += 1
        status = disclosure.timeliness.status if disclosure.timeliness else "unknown"
        timeliness[status] += 1
        outcomes[disclosure.outcome] += 1
        exemptions.update({exemption_key(e.entry) for e in disclosure.exemptions})
    return PeriodStatistics(period, answered, timeliness, outcomes, exemptions, reviews)


def _dates(disclosures: Iterable[Disclosure]) -> list[PartialDate]:
    found = []
    for disclosure in disclosures:
        if disclosure.responded:
            found.append(disclosure.responded)
        found += [e.date for e in disclosure.history if e.event.startswith("internal-review")]
    return found


def _by_year(disclosures: Iterable[Disclosure]) -> defaultdict[int, list[Disclosure]]:
    """The records with a response or review date in each year."""
    found: defaultdict[int, list[Disclosure]] = defaultdict(list)
    for disclosure in disclosures:
        years = {e.date.year for e in disclosure.history}
        if disclosure.responded:
            years.add(disclosure.responded.year)
        for year in years:
            found[year].append(disclosure)
    return found


def section_titles(disclosures: Iterable[Disclosure]) -> dict[str, str]:
    """The register title of every section cited, by exemption_key."""
    return {exemption_key(e.entry): e.entry.title for d in disclosures for e in d.exemptions}


@dataclass
class Statistics:
    years: list[PeriodStatistics]  # oldest first, every year from the first to the last
    quarters: list[PeriodStatistics]
    total: PeriodStatistics | None  # the whole log; None when nothing has been answered
    unplaced: int  # responses with no responded date, which fall in no period
    section_titles: dict[str, str]  # exemption_key -> the register's title


def log_statistics(disclosures: list[Disclosure]) -> Statistics:
    dates = _dates(disclosures)
    unplaced = sum(1 for d in disclosures if d.responded is None)
    titles = section_titles(disclosures)
    if not dates:
        return Statistics([], [], None, unplaced, titles)
    first, last = min(dates).earliest(), max(dates).latest()
    years = [year_period(y) for y in range(first.year, last.year + 1)]
    quarters = [
        quarter_period(y, q)
        for y in range(first.year, last.year + 1)
        for q in range(1, 5)
        if quarter_period(y, q).end >= first and quarter_period(y, q).start <= last
    ]
    # Years and quarters look only at the records with a date in their year, so the work
    # does not grow with the number of periods times the number of records.
    by_year = _by_year(disclosures)
    return Statistics(
        years=[period_statistics(by_year[p.start.year], p) for p in years],
        quarters=[period_statistics(by_year[p.start.year], p) for p in quarters],
        total=period_statistics(disclosures, range_period(years[0].start, years[-1].end)),
        unplaced=unplaced,
        section_titles=titles,
    )


# -- measures: the same numbers for the page, its charts, the CSV and the command line ----


@dataclass(frozen=True)
class Measure:
    key: str  # as in the CSV's `measure` column
    title: str
    series: list[tuple[str, str]]  # (category, label)
    values: Callable[[PeriodStatistics], list[int]]
    summary: Callable[[PeriodStatistics], str]


def measures(periods: list[PeriodStatistics], titles: dict[str, str]) -> list[Measure]:
    """The measures over `periods`: exemptions get one series per section cited in them."""
    sections = sorted({key for s in periods for key in s.exemptions}, key=_section_order)

    def counts(field: str, series: list[tuple[str, str]]) -> Callable[..., list[int]]:
        return lambda s: [getattr(s, field)[key] for key, _ in series]

    return [
        Measure(
            "answered",
            "Requests answered",
            [("all", "Requests answered")],
            lambda s: [s.answered],
            answered_summary,
        ),
        Measure(
            "timeliness",
            "Timeliness",
            TIMELINESS_SERIES,
            counts("timeliness", TIMELINESS_SERIES),
            timeliness_summary,
        ),
        Measure(
            "outcome",
            "Outcomes",
            OUTCOME_SERIES,
            counts("outcomes", OUTCOME_SERIES),
            outcome_summary,
        ),
        Measure(
            "exemption",
            "Exemptions cited",
            [(key, f"{key}: {titles[key]}") for key in sections],
            lambda s: [s.exemptions[key] for key in sections],
            exemption_summary,
        ),
        Measure(
            "internal-review",
            "Internal reviews",
            REVIEW_SERIES,
            counts("reviews", REVIEW_SERIES),
            review_summary,
        ),
    ]


def _section_order(key: str) -> tuple[str, int, str]:
    prefix, _, citation = key.rpartition(" ")
    digits = "".join(c for c in citation.split("(")[0] if c.isdigit())
    return (prefix, int(digits or 0), citation)


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "none"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def answered_summary(s: PeriodStatistics) -> str:
    return f"{_plural(s.answered, 'request was', 'requests were')} answered {s.period.within}."


def timeliness_summary(s: PeriodStatistics) -> str:
    known = s.with_full_dates
    text = (
        f"Of {_plural(known, 'response', 'responses')} with full dates, {s.in_time} "
        f"({_share(s.in_time, known)}) met the time limit: {s.timeliness['on-time']} within "
        f"20 working days and {s.timeliness['extended']} within an extension. "
        f"{s.timeliness['late']} {'was' if s.timeliness['late'] == 1 else 'were'} late."
    )
    if s.timeliness["unknown"]:
        text += (
            f" {_plural(s.timeliness['unknown'], 'response has', 'responses have')} no full "
            "received or responded date, so no timeliness."
        )
    return text


def outcome_summary(s: PeriodStatistics) -> str:
    parts = [f"{s.outcomes[key]} {label.lower()}" for key, label in OUTCOME_SERIES]
    return f"Of {_plural(s.answered, 'response', 'responses')}: {', '.join(parts)}."


def exemption_summary(s: PeriodStatistics) -> str:
    if not s.exemptions:
        return "No exemptions were cited."
    top = max(s.exemptions.values())
    most = [key for key, count in sorted(s.exemptions.items()) if count == top]
    cited = _plural(len(s.exemptions), "section was", "different sections were")
    responses = _plural(top, "response", "responses")
    if len(most) == 1:
        return f"{cited} cited. The most cited was {most[0]}, in {responses}."
    return f"{cited} cited. The most cited were {', '.join(most)}, each in {responses}."


def review_summary(s: PeriodStatistics) -> str:
    r = s.reviews
    return (
        f"{_plural(r['requested'], 'internal review was', 'internal reviews were')} requested "
        f"and {r['completed']} completed: {r['upheld']} upheld the original decision, "
        f"{r['partly-upheld']} partly upheld it and {r['overturned']} overturned it."
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


def csv_rows(statistics: Statistics) -> list[list[str]]:
    """One row per period, measure and category: the statistics page's numbers as data."""
    rows = []
    for measure in measures(statistics.years, statistics.section_titles):
        for stats in [*statistics.years, *statistics.quarters]:
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
                        str(value),
                    ]
                )
    return rows
