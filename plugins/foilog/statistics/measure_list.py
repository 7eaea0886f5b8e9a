"""The measures: the same numbers, labels and summaries for the statistics page, its charts,
/data/statistics.csv and `foilog stats`. See docs/statistics.md for each definition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from foilog.core.translation import N_, translate, translate_plural
from foilog.core.translation import number as figure
from foilog.records.model import OUTCOME_LABELS
from foilog.records.register import ACT_SHORT, ExemptionRegister
from foilog.statistics.cases import NOT_RECORDED, exemption_key
from foilog.statistics.measures import BANDS, PeriodStatistics, Statistics
from foilog.statistics.periods import within

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
    *[(key, label) for key, label, _, _ in BANDS],
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
    summary: Callable[[PeriodStatistics, str], str]  # in the language given
    chart_from: int = 0  # the chart shows series[chart_from:] (counts, not averages)


def rate(part: int, base: int) -> str:
    """A share as a percentage, or TOO_FEW on a base of fewer than MIN_RATE_BASE."""
    return TOO_FEW if base < MIN_RATE_BASE else f"{round(100 * part / base)}%"


def rate_text(part: int, base: int, language: str) -> str:
    """`rate` in `language`."""
    return translate(rate(part, base), language)


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


def exemption_text(key: str, language: str) -> str:
    """An exemption_key in `language`: "Adran 40", "EIR Rheoliad 12(5)(b)"."""
    words = key.split(" ")
    return " ".join(translate(w, language) if w in ACT_SHORT.values() else w for w in words)


# Each summary is made of sentences, each counting one thing, so that the catalogue gives
# each count its language's plural forms; a sentence's other figures are put in by name.


def requests_summary(s: PeriodStatistics, language: str) -> str:
    received = translate_plural(
        "%(num)s request was received %(within)s: %(answered)s answered, %(withdrawn)s "
        "withdrawn, %(lapsed)s lapsed and %(open)s still open.",
        "%(num)s requests were received %(within)s: %(answered)s answered, %(withdrawn)s "
        "withdrawn, %(lapsed)s lapsed and %(open)s still open.",
        s.received,
        language,
    ) % {
        "num": figure(s.received, language),
        "within": within(s.period, language),
        "answered": figure(s.answered, language),
        "withdrawn": figure(s.status["withdrawn"], language),
        "lapsed": figure(s.status["lapsed"], language),
        "open": figure(s.status["open"], language),
    }
    open_at_end = translate_plural(
        "%(num)s was open at the end of the period.",
        "%(num)s were open at the end of the period.",
        s.open_at_end,
        language,
    ) % {"num": figure(s.open_at_end, language)}
    return f"{received} {open_at_end}"


def timeliness_summary(s: PeriodStatistics, language: str) -> str:
    t = s.timeliness
    sentences = [
        translate_plural(
            "Of %(num)s answer with full dates,",
            "Of %(num)s answers with full dates,",
            s.timed,
            language,
        )
        % {"num": figure(s.timed, language)},
        translate_plural(
            "%(num)s was within 20 working days (%(rate)s) and %(extended)s within an extension;",
            "%(num)s were within 20 working days (%(rate)s) and %(extended)s within an extension;",
            t["on-time"],
            language,
        )
        % {
            "num": figure(t["on-time"], language),
            "rate": rate_text(t["on-time"], s.timed, language),
            "extended": figure(t["extended"], language),
        },
        translate_plural(
            "%(num)s was late (%(rate)s).", "%(num)s were late (%(rate)s).", t["late"], language
        )
        % {"num": figure(t["late"], language), "rate": rate_text(t["late"], s.timed, language)},
    ]
    if t["unknown"]:
        sentences.append(
            translate_plural(
                "%(num)s answer has no full received or closed date, so no timeliness.",
                "%(num)s answers have no full received or closed date, so no timeliness.",
                t["unknown"],
                language,
            )
            % {"num": figure(t["unknown"], language)}
        )
    return " ".join(sentences)


def days_summary(s: PeriodStatistics, language: str) -> str:
    period = within(s.period, language)
    if not s.days:
        message = N_("No request received %(within)s has been answered with full dates.")
        return translate(message, language) % {"within": period}
    message = N_(
        "Answers to requests received %(within)s took a median of %(median)s working days "
        "and a mean of %(mean)s; the longest took %(longest)s."
    )
    return translate(message, language) % {
        "within": period,
        "median": figure(s.median_days or 0, language),
        "mean": figure(s.mean_days or 0, language),
        "longest": figure(s.longest_days or 0, language),
    }


def outcome_summary(s: PeriodStatistics, language: str) -> str:
    parts = [
        translate(N_("%(num)s %(outcome)s"), language)
        % {"num": figure(s.outcomes[key], language), "outcome": translate(label, language).lower()}
        for key, label in OUTCOME_SERIES
        if s.outcomes[key]
    ]
    return translate_plural(
        "Of %(num)s answer: %(outcomes)s.",
        "Of %(num)s answers: %(outcomes)s.",
        s.answered,
        language,
    ) % {
        "num": figure(s.answered, language),
        "outcomes": ", ".join(parts) or translate(N_("none"), language),
    }


def exemption_summary(s: PeriodStatistics, language: str) -> str:
    if not s.exemptions:
        return translate(N_("No exemptions were cited."), language)
    top = max(s.exemptions.values())
    most = [
        exemption_text(key, language) for key, count in sorted(s.exemptions.items()) if count == top
    ]
    cited = translate_plural(
        "%(num)s section was cited.",
        "%(num)s different sections were cited.",
        len(s.exemptions),
        language,
    ) % {"num": figure(len(s.exemptions), language)}
    if len(most) == 1:
        most_cited = translate_plural(
            "The most cited was %(section)s, in %(num)s answer.",
            "The most cited was %(section)s, in %(num)s answers.",
            top,
            language,
        ) % {"section": most[0], "num": figure(top, language)}
    else:
        most_cited = translate_plural(
            "The most cited were %(sections)s, each in %(num)s answer.",
            "The most cited were %(sections)s, each in %(num)s answers.",
            top,
            language,
        ) % {"sections": ", ".join(most), "num": figure(top, language)}
    return f"{cited} {most_cited}"


def review_summary(s: PeriodStatistics, language: str) -> str:
    r = s.reviews
    asked = translate_plural(
        "%(num)s internal review was asked for %(within)s;",
        "%(num)s internal reviews were asked for %(within)s;",
        r["requested"],
        language,
    ) % {"num": figure(r["requested"], language), "within": within(s.period, language)}
    completed = translate_plural(
        "%(num)s was completed: %(upheld)s upheld the decision, %(partly)s partly upheld it "
        "and %(overturned)s overturned it.",
        "%(num)s were completed: %(upheld)s upheld the decision, %(partly)s partly upheld it "
        "and %(overturned)s overturned it.",
        r["completed"],
        language,
    ) % {
        "num": figure(r["completed"], language),
        "upheld": figure(r["upheld"], language),
        "partly": figure(r["partly-upheld"], language),
        "overturned": figure(r["overturned"], language),
    }
    in_time = translate_plural(
        "%(num)s was completed within 20 working days (%(rate)s) and %(late)s late.",
        "%(num)s were completed within 20 working days (%(rate)s) and %(late)s late.",
        r["on-time"],
        language,
    ) % {
        "num": figure(r["on-time"], language),
        "rate": rate_text(r["on-time"], r["completed"], language),
        "late": figure(r["late"], language),
    }
    return f"{asked} {completed} {in_time}"


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
