"""Timeliness of a response: 20 working days from receipt, with the clock's stops and
extensions. See docs/record-format.md ("Timeliness") for the rules."""

from __future__ import annotations

from foilog.records.model import Disclosure, Timeliness
from foilog.records.working_days import EXTENDED_LIMIT, TIME_LIMIT, WorkingCalendar


def assess(disclosure: Disclosure, calendar: WorkingCalendar) -> Timeliness | None:
    """How long the response took; None when received or responded is not a full date."""
    received = disclosure.received.as_date if disclosure.received else None
    responded = disclosure.responded.as_date if disclosure.responded else None
    if received is None or responded is None:
        return None
    start, stopped, extended_on = received, None, None
    for event in sorted(disclosure.history, key=lambda e: e.date):
        day = event.date.as_date
        if day is None or not received <= day <= responded:
            continue
        # The time for compliance runs from the clarification (FOIA s.10(6), FOISA s.10(1)(b)).
        if event.event == "clarification-requested":
            stopped = day
        elif event.event == "clarification-received":
            start, stopped = day, None
        elif event.event == "extension":
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
