"""Requests as the statistics count them: one Case per request received.

Without a case register, each published record is a Case, answered. With one, each row
of the register is a Case, joined by reference to its published record, if there is
one, for any field the register leaves empty (see statistics/case_register.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from foilog.records.dates import PartialDate
from foilog.records.model import Disclosure, HistoryEvent, Timeliness
from foilog.records.register import ExemptionEntry
from foilog.records.timeliness import review_limits, review_status
from foilog.records.working_days import calendar_for

STATUSES = ("answered", "withdrawn", "lapsed", "open")
NOT_RECORDED = "not-recorded"  # the outcome of a legacy record, or a register row, without one
_ACT_PREFIX = {"foia": "", "eir": "EIR ", "foisa": "FOISA "}


def exemption_key(entry: ExemptionEntry) -> str:
    """'Section 40', 'EIR Regulation 12(5)(b)', 'FOISA Section 38': acts never share a key."""
    return _ACT_PREFIX[entry.act] + entry.label


@dataclass(frozen=True, slots=True)
class Review:
    requested: PartialDate | None
    completed: PartialDate | None
    result: str | None  # upheld, partly-upheld, overturned
    working_days: int | None  # when both dates are full dates
    status: str | None  # on-time, extended (within the outer limit) or late


@dataclass(frozen=True, slots=True)
class Case:
    act: str
    received: PartialDate | None
    closed: PartialDate | None
    status: str  # one of STATUSES
    outcome: str | None  # answered only: an outcome key, or NOT_RECORDED
    exemptions: frozenset[str]  # exemption_key of each section cited
    timeliness: Timeliness | None  # answered, with full dates
    reviews: tuple[Review, ...]

    def open_on(self, day: dt.date) -> bool:
        """Whether the request was still open at the end of `day`."""
        if self.status == "open":
            return True
        return self.closed is not None and self.closed.earliest() > day


def make_review(
    requested: PartialDate | None,
    completed: PartialDate | None,
    result: str | None,
    act: str,
    jurisdiction: str,
) -> Review:
    start = requested.as_date if requested else None
    end = completed.as_date if completed else None
    if start is None or end is None:
        return Review(requested, completed, result, None, None)
    calendar = calendar_for(act, jurisdiction)
    days, status = review_status(start, end, review_limits(act, jurisdiction), calendar)
    return Review(requested, completed, result, days, status)


def reviews_in(history: list[HistoryEvent], act: str, jurisdiction: str) -> tuple[Review, ...]:
    """Each internal review in a record's history: a request, and the outcome after it."""
    reviews: list[Review] = []
    requested: PartialDate | None = None
    pending = False
    for event in sorted(history, key=lambda e: e.date):
        if event.event == "internal-review-requested":
            if pending:
                reviews.append(make_review(requested, None, None, act, jurisdiction))
            requested, pending = event.date, True
        elif event.event == "internal-review-outcome":
            reviews.append(make_review(requested, event.date, event.result, act, jurisdiction))
            requested, pending = None, False
    if pending:
        reviews.append(make_review(requested, None, None, act, jurisdiction))
    return tuple(reviews)


def case_from_record(disclosure: Disclosure, jurisdiction: str) -> Case:
    """A published record is an answered request."""
    return Case(
        act=disclosure.act,
        received=disclosure.received,
        closed=disclosure.responded,
        status="answered",
        outcome=disclosure.outcome or NOT_RECORDED,
        exemptions=frozenset(exemption_key(e.entry) for e in disclosure.exemptions),
        timeliness=disclosure.timeliness,
        reviews=reviews_in(disclosure.history, disclosure.act, jurisdiction),
    )
