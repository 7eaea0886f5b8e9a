"""Timeliness of a response, 20 working days from receipt with the clock's stops and
extensions, and of an internal review. See docs/statistics.md ("Timeliness")."""

from __future__ import annotations

import datetime as dt

from foilog.records.model import Disclosure, HistoryEvent, Timeliness
from foilog.records.working_days import EXTENDED_LIMIT, TIME_LIMIT, WorkingCalendar

# (time limit, outer limit) in working days for an internal review, by act. FOIA: the
# section 45 Code of Practice, para 5.4 and 5.5 (20, and 40 at most); EIR: reg. 11(4)
# (40); FOISA: s.21(1) (20, no more). A Scottish authority's EIR review: EI(S)R reg. 16(4).
REVIEW_LIMITS = {"foia": (20, 40), "eir": (20, 40), "foisa": (20, 20), "eir-scotland": (20, 20)}


def assess(disclosure: Disclosure, calendar: WorkingCalendar) -> Timeliness | None:
    """How long the response took; None when received or responded is not a full date."""
    received = disclosure.received.as_date if disclosure.received else None
    responded = disclosure.responded.as_date if disclosure.responded else None
    if received is None or responded is None:
        return None
    return assess_dates(received, responded, clock_events(disclosure.history), calendar)


def clock_events(history: list[HistoryEvent]) -> list[tuple[dt.date, str]]:
    """The dated events that stop, restart or extend the clock, in date order."""
    found = []
    for event in history:
        day = event.date.as_date
        if day is not None:
            found.append((day, event.event))
    return sorted(found)


def assess_dates(
    received: dt.date,
    responded: dt.date,
    events: list[tuple[dt.date, str]],
    calendar: WorkingCalendar,
) -> Timeliness:
    """The timeliness of a response from its dates and its clock events (day, event)."""
    start, stopped, extended_on = received, None, None
    for day, event in events:
        if not received <= day <= responded:
            continue
        # The time for compliance runs from the clarification (FOIA s.10(6), FOISA s.10(1)(b)).
        if event == "clarification-requested":
            stopped = day
        elif event == "clarification-received":
            start, stopped = day, None
        elif event == "extension":
            extended_on = day
    taken = calendar.count(start, stopped or responded)
    deadline = calendar.add(start, TIME_LIMIT)
    extended = extended_on is not None and extended_on <= deadline
    if taken <= TIME_LIMIT:
        status = "on-time"
    elif extended and taken <= EXTENDED_LIMIT:
        status = "extended"
    else:
        status = "late"
    return Timeliness(
        working_days=taken,
        clock_started=start,
        deadline=deadline,
        extended_deadline=calendar.add(start, EXTENDED_LIMIT) if extended else None,
        status=status,
    )


def review_status(
    requested: dt.date, completed: dt.date, limits: str, calendar: WorkingCalendar
) -> tuple[int, str]:
    """(working days taken, "on-time", "extended" or "late") for an internal review, with
    the time limits of REVIEW_LIMITS[limits]."""
    limit, outer = REVIEW_LIMITS[limits]
    taken = calendar.count(requested, completed)
    if taken <= limit:
        return taken, "on-time"
    return taken, "extended" if taken <= outer else "late"


def review_limits(act: str, jurisdiction: str) -> str:
    """The key of REVIEW_LIMITS for a request under `act` to an authority in `jurisdiction`."""
    return "eir-scotland" if act == "eir" and jurisdiction == "scotland" else act
