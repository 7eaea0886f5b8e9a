"""CSVs in the layouts of the published FOI statistics: the Cabinet Office's quarterly
tables (FOIA and EIR) and the Scottish Information Commissioner's quarterly return
(FOISA and the Scottish EIRs). One row per quarter (and, for the Commissioner, per
regime), by date received. Each column's definition is here, once, for the CSVW metadata
and schema/open-data.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from foilog.records.register import ExemptionEntry, ExemptionRegister
from foilog.statistics.cases import Case, exemption_key
from foilog.statistics.measure_list import MIN_RATE_BASE
from foilog.statistics.measures import (
    PeriodStatistics,
    Statistics,
    statistics_of,
)

CABINET_OFFICE_URL = "data/statistics-cabinet-office.csv"
SCOTTISH_COMMISSIONER_URL = "data/statistics-scottish-commissioner.csv"
REGIMES = {"foisa": "FOISA", "eir": "EIRs"}  # the Commissioner's names, by act
Figure = Callable[[PeriodStatistics], int | str]


@dataclass(frozen=True)
class Column:
    name: str
    datatype: str  # a CSVW datatype: "string", "date", "integer" or "decimal"
    description: str
    value: Figure


def percent(part: Figure, base: Figure) -> Figure:
    """A percentage to one decimal place; empty on a base under MIN_RATE_BASE."""

    def value(s: PeriodStatistics) -> str:
        whole = int(base(s))
        return "" if whole < MIN_RATE_BASE else f"{100 * int(part(s)) / whole:.1f}"

    return value


def _resolvable(s: PeriodStatistics) -> int:
    o = s.outcomes
    return o["disclosed"] + o["partially-disclosed"] + o["refused"] + o["neither-confirm-nor-deny"]


PERIOD_COLUMNS = [
    Column(
        "quarter",
        "string",
        "The calendar quarter the requests were received in, such as 2025-Q1.",
        lambda s: s.period.key,
    ),
    Column(
        "period_start", "date", "The quarter's first day.", lambda s: s.period.start.isoformat()
    ),
    Column("period_end", "date", "The quarter's last day.", lambda s: s.period.end.isoformat()),
]
_RECEIVED = Column(
    "requests_received", "integer", "Requests received in the quarter.", lambda s: s.received
)
_OPEN = Column(
    "open_at_period_end",
    "integer",
    "Requests received in the quarter and not yet answered, withdrawn or lapsed on its last day.",
    lambda s: s.open_at_end,
)
_REVIEWS = [
    Column(
        "internal_reviews_received",
        "integer",
        "Internal reviews asked for in the quarter.",
        lambda s: s.reviews["requested"],
    ),
    Column(
        "internal_reviews_completed",
        "integer",
        "Of those, the reviews completed.",
        lambda s: s.reviews["completed"],
    ),
]

CABINET_OFFICE_COLUMNS = [
    *PERIOD_COLUMNS,
    _RECEIVED,
    Column(
        "of_which_eir",
        "integer",
        "Of the requests received, those handled under the Environmental Information Regulations "
        "2004.",
        lambda s: s.acts["eir"],
    ),
    Column(
        "withdrawn_or_lapsed",
        "integer",
        "Requests withdrawn by the requester, or lapsed because the clarification asked for never "
        "came.",
        lambda s: s.status["withdrawn"] + s.status["lapsed"],
    ),
    _OPEN,
    Column(
        "processed", "integer", "Requests answered (a response was sent).", lambda s: s.answered
    ),
    Column(
        "within_statutory_deadline",
        "integer",
        "Answered within 20 working days (FOIA s.10(1), EIR reg. 5(2)).",
        lambda s: s.timeliness["on-time"],
    ),
    Column(
        "permitted_extension",
        "integer",
        "Answered after 20 working days within an extension given in time: the public interest "
        "test (FOIA s.10(3)) or complexity and volume (EIR reg. 7(1)), up to 40 working days.",
        lambda s: s.timeliness["extended"],
    ),
    Column(
        "in_time",
        "integer",
        "within_statutory_deadline plus permitted_extension.",
        lambda s: s.in_time,
    ),
    Column("late", "integer", "Answered after the time limit.", lambda s: s.timeliness["late"]),
    Column(
        "in_time_percent",
        "decimal",
        "in_time as a percentage of the answers with full dates; empty when there are fewer than 5"
        " (too few to show a rate).",
        percent(lambda s: s.in_time, lambda s: s.timed),
    ),
    Column(
        "granted_in_full",
        "integer",
        "Answers disclosing everything asked for (outcome disclosed).",
        lambda s: s.outcomes["disclosed"],
    ),
    Column(
        "partially_withheld",
        "integer",
        "Answers disclosing some and withholding some (outcome partially-disclosed).",
        lambda s: s.outcomes["partially-disclosed"],
    ),
    Column(
        "withheld_in_full",
        "integer",
        "Answers withholding everything, under an exemption, exception or procedural refusal "
        "(outcome refused).",
        lambda s: s.outcomes["refused"],
    ),
    Column(
        "neither_confirm_nor_deny",
        "integer",
        "Answers neither confirming nor denying that the information is held.",
        lambda s: s.outcomes["neither-confirm-nor-deny"],
    ),
    Column(
        "information_not_held",
        "integer",
        "Answers saying the information is not held (outcome not-held).",
        lambda s: s.outcomes["not-held"],
    ),
    Column(
        "outcome_not_recorded",
        "integer",
        "Answers whose outcome was not recorded (older records).",
        lambda s: s.outcomes["not-recorded"],
    ),
    Column(
        "resolvable",
        "integer",
        "Answers where a decision on release was made: granted_in_full, partially_withheld, "
        "withheld_in_full and neither_confirm_nor_deny.",
        _resolvable,
    ),
    Column(
        "granted_in_full_percent",
        "decimal",
        "granted_in_full as a percentage of resolvable; empty when resolvable is under 5 (too few "
        "to show a rate).",
        percent(lambda s: s.outcomes["disclosed"], _resolvable),
    ),
    *_REVIEWS,
    Column(
        "internal_reviews_upheld",
        "integer",
        "Completed reviews that upheld the decision in full.",
        lambda s: s.reviews["upheld"],
    ),
    Column(
        "internal_reviews_partly_upheld",
        "integer",
        "Completed reviews that upheld the decision in part.",
        lambda s: s.reviews["partly-upheld"],
    ),
    Column(
        "internal_reviews_overturned",
        "integer",
        "Completed reviews that overturned the decision.",
        lambda s: s.reviews["overturned"],
    ),
    Column(
        "internal_reviews_within_20_days",
        "integer",
        "Completed reviews that took 20 working days or fewer (section 45 Code of Practice, para "
        "5.4).",
        lambda s: s.reviews["on-time"],
    ),
    Column(
        "internal_reviews_within_40_days",
        "integer",
        "Completed reviews that took 21 to 40 working days, the Code's outer limit (para 5.5) and "
        "EIR reg. 11(4).",
        lambda s: s.reviews["extended"],
    ),
    Column(
        "internal_reviews_late",
        "integer",
        "Completed reviews that took more than 40 working days.",
        lambda s: s.reviews["late"],
    ),
]
SCOTTISH_COMMISSIONER_COLUMNS = [
    *PERIOD_COLUMNS,
    Column(
        "regime",
        "string",
        "FOISA (Freedom of Information (Scotland) Act 2002) or EIRs (Environmental Information "
        "(Scotland) Regulations 2004).",
        lambda s: REGIMES.get(s.act or "", ""),
    ),
    _RECEIVED,
    Column("responses", "integer", "Requests answered.", lambda s: s.answered),
    Column(
        "within_timescale",
        "integer",
        "Answered within 20 working days (FOISA s.10(1), EI(S)R reg. 5(2)(a)), or within an EIRs "
        "extension to 40 (EI(S)R reg. 7(1)).",
        lambda s: s.in_time,
    ),
    Column(
        "outside_timescale",
        "integer",
        "Answered after the time limit.",
        lambda s: s.timeliness["late"],
    ),
    Column(
        "full_release",
        "integer",
        "Answers releasing everything asked for.",
        lambda s: s.outcomes["disclosed"],
    ),
    Column(
        "partial_release",
        "integer",
        "Answers releasing some of it.",
        lambda s: s.outcomes["partially-disclosed"],
    ),
    Column(
        "full_refusal",
        "integer",
        "Answers withholding everything.",
        lambda s: s.outcomes["refused"],
    ),
    Column(
        "neither_confirm_nor_deny",
        "integer",
        "Answers neither confirming nor denying (FOISA s.18, EI(S)R reg. 10(8)).",
        lambda s: s.outcomes["neither-confirm-nor-deny"],
    ),
    Column(
        "information_not_held",
        "integer",
        "Answers saying the information is not held (FOISA s.17, EI(S)R reg. 10(4)(a)).",
        lambda s: s.outcomes["not-held"],
    ),
    Column(
        "withdrawn",
        "integer",
        "Requests withdrawn by the requester.",
        lambda s: s.status["withdrawn"],
    ),
    Column(
        "lapsed",
        "integer",
        "Requests that lapsed because the clarification asked for never came.",
        lambda s: s.status["lapsed"],
    ),
    _OPEN,
    *_REVIEWS,
    Column(
        "reviews_within_timescale",
        "integer",
        "Completed reviews that took 20 working days or fewer (FOISA s.21(1), EI(S)R reg. 16(4)).",
        lambda s: s.reviews["on-time"],
    ),
    Column(
        "review_decision_upheld",
        "integer",
        "Completed reviews that upheld the decision without change.",
        lambda s: s.reviews["upheld"],
    ),
    Column(
        "review_decision_upheld_with_modifications",
        "integer",
        "Completed reviews that upheld the decision with changes.",
        lambda s: s.reviews["partly-upheld"],
    ),
    Column(
        "review_decision_overturned",
        "integer",
        "Completed reviews that substituted a different decision.",
        lambda s: s.reviews["overturned"],
    ),
]


def exemption_columns(register: ExemptionRegister, acts: tuple[str, ...]) -> list[Column]:
    """One column per register entry of `acts`: the answers in the quarter that cited it."""

    def cited(entry: ExemptionEntry) -> Figure:
        return lambda s: s.exemptions[exemption_key(entry)]

    return [
        Column(
            "exemption_" + entry.slug.replace("-", "_"),
            "integer",
            f"Answers citing {exemption_key(entry)} ({entry.title}).",
            cited(entry),
        )
        for act in acts
        for entry in register.entries(act)
    ]


@dataclass(frozen=True)
class BulletinTable:
    url: str
    title: str
    columns: list[Column]
    rows: list[list[str]]

    def text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.name for c in self.columns])
        writer.writerows(self.rows)
        return buffer.getvalue()


def cabinet_office_table(
    cases: list[Case], statistics: Statistics, register: ExemptionRegister
) -> BulletinTable:
    columns = [*CABINET_OFFICE_COLUMNS, *exemption_columns(register, ("foia", "eir"))]
    quarters = [q.period for q in statistics.quarters]
    counted = statistics_of((c for c in cases if c.act in ("foia", "eir")), quarters)
    rows = [[str(c.value(stats)) for c in columns] for stats in counted]
    return BulletinTable(
        CABINET_OFFICE_URL,
        "In the layout of the Cabinet Office's quarterly FOI statistics tables",
        columns,
        rows,
    )


def scottish_commissioner_table(
    cases: list[Case], statistics: Statistics, register: ExemptionRegister
) -> BulletinTable:
    """Quarter by quarter, FOISA before EIRs."""
    columns = [*SCOTTISH_COMMISSIONER_COLUMNS, *exemption_columns(register, ("foisa", "eir"))]
    quarters = [q.period for q in statistics.quarters]
    by_act = [statistics_of(cases, quarters, act) for act in REGIMES]
    rows = [
        [str(c.value(stats)) for c in columns]
        for in_quarter in zip(*by_act, strict=True)
        for stats in in_quarter
    ]
    return BulletinTable(
        SCOTTISH_COMMISSIONER_URL,
        "In the layout of the Scottish Information Commissioner's quarterly return",
        columns,
        rows,
    )
